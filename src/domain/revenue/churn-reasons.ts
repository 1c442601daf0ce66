import { divideMetric, type MetricValue } from './metric-value';
import { summariseMrrMovements } from './mrr-movements';
import { compareIds, type MonthlyMrrTable } from './mrr-table';
import type { MonthRange } from './months';

/** The reason shown for a churn with no recorded reason. */
export const UNKNOWN_CHURN_REASON = 'unknown';

/** Churned MRR of one reason over a period. */
export interface ChurnReasonTotal {
  /** The reason code, or UNKNOWN_CHURN_REASON when none was recorded. */
  reason: string;
  churnedMrrMinor: number;
  /** churnedMrrMinor ÷ all churned MRR of the period, a fraction. */
  share: MetricValue;
  churnMovements: number;
  accountIds: string[];
}

/**
 * Churned MRR of the period grouped by churn reason, largest first (a Pareto list). The amount is the
 * churn movement from the MRR table; `reasonOf` gives the reason recorded for that account and month
 * (from churn events), and null or an empty string is shown as 'unknown'.
 * @example calculateChurnedMrrByReason(table, { from: '2024-01', to: '2024-12' }, reasonOf)[0]?.reason // 'price'
 */
export function calculateChurnedMrrByReason(
  table: MonthlyMrrTable,
  period: MonthRange,
  reasonOf: (accountId: string, month: string) => string | null,
): ChurnReasonTotal[] {
  const churns = summariseMrrMovements(table, period).movements.filter(
    (movement) => movement.kind === 'churn',
  );
  const totalChurnedMinor = churns.reduce((sum, movement) => sum + movement.amountMinor, 0);
  const groups = new Map<
    string,
    { churnedMrrMinor: number; churnMovements: number; accountIds: Set<string> }
  >();
  for (const movement of churns) {
    const recorded = reasonOf(movement.accountId, movement.month);
    const reason = recorded === null || recorded.trim() === '' ? UNKNOWN_CHURN_REASON : recorded;
    const group = groups.get(reason) ?? {
      churnedMrrMinor: 0,
      churnMovements: 0,
      accountIds: new Set<string>(),
    };
    group.churnedMrrMinor += movement.amountMinor;
    group.churnMovements += 1;
    group.accountIds.add(movement.accountId);
    groups.set(reason, group);
  }
  return [...groups.entries()]
    .map(([reason, group]) => ({
      reason,
      churnedMrrMinor: group.churnedMrrMinor,
      share: divideMetric(group.churnedMrrMinor, totalChurnedMinor, 'No churned MRR in the period'),
      churnMovements: group.churnMovements,
      accountIds: [...group.accountIds].sort(compareIds),
    }))
    .sort(
      (left, right) => right.churnedMrrMinor - left.churnedMrrMinor || compareIds(left.reason, right.reason),
    );
}
