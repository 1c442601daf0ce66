import { z } from 'zod';

/**
 * Contracts of the revenue and retention metrics API (/api/v1/metrics/…). Definitions are in
 * docs/metrics.md and src/domain/revenue. Money is in minor units of `reportingCurrency`; rates are
 * fractions (1.1 = 110%) wrapped in MetricValue so "not defined" and "infinite" are explicit.
 */
export const metricValueSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('defined'), value: z.number() }),
  z.object({ status: z.literal('infinite'), reason: z.string() }),
  z.object({ status: z.literal('not-defined'), reason: z.string() }),
]);
export type MetricValueDto = z.infer<typeof metricValueSchema>;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM');

/** Breakdown dimensions: account columns, the owner CSM, the plan of the largest subscription, or `trait:<key>`. */
export const breakdownDimensionSchema = z
  .string()
  .regex(/^(tier|segment|owner|industry|region|status|stage|plan|trait:[A-Za-z0-9_ .-]{1,100})$/, 'must be tier, segment, owner, industry, region, status, stage, plan or trait:<key>');

/** Query of every metrics endpoint: an inclusive month range (default: the last 12 full months). */
export const metricsRangeQuerySchema = z.strictObject({
  from: month.optional().describe('First month of the period, YYYY-MM'),
  to: month.optional().describe('Last month of the period, YYYY-MM (inclusive)'),
});

export const metricsWarningSchema = z.object({
  kind: z.enum(['missing-exchange-rate', 'overlapping-subscriptions', 'stale-facts']),
  message: z.string(),
  accountId: z.uuid().nullable(),
  accountName: z.string().nullable(),
  month: z.string().nullable(),
  currency: z.string().nullable(),
});

export const monthMetricsSchema = z.object({
  month: z.string(),
  mrrMinor: z.number().int(),
  arrMinor: z.number().int(),
  customers: z.number().int(),
  newMinor: z.number().int(),
  expansionMinor: z.number().int(),
  reactivationMinor: z.number().int(),
  contractionMinor: z.number().int(),
  churnMinor: z.number().int(),
  newLogos: z.number().int(),
  churnedLogos: z.number().int(),
  reactivatedLogos: z.number().int(),
  /** Trailing-12-month NRR and GRR ending with this month. */
  nrrTrailing12: metricValueSchema,
  grrTrailing12: metricValueSchema,
});
export type MonthMetrics = z.infer<typeof monthMetricsSchema>;

export const periodSummarySchema = z.object({
  mrrStartMinor: z.number().int(),
  mrrEndMinor: z.number().int(),
  customersStart: z.number().int(),
  customersEnd: z.number().int(),
  nrr: metricValueSchema,
  grr: metricValueSchema,
  logoChurnRate: metricValueSchema,
  churnedLogos: z.number().int(),
  grossMrrChurnRate: metricValueSchema,
  netMrrChurnRate: metricValueSchema,
  quickRatio: metricValueSchema,
  arpaMinor: metricValueSchema,
  ltvMinor: metricValueSchema,
  /** CS cost of the period ÷ customers retained; not defined until CS costs are entered. */
  crcMinor: metricValueSchema,
  csCostMinor: z.number().int().nullable(),
});
export type PeriodSummary = z.infer<typeof periodSummarySchema>;

/** GET /api/v1/metrics/overview — the dashboard: monthly series, the period summary, warnings. */
export const metricsOverviewSchema = z.object({
  reportingCurrency: z.string(),
  from: z.string(),
  to: z.string(),
  months: z.array(monthMetricsSchema),
  summary: periodSummarySchema,
  warnings: z.array(metricsWarningSchema),
  /** Public reference figures, labelled as such in the UI. */
  benchmarks: z.array(z.object({ metric: z.enum(['nrr', 'grr', 'nps']), value: z.number(), label: z.string() })),
});
export type MetricsOverview = z.infer<typeof metricsOverviewSchema>;

/** GET /api/v1/metrics/breakdown?by=… — the period summary per group. */
export const metricsBreakdownQuerySchema = metricsRangeQuerySchema.extend({ by: breakdownDimensionSchema });
export const metricsBreakdownSchema = z.object({
  reportingCurrency: z.string(),
  from: z.string(),
  to: z.string(),
  by: z.string(),
  groups: z.array(
    z.object({
      key: z.string().nullable().describe('null groups the accounts without a value'),
      label: z.string(),
      accounts: z.number().int(),
      summary: periodSummarySchema.omit({ csCostMinor: true, crcMinor: true }),
    }),
  ),
});
export type MetricsBreakdown = z.infer<typeof metricsBreakdownSchema>;

/** GET /api/v1/metrics/churn-reasons — churned MRR by reason code in the period (a pareto). */
export const churnReasonsSchema = z.object({
  reportingCurrency: z.string(),
  from: z.string(),
  to: z.string(),
  reasons: z.array(
    z.object({
      reasonCode: z.string().describe('"unknown" when the churn has no recorded reason'),
      churnedMrrMinor: z.number().int(),
      accounts: z.number().int(),
      share: metricValueSchema,
    }),
  ),
});
export type ChurnReasons = z.infer<typeof churnReasonsSchema>;

/** GET /api/v1/metrics/cohorts — retention by first paying month. */
export const cohortsSchema = z.object({
  reportingCurrency: z.string(),
  from: z.string(),
  to: z.string(),
  cohorts: z.array(
    z.object({
      cohortMonth: z.string(),
      startingCustomers: z.number().int(),
      startingMrrMinor: z.number().int(),
      cells: z.array(
        z.object({
          monthOffset: z.number().int(),
          month: z.string(),
          retainedCustomers: z.number().int(),
          logoRetention: metricValueSchema,
          mrrMinor: z.number().int(),
          revenueRetention: metricValueSchema,
        }),
      ),
    }),
  ),
});
export type Cohorts = z.infer<typeof cohortsSchema>;

export const movementKinds = ['new', 'expansion', 'reactivation', 'contraction', 'churn'] as const;

/** GET /api/v1/metrics/movements/accounts — the accounts behind a figure (e.g. who churned in March). */
export const movementAccountsQuerySchema = metricsRangeQuerySchema.extend({
  movement: z.enum(movementKinds).optional(),
  by: breakdownDimensionSchema.optional(),
  group: z.string().max(200).optional().describe('Only accounts in this group of `by` ("" for no value)'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export const movementAccountsSchema = z.object({
  reportingCurrency: z.string(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(
    z.object({
      accountId: z.uuid(),
      accountName: z.string(),
      ownerName: z.string().nullable(),
      month: z.string(),
      movement: z.enum(movementKinds),
      previousMrrMinor: z.number().int(),
      mrrMinor: z.number().int(),
      changeMinor: z.number().int().describe('Signed: negative for contraction and churn'),
      churnReason: z.string().nullable(),
    }),
  ),
});
export type MovementAccounts = z.infer<typeof movementAccountsSchema>;

/** PUT /api/v1/metrics/cs-costs/:month — the CS team's cost of a month, for CRC. */
export const csCostSchema = z.strictObject({ amountMinor: z.number().int().min(0), currency: z.string().length(3) });
export const csCostListSchema = z.object({
  items: z.array(z.object({ month: z.string(), amountMinor: z.number().int(), currency: z.string() })),
});
