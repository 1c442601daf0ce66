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
import { id } from './columns';
import { accounts, contacts } from './customers';
import { users } from './people';

/**
 * A write key for the Segment-compatible tracking endpoints (/v1/batch…): one active key per source
 * (e.g. "web-app"). Only the SHA-256 of the key is stored; the key is shown once when created.
 */
export const writeKeys = pgTable(
  'write_keys',
  {
    id: id(),
    /** Where the events come from; events and identities are kept per source. */
    source: text('source').notNull(),
    keyHash: text('key_hash').notNull(),
    /** The first characters of the key, to recognise it in a list. */
    prefix: text('prefix').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('write_keys_key_hash_key').on(table.keyHash),
    uniqueIndex('write_keys_active_source_key')
      .on(table.source)
      .where(sql`${table.revokedAt} IS NULL`),
  ],
);

/**
 * A tracked user of one source: `user_key` is `user:<userId>` or `anon:<anonymousId>`. `group` links
 * it to an account, `identify` to a contact; its events are attributed to that account.
 */
export const trackedUsers = pgTable(
  'tracked_users',
  {
    source: text('source').notNull(),
    userKey: text('user_key').notNull(),
    userId: text('user_id'),
    anonymousId: text('anonymous_id'),
    /** The last group (groupId) the user was put in. */
    groupId: text('group_id'),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    /** Traits from identify calls, merged. */
    traits: jsonb('traits').$type<Record<string, unknown>>().notNull().default({}),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ name: 'tracked_users_pkey', columns: [table.source, table.userKey] }),
    index('tracked_users_account_id_idx').on(table.accountId),
    index('tracked_users_group_idx').on(table.source, table.groupId),
  ],
);

/**
 * A group (Segment groupId) of one source and the account it is: found by the account's external id,
 * or mapped by an admin. `account_id` null means unmatched: its users' events wait, never dropped.
 */
export const trackedGroups = pgTable(
  'tracked_groups',
  {
    source: text('source').notNull(),
    groupId: text('group_id').notNull(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    /** Traits from group calls, merged (also merged into the account's traits once matched). */
    traits: jsonb('traits').$type<Record<string, unknown>>().notNull().default({}),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ name: 'tracked_groups_pkey', columns: [table.source, table.groupId] })],
);

/** The users active on an account on a day (from tracked events): usage_daily.active_users counts them. */
export const usageDailyUsers = pgTable(
  'usage_daily_users',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    userKey: text('user_key').notNull(),
  },
  (table) => [
    primaryKey({ name: 'usage_daily_users_pkey', columns: [table.accountId, table.day, table.userKey] }),
  ],
);

/**
 * One row: bumped (by triggers, migration 0011) in every transaction that changes which account or
 * contact a tracked user belongs to, or deletes tracked users. The tracked-event writer keeps users'
 * accounts in memory and reads this with each write: a new value means its copy is stale.
 */
export const trackingIdentityVersion = pgTable(
  'tracking_identity_version',
  {
    id: integer('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
  },
  (table) => [check('tracking_identity_version_single_row_check', sql`${table.id} = 1`)],
);
