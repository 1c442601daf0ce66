/**
 * Calendar months as 'YYYY-MM' strings and days as 'YYYY-MM-DD' strings, both UTC calendar values.
 * Arithmetic goes through a month index (year × 12 + zero-based month), never through `Date`, so
 * time zones and daylight saving cannot shift a month.
 */

/** Inclusive range of months, both ends 'YYYY-MM'. */
export interface MonthRange {
  from: string;
  to: string;
}

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * True for a well-formed month 'YYYY-MM' (month 01–12).
 * @example isMonth('2024-02') // true; isMonth('2024-13') // false
 */
export function isMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

/**
 * True for a real calendar day 'YYYY-MM-DD' (leap years included: '2024-02-29' yes, '2023-02-29' no).
 * @example isIsoDate('2024-02-29') // true
 */
export function isIsoDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  return Number(day) <= daysInMonth(Number(year), Number(month));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The month index of 'YYYY-MM': year × 12 + zero-based month. Throws a RangeError on a malformed month.
 * @example monthIndexOf('2024-01') // 24288
 */
export function monthIndexOf(month: string): number {
  const match = MONTH_PATTERN.exec(month);
  if (!match)
    throw new RangeError(`"${month}" is not a month; write it as YYYY-MM with a month from 01 to 12`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/**
 * The 'YYYY-MM' of a month index (inverse of monthIndexOf).
 * @example monthOfIndex(24288) // '2024-01'
 */
export function monthOfIndex(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/**
 * The month `count` months after `month` (negative counts go back).
 * @example addMonths('2024-11', 3) // '2025-02'
 */
export function addMonths(month: string, count: number): string {
  return monthOfIndex(monthIndexOf(month) + count);
}

/**
 * The month after `month`.
 * @example nextMonth('2024-12') // '2025-01'
 */
export function nextMonth(month: string): string {
  return addMonths(month, 1);
}

/**
 * The month before `month`.
 * @example previousMonth('2025-01') // '2024-12'
 */
export function previousMonth(month: string): string {
  return addMonths(month, -1);
}

/**
 * Whole months from `from` to `to`, signed: 0 for the same month, negative when `to` is earlier.
 * @example monthsBetween('2024-11', '2025-02') // 3
 */
export function monthsBetween(from: string, to: string): number {
  return monthIndexOf(to) - monthIndexOf(from);
}

/**
 * Every month from `range.from` to `range.to`, both included; empty when `to` is before `from`.
 * @example listMonths({ from: '2024-11', to: '2025-01' }) // ['2024-11', '2024-12', '2025-01']
 */
export function listMonths(range: MonthRange): string[] {
  const first = monthIndexOf(range.from);
  const last = monthIndexOf(range.to);
  const months: string[] = [];
  for (let index = first; index <= last; index += 1) months.push(monthOfIndex(index));
  return months;
}

/**
 * The first day 'YYYY-MM-01' of a month.
 * @example firstDayOfMonth('2024-02') // '2024-02-01'
 */
export function firstDayOfMonth(month: string): string {
  monthIndexOf(month);
  return `${month}-01`;
}

/**
 * The month 'YYYY-MM' a day 'YYYY-MM-DD' falls in. Throws a RangeError on a day that does not exist.
 * @example monthOfDate('2024-02-29') // '2024-02'
 */
export function monthOfDate(date: string): string {
  if (!isIsoDate(date)) throw new RangeError(`"${date}" is not a calendar day; write it as YYYY-MM-DD`);
  return date.slice(0, 7);
}

/**
 * The calendar quarter (January–March, April–June, …) containing `month`.
 * @example quarterOf('2024-05') // { from: '2024-04', to: '2024-06' }
 */
export function quarterOf(month: string): MonthRange {
  const index = monthIndexOf(month);
  const first = index - (index % 3);
  return { from: monthOfIndex(first), to: monthOfIndex(first + 2) };
}

/**
 * The twelve months ending with `month`, included.
 * @example trailingTwelveMonths('2025-03') // { from: '2024-04', to: '2025-03' }
 */
export function trailingTwelveMonths(month: string): MonthRange {
  return { from: addMonths(month, -11), to: month };
}

/**
 * True when `month` lies inside `range` (both ends included).
 * @example isMonthInRange('2024-05', { from: '2024-04', to: '2024-06' }) // true
 */
export function isMonthInRange(month: string, range: MonthRange): boolean {
  const index = monthIndexOf(month);
  return index >= monthIndexOf(range.from) && index <= monthIndexOf(range.to);
}
