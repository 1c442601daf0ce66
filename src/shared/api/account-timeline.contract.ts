import { z } from 'zod';
import { activityKinds, surveyKinds, ticketPriorities, ticketStatuses } from './enums';
import { moneySchema } from './money';

/** The sources the Account 360 timeline merges, in the order the filter chips show them. */
export const timelineKinds = ['activity', 'ticket', 'survey', 'health', 'revenue'] as const;
export type TimelineKind = (typeof timelineKinds)[number];

/** MRR movements that make a timeline entry (a month with movement "none" makes none). */
export const timelineMovements = ['new', 'expansion', 'contraction', 'churn', 'reactivation'] as const;

/** Health moves of at least this many points between consecutive scored snapshots make an entry. */
export const HEALTH_CHANGE_POINTS = 5;

const kindList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.enum(timelineKinds, { message: `must be a comma list of ${timelineKinds.join(', ')}` }))
      .min(1, 'name at least one kind'),
  );

/** Query string of GET /api/v1/accounts/:id/timeline. */
export const timelineQuerySchema = z.strictObject({
  kinds: kindList.optional().describe(`Comma list of ${timelineKinds.join(', ')}; all when left out`),
  before: z
    .string()
    .max(200)
    .optional()
    .describe('The nextCursor of the previous page: entries strictly older than it'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type TimelineQuery = z.output<typeof timelineQuerySchema>;

const baseEntry = {
  /** Unique and stable, e.g. "activity:<uuid>", "ticket-resolved:<uuid>", "revenue:2026-03". */
  id: z.string(),
  /** When it happened (ISO). Revenue movements are placed at the first moment of their month (UTC). */
  at: z.string(),
};

export const timelineEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    ...baseEntry,
    kind: z.literal('activity'),
    activity: z.object({
      id: z.uuid(),
      kind: z.enum(activityKinds),
      subject: z.string(),
      body: z.string().nullable(),
      outcome: z.string().nullable(),
      user: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    }),
  }),
  z.object({
    ...baseEntry,
    kind: z.literal('ticket'),
    ticket: z.object({
      id: z.uuid(),
      /** Opened or resolved: a resolved ticket appears twice, once at each moment. */
      event: z.enum(['opened', 'resolved']),
      subject: z.string(),
      status: z.enum(ticketStatuses),
      priority: z.enum(ticketPriorities),
      escalated: z.boolean(),
      requesterEmail: z.string().nullable(),
      csatScore: z.number().int().nullable(),
    }),
  }),
  z.object({
    ...baseEntry,
    kind: z.literal('survey'),
    survey: z.object({
      id: z.uuid(),
      surveyKind: z.enum(surveyKinds),
      surveyName: z.string().nullable(),
      score: z.number().int(),
      comment: z.string().nullable(),
      contact: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    }),
  }),
  z.object({
    ...baseEntry,
    kind: z.literal('health'),
    health: z.object({
      /** Displayed score (two decimals) and band of this snapshot. */
      score: z.number(),
      band: z.string().nullable(),
      /** Of the previous scored snapshot; null for the account's first score. */
      previousScore: z.number().nullable(),
      previousBand: z.string().nullable(),
      /** score − previousScore in points, rounded to two decimals; null for the first score. */
      change: z.number().nullable(),
    }),
  }),
  z.object({
    ...baseEntry,
    kind: z.literal('revenue'),
    revenue: z.object({
      month: z.string().describe('YYYY-MM'),
      movement: z.enum(timelineMovements),
      mrr: moneySchema.describe('Month-end MRR, reporting currency'),
      previousMrr: moneySchema,
      change: moneySchema.describe('mrr − previousMrr'),
    }),
  }),
]);
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** GET /api/v1/accounts/:id/timeline: newest first; pass nextCursor as `before` for the next page. */
export const timelineResponseSchema = z.object({
  items: z.array(timelineEntrySchema),
  nextCursor: z.string().nullable().describe('null when there is nothing older'),
});
export type TimelineResponse = z.infer<typeof timelineResponseSchema>;
