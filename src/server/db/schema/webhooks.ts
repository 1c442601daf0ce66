import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { webhookDeliveryStatuses, webhookEventTypes, webhookFormats } from '../../../shared/api/enums';
import { id, timestamps } from './columns';
import { users } from './people';

/** An outbound webhook: a URL that receives the chosen events, signed with its secret. */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: id(),
    url: text('url').notNull(),
    description: text('description'),
    /** Subset of webhookEventTypes. */
    events: text('events').array().notNull(),
    format: text('format', { enum: webhookFormats }).notNull().default('json'),
    /** HMAC-SHA256 key for the Cycle-Signature header; kept (not hashed) because every delivery is signed with it. */
    secret: text('secret').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (table) => [check('webhook_subscriptions_format_check', sql`${table.format} IN ('json', 'slack')`)],
);

/**
 * One event for one subscription: written in the same transaction as the change that caused it
 * (an outbox), then sent by the dispatcher with retries. The log of what was sent and answered.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    /** The event's id: the same for every subscription that receives it (receivers dedupe on it). */
    eventId: uuid('event_id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    eventType: text('event_type').notNull(),
    /** The event's data (the envelope and the Slack text are built when sending). */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: webhookDeliveryStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When the next attempt is due (pending), or until when the current attempt holds it. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('webhook_deliveries_due_idx')
      .on(table.nextAttemptAt)
      .where(sql`${table.status} = 'pending'`),
    index('webhook_deliveries_subscription_idx').on(table.subscriptionId, table.createdAt),
    check('webhook_deliveries_status_check', sql`${table.status} IN ('pending', 'succeeded', 'failed')`),
  ],
);

export { webhookEventTypes, webhookFormats };
