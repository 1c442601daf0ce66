import { type MrrMovementKind, UNKNOWN_CHURN_REASON } from '../../../domain/revenue';
import type { MovementAccounts } from '../../../shared/api/metrics.contract';
import type { Db } from '../../db/database';
import { badRequest } from '../../http/problem';
import { REPORTING_CURRENCY } from '../accounts/current-mrr.sql';
import { churnKey } from './churn-reason-matching';
import { loadChurnReasonsOf } from './churn-reasons.service';
import { accountsWithIds, ensureCurrentMrrFacts } from './metrics-facts.repository';
import type { MetricsRangeQuery, MetricsReadOptions } from './metrics-overview.service';
import { resolveMetricsRange } from './metrics-range';
import { findMovementAccounts } from './movement-accounts.repository';

/** What GET /metrics/movements/accounts accepts (see movementAccountsQuerySchema). */
export interface MovementAccountsQuery extends MetricsRangeQuery {
  movement?: MrrMovementKind;
  by?: string;
  group?: string;
  page: number;
  pageSize: number;
}

/**
 * The accounts behind a figure: each account-month of the period with a movement (optionally of one
 * kind, and of one group of `by`; group "" is the accounts without a value), with its name, owner,
 * MRR before and after, the signed change and, for a churn, its reason ("unknown" without an event).
 * Largest |change| first; paginated.
 */
export async function getMovementAccounts(db: Db, query: MovementAccountsQuery, options: MetricsReadOptions = {}): Promise<MovementAccounts> {
  const now = options.now ?? new Date();
  const period = resolveMetricsRange(query, now);
  if (query.group !== undefined && query.by === undefined) {
    const message = 'a group needs the dimension it belongs to; add by (e.g. by=tier&group=Enterprise)';
    throw badRequest(`querystring.by: ${message}`, [{ field: 'querystring.by', message }]);
  }
  if (query.by !== undefined && query.group === undefined) {
    const message = `by=${query.by} needs the group to list; add group (the key of a breakdown group, "" for the accounts without a value)`;
    throw badRequest(`querystring.group: ${message}`, [{ field: 'querystring.group', message }]);
  }
  await ensureCurrentMrrFacts(db, now, options.logError);
  return db.transaction(
    async (tx) => {
      const breakdown = query.by !== undefined && query.group !== undefined ? { by: query.by, group: query.group === '' ? null : query.group } : undefined;
      const { rows, total } = await findMovementAccounts(tx, { period, movement: query.movement, breakdown }, query);
      const churned = rows.filter((row) => row.movement === 'churn').map((row) => row.accountId);
      const reasons = churned.length > 0 ? await loadChurnReasonsOf(tx, accountsWithIds(churned)) : new Map<string, string | null>();
      return {
        reportingCurrency: REPORTING_CURRENCY,
        total,
        page: query.page,
        pageSize: query.pageSize,
        items: rows.map((row) => ({
          ...row,
          churnReason: row.movement === 'churn' ? (reasons.get(churnKey(row.accountId, row.month)) ?? UNKNOWN_CHURN_REASON) : null,
        })),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
