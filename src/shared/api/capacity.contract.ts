import { z } from 'zod';
import { touchModels } from './enums';

const byTouchModel = <T extends z.ZodType>(value: T) => z.object({ high: value, low: value, tech: value });
const twoDecimals = (value: number) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-9;

/**
 * The team's capacity model (workspace setting "capacity"). Workload is counted in units: an
 * account adds the weight of its tier's touch model; a CSM carries `workloadCapacity` units.
 */
export const capacitySettingsSchema = z.strictObject({
  weights: z.strictObject({
    high: z.number().min(0).refine(twoDecimals, 'at most two decimals'),
    low: z.number().min(0).refine(twoDecimals, 'at most two decimals'),
    tech: z.number().min(0).refine(twoDecimals, 'at most two decimals'),
  }),
  workloadCapacity: z
    .number()
    .positive('above 0 workload units')
    .max(1000)
    .refine(twoDecimals, 'at most two decimals'),
  arrTargets: z
    .strictObject({
      high: z.number().int('whole cents').min(0),
      low: z.number().int('whole cents').min(0),
      tech: z.number().int('whole cents').min(0),
    })
    .describe('ARR a CSM book should reach per touch model, USD minor units'),
  overloadAt: z.number().positive('a utilisation above 0 (1.0 = full capacity)').max(10),
  underloadAt: z.number().min(0).max(10),
  hiringLeadDays: z.number().int('whole days').min(0).max(730),
});
export type CapacitySettingsDto = z.infer<typeof capacitySettingsSchema>;

/** Public benchmarks shown beside the team's own figures: not the team's data. */
export const capacityBenchmarksSchema = z.object({
  label: z.literal('Public benchmark'),
  source: z.string(),
  accountsPerCsm: z.number().int(),
  arrPerCsm: z.object({ from: z.number().int(), to: z.number().int() }).describe('USD minor units'),
  arrPerCsmByTouchModel: byTouchModel(z.number().int()),
});
export type CapacityBenchmarks = z.infer<typeof capacityBenchmarksSchema>;

/** GET/PUT /api/v1/capacity/settings. */
export const capacitySettingsResponseSchema = z.object({
  settings: capacitySettingsSchema,
  defaults: capacitySettingsSchema,
  isDefault: z.boolean().describe('True until someone saves settings'),
  benchmarks: capacityBenchmarksSchema,
});
export type CapacitySettingsResponse = z.infer<typeof capacitySettingsResponseSchema>;

const loadFlags = ['over', 'under', 'ok'] as const;

/** One CSM's book of business. Workload and capacity in units (two decimals), ARR in USD minor units. */
export const csmBookSchema = z.object({
  csmId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  covers: z.array(z.string()).describe('Tier names; empty means every tier'),
  accounts: z.number().int(),
  arrMinor: z.number().int(),
  workload: z.number(),
  capacity: z.number(),
  utilisation: z.number().nullable().describe('Workload ÷ capacity, four decimals; null when capacity is 0'),
  accountsByTouchModel: byTouchModel(z.number().int()),
  arrTarget: z
    .object({ touchModel: z.enum(touchModels), amountMinor: z.number().int() })
    .nullable()
    .describe("The target of the touch model carrying most of the book's workload"),
  flag: z.enum(loadFlags),
});
export type CsmBookDto = z.infer<typeof csmBookSchema>;

export const capacityOverviewSchema = z.object({
  books: z.array(csmBookSchema),
  team: z.object({
    csms: z.number().int(),
    accounts: z.number().int(),
    arrMinor: z.number().int(),
    workload: z.number(),
    capacity: z.number(),
    utilisation: z.number().nullable(),
    accountsByTouchModel: byTouchModel(z.number().int()),
    overloaded: z.number().int(),
    underloaded: z.number().int(),
  }),
  unowned: z.object({ accounts: z.number().int(), arrMinor: z.number().int(), workload: z.number() }),
  settings: capacitySettingsSchema,
  benchmarks: capacityBenchmarksSchema,
  currency: z.literal('USD'),
});
export type CapacityOverview = z.infer<typeof capacityOverviewSchema>;

export const rebalanceMoveSchema = z.object({
  accountId: z.uuid(),
  accountName: z.string(),
  fromId: z.uuid(),
  fromName: z.string(),
  toId: z.uuid(),
  toName: z.string(),
  weight: z.number(),
  reason: z.string(),
});
export type RebalanceMoveDto = z.infer<typeof rebalanceMoveSchema>;

export const csmLoadSchema = z.object({
  csmId: z.uuid(),
  name: z.string(),
  workload: z.number(),
  capacity: z.number(),
  utilisation: z.number().nullable(),
});

/** POST /api/v1/capacity/rebalance/preview: proposed moves and loads before and after; nothing moves. */
export const rebalancePreviewSchema = z.object({
  moves: z.array(rebalanceMoveSchema),
  before: z.array(csmLoadSchema),
  after: z.array(csmLoadSchema),
  unresolved: z.array(z.object({ csmId: z.uuid(), excess: z.number(), why: z.string() })),
  basis: z
    .string()
    .describe(
      'Digest of the owners, tiers, capacities and settings the proposal assumed; send it back to apply',
    ),
});
export type RebalancePreview = z.infer<typeof rebalancePreviewSchema>;

/** Body of POST /api/v1/capacity/rebalance/preview: none, or {}. */
export const rebalancePreviewRequestSchema = z.strictObject({}).nullish();

/** Body of POST /api/v1/capacity/rebalance/apply: the moves to make (all or some of a preview's) and its basis. */
export const rebalanceApplySchema = z.strictObject({
  moves: z
    .array(
      z.strictObject({
        accountId: z.uuid({ message: 'must be an account id (a UUID)' }),
        fromId: z.uuid({ message: 'must be the current owner id (a UUID)' }),
        toId: z.uuid({ message: 'must be a user id (a UUID)' }),
      }),
    )
    .min(1, 'send the moves of a preview (at least one)')
    .max(10_000),
  basis: z.string().min(1, 'send the basis of the preview these moves come from'),
});
export type RebalanceApply = z.infer<typeof rebalanceApplySchema>;

export const rebalanceApplyResultSchema = z.object({
  applied: z.number().int(),
  overview: capacityOverviewSchema,
});
export type RebalanceApplyResult = z.infer<typeof rebalanceApplyResultSchema>;

/** Body of POST /api/v1/capacity/hiring. */
export const hiringRequestSchema = z.strictObject({
  expectedNew: z
    .record(z.string(), z.number().int('a whole number of customers').min(0).max(1_000_000))
    .describe('New customers expected next quarter, by tier name'),
  quarterStart: z.iso
    .date('a day as YYYY-MM-DD')
    .optional()
    .describe('First day of the quarter (YYYY-MM-01); default: the next calendar quarter'),
});
export type HiringRequest = z.infer<typeof hiringRequestSchema>;

export const touchModelHiringNeedSchema = z.object({
  touchModel: z.enum(touchModels),
  currentWorkload: z.number(),
  capacity: z.number(),
  addedWorkload: z.number(),
  monthEnds: z.array(z.object({ month: z.string(), workload: z.number() })),
  endWorkload: z.number(),
  csmsNeeded: z.number().int(),
  runsOutIn: z.string().nullable().describe('YYYY-MM-01 of the first month over capacity'),
  startHiringBy: z.string().nullable(),
  explanation: z.string(),
});

export const hiringNeedSchema = z.object({
  quarterStart: z.string(),
  tiers: z.array(z.object({ name: z.string(), touchModel: z.enum(touchModels) })),
  touchModels: z.array(touchModelHiringNeedSchema),
  csmsNeeded: z.number().int(),
});
export type HiringNeedDto = z.infer<typeof hiringNeedSchema>;
