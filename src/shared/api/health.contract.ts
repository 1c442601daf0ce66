import { z } from 'zod';
import { metricValueSchema } from './metrics.contract';

/**
 * Contracts of health scoring (/api/v1/health/…, /api/v1/accounts/:id/health). Semantics are in
 * docs/health.md; the scoring itself is src/domain/health, and the SQL recompute gives the same numbers.
 */

const measureId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be 1–40 characters: lower-case letters, digits and _, starting with a letter');
const traitKey = z.string().trim().min(1, 'must name a trait').max(100);

/** The account columns a measure (or an assignment criterion) can read besides traits. */
export const accountFields = ['tier', 'segment', 'lifecycle_stage', 'industry', 'region', 'status'] as const;

/** The CSM's manual sentiment labels, from best to worst. */
export const sentimentLabels = ['positive', 'neutral', 'negative'] as const;
export type SentimentLabel = (typeof sentimentLabels)[number];

/**
 * Where a measure's raw value comes from, read over the measure's window ending at the as-of time.
 * Each kind's exact definition is in docs/health.md ("Measure inputs").
 */
export const measureInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('active_users') }).describe('Average daily active users over the window'),
  z.strictObject({ kind: z.literal('events') }).describe('Product events in the window'),
  z.strictObject({ kind: z.literal('event_count'), event: z.string().trim().min(1).max(200) }).describe('Count of one named event in the window'),
  z
    .strictObject({ kind: z.literal('usage_change') })
    .describe('Change in average daily active users, the window against the window before it, in %'),
  z.strictObject({ kind: z.literal('seat_utilisation') }).describe('Average daily active users ÷ seats, in %'),
  z.strictObject({ kind: z.literal('open_tickets') }).describe('Tickets open at the as-of time'),
  z.strictObject({ kind: z.literal('tickets_opened') }).describe('Tickets opened in the window'),
  z.strictObject({ kind: z.literal('escalations') }).describe('Escalated tickets opened in the window'),
  z.strictObject({ kind: z.literal('mean_time_to_close') }).describe('Mean hours from open to resolved, tickets resolved in the window'),
  z.strictObject({ kind: z.literal('last_nps') }).describe('The latest NPS answer (0–10) in the window'),
  z.strictObject({ kind: z.literal('last_csat') }).describe('The latest CSAT answer (1–5) in the window'),
  z.strictObject({ kind: z.literal('days_since_activity') }).describe('Days since the last logged touch of any kind'),
  z.strictObject({ kind: z.literal('days_since_ebr') }).describe('Days since the last EBR or QBR'),
  z
    .strictObject({ kind: z.literal('mrr_change'), months: z.number().int().min(1).max(36) })
    .describe('MRR change in % between the as-of month and `months` months earlier'),
  z.strictObject({ kind: z.literal('sentiment') }).describe("The CSM's manual sentiment (positive, neutral, negative), while not expired"),
  z.strictObject({ kind: z.literal('trait'), key: traitKey }).describe('An account trait (imported column), numeric or categorical'),
  z.strictObject({ kind: z.literal('account_field'), field: z.enum(accountFields) }).describe('An account column such as tier or segment'),
]);
export type MeasureInput = z.infer<typeof measureInputSchema>;
export type MeasureInputKind = MeasureInput['kind'];

// Tiny non-zero numbers (below 0.0001) mean nothing in a score and underflow in SQL arithmetic.
const score = z.number().min(0, 'must be 0–100').max(100, 'must be 0–100').refine((value) => value === 0 || value >= 0.0001, 'must be 0 or at least 0.0001');
const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const measureSchemeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('ranges'),
    ranges: z.array(z.strictObject({ from: finite.nullable(), to: finite.nullable(), score })).min(1).max(20),
  }),
  z.strictObject({
    kind: z.literal('linear'),
    from: z.strictObject({ value: finite, score }),
    to: z.strictObject({ value: finite, score }),
  }),
  z.strictObject({
    kind: z.literal('category'),
    scores: z.record(z.string().max(200), score),
    otherScore: score,
  }),
]);

export const measureSchema = z.strictObject({
  id: measureId,
  name: z.string().trim().min(1).max(120),
  weight: z.number().min(0.0001, 'must be above 0 (at least 0.0001)').max(1000),
  input: measureInputSchema,
  windowDays: z.number().int().min(1).max(3650),
  scheme: measureSchemeSchema,
  missingData: z.union([z.literal('exclude'), z.strictObject({ default: score })]),
  groupId: z.string().max(40).nullable().optional(),
});
export type MeasureDto = z.infer<typeof measureSchema>;

export const measureGroupSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lower-case letters, digits and _'),
  name: z.string().trim().min(1).max(120),
  weight: z.number().min(0.0001, 'must be above 0 (at least 0.0001)').max(1000),
});

export const scoreBandSchema = z.strictObject({
  name: z.string().trim().min(1).max(40),
  lower: score,
  upper: score,
});

/** What a scorecard version scores with; editing any of it creates a new version. */
export const scorecardDefinitionSchema = z.strictObject({
  measures: z.array(measureSchema).min(1, 'needs at least one measure').max(50),
  groups: z.array(measureGroupSchema).max(20).default([]),
  bands: z.array(scoreBandSchema).min(1).max(10),
});
export type ScorecardDefinition = z.infer<typeof scorecardDefinitionSchema>;

/**
 * One assignment criterion: the account's field (or trait) equals one of `values`. A scorecard's
 * criteria must all hold (AND); scorecards are tried in `position` order and the default catches the rest.
 */
export const assignmentCriterionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('account_field'), field: z.enum(accountFields), values: z.array(z.string().max(200)).min(1).max(100) }),
  z.strictObject({ kind: z.literal('trait'), key: traitKey, values: z.array(z.string().max(200)).min(1).max(100) }),
]);
export type AssignmentCriterion = z.infer<typeof assignmentCriterionSchema>;

export const scorecardVersionSummarySchema = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable().describe('Name of the user who saved it'),
  note: z.string().nullable(),
});

export const scorecardSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  isDefault: z.boolean(),
  position: z.number().int(),
  criteria: z.array(assignmentCriterionSchema),
  version: z.number().int(),
  definition: scorecardDefinitionSchema,
  accounts: z.number().int().describe('Accounts this scorecard applies to now'),
  versions: z.array(scorecardVersionSummarySchema),
  updatedAt: z.string(),
});
export type ScorecardDto = z.infer<typeof scorecardSchema>;

export const scorecardListSchema = z.object({ items: z.array(scorecardSchema) });

export const scorecardCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  criteria: z.array(assignmentCriterionSchema).max(20).default([]),
  definition: scorecardDefinitionSchema,
  note: z.string().trim().max(500).optional(),
});
export type ScorecardCreate = z.infer<typeof scorecardCreateSchema>;

export const scorecardUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  criteria: z.array(assignmentCriterionSchema).max(20).optional(),
  position: z.number().int().min(0).max(1000).optional(),
  definition: scorecardDefinitionSchema.optional(),
  note: z.string().trim().max(500).optional().describe('Why this version was made; kept with it'),
  /** The version the editor started from; a save over a newer version is refused (409). */
  baseVersion: z.number().int().min(1).optional(),
});
export type ScorecardUpdate = z.infer<typeof scorecardUpdateSchema>;

export const recomputeResultSchema = z.object({
  accounts: z.number().int().describe('Accounts scored'),
  snapshots: z.number().int().describe('New snapshots written (a score moved, an input changed, or the first of the day)'),
  seconds: z.number(),
});

export const measureExplanationSchema = z.object({
  measureId: z.string(),
  name: z.string(),
  groupId: z.string().nullable(),
  input: measureInputSchema,
  windowDays: z.number().int(),
  rawValue: z.union([z.number(), z.string()]).nullable(),
  treatment: z.enum(['scored', 'defaulted', 'excluded']),
  missingReason: z.string().nullable(),
  measureScore: z.number().nullable(),
  effectiveWeight: z.number(),
  contribution: z.number(),
});

export const measureMovementSchema = z.object({
  measureId: z.string(),
  name: z.string(),
  scoreDelta: z.number().nullable(),
  contributionDelta: z.number(),
});

export const trendChangeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('known'), change: z.number(), fromDate: z.string(), fromScore: z.number() }),
  z.object({ status: z.literal('unknown'), reason: z.string() }),
]);

export const snapshotSchema = z.object({
  id: z.number().int(),
  computedAt: z.string(),
  asOfDate: z.string(),
  trigger: z.string(),
  scorecardId: z.uuid(),
  scorecardName: z.string(),
  scorecardVersion: z.number().int(),
  status: z.enum(['scored', 'not-scored']),
  score: z.number().nullable().describe('Rounded to 2 decimals'),
  band: z.string().nullable(),
  reason: z.string().nullable(),
});
export type SnapshotDto = z.infer<typeof snapshotSchema>;

export const sentimentSchema = z.object({
  sentiment: z.enum(sentimentLabels),
  note: z.string(),
  setBy: z.string().nullable(),
  createdAt: z.string(),
  expiresOn: z.string(),
});

export const accountHealthSchema = z.object({
  accountId: z.uuid(),
  current: snapshotSchema.nullable(),
  bands: z.array(scoreBandSchema),
  /** Bands' colours follow their order: the first band is the worst. */
  trend: z.object({ days7: trendChangeSchema, days30: trendChangeSchema }),
  /** The last snapshot of each day, oldest first, over the last 90 days. */
  history: z.array(z.object({ date: z.string(), score: z.number(), band: z.string() })),
  explanation: z.array(measureExplanationSchema),
  /** What moved since the previous snapshot, largest contribution change first. */
  moved: z.array(measureMovementSchema),
  previous: snapshotSchema.nullable(),
  sentiment: sentimentSchema.nullable(),
});
export type AccountHealth = z.infer<typeof accountHealthSchema>;

export const snapshotListSchema = z.object({ items: z.array(snapshotSchema) });

export const sentimentCreateSchema = z.strictObject({
  sentiment: z.enum(sentimentLabels),
  note: z.string().trim().min(1, 'say why: the note is shown with the score').max(2000),
  expiresOn: z.iso.date('must be a date as YYYY-MM-DD').describe('The sentiment stops counting after this day'),
});
export type SentimentCreate = z.infer<typeof sentimentCreateSchema>;

/** Score distribution: counts per band and per 10-point bucket (0–10, 10–20, …, 90–100). */
export const distributionSchema = z.object({
  accounts: z.number().int(),
  scored: z.number().int(),
  notScored: z.number().int(),
  bands: z.array(z.object({ band: z.string(), lower: z.number(), upper: z.number(), accounts: z.number().int(), arrMinor: z.number().int() })),
  buckets: z.array(z.object({ from: z.number(), to: z.number(), accounts: z.number().int() })),
  averageScore: z.number().nullable(),
});
export type Distribution = z.infer<typeof distributionSchema>;

export const healthSummaryQuerySchema = z.strictObject({
  ownerId: z.uuid().optional().describe("Only this user's book"),
  scorecardId: z.uuid().optional(),
});

export const healthSummarySchema = distributionSchema.extend({
  reportingCurrency: z.string(),
  lastComputedAt: z.string().nullable(),
  byOwner: z.array(
    z.object({ ownerId: z.uuid().nullable(), ownerName: z.string().nullable(), accounts: z.number().int(), averageScore: z.number().nullable(), bands: z.record(z.string(), z.number().int()) }),
  ),
  lowest: z.array(
    z.object({ accountId: z.uuid(), name: z.string(), score: z.number(), band: z.string(), ownerName: z.string().nullable(), change7: z.number().nullable() }),
  ),
});
export type HealthSummary = z.infer<typeof healthSummarySchema>;

export const previewRequestSchema = z.strictObject({
  definition: scorecardDefinitionSchema,
  criteria: z.array(assignmentCriterionSchema).max(20).default([]),
  /** The scorecard being edited (its accounts are previewed when criteria are not given). */
  scorecardId: z.uuid().optional(),
});

export const previewSchema = distributionSchema.extend({
  sample: z.array(z.object({ accountId: z.uuid(), name: z.string(), score: z.number().nullable(), band: z.string().nullable() })),
  /** Per measure: how many accounts had a value, and the value range seen. */
  measures: z.array(z.object({ measureId: z.string(), present: z.number().int(), min: z.number().nullable(), max: z.number().nullable(), averageScore: z.number().nullable() })),
});
export type Preview = z.infer<typeof previewSchema>;

/** Which outcome the backtest judges the score against. */
export const backtestRequestSchema = z
  .strictObject({
    scorecardId: z.uuid().optional().describe('Default: the default scorecard'),
    definition: scorecardDefinitionSchema.optional().describe('Backtest an unsaved definition instead'),
    asOf: z.iso.date('must be a date as YYYY-MM-DD').optional(),
    horizonDays: z.number().int().min(7).max(730).optional(),
    outcomeField: traitKey.optional().describe('A trait that says whether the account churned'),
    outcomeValue: z.string().trim().min(1).max(200).optional().describe('The value of outcomeField that means churned'),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
    heldOutShare: z.number().min(0.1).max(0.5).default(0.3),
  })
  .superRefine((value, context) => {
    const byDate = value.asOf !== undefined || value.horizonDays !== undefined;
    const byField = value.outcomeField !== undefined || value.outcomeValue !== undefined;
    if (byDate && byField) {
      context.addIssue({ code: 'custom', path: ['outcomeField'], message: 'give either asOf and horizonDays, or outcomeField and outcomeValue, not both' });
    } else if (byField && (value.outcomeField === undefined || value.outcomeValue === undefined)) {
      context.addIssue({ code: 'custom', path: [value.outcomeField === undefined ? 'outcomeField' : 'outcomeValue'], message: 'outcomeField and outcomeValue go together' });
    } else if (byDate && (value.asOf === undefined || value.horizonDays === undefined)) {
      context.addIssue({ code: 'custom', path: [value.asOf === undefined ? 'asOf' : 'horizonDays'], message: 'asOf and horizonDays go together' });
    } else if (!byDate && !byField) {
      context.addIssue({ code: 'custom', path: ['asOf'], message: 'give asOf and horizonDays (churn within the horizon), or outcomeField and outcomeValue (a churn flag column)' });
    }
  });
export type BacktestRequest = z.infer<typeof backtestRequestSchema>;

export const backtestReportSchema = z.object({
  accounts: z.number().int(),
  churned: z.number().int(),
  auc: metricValueSchema,
  roc: z.array(z.object({ threshold: z.number().nullable(), falsePositiveRate: z.number(), truePositiveRate: z.number() })),
  churnByBand: z.array(z.object({ band: z.string(), accounts: z.number().int(), churned: z.number().int(), churnRate: metricValueSchema })),
  lowestDecile: z.object({
    accounts: z.number().int(),
    highestScore: z.number().nullable(),
    churnRate: metricValueSchema,
    overallChurnRate: metricValueSchema,
    lift: metricValueSchema,
  }),
  measureAucs: z.array(z.object({ measureId: z.string(), name: z.string(), accounts: z.number().int(), auc: metricValueSchema })),
  verdict: z.object({ level: z.enum(['well', 'weakly', 'no-separation', 'backwards', 'cannot-judge']), sentence: z.string() }),
});

export const backtestResultSchema = z.object({
  scorecardId: z.uuid().nullable(),
  scorecardName: z.string(),
  scorecardVersion: z.number().int().nullable(),
  outcome: z.string().describe('What counted as churn, in words'),
  asOf: z.string(),
  horizonDays: z.number().int().nullable(),
  /** Accounts left out: not customers on the as-of date, no outcome value, or not scored. */
  excluded: z.object({ noOutcome: z.number().int(), notScored: z.number().int() }),
  report: backtestReportSchema,
});
export type BacktestResult = z.infer<typeof backtestResultSchema>;

export const calibrationResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('calibrated'),
    scorecardId: z.uuid().nullable(),
    baseVersion: z.number().int().nullable(),
    outcome: z.string(),
    trainingAccounts: z.number().int(),
    heldOutAccounts: z.number().int(),
    unscoredAccounts: z.number().int(),
    weights: z.array(z.object({ measureId: z.string(), name: z.string(), before: z.number(), after: z.number(), coefficient: z.number(), note: z.string().nullable() })),
    breakpoints: z.array(z.object({ measureId: z.string(), name: z.string(), changed: z.boolean(), before: measureSchemeSchema, after: measureSchemeSchema, note: z.string() })),
    proposed: scorecardDefinitionSchema,
    /** Set when the held-out part has too few churners for before/after to mean much. */
    caution: z.string().nullable(),
    before: backtestReportSchema,
    after: backtestReportSchema,
  }),
  z.object({ status: z.literal('not-calibrated'), reason: z.string(), outcome: z.string() }),
]);
export type CalibrationResult = z.infer<typeof calibrationResultSchema>;
