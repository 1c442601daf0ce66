import {
  accountAssignmentRoles,
  segmentKinds,
  stageChangeSources,
  touchModels,
} from '../../../shared/api/enums';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
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
import type { SegmentRule } from '../../../domain/segments';
import { id, timestamps } from './columns';
import { accounts } from './customers';
import { teams, users } from './people';

/**
 * A named group of accounts: dynamic (a rule over fields, traits and metrics, members recomputed
 * when data changes) or static (hand-picked). Names are unique case-insensitively.
 */
export const segments = pgTable(
  'segments',
  {
    id: id(),
    name: text('name').notNull(),
    description: text('description'),
    kind: text('kind', { enum: segmentKinds }).notNull(),
    /** The rule of a dynamic segment; null for a static list. */
    rule: jsonb('rule').$type<SegmentRule>(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** When the members were last recomputed (dynamic) or changed (static). */
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('segments_name_key').on(sql`lower(${table.name})`),
    check('segments_kind_check', sql`${table.kind} IN ('dynamic', 'static')`),
    check('segments_rule_check', sql`(${table.kind} = 'dynamic') = (${table.rule} IS NOT NULL)`),
  ],
);

/** The accounts in a segment now, and since when. */
export const segmentMembers = pgTable(
  'segment_members',
  {
    segmentId: uuid('segment_id')
      .notNull()
      .references(() => segments.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.segmentId, table.accountId] }),
    index('segment_members_account_idx').on(table.accountId),
  ],
);

/** Who entered and left a segment, and when: the history playbooks will trigger on. */
export const segmentMembershipEvents = pgTable(
  'segment_membership_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    segmentId: uuid('segment_id')
      .notNull()
      .references(() => segments.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    change: text('change', { enum: ['entered', 'left'] }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('segment_membership_events_segment_idx').on(table.segmentId, table.at),
    index('segment_membership_events_account_idx').on(table.accountId, table.at),
    check('segment_membership_events_change_check', sql`${table.change} IN ('entered', 'left')`),
  ],
);

/**
 * A service tier. Tiers are tried in `position` order and the first whose rule matches wins; the
 * default tier (no rule) takes every account no other tier matched. Its touch model sets how the
 * account is served and how much CSM workload it carries; the cadences say how often an EBR and a
 * check-in are due (null: none expected).
 */
export const tiers = pgTable(
  'tiers',
  {
    id: id(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    /** Null for the default tier. */
    rule: jsonb('rule').$type<SegmentRule>(),
    touchModel: text('touch_model', { enum: touchModels }).notNull(),
    ebrEveryDays: integer('ebr_every_days'),
    checkInEveryDays: integer('check_in_every_days'),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('tiers_name_key').on(sql`lower(${table.name})`),
    uniqueIndex('tiers_position_key').on(table.position),
    uniqueIndex('tiers_one_default_key').on(sql`(${table.rule} IS NULL)`).where(sql`${table.rule} IS NULL`),
    check('tiers_touch_model_check', sql`${table.touchModel} IN ('high', 'low', 'tech')`),
    check('tiers_ebr_every_days_check', sql`${table.ebrEveryDays} IS NULL OR ${table.ebrEveryDays} > 0`),
    check('tiers_check_in_every_days_check', sql`${table.checkInEveryDays} IS NULL OR ${table.checkInEveryDays} > 0`),
  ],
);

/** A proactive touchpoint a team commits to in a stage, e.g. "Kickoff call" on day 3. */
export interface StageTouchpoint {
  title: string;
  /** Days after entering the stage by which it is due; null when there is no fixed day. */
  dueDay: number | null;
}

/**
 * A lifecycle stage of the journey map (Handoff, Onboarding, Adoption…), in `position` order. An
 * account enters a stage by its entry rule (stages tried in order, first match wins) or by hand
 * (no rule). `name` is the value kept in accounts.lifecycle_stage.
 */
export const lifecycleStages = pgTable(
  'lifecycle_stages',
  {
    id: id(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    description: text('description'),
    entryRule: jsonb('entry_rule').$type<SegmentRule>(),
    /** How long an account is expected to stay; over it, the account is overdue. Null: no limit. */
    expectedDays: integer('expected_days'),
    owningTeamId: uuid('owning_team_id').references(() => teams.id, { onDelete: 'set null' }),
    touchpoints: jsonb('touchpoints').$type<StageTouchpoint[]>().notNull().default([]),
    /** Metric keys that tell whether the stage works (e.g. time_to_go_live for Onboarding). */
    metrics: text('metrics').array().notNull().default(sql`'{}'::text[]`),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('lifecycle_stages_name_key').on(table.name),
    uniqueIndex('lifecycle_stages_position_key').on(table.position),
    check('lifecycle_stages_expected_days_check', sql`${table.expectedDays} IS NULL OR ${table.expectedDays} > 0`),
  ],
);

/**
 * Each account's stages over time: one open row (left_at null) for its current stage. Written by
 * a statement trigger on accounts, whatever changed lifecycle_stage (API, rule, import).
 */
export const accountStageHistory = pgTable(
  'account_stage_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp('left_at', { withTimezone: true }),
    source: text('source', { enum: stageChangeSources }).notNull().default('manual'),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    index('account_stage_history_account_idx').on(table.accountId, table.enteredAt),
    uniqueIndex('account_stage_history_open_key').on(table.accountId).where(sql`${table.leftAt} IS NULL`),
    check('account_stage_history_source_check', sql`${table.source} IN ('rule', 'manual', 'import')`),
  ],
);

/** Who else looks after an account: its onboarding lead and support lead (one person per role). */
export const accountAssignments = pgTable(
  'account_assignments',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text('role', { enum: accountAssignmentRoles }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.accountId, table.role] }),
    index('account_assignments_user_idx').on(table.userId),
    check('account_assignments_role_check', sql`${table.role} IN ('onboarding_lead', 'support_lead')`),
  ],
);
