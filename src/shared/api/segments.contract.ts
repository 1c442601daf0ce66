import { z } from 'zod';
import type { SegmentRule } from '../../domain/segments';
import { userRefSchema } from './accounts.contract';
import { accountStatuses, segmentKinds } from './enums';
import { moneySchema } from './money';

/**
 * Contracts of segments (/api/v1/segments/…) and of the rule language shared by segments, tier rules
 * and lifecycle-stage entry rules. The rule semantics are src/domain/segments (evaluateSegmentRule);
 * the server evaluates the same rules in SQL. User docs: docs/segments.md.
 */

export const fieldTypes = ['number', 'text', 'date', 'boolean'] as const;
export type SegmentFieldType = (typeof fieldTypes)[number];

/** Every operator of the rule language; which apply to a field depends on its type (see the fields list). */
export const segmentOperators = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'contains',
  'not_contains',
  'starts_with',
  'in',
  'not_in',
  'on',
  'before',
  'after',
  'within_next_days',
  'within_last_days',
  'is_true',
  'is_false',
  'is_empty',
  'is_not_empty',
] as const;
export type SegmentOperator = (typeof segmentOperators)[number];

/** Nesting limit of AND/OR groups, and of conditions in a whole rule. */
export const MAX_RULE_DEPTH = 6;
export const MAX_RULE_CONDITIONS = 100;

const conditionValue = z.union([
  z.number(),
  z.string().max(1000),
  z.array(z.union([z.number(), z.string().max(1000)])).max(500),
]);

/** One test of one field, e.g. `{ kind: 'condition', field: 'arr', operator: 'gte', value: 100000 }`. */
export const segmentConditionSchema = z.strictObject({
  kind: z.literal('condition'),
  field: z.string().min(1, 'name a field (see GET /api/v1/segments/fields)').max(200),
  operator: z.enum(segmentOperators),
  value: conditionValue
    .optional()
    .describe(
      'number: a number, or [low, high] for between; text: a text, or a list for in / not_in; date: YYYY-MM-DD, ' +
        '[from, to] for between, or a whole number of days for within_*; none for is_empty, is_not_empty, is_true, is_false',
    ),
});

/** All (and) or any (or) of its rules, nested to any depth up to MAX_RULE_DEPTH; an empty group matches every account. */
export const segmentGroupSchema = z.strictObject({
  kind: z.literal('group'),
  combinator: z.enum(['and', 'or']),
  get rules() {
    return z.array(segmentRuleSchema).max(MAX_RULE_CONDITIONS);
  },
});

/** A rule: one condition or an AND/OR group. */
export const segmentRuleSchema: z.ZodType<SegmentRule> = z.discriminatedUnion('kind', [
  segmentConditionSchema,
  segmentGroupSchema,
]);
export type SegmentRuleInput = SegmentRule;

/** Where a field comes from: an account column, a computed metric, or an imported trait. */
export const fieldOrigins = ['account', 'metric', 'trait'] as const;

/** One field a rule can test, for the rule builder. */
export const segmentFieldSchema = z.object({
  key: z.string().describe('What a condition names in `field`, e.g. arr or traits.plan'),
  label: z.string(),
  type: z.enum(fieldTypes),
  origin: z.enum(fieldOrigins),
  operators: z
    .array(z.enum(segmentOperators))
    .describe('The operators that apply to this field, in display order'),
  unit: z.string().nullable().describe('e.g. USD, percent, days; null when the value has no unit'),
  description: z.string(),
  values: z
    .array(z.string())
    .nullable()
    .describe(
      'Known values of a text field (statuses, tier, stage and band names) to offer in a picker; null when free text',
    ),
});
export type SegmentField = z.infer<typeof segmentFieldSchema>;

/** Which rules a field list is for: tier rules cannot test `tier`, stage entry rules cannot test `lifecycle_stage`. */
export const rulePurposes = ['segment', 'tier', 'stage'] as const;
export type RulePurpose = (typeof rulePurposes)[number];

/** Query string of GET /api/v1/segments/fields. */
export const segmentFieldsQuerySchema = z.strictObject({
  purpose: z
    .enum(rulePurposes)
    .default('segment')
    .describe('Leave out the field a tier or stage rule may not use'),
});

export const segmentFieldListSchema = z.object({ items: z.array(segmentFieldSchema) });
export type SegmentFieldList = z.infer<typeof segmentFieldListSchema>;

/** A problem of a rule: where (`body.rule.rules[1].value`) and what to change. */
export const ruleProblemSchema = z.object({ path: z.string(), message: z.string() });
export type RuleProblemItem = z.infer<typeof ruleProblemSchema>;

/** A segment: a dynamic one follows its rule, a static one is a hand-picked list. */
export const segmentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  kind: z.enum(segmentKinds),
  rule: segmentRuleSchema.nullable().describe('The rule of a dynamic segment; null for a static list'),
  memberCount: z.number().int(),
  evaluatedAt: z
    .string()
    .nullable()
    .describe('When the members were last recomputed (dynamic) or changed (static)'),
  problems: z
    .array(ruleProblemSchema)
    .describe(
      'Why the saved rule no longer fits the data (e.g. a trait changed type); while not empty the members are not refreshed',
    ),
  createdBy: userRefSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Segment = z.infer<typeof segmentSchema>;

export const segmentListSchema = z.object({ items: z.array(segmentSchema) });
export type SegmentList = z.infer<typeof segmentListSchema>;

const segmentName = z.string().trim().min(1, 'give the segment a name').max(100, 'at most 100 characters');
const segmentDescription = z.string().trim().max(2000, 'at most 2,000 characters').nullable().optional();
const accountIdList = z
  .array(z.uuid({ message: 'must be an account id (a UUID)' }))
  .min(1, 'list at least one account id')
  .max(5000, 'at most 5,000 accounts at once; split the list');

/** Body of POST /api/v1/segments: a dynamic segment with its rule, or a static list (optionally with its first accounts). */
export const segmentCreateSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('dynamic'),
    name: segmentName,
    description: segmentDescription,
    rule: segmentRuleSchema,
  }),
  z.strictObject({
    kind: z.literal('static'),
    name: segmentName,
    description: segmentDescription,
    accountIds: accountIdList.optional(),
  }),
]);
export type SegmentCreate = z.infer<typeof segmentCreateSchema>;

/** Body of PUT /api/v1/segments/:id: any of name, description and (dynamic only) rule. A segment's kind never changes. */
export const segmentUpdateSchema = z
  .strictObject({
    name: segmentName.optional(),
    description: segmentDescription,
    rule: segmentRuleSchema.optional(),
  })
  .refine((body) => body.name !== undefined || body.description !== undefined || body.rule !== undefined, {
    message: 'send a name, a description, a rule, or several',
  });
export type SegmentUpdate = z.infer<typeof segmentUpdateSchema>;

/** An account as segment lists show it. ARR is in the reporting currency, from subscriptions active today. */
export const segmentAccountSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(accountStatuses),
  tier: z.string().nullable(),
  lifecycleStage: z.string().nullable(),
  owner: userRefSchema.nullable(),
  arr: moneySchema,
  health: z.object({ score: z.number(), band: z.string() }).nullable(),
});
export type SegmentAccount = z.infer<typeof segmentAccountSchema>;

/** Body of POST /api/v1/segments/preview: a rule to try without saving it. */
export const segmentPreviewRequestSchema = z.strictObject({
  rule: segmentRuleSchema,
  purpose: z
    .enum(rulePurposes)
    .default('segment')
    .describe('Check the rule as a segment, tier or stage rule'),
});
export type SegmentPreviewRequest = z.input<typeof segmentPreviewRequestSchema>;

export const segmentPreviewSchema = z.object({
  count: z.number().int().describe('Accounts the rule matches now'),
  totalAccounts: z.number().int().describe('All accounts, for "count of total"'),
  sample: z.array(segmentAccountSchema).describe('Up to 10 matching accounts, highest ARR first'),
  reportingCurrency: z.string(),
});
export type SegmentPreview = z.infer<typeof segmentPreviewSchema>;

export const segmentMemberSortFields = ['name', '-name', 'arr', '-arr'] as const;

/** Query string of GET /api/v1/segments/:id/members. */
export const segmentMembersQuerySchema = z.strictObject({
  sort: z.enum(segmentMemberSortFields).default('name').describe('name or arr; prefix - for descending'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type SegmentMembersQuery = z.output<typeof segmentMembersQuerySchema>;

export const segmentMemberSchema = segmentAccountSchema.extend({
  since: z.string().describe('When the account entered the segment'),
});
export type SegmentMember = z.infer<typeof segmentMemberSchema>;

export const segmentMemberPageSchema = z.object({
  items: z.array(segmentMemberSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  reportingCurrency: z.string(),
});
export type SegmentMemberPage = z.infer<typeof segmentMemberPageSchema>;

/** Query string of GET /api/v1/segments/:id/history. */
export const segmentHistoryQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type SegmentHistoryQuery = z.output<typeof segmentHistoryQuerySchema>;

/** One account entering or leaving a segment. */
export const segmentMembershipEventSchema = z.object({
  id: z.number().int(),
  account: z.object({ id: z.uuid(), name: z.string() }),
  change: z.enum(['entered', 'left']),
  at: z.string(),
});
export type SegmentMembershipEvent = z.infer<typeof segmentMembershipEventSchema>;

export const segmentHistoryPageSchema = z.object({
  items: z.array(segmentMembershipEventSchema).describe('Newest first'),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type SegmentHistoryPage = z.infer<typeof segmentHistoryPageSchema>;

/** Body of POST and DELETE /api/v1/segments/:id/accounts (static lists only). */
export const segmentAccountsChangeSchema = z.strictObject({ accountIds: accountIdList });
export type SegmentAccountsChange = z.infer<typeof segmentAccountsChangeSchema>;

export const segmentAccountsChangeResultSchema = z.object({
  changed: z.number().int().describe('Accounts added (POST) or removed (DELETE)'),
  unchanged: z.number().int().describe('Accounts already in (POST) or not in (DELETE) the list'),
  memberCount: z.number().int(),
});
export type SegmentAccountsChangeResult = z.infer<typeof segmentAccountsChangeResultSchema>;
