import type { SQL } from 'drizzle-orm';
import type { ChurnReasons } from '../../../shared/api/metrics.contract';
import type { Db } from '../../db/database';
import { REPORTING_CURRENCY } from '../accounts/current-mrr.sql';
import type { Executor } from '../revenue/mrr-facts.repository';
import { churnKey, matchChurnReasons } from './churn-reason-matching';
import { accountsChurnedIn, type ChurnMovementRow, ensureCurrentMrrFacts, loadChurnEvents, loadChurnMovements } from './metrics-facts.repository';
import type { MetricsRangeQuery, MetricsReadOptions } from './metrics-overview.service';
import { resolveMetricsRange } from './metrics-range';
import { churnedMrrByReason } from './period-figures';

/**
 * The churn movements of every month of the accounts `accounts` selects (SQL returning account_id),
 * and the reason recorded for each, by churnKey(accountId, month): their churn movements paired
 * with their churn events by matchChurnReasons. A churn not in the map has no event ("unknown").
 */
async function loadChurnsWithReasons(db: Executor, accounts: SQL): Promise<{ churns: ChurnMovementRow[]; reasons: Map<string, string | null> }> {
  const [churns, events] = [await loadChurnMovements(db, accounts), await loadChurnEvents(db, accounts)];
  return { churns, reasons: matchChurnReasons(churns, events) };
}

/**
 * The reason recorded for each churn movement of the accounts `accounts` selects (SQL returning
 * account_id), by churnKey(accountId, month): their churn movements of every month paired with their
 * churn events by matchChurnReasons. A churn not in the map has no event ("unknown").
 */
export async function loadChurnReasonsOf(db: Executor, accounts: SQL): Promise<Map<string, string | null>> {
  return (await loadChurnsWithReasons(db, accounts)).reasons;
}

/**
 * Churned MRR of the period by churn reason, largest first (calculateChurnedMrrByReason's result,
 * from the churn movements of the accounts that churned in the period alone: churnedMrrByReason);
 * share = the reason's churned MRR ÷ all churned MRR of the period.
 */
export async function getChurnReasons(db: Db, query: MetricsRangeQuery, options: MetricsReadOptions = {}): Promise<ChurnReasons> {
  const now = options.now ?? new Date();
  const period = resolveMetricsRange(query, now);
  await ensureCurrentMrrFacts(db, now, options.logError);
  return db.transaction(
    async (tx) => {
      const { churns, reasons } = await loadChurnsWithReasons(tx, accountsChurnedIn(period));
      const totals = churnedMrrByReason(churns, period, (accountId, month) => reasons.get(churnKey(accountId, month)) ?? null);
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
