import { divideMetric, listMonths } from '../../../domain/revenue';
import type { Cohorts } from '../../../shared/api/metrics.contract';
import type { Db } from '../../db/database';
import { REPORTING_CURRENCY } from '../accounts/current-mrr.sql';
import { ensureCurrentMrrFacts } from './metrics-facts.repository';
import type { MetricsRangeQuery, MetricsReadOptions } from './metrics-overview.service';
import { currentMonthOf, resolveMetricsRange } from './metrics-range';
import { type CohortCellAggregate, loadCohortCells } from './period-figures.repository';

/**
 * Cohort retention (calculateCohortRetention) of the cohorts whose first paying month lies in the
 * period, each followed month by month through the current month; the cells are summed in SQL
 * (loadCohortCells) and turned into the domain's cells by cohortsFromCells.
 */
export async function getCohorts(db: Db, query: MetricsRangeQuery, options: MetricsReadOptions = {}): Promise<Cohorts> {
  const now = options.now ?? new Date();
  const period = resolveMetricsRange(query, now);
  await ensureCurrentMrrFacts(db, now, options.logError);
  const throughMonth = currentMonthOf(now);
  return {
    reportingCurrency: REPORTING_CURRENCY,
    from: period.from,
    to: period.to,
    cohorts: cohortsFromCells(await loadCohortCells(db, period, throughMonth), throughMonth),
  };
}

/**
 * The cohorts of calculateCohortRetention (without the account lists) from per (cohort month,
 * month) sums: a cohort's size and starting MRR are its cell of its own month (every account pays
 * then); each month from the cohort month through `throughMonth` has a cell (0 without a row).
 * @example cohortsFromCells([{ cohortMonth: '2025-01', month: '2025-01', retainedCustomers: 2, mrrMinor: 500 }], '2025-02')[0]?.cells.length // 2
 */
export function cohortsFromCells(rows: readonly CohortCellAggregate[], throughMonth: string): Cohorts['cohorts'] {
  const byCohort = new Map<string, Map<string, CohortCellAggregate>>();
  for (const row of rows) {
    const cells = byCohort.get(row.cohortMonth) ?? new Map<string, CohortCellAggregate>();
    cells.set(row.month, row);
    byCohort.set(row.cohortMonth, cells);
  }
  return [...byCohort.entries()]
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
    .map(([cohortMonth, cells]) => {
      const startingCustomers = cells.get(cohortMonth)?.retainedCustomers ?? 0;
      const startingMrrMinor = cells.get(cohortMonth)?.mrrMinor ?? 0;
      return {
        cohortMonth,
        startingCustomers,
        startingMrrMinor,
        cells: listMonths({ from: cohortMonth, to: throughMonth }).map((month, monthOffset) => {
          const retainedCustomers = cells.get(month)?.retainedCustomers ?? 0;
          const mrrMinor = cells.get(month)?.mrrMinor ?? 0;
          return {
            monthOffset,
            month,
            retainedCustomers,
            logoRetention: divideMetric(retainedCustomers, startingCustomers, `Cohort ${cohortMonth} has no accounts`),
            mrrMinor,
            revenueRetention: divideMetric(mrrMinor, startingMrrMinor, `Cohort ${cohortMonth} started with no MRR`),
          };
        }),
      };
    });
}
