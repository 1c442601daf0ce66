import { calculateCohortRetention } from '../../../domain/revenue';
import type { Cohorts } from '../../../shared/api/metrics.contract';
import type { Db } from '../../db/database';
import { REPORTING_CURRENCY } from '../accounts/current-mrr.sql';
import { ensureCurrentMrrFacts } from './metrics-facts.repository';
import { loadCohortMrrTable } from './mrr-table.repository';
import type { MetricsRangeQuery, MetricsReadOptions } from './metrics-overview.service';
import { currentMonthOf, resolveMetricsRange } from './metrics-range';

/**
 * Cohort retention (calculateCohortRetention) of the cohorts whose first paying month lies in the
 * period, each followed month by month through the current month.
 */
export async function getCohorts(db: Db, query: MetricsRangeQuery, options: MetricsReadOptions = {}): Promise<Cohorts> {
  const now = options.now ?? new Date();
  const period = resolveMetricsRange(query, now);
  await ensureCurrentMrrFacts(db, now, options.logError);
  const table = await loadCohortMrrTable(db, period, currentMonthOf(now));
  const { cohorts } = calculateCohortRetention(table, { cohortMonths: period });
  return {
    reportingCurrency: REPORTING_CURRENCY,
    from: period.from,
    to: period.to,
    cohorts: cohorts.map((cohort) => ({
      cohortMonth: cohort.cohortMonth,
      startingCustomers: cohort.startingCustomers,
      startingMrrMinor: cohort.startingMrrMinor,
      cells: cohort.cells.map((cell) => ({
        monthOffset: cell.monthOffset,
        month: cell.month,
        retainedCustomers: cell.retainedCustomers,
        logoRetention: cell.logoRetention,
        mrrMinor: cell.mrrMinor,
        revenueRetention: cell.revenueRetention,
      })),
    })),
  };
}
