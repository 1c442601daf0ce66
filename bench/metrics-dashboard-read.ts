/**
 * "The full dashboard set" of bench/metrics.bench.ts: what the metrics page reads for a period,
 * through the services behind /api/v1/metrics/overview, /breakdown?by=tier, /churn-reasons and
 * /cohorts, called together as the page's requests are.
 */
import type { Database } from '../src/server/db/database';
import { getChurnReasons } from '../src/server/features/metrics/churn-reasons.service';
import { getCohorts } from '../src/server/features/metrics/cohorts.service';
import {
  getMetricsBreakdown,
  getMetricsOverview,
} from '../src/server/features/metrics/metrics-overview.service';

export const dashboardLabel =
  'getMetricsOverview + getMetricsBreakdown(by tier) + getChurnReasons + getCohorts, concurrently, default range (last 12 full months)';

/** Reads the dashboard of the default period (the last 12 full months); returns the period read. */
export async function readDashboard(database: Database, now: Date): Promise<{ from: string; to: string }> {
  const { db } = database;
  const [overview, breakdown, reasons, cohorts] = await Promise.all([
    getMetricsOverview(db, {}, { now }),
    getMetricsBreakdown(db, { by: 'tier' }, { now }),
    getChurnReasons(db, {}, { now }),
    getCohorts(db, {}, { now }),
  ]);
  if (breakdown.from !== overview.from || reasons.to !== overview.to || cohorts.from !== overview.from) {
    throw new Error('the dashboard reads resolved different periods');
  }
  return { from: overview.from, to: overview.to };
}
