import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AssignmentCriterion, ScorecardDefinition } from '../../../shared/api/health.contract';
import { id } from './columns';
import { accounts } from './customers';
import { users } from './people';

/**
 * A health scorecard: its name, where it sits in the assignment order and which accounts it applies
 * to. What it scores with lives in scorecard_versions; `current_version` is the one in use.
 */
export const scorecards = pgTable(
  'scorecards',
  {
    id: id(),
    name: text('name').notNull(),
    /** Assignment order: the first scorecard whose criteria all hold applies; the default catches the rest. */
    position: integer('position').notNull().default(0),
    criteria: jsonb('criteria').$type<AssignmentCriterion[]>().notNull().default([]),
    isDefault: boolean('is_default').notNull().default(false),
    currentVersion: integer('current_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when retired: no longer assigned, its versions and snapshots kept. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('scorecards_name_key')
      .on(sql`lower(${table.name})`)
      .where(sql`${table.archivedAt} IS NULL`),
    uniqueIndex('scorecards_one_default_key')
      .on(table.isDefault)
      .where(sql`${table.isDefault} AND ${table.archivedAt} IS NULL`),
  ],
);

/** Every version a scorecard ever had; never updated or deleted, so old snapshots stay explainable. */
export const scorecardVersions = pgTable(
  'scorecard_versions',
  {
    scorecardId: uuid('scorecard_id')
      .notNull()
      .references(() => scorecards.id, { onDelete: 'restrict' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<ScorecardDefinition>().notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ name: 'scorecard_versions_pkey', columns: [table.scorecardId, table.version] })],
);

/**
 * A health score of one account at one moment: the first of each day, and one whenever an input or
 * the scorecard changes. `raw_values` and `measure_scores` follow the measure order of the version's
 * definition; with the version they rebuild the whole explanation (docs/health.md).
 */
export const healthSnapshots = pgTable(
  'health_snapshots',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /**
     * No foreign keys on this table (docs/decisions/0004): a full recompute inserts 100,000 rows and
     * each key would check them one by one. Deleting or truncating accounts removes their snapshots by
     * triggers (migration 0002); every snapshot is written in the same statement as its account's
     * account_health row, whose key to accounts does the check; versions are never deleted.
     */
    accountId: uuid('account_id').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    /** The UTC day the inputs were read as of. */
    asOfDate: date('as_of_date').notNull(),
    /** daily | recompute | event | scorecard | backfill */
    trigger: text('trigger').notNull(),
    scorecardId: uuid('scorecard_id').notNull(),
    scorecardVersion: integer('scorecard_version').notNull(),
    /** scored | not-scored */
    status: text('status').notNull(),
    /** The exact weighted mean (sum of contributions); null when not scored. */
    score: doublePrecision('score'),
    /** Rounded to 2 decimals; the band follows it. */
    displayScore: numeric('display_score', { precision: 5, scale: 2, mode: 'number' }),
    band: text('band'),
    rawValues: text('raw_values').array().notNull(),
    measureScores: doublePrecision('measure_scores').array().notNull(),
  },
  (table) => [
    index('health_snapshots_account_computed_idx').on(table.accountId, table.computedAt),
    check('health_snapshots_status_check', sql`${table.status} IN ('scored', 'not-scored')`),
  ],
);

/** The latest snapshot of each account, kept in step by every recompute: what lists and filters read. */
export const accountHealth = pgTable(
  'account_health',
  {
    accountId: uuid('account_id')
      .primaryKey()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    snapshotId: bigint('snapshot_id', { mode: 'number' }).notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    asOfDate: date('as_of_date').notNull(),
    scorecardId: uuid('scorecard_id').notNull(),
    scorecardVersion: integer('scorecard_version').notNull(),
    status: text('status').notNull(),
    score: doublePrecision('score'),
    displayScore: numeric('display_score', { precision: 5, scale: 2, mode: 'number' }),
    band: text('band'),
    /** Position of the band in the scorecard's bands (0 = the first, worst band). */
    bandIndex: integer('band_index'),
    /**
     * md5 of the snapshot's raw values (as text[] text), so a recompute can tell whether any input
     * changed without keeping the values twice; the values themselves are on the snapshot.
     */
    inputsDigest: uuid('inputs_digest').notNull(),
  },
  // No secondary indexes, and fillfactor 70 (set in migration 0002): a full recompute rewrites every
  // row each day, and these keep the rewrites HOT (in-page). Filters by band or score read 100,000
  // narrow rows in milliseconds.
);

/** A CSM's manual read of an account ("positive", "neutral", "negative") with why, until it expires. */
export const healthSentiments = pgTable(
  'health_sentiments',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    sentiment: text('sentiment').notNull(),
    note: text('note').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The sentiment counts up to and including this UTC day. */
    expiresOn: date('expires_on').notNull(),
  },
  (table) => [
    index('health_sentiments_account_created_idx').on(table.accountId, table.createdAt),
    check(
      'health_sentiments_sentiment_check',
      sql`${table.sentiment} IN ('positive', 'neutral', 'negative')`,
    ),
  ],
);
