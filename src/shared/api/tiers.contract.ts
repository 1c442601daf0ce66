import { z } from 'zod';
import { userRefSchema } from './accounts.contract';
import { touchModels } from './enums';
import { ruleProblemSchema, segmentRuleSchema } from './segments.contract';

/**
 * Contracts of tiers, touch models and engagement cadences (/api/v1/tiers/…). Tiers are tried in
 * order and the first whose rule matches an account wins; the default tier (rule null, always last)
 * takes every account no other tier matched. User docs: docs/segments.md.
 */

/** A service tier with its touch model and cadences. */
export const tierSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number().int().describe('1 for the first tier tried; the default tier is always last'),
  isDefault: z.boolean(),
  rule: segmentRuleSchema.nullable().describe('null for the default tier'),
  touchModel: z.enum(touchModels),
  ebrEveryDays: z.number().int().nullable().describe('An EBR/QBR is due every N days; null: none expected'),
  checkInEveryDays: z
    .number()
    .int()
    .nullable()
    .describe('A call or meeting is due every N days; null: none expected'),
  accountCount: z.number().int().describe('Accounts in this tier now'),
  problems: z
    .array(ruleProblemSchema)
    .describe(
      'Why the saved rule no longer fits the data (e.g. a trait changed type); while not empty the tier matches no account',
    ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Tier = z.infer<typeof tierSchema>;

export const tierListSchema = z.object({
  items: z.array(tierSchema).describe('In order: the first tried first, the default last'),
});
export type TierList = z.infer<typeof tierListSchema>;

const tierName = z.string().trim().min(1, 'give the tier a name').max(100, 'at most 100 characters');
const cadenceDays = z
  .number({ message: 'a whole number of days above 0, or null for none' })
  .int('a whole number of days above 0, or null for none')
  .min(1, 'a whole number of days above 0, or null for none')
  .max(3660, 'at most 3,660 days (ten years)')
  .nullable();

/**
 * Body of POST /api/v1/tiers. `rule: null` creates the default tier (there is exactly one once any tier
 * exists, so create it first); a tier with a rule is added just before the default (reorder with PUT
 * /api/v1/tiers/order). A tier rule may not test `tier`.
 */
export const tierCreateSchema = z.strictObject({
  name: tierName,
  rule: segmentRuleSchema.nullable(),
  touchModel: z.enum(touchModels),
  ebrEveryDays: cadenceDays.optional(),
  checkInEveryDays: cadenceDays.optional(),
});
export type TierCreate = z.infer<typeof tierCreateSchema>;

/** Body of PUT /api/v1/tiers/:id: any of the fields. The default tier keeps rule null; another tier cannot take null. */
export const tierUpdateSchema = z
  .strictObject({
    name: tierName.optional(),
    rule: segmentRuleSchema.nullable().optional(),
    touchModel: z.enum(touchModels).optional(),
    ebrEveryDays: cadenceDays.optional(),
    checkInEveryDays: cadenceDays.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'send at least one of name, rule, touchModel, ebrEveryDays, checkInEveryDays',
  });
export type TierUpdate = z.infer<typeof tierUpdateSchema>;

/** Body of PUT /api/v1/tiers/order: every tier with a rule, in the new order (the default may be named last or left out). */
export const tierOrderSchema = z.strictObject({
  ids: z
    .array(z.uuid({ message: 'must be a tier id (a UUID)' }))
    .min(1, 'list the tiers in their new order')
    .max(200),
});
export type TierOrder = z.infer<typeof tierOrderSchema>;

/** Which cadence: EBR/QBR (activities of kind ebr or qbr) or check-in (kind call or meeting). */
export const cadenceKinds = ['ebr', 'check_in'] as const;
export type CadenceKind = (typeof cadenceKinds)[number];

/** One tier's cadence status: accounts, and how many are overdue for an EBR and for a check-in (churned accounts left out). */
export const tierCadenceSchema = z.object({
  tierId: z.uuid(),
  tier: z.string(),
  touchModel: z.enum(touchModels),
  ebrEveryDays: z.number().int().nullable(),
  checkInEveryDays: z.number().int().nullable(),
  accounts: z.number().int().describe('Accounts in the tier, churned and prospects left out'),
  overdueEbr: z.number().int().describe('0 when the tier has no EBR cadence'),
  overdueCheckIn: z.number().int().describe('0 when the tier has no check-in cadence'),
});
export type TierCadence = z.infer<typeof tierCadenceSchema>;

export const tierCadenceListSchema = z.object({
  items: z.array(tierCadenceSchema),
  asOf: z.string().describe('The UTC day the counts are for (YYYY-MM-DD)'),
});
export type TierCadenceList = z.infer<typeof tierCadenceListSchema>;

/** Query string of GET /api/v1/tiers/cadence/overdue. */
export const overdueQuerySchema = z.strictObject({
  kind: z.enum(cadenceKinds),
  tier: z.string().trim().min(1).max(100).optional().describe('A tier id or name; every tier when left out'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type OverdueQuery = z.output<typeof overdueQuerySchema>;

/** An account overdue on a cadence: the longest overdue first. */
export const overdueAccountSchema = z.object({
  account: z.object({ id: z.uuid(), name: z.string() }),
  tier: z.string(),
  owner: userRefSchema.nullable(),
  cadenceDays: z.number().int(),
  lastTouchOn: z
    .string()
    .nullable()
    .describe(
      'UTC day of the last EBR/QBR (kind ebr) or call/meeting (kind check_in); null when there was none',
    ),
  customerSince: z
    .string()
    .describe('UTC day the account became a customer (its first subscription start, else its creation)'),
  daysOverdue: z
    .number()
    .int()
    .describe(
      'Days past the cadence: since the last touch (or since becoming a customer when none) minus the cadence',
    ),
});
export type OverdueAccount = z.infer<typeof overdueAccountSchema>;

export const overdueAccountPageSchema = z.object({
  items: z.array(overdueAccountSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  asOf: z.string(),
});
export type OverdueAccountPage = z.infer<typeof overdueAccountPageSchema>;
