import { z } from 'zod';
import { accountStatuses } from './enums';
import { moneySchema } from './money';

const isoDate = z.iso.date();

export const userRefSchema = z.object({ id: z.uuid(), name: z.string(), email: z.string() });

/** One row of the accounts list. MRR/ARR are in the reporting currency, from subscriptions active today. */
export const accountSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  domain: z.string().nullable(),
  status: z.enum(accountStatuses),
  tier: z.string().nullable(),
  segment: z.string().nullable(),
  lifecycleStage: z.string().nullable(),
  industry: z.string().nullable(),
  region: z.string().nullable(),
  owner: userRefSchema.nullable(),
  parentId: z.uuid().nullable(),
  renewalDate: isoDate.nullable(),
  mrr: moneySchema,
  arr: moneySchema,
  source: z.string(),
  externalId: z.string().nullable(),
  traits: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const accountSortFields = ['name', 'mrr', 'renewalDate', 'createdAt', 'updatedAt'] as const;

const statusList = z
  .string()
  .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
  .pipe(z.array(z.enum(accountStatuses)));

/** Query string of GET /api/v1/accounts. */
export const accountListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional().describe('Text search on name and domain (case-insensitive, substring)'),
  owner: z
    .union([z.literal('me'), z.literal('none'), z.uuid()])
    .optional()
    .describe('Owner CSM: a user id, "me", or "none" for unassigned'),
  status: statusList.optional().describe('Comma-separated statuses'),
  tier: z.string().max(100).optional(),
  segment: z.string().max(100).optional(),
  stage: z.string().max(100).optional().describe('Lifecycle stage'),
  renewalFrom: isoDate.optional().describe('Renewal date on or after (YYYY-MM-DD)'),
  renewalTo: isoDate.optional().describe('Renewal date on or before (YYYY-MM-DD)'),
  mrrMin: z.coerce.number().int().min(0).optional().describe('Minimum MRR in minor units of the reporting currency'),
  mrrMax: z.coerce.number().int().min(0).optional().describe('Maximum MRR in minor units of the reporting currency'),
  trait: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.string().regex(/^[^:]+:.*$/, 'must be key:value, e.g. plan:Pro')))
    .describe('Trait equals, as key:value; repeat for several'),
  parent: z.uuid().optional().describe('Only children of this account'),
  sort: z
    .string()
    .regex(/^-?(name|mrr|renewalDate|createdAt|updatedAt)$/, 'must be one of name, mrr, renewalDate, createdAt, updatedAt, optionally prefixed with - for descending')
    .default('name'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type AccountListQuery = z.input<typeof accountListQuerySchema>;
export type AccountListFilters = z.output<typeof accountListQuerySchema>;

export const accountListResponseSchema = z.object({
  items: z.array(accountSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  reportingCurrency: z.string(),
});
export type AccountListResponse = z.infer<typeof accountListResponseSchema>;

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Body of POST /api/v1/accounts. Unknown fields are refused. */
export const accountCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(300),
  domain: optionalText(300),
  status: z.enum(accountStatuses).optional(),
  tier: optionalText(100),
  segment: optionalText(100),
  lifecycleStage: optionalText(100),
  industry: optionalText(200),
  region: optionalText(200),
  ownerId: z.uuid().nullable().optional(),
  parentId: z.uuid().nullable().optional(),
  renewalDate: isoDate.nullable().optional(),
  goLiveDate: isoDate.nullable().optional(),
  crmId: optionalText(200),
  billingId: optionalText(200),
  supportId: optionalText(200),
  externalId: optionalText(200),
  source: z.string().trim().min(1).max(100).optional(),
  traits: z.record(z.string(), z.unknown()).optional(),
});
export type AccountCreate = z.infer<typeof accountCreateSchema>;

/** Body of PATCH /api/v1/accounts/:id: any subset of the create fields. */
export const accountUpdateSchema = accountCreateSchema.partial();
export type AccountUpdate = z.infer<typeof accountUpdateSchema>;
