import { breakDownMetric, type MonthlyMrrRollUp, rollUpMrrMovements } from '../../../domain/revenue';
import type { Db } from '../../db/database';
import { REPORTING_CURRENCY } from '../accounts/current-mrr.sql';
import { compareGroupsByLabel, loadAccountGroups, NO_VALUE_LABEL } from './account-groups.repository';
import { ensureCurrentMrrFacts } from './metrics-facts.repository';
import { loadPeriodMrrTable } from './mrr-table.repository';
import type { MetricsRangeQuery, MetricsReadOptions } from './metrics-overview.service';
import { resolveMetricsRange } from './metrics-range';

/** The month-by-month movements of one group of a breakdown. */
export interface GroupMovements {
  key: string | null;
  label: string;
  months: MonthlyMrrRollUp[];
}

/**
 * The month-by-month MRR movements of the period per group of the dimension `by`
 * (rollUpMrrMovements on each group's MRR table); groups sorted by label, "(none)" last.
 */
export async function getMonthlyMovementsByGroup(
  db: Db,
  query: MetricsRangeQuery & { by: string },
  options: MetricsReadOptions = {},
): Promise<{ reportingCurrency: string; from: string; to: string; by: string; groups: GroupMovements[] }> {
  const now = options.now ?? new Date();
  const period = resolveMetricsRange(query, now);
  await ensureCurrentMrrFacts(db, now, options.logError);
  return db.transaction(
    async (tx) => {
      const table = await loadPeriodMrrTable(tx, period);
      const groups = await loadAccountGroups(tx, query.by, period.to);
      const labels = new Map([...groups.values()].map((group) => [group.key, group.label]));
      const results = breakDownMetric(table, (accountId) => groups.get(accountId)?.key ?? null, rollUpMrrMovements);
      return {
        reportingCurrency: REPORTING_CURRENCY,
        from: period.from,
        to: period.to,
        by: query.by,
        groups: results
          .map((result) => ({
            key: result.group,
            label: result.group === null ? NO_VALUE_LABEL : (labels.get(result.group) ?? result.group),
            months: result.result,
          }))
          .sort(compareGroupsByLabel),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
