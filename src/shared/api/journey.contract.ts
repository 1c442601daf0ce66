import { z } from 'zod';
import { stageChangeSources } from './enums';
import { segmentRuleSchema } from './segments.contract';

const isoDate = z.iso.date();
const uuid = (what: string) => z.uuid({ message: `must be ${what} id (a UUID)` });

/** The metrics that can tell whether a stage works, with the label the UI shows. */
export const stageMetricKeys = [
  'time_to_go_live',
  'seat_utilisation',
  'active_users',
  'health_score',
  'nps',
  'gross_retention',
  'expansion_mrr',
  'time_in_stage',
] as const;
export type StageMetricKey = (typeof stageMetricKeys)[number];

export const stageMetricLabels: Readonly<Record<StageMetricKey, string>> = {
  time_to_go_live: 'Time to go-live',
  seat_utilisation: 'Seat utilisation',
  active_users: 'Active users',
  health_score: 'Health score',
  nps: 'NPS',
  gross_retention: 'GRR (last 3 months)',
  expansion_mrr: 'Expansion MRR',
  time_in_stage: 'Time in stage',
};

/** A rule over the shared field catalogue: the same rule language as segments and tier rules. */
export const ruleSchema = segmentRuleSchema;

/** A proactive touchpoint the owning team commits to in a stage, e.g. "Kickoff call" on day 3. */
export const stageTouchpointSchema = z.strictObject({
  title: z.string().trim().min(1, 'give the touchpoint a title').max(200, 'at most 200 characters'),
  dueDay: z
    .number()
    .int('a whole number of days')
    .min(0, 'days after entering the stage, 0 or more')
    .max(3650, 'at most 3,650 days')
    .nullable()
    .describe('Days after entering the stage by which it is due; null when there is no fixed day'),
});
export type StageTouchpoint = z.infer<typeof stageTouchpointSchema>;

export const stageMetricSchema = z.object({ key: z.enum(stageMetricKeys), label: z.string() });

export const teamRefSchema = z.object({ id: z.uuid(), name: z.string(), kind: z.string() });
export const personRefSchema = z.object({ id: z.uuid(), name: z.string() });

/** A lifecycle stage of the journey map, as GET /api/v1/stages lists them (position order). */
export const stageSchema = z.object({
  id: z.uuid(),
  name: z.string().describe('The value kept in accounts.lifecycle_stage'),
  position: z.number().int().describe('0-based place in the journey'),
  description: z.string().nullable(),
  entryRule: ruleSchema.nullable().describe('Accounts matching it enter the stage; null: entered by hand'),
  expectedDays: z.number().int().nullable().describe('Over it an account is overdue; null: no limit'),
  owningTeam: teamRefSchema.nullable(),
  touchpoints: z.array(stageTouchpointSchema),
  metrics: z.array(stageMetricSchema),
  accounts: z.number().int().describe('Accounts in this stage now'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Stage = z.infer<typeof stageSchema>;

export const stageListSchema = z.object({
  items: z.array(stageSchema),
  /** Every metric a stage can name, for the editor. */
  metricCatalogue: z.array(stageMetricSchema),
});
export type StageList = z.infer<typeof stageListSchema>;

const stageName = z.string().trim().min(1, 'give the stage a name').max(100, 'at most 100 characters');
const stageFields = {
  description: z.string().trim().max(2000, 'at most 2,000 characters').nullable().optional(),
  entryRule: ruleSchema.nullable().optional(),
  expectedDays: z
    .number()
    .int('a whole number of days')
    .min(1, 'at least 1 day, or null for no limit')
    .max(3650, 'at most 3,650 days')
    .nullable()
    .optional(),
  owningTeamId: uuid('a team').nullable().optional(),
  touchpoints: z.array(stageTouchpointSchema).max(50, 'at most 50 touchpoints').optional(),
  metrics: z.array(z.enum(stageMetricKeys)).max(stageMetricKeys.length).optional(),
};

/** Body of POST /api/v1/stages: the new stage goes last. */
export const stageCreateSchema = z.strictObject({ name: stageName, ...stageFields });
export type StageCreate = z.infer<typeof stageCreateSchema>;

/** Body of PUT /api/v1/stages/:id: any of the fields; renaming moves the stage's accounts and history along. */
export const stageUpdateSchema = z
  .strictObject({ name: stageName.optional(), ...stageFields })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'send at least one field to change',
  });
export type StageUpdate = z.infer<typeof stageUpdateSchema>;

/** Body of PUT /api/v1/stages/order: every stage id once, in the new order. */
export const stageOrderSchema = z.strictObject({
  ids: z.array(uuid('a stage')).min(1, 'list every stage id once, in the new order'),
});
export type StageOrder = z.infer<typeof stageOrderSchema>;

/** Body of PUT /api/v1/accounts/:id/stage: a stage name from the journey map, or null to take it off. */
export const accountStageChangeSchema = z.strictObject({
  stage: z.string().trim().min(1, 'name a stage from GET /api/v1/stages, or send null').nullable(),
});
export type AccountStageChange = z.infer<typeof accountStageChangeSchema>;

/** One stay of an account in a stage. */
export const stageStaySchema = z.object({
  stage: z.string(),
  stageId: z.uuid().nullable().describe('Null when the stage is no longer on the journey map'),
  enteredAt: z.string(),
  leftAt: z.string().nullable().describe('Null for the current stage'),
  days: z.number().int().describe('Whole days in the stage (until now for the current one)'),
  source: z.enum(stageChangeSources),
  changedBy: personRefSchema.nullable(),
});
export type StageStay = z.infer<typeof stageStaySchema>;

/** An account's current stage with its time in stage, and every stage it has been in (oldest first). */
export const accountStagesSchema = z.object({
  accountId: z.uuid(),
  current: z
    .object({
      stage: z.string(),
      stageId: z.uuid().nullable(),
      enteredAt: z.string(),
      daysInStage: z.number().int(),
      expectedDays: z.number().int().nullable(),
      status: z.enum(['on_track', 'overdue']),
    })
    .nullable(),
  items: z.array(stageStaySchema),
});
export type AccountStages = z.infer<typeof accountStagesSchema>;

/** Units of a board metric value: days, percent (0–100), users, health score, NPS (−100..100), USD minor units. */
export const boardMetricUnits = ['days', 'percent', 'users', 'score', 'nps', 'usd_minor'] as const;
export type BoardMetricUnit = (typeof boardMetricUnits)[number];

/** The value of one of a stage's metrics on the board, with what it was computed over. */
export const boardStageMetricSchema = z.object({
  key: z.enum(stageMetricKeys),
  label: z.string(),
  value: z.number().nullable().describe('Null when there is nothing to compute on; basis says why'),
  unit: z.enum(boardMetricUnits),
  basis: z.string().describe('What the value was computed over, e.g. "median over 23 accounts …"'),
});
export type BoardStageMetric = z.infer<typeof boardStageMetricSchema>;

/** One column of the journey board: the accounts in a stage now (churned accounts are not on the board). */
export const boardColumnSchema = z.object({
  stage: z.object({
    id: z.uuid(),
    name: z.string(),
    position: z.number().int(),
    expectedDays: z.number().int().nullable(),
    owningTeam: teamRefSchema.nullable(),
  }),
  accounts: z.number().int(),
  arrMinor: z.number().int().describe('ARR today, USD minor units'),
  overdue: z.number().int().describe('Accounts whose whole days in stage exceed expectedDays'),
  medianDaysInStage: z.number().nullable(),
  metrics: z.array(boardStageMetricSchema).describe("The values of the stage's chosen metrics, in its order"),
});
export type BoardColumn = z.infer<typeof boardColumnSchema>;

/** Query of GET /api/v1/journey/board: `metrics=skip` leaves the stage metrics out (a quicker first paint). */
export const journeyBoardQuerySchema = z.object({
  metrics: z
    .enum(['include', 'skip'], { message: 'must be "include" or "skip"' })
    .default('include')
    .describe('skip: every column comes with an empty metrics list, without reading usage, health or surveys'),
});

export const journeyBoardSchema = z.object({
  columns: z.array(boardColumnSchema),
  noStage: z.object({ accounts: z.number().int(), arrMinor: z.number().int() }),
  /** Accounts in a stage name that is not on the journey map (e.g. imported), by name. */
  offMap: z.array(z.object({ stage: z.string(), accounts: z.number().int(), arrMinor: z.number().int() })),
  currency: z.literal('USD'),
});
export type JourneyBoard = z.infer<typeof journeyBoardSchema>;

export const boardSortFields = [
  'daysInStage',
  '-daysInStage',
  'name',
  '-name',
  'arr',
  '-arr',
  'enteredAt',
  '-enteredAt',
] as const;

/** Query of GET /api/v1/journey/board/:stageId/accounts. */
export const boardAccountsQuerySchema = z.strictObject({
  overdue: z
    .enum(['true', 'false'], { message: 'true (only overdue accounts) or false (only on-track ones)' })
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.enum(boardSortFields).default('-daysInStage'),
});
export type BoardAccountsQuery = z.infer<typeof boardAccountsQuerySchema>;

/** One account of a board column's drill-down. */
export const boardAccountSchema = z.object({
  account: z.object({ id: z.uuid(), name: z.string() }),
  owner: personRefSchema.nullable(),
  arrMinor: z.number().int(),
  healthBand: z.string().nullable(),
  enteredAt: z.string(),
  daysInStage: z.number().int(),
  status: z.enum(['on_track', 'overdue']),
  nextTouchpoint: z
    .object({ title: z.string(), dueDay: z.number().int(), dueOn: isoDate })
    .nullable()
    .describe('The first touchpoint due today or later (by its day in stage)'),
});
export type BoardAccount = z.infer<typeof boardAccountSchema>;

export const boardAccountsSchema = z.object({
  stage: boardColumnSchema.shape.stage,
  items: z.array(boardAccountSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  currency: z.literal('USD'),
});
export type BoardAccounts = z.infer<typeof boardAccountsSchema>;
