import type { MonthlyMrrTable } from './mrr-table';
import { addMonths, listMonths } from './months';

/**
 * Test helper: a USD table starting at `from`, one series per account (all the same length, minor
 * units), accounts in `paidBeforeRange` marked as having paid before `from`.
 * @example mrrTableOf('2024-01', { acme: [0, 100, 100] }).months // ['2024-01', '2024-02', '2024-03']
 */
export function mrrTableOf(
  from: string,
  series: Record<string, readonly number[]>,
  paidBeforeRange: readonly string[] = [],
): MonthlyMrrTable {
  const lengths = new Set(Object.values(series).map((values) => values.length));
  if (lengths.size !== 1) throw new RangeError('Every series of a test table must have the same length');
  const [length] = [...lengths];
  const months = listMonths({ from, to: addMonths(from, (length ?? 1) - 1) });
  const accounts = Object.entries(series)
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
    .map(([accountId, mrrMinor]) => ({
      accountId,
      mrrMinor,
      paidBeforeRange: paidBeforeRange.includes(accountId),
    }));
  return { currency: 'USD', months, accounts };
}
