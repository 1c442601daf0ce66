import { previousMonth } from '../../../domain/revenue';
import type { MetricsBreakdown, MetricsOverview } from '../../../shared/api/metrics.contract';
import type { Db } from '../../db/database';
import { REPORTING_CURRENCY } from '../accounts/current-mrr.sql';
import { rebuildMrrFacts } from '../revenue/mrr-facts.repository';
import { compareGroupsByLabel, NO_VALUE_LABEL } from './account-groups.repository';
import { calculatePeriodRetentionCost } from './cs-costs.service';
import { ensureCurrentMrrFacts, loadMonthlyTotals, refreshFactStatistics } from './metrics-facts.repository';
import { resolveMetricsRange } from './metrics-range';
import { collectMetricsWarnings } from './metrics-warnings';
import { aggregatesFromTotals, periodFiguresFromAggregates, retainedCustomersOf } from './period-figures';
import { loadGroupAggregates, loadStartingCustomerAggregates } from './period-figures.repository';
import { monthlySeriesFromTotals } from './period-summary';

/** The range of a metrics request; months 'YYYY-MM', both optional (default: the last 12 full months). */
export interface MetricsRangeQuery {
  from?: string;
  to?: string;
}

/** Options every metrics read takes: the moment "now" (injected in tests), where to log a failed rebuild. */
export interface MetricsReadOptions {
  now?: Date;
  logError?: (error: unknown, message: string) => void;
}

/** Public reference figures shown beside the team's own (docs/metrics.md, "Public benchmarks"). */
export const METRICS_BENCHMARKS: MetricsOverview['benchmarks'] = [
  { metric: 'nrr', value: 1.02, label: 'Median NRR, private B2B SaaS (SaaS Capital 2023, public benchmark)' },
  { metric: 'grr', value: 0.91, label: 'Median GRR, private B2B SaaS (SaaS Capital 2023, public benchmark)' },
  { metric: 'nps', value: 30, label: 'NPS, B2B software (commonly cited industry figure, public benchmark)' },
];

/**
 * The dashboard of a period: the monthly series (from mrr_monthly_totals), the period summary (from
 * the totals of the opening month through the period's last month and the starting customers' MRR
 * at both ends, summed in SQL; periodFiguresFromAggregates gives the domain's figures), CRC from
 * the CS costs, and the data-quality warnings. Rebuilds stale facts first.
 */
export async function getMetricsOverview(db: Db, query: MetricsRangeQuery, options: MetricsReadOptions = {}): Promise<MetricsOverview> {
  const now = options.now ?? new Date();
  const period = resolveMetricsRange(query, now);
  const freshness = await ensureCurrentMrrFacts(db, now, options.logError);
  // The figures come from one snapshot; the data-quality warnings are read beside them on other connections.
  const [{ totals, figures, retentionCost }, warnings] = await Promise.all([
    db.transaction(
      async (tx) => {
        const totals = await loadMonthlyTotals(tx, { from: previousMonth(period.from), to: period.to });
        const starting = await loadStartingCustomerAggregates(tx, period);
        const figures = periodFiguresFromAggregates(aggregatesFromTotals(totals, starting, period), period);
        return { totals, figures, retentionCost: await calculatePeriodRetentionCost(tx, retainedCustomersOf(starting), period) };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    ),
    collectMetricsWarnings(db, { from: previousMonth(period.from), to: period.to }, freshness.staleMessage),
  ]);
  return {
    reportingCurrency: REPORTING_CURRENCY,
    from: period.from,
    to: period.to,
    months: monthlySeriesFromTotals(totals, period),
    summary: { ...figures, ...retentionCost },
    warnings,
    benchmarks: METRICS_BENCHMARKS,
  };
}

/**
 * The period summary per group of accounts of the dimension `by`: what breakDownMetric gives over
 * the period's MRR table, from one GROUP BY in SQL (loadGroupAggregates). An account's group is its
 * current value (for `plan`, see accountGroupsQuery); accounts without one form the "(none)" group,
 * listed last; the other groups are sorted by label.
 */
export async function getMetricsBreakdown(
  db: Db,
  query: MetricsRangeQuery & { by: string },
  options: MetricsReadOptions = {},
): Promise<MetricsBreakdown> {
  const now = options.now ?? new Date();
  const period = resolveMetricsRange(query, now);
  await ensureCurrentMrrFacts(db, now, options.logError);
  return db.transaction(
    async (tx) => {
      const groups = await loadGroupAggregates(tx, period, query.by);
      return {
        reportingCurrency: REPORTING_CURRENCY,
        from: period.from,
        to: period.to,
        by: query.by,
        groups: groups
          .map((group) => ({
            key: group.key,
            label: group.key === null ? NO_VALUE_LABEL : (group.label ?? group.key),
            accounts: group.accounts,
            summary: periodFiguresFromAggregates(group.aggregates, period),
          }))
          .sort(compareGroupsByLabel),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** Recomputes all MRR facts and totals from the subscriptions (then their statistics); returns the rows written and the time taken. */
export async function rebuildMetrics(db: Db, options: MetricsReadOptions = {}): Promise<{ rows: number; seconds: number; throughMonth: string }> {
  const started = performance.now();
  const result = await rebuildMrrFacts(db, options.now ?? new Date());
  await refreshFactStatistics(db);
  return { rows: result.rows, seconds: Number(((performance.now() - started) / 1000).toFixed(3)), throughMonth: result.throughMonth.slice(0, 7) };
}
