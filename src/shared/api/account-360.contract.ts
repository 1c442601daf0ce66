import { z } from 'zod';
import { accountSummarySchema, userRefSchema } from './accounts.contract';
import { activitySchema } from './activities.contract';
import { contactSchema } from './contacts.contract';
import { accountStatuses, billingIntervals, surveyKinds, ticketPriorities, ticketStatuses } from './enums';
import { moneySchema } from './money';

export const subscriptionSchema = z.object({
  id: z.uuid(),
  product: z.string(),
  plan: z.string().nullable(),
  price: moneySchema.describe('Price per billing interval'),
  billingInterval: z.enum(billingIntervals),
  monthly: moneySchema.describe('Normalised to one month, in the subscription currency'),
  seats: z.number().int().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable().describe('Exclusive'),
  status: z.string(),
  activeToday: z.boolean(),
});

export const ticketSchema = z.object({
  id: z.uuid(),
  subject: z.string(),
  status: z.enum(ticketStatuses),
  priority: z.enum(ticketPriorities),
  escalated: z.boolean(),
  openedAt: z.string(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});

export const surveyAnswerSchema = z.object({
  id: z.uuid(),
  kind: z.enum(surveyKinds),
  surveyName: z.string().nullable(),
  score: z.number().int(),
  comment: z.string().nullable(),
  respondedAt: z.string(),
  contactName: z.string().nullable(),
});

export const usageSummarySchema = z.object({
  /** Last 30 days ending today. */
  days: z.number().int(),
  averageActiveUsers: z.number().nullable(),
  peakActiveUsers: z.number().int().nullable(),
  events: z.number().int(),
  seatsPurchased: z.number().int().nullable(),
  /** Average active users ÷ seats purchased, 0–1+; null without seats or usage. */
  seatUtilisation: z.number().nullable(),
  lastActiveDay: z.string().nullable(),
  daily: z.array(z.object({ day: z.string(), activeUsers: z.number().int(), events: z.number().int() })),
});

export const childAccountSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(accountStatuses),
  mrr: moneySchema,
});

/** GET /api/v1/accounts/:id — everything a CSM needs on one page. */
export const account360Schema = z.object({
  account: accountSummarySchema.extend({
    goLiveDate: z.string().nullable(),
    crmId: z.string().nullable(),
    billingId: z.string().nullable(),
    supportId: z.string().nullable(),
    execSponsor: userRefSchema.nullable(),
    daysToRenewal: z.number().int().nullable(),
  }),
  parent: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  children: z.array(childAccountSchema),
  /** MRR of this account plus all its descendants. */
  rollupMrr: moneySchema,
  contacts: z.array(contactSchema),
  subscriptions: z.array(subscriptionSchema),
  usage: usageSummarySchema,
  openTickets: z.array(ticketSchema),
  ticketCounts: z.object({ open: z.number().int(), last90Days: z.number().int(), escalatedLast90Days: z.number().int() }),
  surveyAnswers: z.array(surveyAnswerSchema),
  latestNps: z.number().int().nullable(),
  recentActivities: z.array(activitySchema),
  churnEvents: z.array(z.object({ churnedOn: z.string(), reasonCode: z.string().nullable(), churnedMrr: moneySchema.nullable(), notes: z.string().nullable() })),
  /** What the signed-in user may do here. */
  permissions: z.object({ canEdit: z.boolean(), canDelete: z.boolean() }),
});
export type Account360 = z.infer<typeof account360Schema>;
