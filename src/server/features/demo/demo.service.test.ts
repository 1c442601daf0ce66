import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { countRows, createTestDatabase } from '../../../../test/helpers/test-database';
import { verifyPassword } from '../../auth/passwords';
import type { Database } from '../../db/database';
import { createUser } from '../users/user.service';
import { readSetting } from '../workspace/workspace.repository';
import { DEMO_SETTING_KEY, type DemoMarker } from '../workspace/workspace.routes';
import { DEMO_TABLES } from './demo-copy-batch';
import {
  DEMO_USER_PASSWORD,
  DemoOptionError,
  DemoWorkspaceNotEmptyError,
  loadDemoWorkspace,
} from './demo.service';

const NOW = new Date('2025-06-15T10:30:00Z');
const SMALL_RUN = { accounts: 40, months: 12, seed: 7, now: NOW };

/** The exact rows of the fixed-seed run (40 accounts, 12 months, seed 7, 2025-06-15). */
const EXPECTED_SUMMARY = {
  accounts: 40,
  users: 10,
  contacts: 213,
  subscriptions: 80,
  tickets: 210,
  surveyResponses: 83,
  activities: 286,
  usageDays: 5193,
  churnEvents: 4,
  stageHistory: 164,
  assignments: 8,
};

/** Columns left out of a table's digest: ids and times the database assigns, not the demo. */
const ASSIGNED_COLUMNS: Record<string, string[]> = {
  account_stage_history: ['id'],
  tiers: ['id'],
  lifecycle_stages: ['id'],
  segments: ['id', 'evaluated_at'],
};

/** A digest of every row of the demo tables (users without their salted password hash). */
async function fingerprint(database: Database): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const table of [...DEMO_TABLES, 'teams', 'tiers', 'lifecycle_stages', 'segments']) {
    const row = (ASSIGNED_COLUMNS[table] ?? []).reduce(
      (json, column) => `${json} - '${column}'`,
      'to_jsonb(t)',
    );
    const result = await database.pool.query<{ digest: string }>(
      `SELECT md5(coalesce(string_agg((${row})::text, E'\\n' ORDER BY (${row})::text), '')) AS digest FROM ${table} t`,
    );
    digests[table] = result.rows[0]?.digest ?? '';
  }
  const users = await database.pool.query<{ digest: string }>(
    `SELECT md5(string_agg((to_jsonb(u) - 'password_hash')::text, E'\\n' ORDER BY u.email)) AS digest FROM users u WHERE email LIKE '%@demo.cycle'`,
  );
  digests.users = users.rows[0]?.digest ?? '';
  return digests;
}

/** Names of every index and constraint on the demo tables, to prove the bulk load put them all back. */
async function schemaObjects(database: Database): Promise<string[]> {
  const result = await database.pool.query<{ name: string }>(
    `SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indrelid = ANY ($1::regclass[])
     UNION ALL
     SELECT conname || ':' || contype::text || ':' || pg_get_constraintdef(oid) FROM pg_constraint
     WHERE conrelid = ANY ($1::regclass[]) OR confrelid = ANY ($1::regclass[])
     ORDER BY 1`,
    [DEMO_TABLES],
  );
  return result.rows.map((row) => row.name);
}

describe('loadDemoWorkspace', () => {
  let database: Database;
  let schemaBefore: string[];
  let firstLoad: Record<string, string>;

  beforeAll(async () => {
    // The demo's "today" is NOW; freezing the clock there keeps the journey refresh that follows the
    // health recompute on the same day as the generated data.
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    database = await createTestDatabase();
    schemaBefore = await schemaObjects(database);
    await createUser(database.db, {
      email: 'admin@example.test',
      name: 'Admin',
      role: 'admin',
      password: 'correct horse battery',
    });
  });
  afterAll(async () => {
    vi.useRealTimers();
    await database.close();
  });

  it('loads the fixed-seed workspace with exact counts, reporting progress up to every account', async () => {
    const progress: number[] = [];
    const summary = await loadDemoWorkspace(database, {
      ...SMALL_RUN,
      onProgress: (done, total) => progress.push(done / total),
    });
    expect(summary).toEqual(EXPECTED_SUMMARY);
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(1);
    expect(await countRows(database, 'accounts')).toBe(EXPECTED_SUMMARY.accounts);
    expect(await countRows(database, 'contacts')).toBe(EXPECTED_SUMMARY.contacts);
    expect(await countRows(database, 'subscriptions')).toBe(EXPECTED_SUMMARY.subscriptions);
    expect(await countRows(database, 'churn_events')).toBe(EXPECTED_SUMMARY.churnEvents);
    expect(await countRows(database, 'tickets')).toBe(EXPECTED_SUMMARY.tickets);
    expect(await countRows(database, 'survey_responses')).toBe(EXPECTED_SUMMARY.surveyResponses);
    expect(await countRows(database, 'activities')).toBe(EXPECTED_SUMMARY.activities);
    expect(await countRows(database, 'usage_daily')).toBe(EXPECTED_SUMMARY.usageDays);
    expect(await countRows(database, 'account_stage_history')).toBe(EXPECTED_SUMMARY.stageHistory);
    expect(await countRows(database, 'account_assignments')).toBe(EXPECTED_SUMMARY.assignments);
    expect(await countRows(database, 'teams')).toBe(5);
    expect(await countRows(database, 'users')).toBe(11);
    firstLoad = await fingerprint(database);
  });

  it('marks every row as demo data with an external id, and writes the demo marker', async () => {
    for (const table of DEMO_TABLES.filter((name) => !name.startsWith('account_'))) {
      const result = await database.pool.query<{ other: number }>(
        `SELECT count(*)::int AS other FROM ${table} WHERE source <> 'demo'`,
      );
      expect({ table, other: result.rows[0]?.other }).toEqual({ table, other: 0 });
      if (table === 'usage_daily') continue;
      const missing = await database.pool.query<{ missing: number }>(
        `SELECT count(*)::int AS missing FROM ${table} WHERE external_id IS NULL`,
      );
      expect({ table, missing: missing.rows[0]?.missing }).toEqual({ table, missing: 0 });
    }
    const marker = await readSetting<DemoMarker>(database.db, DEMO_SETTING_KEY);
    expect(marker).toMatchObject({ seed: 7, accounts: 40, months: 12 });
    expect(Number.isNaN(Date.parse(marker?.loadedAt ?? ''))).toBe(false);
  });

  it('creates demo users who sign in with the demo password, owners of the accounts, in teams', async () => {
    const users = await database.pool.query<{
      email: string;
      role: string;
      password_hash: string;
      team: string | null;
      owned: number;
    }>(
      `SELECT u.email, u.role, u.password_hash, t.name AS team, (SELECT count(*)::int FROM accounts a WHERE a.owner_id = u.id) AS owned
       FROM users u LEFT JOIN teams t ON t.id = u.team_id WHERE u.email LIKE '%@demo.cycle' ORDER BY u.email`,
    );
    expect(users.rows).toHaveLength(10);
    const maya = users.rows.find((user) => user.email === 'maya.patel@demo.cycle');
    expect(maya).toMatchObject({ role: 'csm', team: 'Customer Success' });
    expect(await verifyPassword(DEMO_USER_PASSWORD, maya?.password_hash ?? '')).toBe(true);
    expect(new Set(users.rows.map((user) => user.password_hash)).size).toBe(1);
    expect(users.rows.filter((user) => user.owned > 0).map((user) => user.role)).toEqual([
      'csm',
      'csm',
      'csm',
      'csm',
    ]);
    const rates = await database.pool.query<{ currency: string }>(
      'SELECT currency FROM exchange_rates ORDER BY currency',
    );
    expect(rates.rows.map((row) => row.currency)).toEqual(['EUR', 'GBP']);
  });

  it('puts back every index, key and foreign key it set aside for the bulk load', async () => {
    expect(await schemaObjects(database)).toEqual(schemaBefore);
  });

  it('refuses to load over existing accounts without clear, and changes nothing', async () => {
    await expect(loadDemoWorkspace(database, SMALL_RUN)).rejects.toThrow(DemoWorkspaceNotEmptyError);
    await expect(loadDemoWorkspace(database, SMALL_RUN)).rejects.toThrow(
      /already has 40 accounts.*\n.*Pass --clear/,
    );
    expect(await fingerprint(database)).toEqual(firstLoad);
  });

  it('rejects an option out of range before touching the database', async () => {
    await expect(loadDemoWorkspace(database, { ...SMALL_RUN, clear: true, months: 0 })).rejects.toThrow(
      DemoOptionError,
    );
    expect(await fingerprint(database)).toEqual(firstLoad);
  });

  it('keeps the previous workspace when a load fails halfway (one transaction)', async () => {
    const failing = loadDemoWorkspace(database, {
      ...SMALL_RUN,
      seed: 8,
      clear: true,
      onProgress: (done) => {
        if (done > 0) throw new Error('interrupted');
      },
    });
    await expect(failing).rejects.toThrow('interrupted');
    expect(await fingerprint(database)).toEqual(firstLoad);
    expect(await schemaObjects(database)).toEqual(schemaBefore);
  });

  it('reloads with clear to identical rows for the same seed and day, keeping non-demo users', async () => {
    const summary = await loadDemoWorkspace(database, { ...SMALL_RUN, clear: true });
    expect(summary).toEqual(EXPECTED_SUMMARY);
    expect(await fingerprint(database)).toEqual(firstLoad);
    const admin = await database.pool.query("SELECT 1 FROM users WHERE email = 'admin@example.test'");
    expect(admin.rowCount).toBe(1);
  });

  it('loads different data for another seed', async () => {
    await loadDemoWorkspace(database, { ...SMALL_RUN, seed: 8, clear: true });
    const other = await fingerprint(database);
    expect(other.accounts).not.toBe(firstLoad.accounts);
    expect(other.usage_daily).not.toBe(firstLoad.usage_daily);
    expect(await countRows(database, 'users')).toBe(11);
    expect(await countRows(database, 'teams')).toBe(5);
  });
});
