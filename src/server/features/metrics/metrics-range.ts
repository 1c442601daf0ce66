import { addMonths, monthIndexOf, monthsBetween, type MonthRange } from '../../../domain/revenue';
import { badRequest, type ProblemItem } from '../../http/problem';

/** The longest period a metrics request may cover, in months. */
export const MAX_RANGE_MONTHS = 120;

/** How the caller names the two ends of the range in error messages (query fields or CLI options). */
export interface RangeFieldNames {
  from: string;
  to: string;
}

const queryFields: RangeFieldNames = { from: 'querystring.from', to: 'querystring.to' };

/**
 * The current UTC month, 'YYYY-MM'.
 * @example currentMonthOf(new Date('2026-03-31T23:00:00Z')) // '2026-03'
 */
export function currentMonthOf(now: Date): string {
  return now.toISOString().slice(0, 7);
}

/**
 * The period a metrics request covers, both ends included. Without `to` it ends with the last full
 * month (the month before the current one; `from` itself when `from` is the current month); without
 * `from` it starts 11 months before `to`. Throws a 400 problem naming the field when `from` is after
 * `to`, the period is longer than 120 months, or it ends after the current month (facts stop there).
 * @example resolveMetricsRange({}, new Date('2026-11-24T00:00:00Z')) // { from: '2025-11', to: '2026-10' }
 */
export function resolveMetricsRange(
  query: { from?: string; to?: string },
  now: Date,
  fields: RangeFieldNames = queryFields,
): MonthRange {
  const currentMonth = currentMonthOf(now);
  const lastFullMonth = addMonths(currentMonth, -1);
  const to = query.to ?? (query.from !== undefined && query.from > lastFullMonth ? query.from : lastFullMonth);
  const from = query.from ?? addMonths(to, -11);
  const errors: ProblemItem[] = [];
  if (monthIndexOf(from) > monthIndexOf(to)) {
    const message = `the period runs from ${from} to ${to}, so it ends before it starts`;
    errors.push(
      { field: fields.from, message: `${message}; put the earlier month in ${fields.from}` },
      { field: fields.to, message: `${message}; put the later month in ${fields.to}` },
    );
  } else if (monthsBetween(from, to) + 1 > MAX_RANGE_MONTHS) {
    errors.push({
      field: fields.from,
      message: `${from}…${to} is ${monthsBetween(from, to) + 1} months; ask for at most ${MAX_RANGE_MONTHS} months at a time`,
    });
  }
  if (monthIndexOf(to) > monthIndexOf(currentMonth)) {
    errors.push({ field: fields.to, message: `${to} has not begun yet; the figures run through the current month, ${currentMonth}` });
  }
  if (errors.length > 0) throw badRequest(errors.map((error) => `${error.field}: ${error.message}`).join('; '), errors);
  return { from, to };
}

/**
 * 'YYYY-MM' → 'YYYY-MM-01', the form months take in the fact tables.
 * @example monthStart('2024-03') // '2024-03-01'
 */
export function monthStart(month: string): string {
  return `${month}-01`;
}

/**
 * Months written as runs: ['2024-01', '2024-02', '2024-03', '2024-06'] → '2024-01…2024-03 and 2024-06'.
 * @example describeMonthRuns(['2024-05']) // '2024-05'
 */
export function describeMonthRuns(months: readonly string[]): string {
  const runs: string[][] = [];
  for (const month of months) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last !== undefined && monthIndexOf(month) === monthIndexOf(last) + 1) run.push(month);
    else runs.push([month]);
  }
  const texts = runs.map((run) => (run.length === 1 ? run[0]! : `${run[0]}…${run[run.length - 1]}`));
  return texts.length <= 1 ? (texts[0] ?? '') : `${texts.slice(0, -1).join(', ')} and ${texts[texts.length - 1]}`;
}
