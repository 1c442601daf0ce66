import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromToday, makeAccount, makeSubscription } from '../../../../test/helpers/factories';
import { countRows } from '../../../../test/helpers/test-database';
import {
  request,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../../../../test/helpers/test-server';
import { refreshJourney } from './journey-refresh';

/**
 * Stage entry rules and the whole refresh (tiers → stages → segments) on constructed accounts. The
 * stages are written straight to the table: their API belongs to the journey feature.
 */
describe('journey refresh', () => {
  let server: TestServer;
  let manager: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    manager = await server.signIn('manager');
    const { db } = server.database;
    const stages = [
      ['Onboarding', 1, { kind: 'condition', field: 'status', operator: 'eq', value: 'onboarding' }],
      ['Adoption', 2, { kind: 'condition', field: 'days_since_go_live', operator: 'gte', value: 0 }],
      ['Renewal', 3, { kind: 'condition', field: 'days_to_renewal', operator: 'between', value: [0, 90] }],
      ['Expansion', 4, null],
      ['Strategic', 5, { kind: 'condition', field: 'tier', operator: 'eq', value: 'Enterprise' }],
    ] as const;
    for (const [name, position, rule] of stages) {
      await db.execute(sql`INSERT INTO lifecycle_stages (name, position, entry_rule)
        VALUES (${name}, ${position}, ${rule === null ? null : JSON.stringify(rule)}::jsonb)`);
    }
    const accounts = [
      ['Kickoff', { status: 'onboarding' }],
      ['Live', { goLiveDate: dayFromToday(-30), renewalDate: dayFromToday(200) }],
      ['Renewing', { goLiveDate: dayFromToday(-300), renewalDate: dayFromToday(30) }],
      ['Grown', { lifecycleStage: 'Expansion' }],
      ['Lost', { status: 'churned', lifecycleStage: 'Adoption', goLiveDate: dayFromToday(-30) }],
      ['Moved back', { lifecycleStage: 'Expansion', goLiveDate: dayFromToday(-10) }],
      ['Big', { goLiveDate: dayFromToday(-30) }],
    ] as const;
    for (const [name, overrides] of accounts) ids[name] = (await makeAccount(db, { name, ...overrides })).id;
    await makeSubscription(db, ids.Big!, { amountMinor: 2_000_000 });
    await db.execute(sql`INSERT INTO tiers (name, position, rule, touch_model) VALUES
      ('Enterprise', 1, ${JSON.stringify({ kind: 'condition', field: 'arr', operator: 'gte', value: 100_000 })}::jsonb, 'high'),
      ('Standard', 2, NULL, 'low')`);
  });
  afterAll(async () => server.close());

  const stageOf = async () => {
    const rows = await server.database.db.execute<{
      name: string;
      lifecycle_stage: string | null;
      tier: string | null;
    }>(sql`SELECT name, lifecycle_stage, tier FROM accounts ORDER BY name`);
    return Object.fromEntries(rows.rows.map((row) => [row.name, `${row.tier}/${row.lifecycle_stage}`]));
  };
  const history = async (accountId: string) =>
    (
      await server.database.pool.query(
        `SELECT stage, source, changed_by, left_at IS NULL AS open FROM account_stage_history WHERE account_id = $1 ORDER BY entered_at, id`,
        [accountId],
      )
    ).rows;

  it('applies tiers, then stage rules from the last stage to the first, churned accounts leaving the journey', async () => {
    const result = await refreshJourney(server.database);
    expect(result.tiers).toEqual({ changed: 6, skipped: [] });
    expect(result.stages).toEqual({ changed: 6, skipped: [] });
    expect(await stageOf()).toEqual({
      Big: 'Enterprise/Strategic',
      Grown: 'Standard/Expansion',
      Kickoff: 'Standard/Onboarding',
      Live: 'Standard/Adoption',
      Lost: 'null/null',
      'Moved back': 'Standard/Adoption',
      Renewing: 'Standard/Renewal',
    });
    expect(await history(ids.Kickoff!)).toEqual([
      { stage: 'Onboarding', source: 'rule', changed_by: null, open: true },
    ]);
    expect(await history(ids.Lost!)).toEqual([
      { stage: 'Adoption', source: 'import', changed_by: null, open: false },
    ]);
    expect(await history(ids['Moved back']!)).toEqual([
      { stage: 'Expansion', source: 'import', changed_by: null, open: false },
      { stage: 'Adoption', source: 'rule', changed_by: null, open: true },
    ]);
    expect(await history(ids.Grown!)).toEqual([
      { stage: 'Expansion', source: 'import', changed_by: null, open: true },
    ]);
  });

  it('changes nothing and writes no history when run again on unchanged data', async () => {
    const rows = await countRows(server.database, 'account_stage_history');
    const again = await refreshJourney(server.database);
    expect(again).toEqual({
      tiers: { changed: 0, skipped: [] },
      stages: { changed: 0, skipped: [] },
      segments: { segments: 0, entered: 0, left: 0, skipped: [] },
    });
    expect(await countRows(server.database, 'account_stage_history')).toBe(rows);
  });

  it('re-applies the journey after a full health recompute', async () => {
    await server.database.db.execute(
      sql`UPDATE subscriptions SET amount_minor = 100 WHERE account_id = ${ids.Big!}`,
    );
    const recompute = await request(server, 'POST', '/api/v1/health/recompute', { as: manager, body: {} });
    expect(recompute.status).toBe(200);
    expect((await stageOf()).Big).toBe('Standard/Adoption');
    expect((await history(ids.Big!)).map((row) => `${row.stage}:${row.source}:${row.open}`)).toEqual([
      'Strategic:rule:false',
      'Adoption:rule:true',
    ]);
  });
});
