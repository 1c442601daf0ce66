import { userRoles } from '../../../shared/api/enums';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  doublePrecision,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';

export const teamKinds = ['csm', 'support', 'onboarding', 'services', 'education'] as const;
export const tokenScopes = ['read', 'write', 'admin'] as const;

/** A team of our people (CSM, Support, Onboarding, Services, Education). */
export const teams = pgTable(
  'teams',
  {
    id: id(),
    name: text('name').notNull(),
    kind: text('kind', { enum: teamKinds }).notNull(),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('teams_name_key').on(table.name),
    check('teams_kind_check', sql`${table.kind} IN ('csm', 'support', 'onboarding', 'services', 'education')`),
  ],
);

/** One of our people: signs in, owns accounts. Email is stored lower-case. */
export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: userRoles }).notNull(),
    title: text('title'),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    managerId: uuid('manager_id').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    /** What this person is responsible for, in words (shown on the team page). */
    responsibilities: text('responsibilities'),
    /** Tier names a CSM may own accounts of (rebalancing respects it); empty means every tier. */
    coversTiers: text('covers_tiers').array().notNull().default(sql`'{}'::text[]`),
    /** Workload units this person can carry (Σ touch-model weight); null means the workspace default. */
    workloadCapacity: doublePrecision('workload_capacity'),
    /** scrypt hash in the form scrypt$N$r$p$salt$hash (base64url). */
    passwordHash: text('password_hash').notNull(),
    /** How many accounts this person can carry; null means the team default. */
    accountCapacity: integer('account_capacity'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('users_email_key').on(table.email),
    check('users_role_check', sql`${table.role} IN ('admin', 'manager', 'csm', 'viewer')`),
    check('users_not_own_manager_check', sql`${table.managerId} IS NULL OR ${table.managerId} <> ${table.id}`),
    check('users_email_lower_check', sql`${table.email} = lower(${table.email})`),
  ],
);

/** A signed-in browser session. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** An API token for scripts: shown once, only its SHA-256 is stored, revocable. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    scope: text('scope', { enum: tokenScopes }).notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The first characters of the token, to recognise it in a list. */
    prefix: text('prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('api_tokens_token_hash_key').on(table.tokenHash),
    check('api_tokens_scope_check', sql`${table.scope} IN ('read', 'write', 'admin')`),
  ],
);

export { userRoles };
