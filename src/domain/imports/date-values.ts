import { accept, refuse, type ValueResult } from './value-result';

/** How to read dates written with slashes or dots: day first (31/12/2024) or month first (12/31/2024). */
export type DateFormat = 'dmy' | 'mdy';
export const dateFormats: readonly DateFormat[] = ['dmy', 'mdy'];

const isoDayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoTimestampPattern =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const slashDatePattern =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})(?:(?:,\s*|\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i;

const formatHint = 'set the date format (--date-format dmy or mdy; API field dateFormat)';

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC; 0 when the text gave no zone (read as UTC). */
  offsetMinutes: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checkParts(parts: DateParts, text: string): ValueResult<DateParts> {
  if (parts.year < 1000) return refuse(`"${text}" has year ${parts.year}; write a 4-digit year from 1000 on`);
  if (parts.month < 1 || parts.month > 12) return refuse(`"${text}" has month ${parts.month}; months run 1 to 12`);
  if (parts.day < 1 || parts.day > daysInMonth(parts.year, parts.month)) {
    return refuse(`"${text}" is not a calendar date: month ${parts.month} of ${parts.year} has no day ${parts.day}`);
  }
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) return refuse(`"${text}" has an impossible time of day`);
  return accept(parts);
}

function parseOffset(zone: string | undefined): number {
  if (!zone || /^(Z|UTC|GMT)$/i.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}

function readIso(text: string): DateParts | undefined {
  const day = isoDayPattern.exec(text);
  if (day) {
    return { year: Number(day[1]), month: Number(day[2]), day: Number(day[3]), hour: 0, minute: 0, second: 0, millisecond: 0, offsetMinutes: 0 };
  }
  const stamp = isoTimestampPattern.exec(text);
  if (!stamp) return undefined;
  return {
    year: Number(stamp[1]),
    month: Number(stamp[2]),
    day: Number(stamp[3]),
    hour: Number(stamp[4]),
    minute: Number(stamp[5]),
    second: Number(stamp[6] ?? '0'),
    millisecond: Number((stamp[7] ?? '0').padEnd(3, '0').slice(0, 3)),
    offsetMinutes: parseOffset(stamp[8]),
  };
}

function readSlashDate(text: string, dateFormat: DateFormat | undefined): ValueResult<DateParts> | undefined {
  const match = slashDatePattern.exec(text);
  if (!match) return undefined;
  if (!dateFormat) {
    return refuse(`"${text}" could be day-first or month-first; ${formatHint}, or write it as YYYY-MM-DD`);
  }
  if (match[3]!.length !== 4) return refuse(`"${text}" has a 2-digit year; write the year with 4 digits`);
  const first = Number(match[1]);
  const second = Number(match[2]);
  let hour = Number(match[4] ?? '0');
  const meridiem = match[7]?.toUpperCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return refuse(`"${text}" has hour ${hour} with ${meridiem}; use 1 to 12`);
    hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
  }
  return accept({
    year: Number(match[3]),
    month: dateFormat === 'dmy' ? second : first,
    day: dateFormat === 'dmy' ? first : second,
    hour,
    minute: Number(match[5] ?? '0'),
    second: Number(match[6] ?? '0'),
    millisecond: 0,
    offsetMinutes: 0,
  });
}

function readParts(text: string, dateFormat: DateFormat | undefined): ValueResult<DateParts> {
  const iso = readIso(text);
  if (iso) return checkParts(iso, text);
  const slash = readSlashDate(text, dateFormat);
  if (!slash) {
    const expected = dateFormat ? `YYYY-MM-DD or ${dateFormat === 'dmy' ? 'DD/MM/YYYY' : 'MM/DD/YYYY'}` : 'YYYY-MM-DD';
    return refuse(`"${text}" is not a date; write it as ${expected}`);
  }
  return slash.ok ? checkParts(slash.value, text) : slash;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * Reads a calendar day as YYYY-MM-DD. ISO dates (and ISO timestamps, whose date part is kept as
 * written) are always accepted; DD/MM/YYYY or MM/DD/YYYY only with the matching `dateFormat`.
 * @example parseCalendarDay('31/12/2024', 'dmy') // { ok: true, value: '2024-12-31' }
 */
export function parseCalendarDay(text: string, dateFormat?: DateFormat): ValueResult<string> {
  const parts = readParts(text, dateFormat);
  if (!parts.ok) return parts;
  return accept(`${pad(parts.value.year, 4)}-${pad(parts.value.month)}-${pad(parts.value.day)}`);
}

/**
 * Reads a moment in time as an ISO 8601 UTC timestamp. A timestamp without a zone is read as UTC;
 * a date alone is midnight UTC. Slash dates need `dateFormat`, as in {@link parseCalendarDay}.
 * @example parseTimestamp('2024-03-05 10:30+02:00') // { ok: true, value: '2024-03-05T08:30:00.000Z' }
 */
export function parseTimestamp(text: string, dateFormat?: DateFormat): ValueResult<string> {
  const parts = readParts(text, dateFormat);
  if (!parts.ok) return parts;
  const { year, month, day, hour, minute, second, millisecond, offsetMinutes } = parts.value;
  const epochMilliseconds = Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMinutes * 60_000;
  return accept(new Date(epochMilliseconds).toISOString());
}

/**
 * Adds whole minutes to an ISO timestamp (for "first reply after N minutes" columns).
 * @example addMinutes('2024-01-01T00:00:00.000Z', 90) // '2024-01-01T01:30:00.000Z'
 */
export function addMinutes(timestamp: string, minutes: number): string {
  return new Date(Date.parse(timestamp) + minutes * 60_000).toISOString();
}
