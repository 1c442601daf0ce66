import type { CsmBookDto } from '../../../shared/api/capacity.contract';
import { userLocale } from '../../format/money';

export type LoadFlag = CsmBookDto['flag'];

export const loadFlagLabels: Record<LoadFlag, string> = {
  over: 'Overloaded',
  under: 'Underloaded',
  ok: 'Balanced',
};

/** Mantine colour per load flag, shared by the chart, badges and bars. */
export const loadFlagColors: Record<LoadFlag, string> = {
  over: 'red',
  under: 'yellow',
  ok: 'teal',
};

/** Workload units with at most two decimals, e.g. 3.25 → "3.25", 30 → "30". */
export function formatUnits(units: number, locale: string = userLocale()): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(units);
}

/** A utilisation (workload ÷ capacity) as a whole percentage, e.g. 1.0833 → "108%"; "—" without capacity. */
export function formatUtilisation(utilisation: number | null, locale: string = userLocale()): string {
  if (utilisation === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(utilisation);
}

/** "YYYY-MM-01" as "March 2026". */
export function formatMonthOf(isoDate: string, locale: string = userLocale()): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate.slice(0, 10)}T00:00:00Z`),
  );
}

/** The first day of the next calendar quarter (UTC) as YYYY-MM-DD, the server's default for hiring plans. */
export function nextQuarterStart(now: Date = new Date()): string {
  const quarter = Math.floor(now.getUTCMonth() / 3);
  const year = now.getUTCFullYear() + (quarter === 3 ? 1 : 0);
  const month = ((quarter + 1) % 4) * 3 + 1;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}
