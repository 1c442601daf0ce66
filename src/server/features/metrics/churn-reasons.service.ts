import type { SQL } from 'drizzle-orm';
import { calculateChurnedMrrByReason } from '../../../domain/revenue';
import type { ChurnReasons } from '../../../shared/api/metrics.contract';
import type { Db } from '../../db/database';
import { REPORTING_CURRENCY } from '../accounts/current-mrr.sql';
import type { Executor } from '../revenue/mrr-facts.repository';
import { churnKey, matchChurnReasons } from './churn-reason-matching';
import { accountsChurnedIn, ensureCurrentMrrFacts, loadChurnEvents, loadChurnMovements } from './metrics-facts.repository';
import { loadPeriodMrrTable } from './mrr-table.repository';
import type { MetricsRangeQuery, MetricsReadOptions } from './metrics-overview.service';
import { resolveMetricsRange } from './metrics-range';

/**
 * The reason recorded for each churn movement of the accounts `accounts` selects (SQL returning
 * account_id), by churnKey(accountId, month): their churn movements of every month paired with their
 * churn events by matchChurnReasons. A churn not in the map has no event ("unknown").
 */
export async function loadChurnReasonsOf(db: Executor, accounts: SQL): Promise<Map<string, string | null>> {
  const [churns, events] = [await loadChurnMovements(db, accounts), await loadChurnEvents(db, accounts)];
  return matchChurnReasons(churns, events);
}

/**
 * Churned MRR of the period by churn reason, largest first (calculateChurnedMrrByReason over the
 * period's MRR table); share = the reason's churned MRR ÷ all churned MRR of the period.
 */
export async function getChurnReasons(db: Db, query: MetricsRangeQuery, options: MetricsReadOptions = {}): Promise<ChurnReasons> {
  const now = options.now ?? new Date();
  const period = resolveMetricsRange(query, now);
  await ensureCurrentMrrFacts(db, now, options.logError);
  return db.transaction(
    async (tx) => {
      const table = await loadPeriodMrrTable(tx, period);
      const reasons = await loadChurnReasonsOf(tx, accountsChurnedIn(period));
      const totals = calculateChurnedMrrByReason(table, period, (accountId, month) => reasons.get(churnKey(accountId, month)) ?? null);
      return {
        reportingCurrency: REPORTING_CURRENCY,
        from: period.from,
        to: period.to,
        reasons: totals.map((total) => ({
          reasonCode: total.reason,
          churnedMrrMinor: total.churnedMrrMinor,
          accounts: total.accountIds.length,
          share: total.share,
        })),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
