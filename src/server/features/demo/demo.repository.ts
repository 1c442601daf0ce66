import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type {
  DemoSegmentDefinition,
  DemoStageDefinition,
  DemoTierDefinition,
} from '../../../domain/demo/demo-journey';
import type { DemoTeam, DemoUser } from '../../../domain/demo/demo-model';
import type { CopyTable } from './demo-copy-batch';

/** Demo users are recognised by this email domain, and only they are ever removed. */
const DEMO_EMAIL_PATTERN = '%@demo.cycle';

/** Serialises demo loads: a second `cycle demo` waits for the first instead of colliding. */
const DEMO_LOCK_KEY = 7_207_311;

export async function lockDemoLoad(client: pg.PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK_KEY]);
}

export async function countAccounts(client: pg.PoolClient): Promise<number> {
  const result = await client.query<{ count: number }>('SELECT count(*)::int AS count FROM accounts');
  return result.rows[0]?.count ?? 0;
}

/**
 * Removes all customer data: accounts and every table that references them (contacts,
 * subscriptions, churn events, usage, tickets, surveys, activities, stage history, assignments, and
 * any newer table hanging off accounts), all teams, the demo users and their segments, and the demo
 * marker. Other users are kept (tiers and stages are replaced by the load itself).
 */
export async function clearCustomerData(client: pg.PoolClient, demoSettingKey: string): Promise<void> {
  await client.query('TRUNCATE accounts CASCADE');
  await deleteDemoUsers(client);
  await client.query('DELETE FROM teams');
  await client.query('DELETE FROM workspace_settings WHERE key = $1', [demoSettingKey]);
}

/** Deletes the demo users left from an earlier load, and the segments they made, so both can be created afresh. */
export async function deleteDemoUsers(client: pg.PoolClient): Promise<void> {
  await client.query('DELETE FROM segments WHERE created_by IN (SELECT id FROM users WHERE email LIKE $1)', [
    DEMO_EMAIL_PATTERN,
  ]);
  await client.query('DELETE FROM users WHERE email LIKE $1', [DEMO_EMAIL_PATTERN]);
}

/**
 * Creates the teams, or reuses a team that already has the name. Returns the id of each team by key.
 */
export async function upsertTeams(
  client: pg.PoolClient,
  teams: readonly DemoTeam[],
  createdAt: string,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const team of teams) {
    const result = await client.query<{ id: string }>(
      `INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind
       RETURNING id`,
      [team.id, team.name, team.kind, createdAt],
    );
    ids.set(team.key, result.rows[0]?.id ?? team.id);
  }
  return ids;
}

/** Inserts the demo users, all with the same password hash, with their managers, responsibilities and coverage. */
export async function insertUsers(
  client: pg.PoolClient,
  users: readonly DemoUser[],
  teamIds: ReadonlyMap<string, string>,
  passwordHash: string,
  createdAt: string,
): Promise<void> {
  await client.query(
    `INSERT INTO users (id, email, name, role, title, team_id, password_hash, account_capacity, manager_id,
                        responsibilities, covers_tiers, workload_capacity, created_at, updated_at)
     SELECT id, email, name, role, title, team_id, $7, account_capacity, manager_id, responsibilities,
            CASE WHEN covers_tiers = '' THEN '{}'::text[] ELSE string_to_array(covers_tiers, '|') END,
            workload_capacity, $8, $8
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $9::int[],
                 $10::uuid[], $11::text[], $12::text[], $13::float8[])
       AS u(id, email, name, role, title, team_id, account_capacity, manager_id, responsibilities, covers_tiers, workload_capacity)`,
    [
      users.map((user) => user.id),
      users.map((user) => user.email),
      users.map((user) => user.name),
      users.map((user) => user.role),
      users.map((user) => user.title),
      users.map((user) => teamIds.get(user.teamKey) ?? null),
      passwordHash,
      createdAt,
      users.map((user) => user.accountCapacity),
      users.map((user) => user.managerId),
      users.map((user) => user.responsibilities),
      users.map((user) => user.coversTiers.join('|')),
      users.map((user) => user.workloadCapacity),
    ],
  );
}

/**
 * Replaces the workspace's tiers and lifecycle stages with the demo's (the demo accounts are placed
 * by these rules), and adds the demo segments that are not there yet (by name, case-insensitively).
 */
export async function replaceJourneyDefinitions(
  client: pg.PoolClient,
  input: {
    tiers: readonly DemoTierDefinition[];
    stages: readonly DemoStageDefinition[];
    segments: readonly DemoSegmentDefinition[];
    teamIds: ReadonlyMap<string, string>;
    createdBy: string;
    createdAt: string;
  },
): Promise<void> {
  await client.query('DELETE FROM tiers');
  await client.query('DELETE FROM lifecycle_stages');
  await client.query(
    `INSERT INTO tiers (name, position, rule, touch_model, ebr_every_days, check_in_every_days, created_at, updated_at)
     SELECT t.name, t.position, t.rule, t.touch_model, t.ebr_every_days, t.check_in_every_days, $1, $1
     FROM jsonb_to_recordset($2::jsonb)
       AS t(name text, position int, rule jsonb, touch_model text, ebr_every_days int, check_in_every_days int)`,
    [
      input.createdAt,
      JSON.stringify(
        input.tiers.map((tier, position) => ({
          name: tier.name,
          position,
          rule: tier.rule,
          touch_model: tier.touchModel,
          ebr_every_days: tier.ebrEveryDays,
          check_in_every_days: tier.checkInEveryDays,
        })),
      ),
    ],
  );
  await client.query(
    `INSERT INTO lifecycle_stages (name, position, description, entry_rule, expected_days, owning_team_id, touchpoints, metrics, created_at, updated_at)
     SELECT s.name, s.position, s.description, s.entry_rule, s.expected_days, s.owning_team_id, s.touchpoints,
            ARRAY(SELECT jsonb_array_elements_text(s.metrics)), $1, $1
     FROM jsonb_to_recordset($2::jsonb)
       AS s(name text, position int, description text, entry_rule jsonb, expected_days int, owning_team_id uuid,
            touchpoints jsonb, metrics jsonb)`,
    [
      input.createdAt,
      JSON.stringify(
        input.stages.map((stage, position) => ({
          name: stage.name,
          position,
          description: stage.description,
          entry_rule: stage.entryRule,
          expected_days: stage.expectedDays,
          owning_team_id: input.teamIds.get(stage.teamKey) ?? null,
          touchpoints: stage.touchpoints,
          metrics: stage.metrics,
        })),
      ),
    ],
  );
  await client.query(
    `INSERT INTO segments (name, description, kind, rule, created_by, created_at, updated_at)
     SELECT s.name, s.description, 'dynamic', s.rule, $1, $2, $2
     FROM jsonb_to_recordset($3::jsonb) AS s(name text, description text, rule jsonb)
     WHERE NOT EXISTS (SELECT 1 FROM segments e WHERE lower(e.name) = lower(s.name))`,
    [input.createdBy, input.createdAt, JSON.stringify(input.segments)],
  );
}

/**
 * Turns the trigger that writes a stage history row "now" for every inserted account off (false) or
 * back on (true), inside the load's transaction: the demo loads each account's backdated history
 * itself. Rolled back with the transaction, and invisible to other sessions until then.
 */
export async function setStageHistoryOnInsert(client: pg.PoolClient, enabled: boolean): Promise<void> {
  await client.query(
    `ALTER TABLE accounts ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER accounts_stage_history_insert`,
  );
}

/**
 * Adds conversion rates for the demo currencies, in force from `validFrom` (a month's first day),
 * unless the workspace already has a rate for that currency and month.
 */
export async function ensureExchangeRates(
  client: pg.PoolClient,
  rates: Readonly<Record<string, number>>,
  validFrom = '2000-01-01',
): Promise<void> {
  const currencies = Object.keys(rates);
  await client.query(
    `INSERT INTO exchange_rates (currency, valid_from, rate_to_reporting)
     SELECT currency, $3::date, rate FROM unnest($1::text[], $2::numeric[]) AS input(currency, rate)
     ON CONFLICT (currency, valid_from) DO NOTHING`,
    [currencies, currencies.map((currency) => rates[currency]), validFrom],
  );
}

/** Loads one table's rows with COPY FROM STDIN (text format). */
export async function copyTable(client: pg.PoolClient, table: CopyTable): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table.table} (${table.columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(table.chunks), stream);
}

/** DDL that takes the loaded tables' keys, indexes and foreign keys off, and puts them back. */
export interface DeferredDefinitions {
  drop: string[];
  restore: string[];
}

/**
 * Takes the keys, indexes and foreign keys of `tables` (and foreign keys pointing at them) off for a
 * bulk load into empty tables, the way pg_restore loads data before constraints: building an index
 * once by sorting and validating a foreign key with one join is many times faster than maintaining
 * them row by row. Definitions are read from the catalog, so whatever the migrations define is put
 * back exactly; everything happens inside the caller's transaction and is validated when restored.
 */
export async function deferIndexesAndForeignKeys(
  client: pg.PoolClient,
  tables: readonly string[],
): Promise<DeferredDefinitions> {
  const foreignKeys = await client.query<{ drop_sql: string; restore_sql: string }>(
    `SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname) AS drop_sql,
            format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) AS restore_sql
     FROM pg_constraint c
     WHERE c.contype = 'f' AND (c.conrelid = ANY ($1::regclass[]) OR c.confrelid = ANY ($1::regclass[]))
     ORDER BY c.conrelid::regclass::text, c.conname`,
    [tables],
  );
  const keys = await client.query<{ drop_sql: string; restore_sql: string }>(
    `SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname) AS drop_sql,
            format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) AS restore_sql
     FROM pg_constraint c
     WHERE c.contype IN ('p', 'u', 'x') AND c.conrelid = ANY ($1::regclass[])
     ORDER BY c.conrelid::regclass::text, c.conname`,
    [tables],
  );
  const indexes = await client.query<{ drop_sql: string; restore_sql: string }>(
    `SELECT format('DROP INDEX %s', i.indexrelid::regclass) AS drop_sql, pg_get_indexdef(i.indexrelid) AS restore_sql
     FROM pg_index i
     WHERE i.indrelid = ANY ($1::regclass[])
       AND NOT EXISTS (
         SELECT 1 FROM pg_constraint c
         WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x'))
     ORDER BY i.indexrelid::regclass::text`,
    [tables],
  );
  const drop = [...foreignKeys.rows, ...keys.rows, ...indexes.rows].map((row) => row.drop_sql);
  const restore = [...keys.rows, ...indexes.rows, ...foreignKeys.rows].map((row) => row.restore_sql);
  for (const statement of drop) await client.query(statement);
  return { drop, restore };
}

/** Rebuilds the keys and indexes and re-adds (so re-validates) the foreign keys taken off by deferIndexesAndForeignKeys. */
export async function restoreIndexesAndForeignKeys(
  client: pg.PoolClient,
  deferred: DeferredDefinitions,
): Promise<void> {
  await client.query("SET LOCAL maintenance_work_mem = '256MB'");
  for (const statement of deferred.restore) await client.query(statement);
}

/** Refreshes planner statistics of freshly loaded tables, so the first queries after a load plan well. */
export async function analyzeTables(client: pg.PoolClient, tables: readonly string[]): Promise<void> {
  await client.query(`ANALYZE ${tables.join(', ')}`);
}
