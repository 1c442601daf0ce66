import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from './customers';

/** A raw product usage event (track/page), kept even when its account is not known yet. */
export const usageEvents = pgTable(
  'usage_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    source: text('source').notNull(),
    /** Idempotency key from the sender (Segment messageId). */
    messageId: text('message_id').notNull(),
    // No foreign keys: checking them locked the account and contact row of every event, which made
    // concurrent batches queue on each other. Statement triggers on accounts and contacts delete the
    // events of a deleted account and clear a deleted contact (migration 0009), and the usage fold
    // only counts events whose account exists.
    accountId: uuid('account_id'),
    contactId: uuid('contact_id'),
    userId: text('user_id'),
    anonymousId: text('anonymous_id'),
    /** `user:<userId>` or `anon:<anonymousId>`: the tracked user (tracked_users) the event belongs to. */
    userKey: text('user_key').notNull(),
    /** track | page | screen */
    type: text('type').notNull().default('track'),
    /** The event name; for page and screen calls, their name (or "" when none was given). */
    event: text('event').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    properties: jsonb('properties').$type<Record<string, unknown>>().notNull().default({}),
    /** The sender's context object (library, page, ip…), as sent. */
    context: jsonb('context').$type<Record<string, unknown>>().notNull().default({}),
    /**
     * The id of the transaction that stored the event (pg_current_xact_id): the usage fold counts
     * every event of the transactions that finished since its last run, exactly once. Null for
     * events stored before migration 0009 (already folded).
     */
    foldTxid: bigint('fold_txid', { mode: 'number' }),
  },
  (table) => [
    uniqueIndex('usage_events_source_message_id_key').on(table.source, table.messageId),
    index('usage_events_account_occurred_idx').on(table.accountId, table.occurredAt),
    // Events waiting for their user's account (unmatched): listed for admins, attributed once linked.
    index('usage_events_unmatched_idx')
      .on(table.source, table.userKey)
      .where(sql`${table.accountId} IS NULL`),
    // The fold reads the events of a range of transactions. A B-tree, not BRIN: BRIN returns every
    // range not summarised yet, so each fold would read everything stored since the last vacuum.
    index('usage_events_fold_txid_idx').on(table.foldTxid),
  ],
);

/** Up to which transaction the tracked events are folded into usage_daily (one row). */
export const usageFoldState = pgTable(
  'usage_fold_state',
  {
    id: integer('id').primaryKey().default(1),
    /** Events of transactions below this id are folded; the next fold starts here. */
    horizon: bigint('horizon', { mode: 'number' }).notNull(),
    foldedAt: timestamp('folded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('usage_fold_state_single_row_check', sql`${table.id} = 1`)],
);

/**
 * Daily usage per account: active users, event count, and counts per event name. Fillfactor 80 (set in
 * migration 0010), so the fold's repeated updates of an account-day stay HOT.
 */
export const usageDaily = pgTable(
  'usage_daily',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    activeUsers: integer('active_users').notNull().default(0),
    eventCount: integer('event_count').notNull().default(0),
    /** { "<event name>": count } */
    eventCounts: jsonb('event_counts').$type<Record<string, number>>().notNull().default({}),
    source: text('source').notNull().default('manual'),
  },
  (table) => [primaryKey({ name: 'usage_daily_pkey', columns: [table.accountId, table.day] })],
);
