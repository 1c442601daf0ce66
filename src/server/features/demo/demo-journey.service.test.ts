import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/test-database';
import { books, defaultCapacitySettings, proposeRebalance } from '../../../domain/capacity';
import { loadCapacityAccounts, loadCapacityCsms } from '../team/capacity.repository';
import type { Database } from '../../db/database';
import { ensureMrrToday } from '../accounts/mrr-today';
import { applyStageRules } from '../segments/stage-rules';
import { applyTiers } from '../segments/tier-assignment';
import { tierCadenceRows } from '../segments/tier-cadence';
import { loadDemoWorkspace } from './demo.service';

const NOW = new Date('2025-06-15T10:30:00Z');
const START_OF_TODAY = '2025-06-15T00:00:00.000Z';

/** Rows of a query over the pool. */
async function rows<T>(database: Database, text: string): Promise<T[]> {
  return (await database.pool.query(text)).rows as T[];
}

/** Rows of a query as arrays of values, for compact expectations. */
async function tuples(database: Database, text: string): Promise<unknown[][]> {
  return (await database.pool.query({ text, rowMode: 'array' })).rows as unknown[][];
}

/** Each CSM's book, as capacity planning reads it from the database with the default settings. */
async function capacityBooks(database: Database) {
  // Who carries a book and which accounts count, exactly as capacity planning reads them.
  const csms = await loadCapacityCsms(database.db);
  await ensureMrrToday(database.db);
  const accounts = await loadCapacityAccounts(database.db);
  return { csms, accounts };
}

/** Applies the tier and stage rules in a transaction that is rolled back; counts what they would change. */
async function applyRulesAndCount(database: Database) {
  await ensureMrrToday(database.db);
  let counted: { stages: number; liveTiers: number; churnedTiers: number } | null = null;
  await database.db
    .transaction(async (tx) => {
      await tx.execute(
        sql`CREATE TEMP TABLE before_rules ON COMMIT DROP AS SELECT id, tier, lifecycle_stage FROM accounts`,
      );
      const tiers = await applyTiers(tx, { today: '2025-06-15' });
      const stages = await applyStageRules(tx, { today: '2025-06-15' });
      expect(tiers.skipped).toEqual([]);
      expect(stages.skipped).toEqual([]);
      const changed = await tx.execute<{ live: number; churned: number }>(sql`
        SELECT count(*) FILTER (WHERE a.status <> 'churned')::int AS live, count(*) FILTER (WHERE a.status = 'churned')::int AS churned
        FROM accounts a JOIN before_rules b ON b.id = a.id WHERE a.tier IS DISTINCT FROM b.tier`);
      counted = {
        stages: stages.changed,
        liveTiers: changed.rows[0]?.live ?? -1,
        churnedTiers: changed.rows[0]?.churned ?? -1,
      };
      tx.rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Error) || !error.message.includes('Rollback')) throw error;
    });
  return counted;
}

beforeAll(() => {
  // The demo's today is NOW; the rules engine and the journey refresh read the clock for theirs.
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterAll(() => {
  vi.useRealTimers();
});

describe('the demo journey in the database (40 accounts, seed 7)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoWorkspace(database, { accounts: 40, months: 12, seed: 7, now: NOW });
  });
  afterAll(async () => database.close());

  it('loads the tiers by ARR, the journey map with owning teams, touchpoints and metrics, and the segments', async () => {
    const arr = (value: number) => ({ kind: 'condition', field: 'arr', operator: 'gte', value });
    expect(
      await tuples(
        database,
        `SELECT name, position, rule, touch_model, ebr_every_days, check_in_every_days FROM tiers ORDER BY position`,
      ),
    ).toEqual([
      ['Enterprise', 0, arr(100_000), 'high', 90, 30],
      ['Mid-Market', 1, arr(12_000), 'low', 180, 60],
      ['SMB', 2, null, 'tech', null, null],
    ]);
    expect(
      await tuples(
        database,
        `SELECT s.name, s.position, s.expected_days, t.name AS team, s.entry_rule IS NULL AS manual,
                (SELECT array_agg(p ->> 'title' ORDER BY ord) FROM jsonb_array_elements(s.touchpoints) WITH ORDINALITY AS x(p, ord)) AS touchpoints,
                s.metrics
         FROM lifecycle_stages s LEFT JOIN teams t ON t.id = s.owning_team_id ORDER BY s.position`,
      ),
    ).toEqual([
      [
        'Handoff',
        0,
        14,
        'Onboarding',
        true,
        ['Sales-to-CS handoff call', 'Account plan drafted'],
        ['time_in_stage'],
      ],
      [
        'Onboarding',
        1,
        60,
        'Onboarding',
        false,
        ['Kickoff', 'Technical setup review', 'Go-live check'],
        ['time_to_go_live', 'time_in_stage'],
      ],
      ['Adoption', 2, 180, 'Customer Success', false, null, ['seat_utilisation', 'active_users']],
      ['Value', 3, 365, 'Customer Success', false, ['EBR'], ['health_score', 'nps']],
      ['Renewal', 4, 90, 'Customer Success', false, null, ['gross_retention']],
      ['Advocacy', 5, null, 'Customer Success', false, null, ['nps', 'expansion_mrr']],
    ]);
    expect(await rows(database, `SELECT name, kind FROM segments ORDER BY name`)).toEqual([
      { name: 'Enterprise advocates', kind: 'dynamic' },
      { name: 'Low seat utilisation', kind: 'dynamic' },
      { name: 'Renewals at risk', kind: 'dynamic' },
    ]);
  });

  it('organises the people: five teams, everyone reporting to the CS leader, CSMs covering tiers', async () => {
    expect(
      await tuples(
        database,
        `SELECT u.name, u.role, t.kind AS team, m.name AS manager, u.covers_tiers AS covers, u.workload_capacity AS capacity,
                length(u.responsibilities) > 0 AS responsible
         FROM users u LEFT JOIN teams t ON t.id = u.team_id LEFT JOIN users m ON m.id = u.manager_id
         WHERE u.email LIKE '%@demo.cycle' ORDER BY t.kind, u.name`,
      ),
    ).toEqual([
      ['Amara Nwosu', 'viewer', 'csm', 'Elena Rossi', [], null, true],
      ['Daniel Okafor', 'csm', 'csm', 'Elena Rossi', ['Enterprise', 'Mid-Market'], null, true],
      ['Elena Rossi', 'manager', 'csm', null, [], null, true],
      ['Lucas Moreau', 'csm', 'csm', 'Elena Rossi', ['SMB'], null, true],
      ['Maya Patel', 'csm', 'csm', 'Elena Rossi', ['Enterprise', 'Mid-Market'], 15, true],
      ['Sofia Lindqvist', 'csm', 'csm', 'Elena Rossi', ['Mid-Market', 'SMB'], null, true],
      ['Ines Duarte', 'viewer', 'education', 'Elena Rossi', [], null, true],
      ['Priya Raman', 'csm', 'onboarding', 'Elena Rossi', [], null, true],
      ['Kenji Sato', 'viewer', 'services', 'Elena Rossi', [], null, true],
      ['Tom Becker', 'viewer', 'support', 'Elena Rossi', [], null, true],
    ]);
  });

  it('backdates the stage history: one open imported row per live account matching its stage, none dated now', async () => {
    const [check] = await rows<Record<string, number>>(
      database,
      `SELECT
         (SELECT count(*)::int FROM accounts a WHERE a.lifecycle_stage IS NOT NULL) AS staged,
         (SELECT count(*)::int FROM accounts a JOIN account_stage_history h ON h.account_id = a.id AND h.left_at IS NULL
            WHERE h.stage = a.lifecycle_stage) AS open_matching,
         (SELECT count(*)::int FROM account_stage_history h WHERE h.left_at IS NULL) AS open_rows,
         (SELECT count(*)::int FROM account_stage_history h JOIN accounts a ON a.id = h.account_id
            WHERE a.status = 'churned' AND h.left_at IS NULL) AS churned_open,
         (SELECT count(*)::int FROM account_stage_history h
            WHERE h.source <> 'import' OR h.entered_at > '${START_OF_TODAY}' OR h.left_at <= h.entered_at) AS odd_rows,
         (SELECT count(*)::int FROM accounts a WHERE a.status <> 'churned'
            AND NOT EXISTS (SELECT 1 FROM account_stage_history h WHERE h.account_id = a.id)) AS without_history`,
    );
    expect(check).toEqual({
      staged: 36,
      open_matching: 36,
      open_rows: 36,
      churned_open: 0,
      odd_rows: 0,
      without_history: 0,
    });
  });

  it('names onboarding and support leads, and backdates ownership to the creation day or a later reassignment', async () => {
    expect(
      await tuples(
        database,
        `SELECT x.role, u.name, a.lifecycle_stage AS stage, a.tier, count(*)::int AS accounts
         FROM account_assignments x JOIN users u ON u.id = x.user_id JOIN accounts a ON a.id = x.account_id
         GROUP BY 1, 2, 3, 4 ORDER BY 1, 3, 4`,
      ),
    ).toEqual([
      ['onboarding_lead', 'Priya Raman', 'Handoff', 'Enterprise', 1],
      ['onboarding_lead', 'Priya Raman', 'Onboarding', 'Enterprise', 1],
      ['support_lead', 'Tom Becker', 'Adoption', 'Enterprise', 2],
      ['support_lead', 'Tom Becker', 'Handoff', 'Enterprise', 1],
      ['support_lead', 'Tom Becker', 'Onboarding', 'Enterprise', 1],
      ['support_lead', 'Tom Becker', 'Renewal', 'Enterprise', 2],
    ]);
    const [ownership] = await rows<Record<string, number>>(
      database,
      `SELECT count(*) FILTER (WHERE owner_since = created_at)::int AS from_start,
              count(*) FILTER (WHERE owner_since > created_at)::int AS reassigned,
              count(*) FILTER (WHERE owner_since IS NULL OR owner_since < created_at)::int AS odd
       FROM accounts`,
    );
    expect(ownership).toEqual({ from_start: 37, reassigned: 3, odd: 0 });
  });

  it('is where the rules engine puts it: applying the tier and stage rules changes no live account', async () => {
    expect(await applyRulesAndCount(database)).toEqual({ stages: 0, liveTiers: 0, churnedTiers: 0 });
  });
});

describe('the demo story (300 accounts, seed 42)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoWorkspace(database, { now: NOW });
  });
  afterAll(async () => database.close());

  it('spreads the accounts across the journey, a few overdue in their stage, and across the tiers', async () => {
    expect(
      await tuples(
        database,
        `SELECT a.lifecycle_stage AS stage, count(*)::int AS accounts,
                count(*) FILTER (WHERE '${START_OF_TODAY}'::date - (h.entered_at AT TIME ZONE 'UTC')::date > s.expected_days)::int AS overdue
         FROM accounts a
         JOIN account_stage_history h ON h.account_id = a.id AND h.left_at IS NULL
         JOIN lifecycle_stages s ON s.name = a.lifecycle_stage
         GROUP BY a.lifecycle_stage, s.position ORDER BY s.position`,
      ),
    ).toEqual([
      ['Handoff', 1, 0],
      ['Onboarding', 9, 3],
      ['Adoption', 53, 0],
      ['Value', 111, 0],
      ['Renewal', 43, 0],
      ['Advocacy', 28, 0],
    ]);
    expect(
      await tuples(
        database,
        `SELECT tier, count(*)::int FROM accounts WHERE status <> 'churned' GROUP BY 1 ORDER BY 1`,
      ),
    ).toEqual([
      ['Enterprise', 34],
      ['Mid-Market', 80],
      ['SMB', 131],
    ]);
  });

  it('leaves some accounts overdue on their tier’s EBR and check-in cadence, as the rules engine counts them', async () => {
    const cadence = await tierCadenceRows(database.db, '2025-06-15');
    expect(cadence.map((row) => [row.tier, row.accounts, row.overdue_ebr, row.overdue_check_in])).toEqual([
      ['Enterprise', 34, 2, 6],
      ['Mid-Market', 80, 9, 9],
      ['SMB', 131, 0, 0],
    ]);
  });

  it('overloads Maya at 122% while Daniel, covering the same tiers, has room: a handful of moves fixes it', async () => {
    const { csms, accounts } = await capacityBooks(database);
    const team = books(csms, accounts, defaultCapacitySettings);
    expect(team.csms.map((book) => [book.name, book.utilisation, book.flag])).toEqual([
      ['Daniel Okafor', 0.7033, 'ok'],
      ['Lucas Moreau', 0.2, 'under'],
      ['Maya Patel', 1.22, 'over'],
      ['Sofia Lindqvist', 0.6383, 'ok'],
    ]);
    const proposal = proposeRebalance(csms, accounts, defaultCapacitySettings);
    expect(proposal.moves).toHaveLength(4);
    expect(proposal.unresolved).toEqual([]);
    expect(proposal.after.every((load) => (load.utilisation ?? 0) <= 1)).toBe(true);
  });

  it('is where the rules engine puts it: applying the tier and stage rules changes no live account', async () => {
    expect(await applyRulesAndCount(database)).toMatchObject({ stages: 0, liveTiers: 0 });
  });
});
