import { divideMetric, type MetricValue } from './metric-value';
import { tableHasMonth, type MonthlyMrrTable } from './mrr-table';
import {
  addMonths,
  listMonths,
  monthIndexOf,
  quarterOf,
  trailingTwelveMonths,
  type MonthRange,
} from './months';
import { startingCustomersOf } from './period-cohort';

/**
 * Net or gross revenue retention over a period, with what explains it. Amounts are minor units of the
 * table's currency; churn, contraction and expansion compare each starting customer's end MRR with
 * its start MRR (net over the period, not summed month by month).
 */
export interface RevenueRetention {
  kind: 'net' | 'gross';
  period: MonthRange;
  /** The month whose month-end MRR is the start: the month before `period.from`. */
  openingMonth: string;
  /** endingMrrMinor ÷ startingMrrMinor as a fraction (1.1 is 110%); 'not-defined' with no customers at start. */
  rate: MetricValue;
  /** Denominator: MRR at the opening of the accounts that were customers then. */
  startingMrrMinor: number;
  /** Numerator: their MRR at the end of `period.to`; for gross, each account capped at its start MRR. */
  endingMrrMinor: number;
  churnMrrMinor: number;
  contractionMrrMinor: number;
  /** Reported for both kinds; only net retention adds it to the numerator. */
  expansionMrrMinor: number;
  startingAccountIds: string[];
  churnedAccountIds: string[];
  contractedAccountIds: string[];
  expandedAccountIds: string[];
}

/**
 * NRR: MRR at the end of the period of the accounts that were customers at its start ÷ their MRR at
 * the start (start 1,000; churn 100; expansion 200 → 1.1). Not defined when nobody paid at the start.
 * @example calculateNetRevenueRetention(table, { from: '2024-01', to: '2024-12' }).rate // { status: 'defined', value: 1.1 }
 */
export function calculateNetRevenueRetention(table: MonthlyMrrTable, period: MonthRange): RevenueRetention {
  return calculateRevenueRetention(table, period, 'net');
}

/**
 * GRR: as NRR but each account's end MRR is capped at its start MRR, so expansion never offsets
 * losses and the rate never exceeds 1 (start 1,000; churn 100; expansion 200 → 0.9).
 * @example calculateGrossRevenueRetention(table, { from: '2024-01', to: '2024-12' }).rate // { status: 'defined', value: 0.9 }
 */
export function calculateGrossRevenueRetention(table: MonthlyMrrTable, period: MonthRange): RevenueRetention {
  return calculateRevenueRetention(table, period, 'gross');
}

function calculateRevenueRetention(
  table: MonthlyMrrTable,
  period: MonthRange,
  kind: 'net' | 'gross',
): RevenueRetention {
  const { openingMonth, customers } = startingCustomersOf(table, period);
  const parts = {
    startingMrrMinor: 0,
    endingMrrMinor: 0,
    churnMrrMinor: 0,
    contractionMrrMinor: 0,
    expansionMrrMinor: 0,
  };
  const ids = {
    starting: [] as string[],
    churned: [] as string[],
    contracted: [] as string[],
    expanded: [] as string[],
  };
  for (const { accountId, startMrrMinor, endMrrMinor } of customers) {
    ids.starting.push(accountId);
    parts.startingMrrMinor += startMrrMinor;
    parts.endingMrrMinor += kind === 'net' ? endMrrMinor : Math.min(endMrrMinor, startMrrMinor);
    if (endMrrMinor === 0) {
      parts.churnMrrMinor += startMrrMinor;
      ids.churned.push(accountId);
    } else if (endMrrMinor < startMrrMinor) {
      parts.contractionMrrMinor += startMrrMinor - endMrrMinor;
      ids.contracted.push(accountId);
    } else if (endMrrMinor > startMrrMinor) {
      parts.expansionMrrMinor += endMrrMinor - startMrrMinor;
      ids.expanded.push(accountId);
    }
  }
  return {
    kind,
    period,
    openingMonth,
    rate: divideMetric(
      parts.endingMrrMinor,
      parts.startingMrrMinor,
      `No customers at the start of ${period.from}…${period.to} (MRR at the end of ${openingMonth} is 0), so there is nothing to retain`,
    ),
    ...parts,
    startingAccountIds: ids.starting,
    churnedAccountIds: ids.churned,
    contractedAccountIds: ids.contracted,
    expandedAccountIds: ids.expanded,
  };
}

export type RetentionGranularity = 'month' | 'quarter' | 'trailing-twelve-months';

/** NRR and GRR of one period of a series. */
export interface RevenueRetentionPoint {
  period: MonthRange;
  /** False for a quarter cut short by the requested range (e.g. only February and March of Q1). */
  complete: boolean;
  netRevenueRetention: RevenueRetention;
  grossRevenueRetention: RevenueRetention;
}

/**
 * NRR and GRR for each period of `range`: each month; each calendar quarter (cut to the range); or,
 * for each month m, the twelve months ending with m. The table must hold every period's opening month.
 * @example calculateRevenueRetentionSeries(table, { range: { from: '2025-01', to: '2025-06' }, granularity: 'quarter' }).length // 2
 */
export function calculateRevenueRetentionSeries(
  table: MonthlyMrrTable,
  options: { range: MonthRange; granularity: RetentionGranularity },
): RevenueRetentionPoint[] {
  return retentionPeriods(options.range, options.granularity).map(({ period, complete }) => ({
    period,
    complete,
    netRevenueRetention: calculateNetRevenueRetention(table, period),
    grossRevenueRetention: calculateGrossRevenueRetention(table, period),
  }));
}

/**
 * NRR and GRR over the twelve months ending with `month` (opening at the end of the month 12 months earlier).
 * @example calculateTrailingTwelveMonthRetention(table, '2025-03').netRevenueRetention.openingMonth // '2024-03'
 */
export function calculateTrailingTwelveMonthRetention(
  table: MonthlyMrrTable,
  month: string,
): { netRevenueRetention: RevenueRetention; grossRevenueRetention: RevenueRetention } {
  const period = trailingTwelveMonths(month);
  return {
    netRevenueRetention: calculateNetRevenueRetention(table, period),
    grossRevenueRetention: calculateGrossRevenueRetention(table, period),
  };
}

/**
 * The months of `range` that have a full twelve months of history in the table before them, for
 * callers that want a trailing-twelve-month series without failing on a short table.
 * @example monthsWithTrailingYear(table, { from: '2024-01', to: '2024-12' }) // ['2024-06', …, '2024-12']
 */
export function monthsWithTrailingYear(table: MonthlyMrrTable, range: MonthRange): string[] {
  return listMonths(range).filter(
    (month) => tableHasMonth(table, addMonths(month, -12)) && tableHasMonth(table, month),
  );
}

function retentionPeriods(
  range: MonthRange,
  granularity: RetentionGranularity,
): { period: MonthRange; complete: boolean }[] {
  const months = listMonths(range);
  if (granularity === 'month')
    return months.map((month) => ({ period: { from: month, to: month }, complete: true }));
  if (granularity === 'trailing-twelve-months') {
    return months.map((month) => ({ period: trailingTwelveMonths(month), complete: true }));
  }
  const periods: { period: MonthRange; complete: boolean }[] = [];
  const first = monthIndexOf(range.from);
  const last = monthIndexOf(range.to);
  for (const month of months) {
    const quarter = quarterOf(month);
    if (month !== quarter.from && month !== range.from) continue;
    const from = monthIndexOf(quarter.from) < first ? range.from : quarter.from;
    const to = monthIndexOf(quarter.to) > last ? range.to : quarter.to;
    periods.push({ period: { from, to }, complete: from === quarter.from && to === quarter.to });
  }
  return periods;
}
