import { compareIds, filterMonthlyMrrTable, type MonthlyMrrTable } from './mrr-table';

/** One group of a breakdown: the dimension's value, its accounts and the metric computed on them. */
export interface MetricBreakdownGroup<Result> {
  /** The dimension value (a tier, segment, owner…); null for accounts without one. */
  group: string | null;
  accountIds: string[];
  result: Result;
}

/**
 * Splits the table's accounts by `groupOf` (e.g. tier, segment, owner CSM) and computes `metricOf`
 * on each group's own table. An account's group is its current value for the whole period. Groups
 * are sorted by value, accounts without a value (null) last.
 * @example breakDownMetric(table, (id) => tierOf(id), (groupTable) => calculateNetRevenueRetention(groupTable, period))
 */
export function breakDownMetric<Result>(
  table: MonthlyMrrTable,
  groupOf: (accountId: string) => string | null,
  metricOf: (groupTable: MonthlyMrrTable) => Result,
): MetricBreakdownGroup<Result>[] {
  const groups = new Map<string | null, Set<string>>();
  for (const series of table.accounts) {
    const group = groupOf(series.accountId);
    const members = groups.get(group) ?? new Set<string>();
    members.add(series.accountId);
    groups.set(group, members);
  }
  return [...groups.entries()]
    .sort(([left], [right]) => (left === null ? 1 : right === null ? -1 : compareIds(left, right)))
    .map(([group, members]) => ({
      group,
      accountIds: [...members],
      result: metricOf(filterMonthlyMrrTable(table, (accountId) => members.has(accountId))),
    }));
}
