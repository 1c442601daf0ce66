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

/** An account's latest health score (account_health), or null on the list when it is not scored. */
export const accountHealthSummarySchema = z.object({
  score: z.number().describe('0–100, two decimals'),
  band: z.string(),
  bandIndex: z
    .number()
    .int()
    .describe("Position of the band among its scorecard's bands, 0 = the first (worst)"),
});
export type AccountHealthSummary = z.infer<typeof accountHealthSummarySchema>;

/** One row of the portfolio list: the account with its latest health. */
export const accountListItemSchema = accountSummarySchema.extend({
  health: accountHealthSummarySchema.nullable(),
});
export type AccountListItem = z.infer<typeof accountListItemSchema>;

export const accountSortFields = ['name', 'mrr', 'health', 'renewalDate', 'createdAt', 'updatedAt'] as const;

/** Columns of the portfolio table and of its CSV export, in display order. */
export const accountColumns = [
  'name',
  'domain',
  'status',
  'tier',
  'segment',
  'owner',
  'health',
  'mrr',
  'arr',
  'renewalDate',
  'stage',
  'industry',
  'region',
] as const;
export type AccountColumn = (typeof accountColumns)[number];
/** What the table and the export show when no columns are chosen. */
export const defaultAccountColumns: readonly AccountColumn[] = [
  'name',
  'status',
  'tier',
  'owner',
  'health',
  'mrr',
  'renewalDate',
  'stage',
];

/** The band filter's value for accounts without a score. */
export const UNSCORED_BAND = 'none';
/** The `stage` filter value for accounts without a lifecycle stage. */
export const NO_STAGE = 'none';

const statusList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(accountStatuses)));

const bandList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(100)).min(1, 'name at least one band').max(20));

/** Filters and sort of the accounts list, shared with its CSV export. */
const accountFilterFields = {
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe(
      'Text search on name and domain (case-insensitive, substring), or an exact external, CRM, billing or support id',
    ),
  owner: z
    .union([z.literal('me'), z.literal('none'), z.uuid()])
    .optional()
    .describe('Owner CSM: a user id, "me", or "none" for unassigned'),
  status: statusList.optional().describe('Comma-separated statuses'),
  tier: z.string().max(100).optional(),
  segment: z.string().max(100).optional(),
  stage: z.string().max(100).optional().describe(`Lifecycle stage; "${NO_STAGE}" for accounts without one`),
  renewalFrom: isoDate.optional().describe('Renewal date on or after (YYYY-MM-DD)'),
  renewalTo: isoDate.optional().describe('Renewal date on or before (YYYY-MM-DD)'),
  renewalWithin: z.coerce
    .number()
    .int()
    .min(0)
    .max(3660)
    .optional()
    .describe(
      'Renewal date from today to today + N days (UTC, both included); combines with renewalFrom/renewalTo',
    ),
  mrrMin: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .describe('Minimum MRR in minor units of the reporting currency'),
  mrrMax: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .describe('Maximum MRR in minor units of the reporting currency'),
  trait: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.string().regex(/^[^:]+:.*$/, 'must be key:value, e.g. plan:Pro')))
    .describe('Trait equals, as key:value; repeat for several'),
  parent: z.uuid().optional().describe('Only children of this account'),
  band: bandList
    .optional()
    .describe(`Comma-separated health band names; "${UNSCORED_BAND}" for accounts without a score`),
  sort: z
    .string()
    .regex(
      /^-?(name|mrr|health|renewalDate|createdAt|updatedAt)$/,
      'must be one of name, mrr, health, renewalDate, createdAt, updatedAt, optionally prefixed with - for descending',
    )
    .default('name'),
};

/** Query string of GET /api/v1/accounts. */
export const accountListQuerySchema = z.strictObject({
  ...accountFilterFields,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type AccountListQuery = z.input<typeof accountListQuerySchema>;
export type AccountListFilters = z.output<typeof accountListQuerySchema>;

const columnList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(accountColumns)).min(1, 'name at least one column'));

/** Query string of GET /api/v1/accounts/export.csv: the list's filters and sort, no paging, and the columns. */
export const accountExportQuerySchema = z.strictObject({
  ...accountFilterFields,
  columns: columnList
    .optional()
    .describe(
      `Comma-separated columns, in order: ${accountColumns.join(', ')}; default ${defaultAccountColumns.join(',')}`,
    ),
});
export type AccountExportQuery = z.output<typeof accountExportQuerySchema>;
/** The filters and sort shared by the list and the export. */
export type AccountFilters = Omit<AccountListFilters, 'page' | 'pageSize'>;

export const accountListResponseSchema = z.object({
  items: z.array(accountListItemSchema),
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

/** Body of POST /api/v1/accounts/reassign: move these accounts to one owner (null: unassigned). */
export const accountReassignSchema = z.strictObject({
  accountIds: z
    .array(z.uuid({ message: 'must be an account id (a UUID)' }))
    .min(1)
    .max(5000, 'at most 5,000 accounts at once; split the list'),
  ownerId: z.uuid({ message: 'must be a user id (a UUID)' }).nullable(),
});
export type AccountReassign = z.infer<typeof accountReassignSchema>;

export const accountReassignResultSchema = z.object({
  requested: z.number().int().describe('Distinct account ids sent'),
  reassigned: z.number().int().describe('Accounts whose owner changed'),
  unchanged: z.number().int().describe('Accounts that already had this owner'),
  owner: userRefSchema.nullable(),
});
export type AccountReassignResult = z.infer<typeof accountReassignResultSchema>;
