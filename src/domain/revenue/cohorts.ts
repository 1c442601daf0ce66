import { divideMetric, type MetricValue } from './metric-value';
import { mrrAt, type MonthlyMrrTable } from './mrr-table';
import { isMonthInRange, type MonthRange } from './months';

/** A cohort `monthOffset` months after its start month (offset 0 is the start month itself). */
export interface CohortRetentionCell {
  monthOffset: number;
  month: string;
  /** Cohort accounts paying at the end of `month`. */
  retainedCustomers: number;
  /** retainedCustomers ÷ cohort size, a fraction. */
  logoRetention: MetricValue;
  /** The cohort's MRR at the end of `month`, minor units (expansion included). */
  mrrMinor: number;
  /** mrrMinor ÷ the cohort's MRR in its start month: net revenue retention of the cohort. */
  revenueRetention: MetricValue;
  retainedAccountIds: string[];
}

/** The accounts whose first paying month is `cohortMonth`, followed month by month. */
export interface CohortRetention {
  cohortMonth: string;
  accountIds: string[];
  startingCustomers: number;
  /** The cohort's MRR at the end of its start month, minor units. */
  startingMrrMinor: number;
  /** One cell per month from the start month to the table's last month. */
  cells: CohortRetentionCell[];
}

export interface CohortRetentionTable {
  cohorts: CohortRetention[];
  /** Accounts that already paid before the table's first month: their start month is unknown. */
  startedBeforeTableAccountIds: string[];
}

/**
 * Cohort retention by start month (the first month-end with MRR > 0): for each cohort and each later
 * month of the table, the share of its accounts still paying and its MRR against its start MRR.
 * A churned account that comes back counts again, in its original cohort.
 * @example calculateCohortRetention(table).cohorts[0]?.cells[3]?.logoRetention // { status: 'defined', value: 0.75 }
 */
export function calculateCohortRetention(
  table: MonthlyMrrTable,
  options: { cohortMonths?: MonthRange } = {},
): CohortRetentionTable {
  const members = new Map<number, string[]>();
  const startedBeforeTableAccountIds: string[] = [];
  const seriesById = new Map(table.accounts.map((series) => [series.accountId, series]));
  for (const series of table.accounts) {
    const start = series.mrrMinor.findIndex((mrr) => mrr > 0);
    if (start < 0) continue;
    if (series.paidBeforeRange) {
      startedBeforeTableAccountIds.push(series.accountId);
      continue;
    }
    const cohortMonth = table.months[start];
    if (cohortMonth === undefined) continue;
    if (options.cohortMonths && !isMonthInRange(cohortMonth, options.cohortMonths)) continue;
    const cohort = members.get(start) ?? [];
    cohort.push(series.accountId);
    members.set(start, cohort);
  }
  const cohorts = [...members.entries()]
    .sort(([left], [right]) => left - right)
    .map(([start, accountIds]) => {
      const cohortMonth = table.months[start] ?? '';
      const seriesList = accountIds.flatMap((accountId) => seriesById.get(accountId) ?? []);
      const startingMrrMinor = seriesList.reduce((sum, series) => sum + mrrAt(series, start), 0);
      const cells: CohortRetentionCell[] = [];
      for (let position = start; position < table.months.length; position += 1) {
        const retained = seriesList.filter((series) => mrrAt(series, position) > 0);
        const mrrMinor = retained.reduce((sum, series) => sum + mrrAt(series, position), 0);
        cells.push({
          monthOffset: position - start,
          month: table.months[position] ?? '',
          retainedCustomers: retained.length,
          logoRetention: divideMetric(
            retained.length,
            accountIds.length,
            `Cohort ${cohortMonth} has no accounts`,
          ),
          mrrMinor,
          revenueRetention: divideMetric(
            mrrMinor,
            startingMrrMinor,
            `Cohort ${cohortMonth} started with no MRR`,
          ),
          retainedAccountIds: retained.map((series) => series.accountId),
        });
      }
      return { cohortMonth, accountIds, startingCustomers: accountIds.length, startingMrrMinor, cells };
    });
  return { cohorts, startedBeforeTableAccountIds };
}
