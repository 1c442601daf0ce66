import { z } from 'zod';
import { accountStatuses, ticketPriorities, ticketStatuses } from './enums';
import { moneySchema } from './money';

/** MRR movement of an account-month (docs/metrics.md); "none" when MRR did not change. */
export const accountMovements = ['new', 'expansion', 'contraction', 'churn', 'reactivation', 'none'] as const;

/** GET /api/v1/accounts/:id/revenue — month-end MRR history in the reporting currency, minor units. */
export const accountRevenueSchema = z.object({
  currency: z.string().length(3),
  months: z.array(
    z.object({
      month: z.string().describe('YYYY-MM'),
      mrrMinor: z.number().int(),
      previousMrrMinor: z.number().int(),
      movement: z.enum(accountMovements),
      /** mrrMinor − previousMrrMinor. */
      changeMinor: z.number().int(),
      /** Currencies of this month without an exchange rate: their money is left out of mrrMinor. */
      missingRateCurrencies: z.array(z.string()),
    }),
  ),
  /** Sum of each movement over the whole history, minor units, all positive. */
  totals: z.object({
    newMinor: z.number().int(),
    expansionMinor: z.number().int(),
    contractionMinor: z.number().int(),
    churnMinor: z.number().int(),
    reactivationMinor: z.number().int(),
  }),
});
export type AccountRevenue = z.infer<typeof accountRevenueSchema>;

export const usageQuerySchema = z.strictObject({
  days: z.coerce
    .number()
    .int()
    .min(7)
    .max(365)
    .default(90)
    .describe('Window length in days, ending today (UTC)'),
});

/** GET /api/v1/accounts/:id/usage — daily active users and events over a window, against the seats bought. */
export const accountUsageSchema = z.object({
  days: z.number().int(),
  from: z.string().describe('First day of the window, YYYY-MM-DD'),
  to: z.string().describe('Today, YYYY-MM-DD'),
  /** Seats on the subscriptions active today; null when none has a seat count. */
  seatsPurchased: z.number().int().nullable(),
  /** Every day of the window; a day without recorded usage counts 0. */
  daily: z.array(z.object({ day: z.string(), activeUsers: z.number().int(), events: z.number().int() })),
  /** Mean daily active users over the days with recorded usage; null when there are none. */
  averageActiveUsers: z.number().nullable(),
  peakActiveUsers: z.number().int().nullable(),
  totalEvents: z.number().int(),
  /** averageActiveUsers ÷ seatsPurchased; null without either. */
  seatUtilisation: z.number().nullable(),
  lastActiveDay: z.string().nullable(),
});
export type AccountUsage = z.infer<typeof accountUsageSchema>;

export const supportQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const supportTicketSchema = z.object({
  id: z.uuid(),
  subject: z.string(),
  status: z.enum(ticketStatuses),
  priority: z.enum(ticketPriorities),
  escalated: z.boolean(),
  isOpen: z.boolean(),
  requesterEmail: z.string().nullable(),
  channel: z.string().nullable(),
  openedAt: z.string(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  /** Hours from opened to resolved, null while unresolved. */
  hoursToResolve: z.number().nullable(),
  csatScore: z.number().int().nullable(),
});

/** GET /api/v1/accounts/:id/support — ticket KPIs (computed in SQL) and the tickets, open ones first. */
export const accountSupportSchema = z.object({
  kpis: z.object({
    open: z.number().int(),
    openedLast30Days: z.number().int(),
    openedLast90Days: z.number().int(),
    escalatedLast90Days: z.number().int().describe('Escalated tickets opened in the last 90 days'),
    resolvedLast90Days: z.number().int(),
    /** Median hours from opened to resolved, over tickets resolved in the last 90 days; null when none. */
    medianHoursToResolve: z.number().nullable(),
    /** Mean csat_score (1–5) of tickets resolved in the last 90 days that have one; null when none. */
    csatAverage: z.number().nullable(),
    csatResponses: z.number().int(),
  }),
  tickets: z.array(supportTicketSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AccountSupport = z.infer<typeof accountSupportSchema>;

/** GET /api/v1/accounts/:id/children — the child accounts with ARR and health. */
export const accountChildrenSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      status: z.enum(accountStatuses),
      arr: moneySchema,
      health: z
        .object({
          score: z.number().nullable(),
          band: z.string().nullable(),
          /** Position of the band among its scorecard's bands (0 = worst) and how many there are. */
          bandIndex: z.number().int().nullable(),
          bandCount: z.number().int(),
        })
        .nullable(),
    }),
  ),
  /** ARR of the account plus all its descendants. */
  rollupArr: moneySchema,
});
export type AccountChildren = z.infer<typeof accountChildrenSchema>;
