import { z } from 'zod';
import { webhookDeliveryStatuses, webhookEventTypes, webhookFormats } from './enums';

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .max(2000)
  .describe('Where events are POSTed');

export const webhookSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.enum(webhookEventTypes)),
  format: z.enum(webhookFormats),
  active: z.boolean(),
  createdAt: z.string(),
  /** Deliveries of the last 7 days by status, to see at a glance whether it works. */
  recent: z.object({ succeeded: z.number().int(), pending: z.number().int(), failed: z.number().int() }),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const createWebhookBodySchema = z.strictObject({
  url: httpUrl,
  events: z
    .array(z.enum(webhookEventTypes))
    .min(1, 'choose at least one event')
    .max(webhookEventTypes.length),
  format: z.enum(webhookFormats).default('json'),
  description: z.string().trim().max(300).nullable().optional(),
});

export const updateWebhookBodySchema = z.strictObject({
  url: httpUrl.optional(),
  events: z
    .array(z.enum(webhookEventTypes))
    .min(1, 'choose at least one event')
    .max(webhookEventTypes.length)
    .optional(),
  format: z.enum(webhookFormats).optional(),
  description: z.string().trim().max(300).nullable().optional(),
  active: z.boolean().optional(),
});

export const webhookDeliverySchema = z.object({
  id: z.number().int(),
  eventId: z.uuid(),
  eventType: z.string(),
  status: z.enum(webhookDeliveryStatuses),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable().describe('When it is tried again (pending only)'),
  deliveredAt: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveriesQuerySchema = z.object({
  status: z.enum(webhookDeliveryStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe("Only deliveries older than this one: the previous page's nextBefore"),
});

export const webhookDeliveriesPageSchema = z.object({
  items: z.array(webhookDeliverySchema),
  /** The `before` that fetches the next (older) page; null when this page reaches the oldest. */
  nextBefore: z.number().int().nullable(),
});
export type WebhookDeliveriesPage = z.infer<typeof webhookDeliveriesPageSchema>;
