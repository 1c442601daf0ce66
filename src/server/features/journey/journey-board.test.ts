import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromToday, makeAccount, makeSubscription } from '../../../../test/helpers/factories';
import {
  request,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../../../../test/helpers/test-server';

/** The journey board through HTTP, on constructed accounts with backdated stage entries. */
describe('journey board API', () => {
  let server: TestServer;
  let manager: TestUser;
  let csm: TestUser;
  let viewer: TestUser;
  const ids: Record<string, string> = {};
  const stageIds: Record<string, string> = {};

  const enteredDaysAgo = (accountId: string, days: number) =>
    server.database.pool.query(
      `UPDATE account_stage_history SET entered_at = now() - make_interval(days => $2) WHERE account_id = $1`,
      [accountId, days],
    );

  beforeAll(async () => {
    server = await startTestServer();
    manager = await server.signIn('manager');
    csm = await server.signIn('csm');
    viewer = await server.signIn('viewer');
    const stages = [
      {
        name: 'Onboarding',
        expectedDays: 30,
        touchpoints: [
          { title: 'Go-live', dueDay: 30 },
          { title: 'Kickoff', dueDay: 3 },
          { title: 'Training', dueDay: 14 },
          { title: 'Welcome pack', dueDay: null },
        ],
      },
      { name: 'Adoption' },
      { name: 'Renewal', expectedDays: 60 },
    ];
    for (const stage of stages) {
      const created = await request(server, 'POST', '/api/v1/stages', { as: manager, body: stage });
      stageIds[stage.name] = created.body.id;
    }
    const { db } = server.database;
    const account = async (
      key: string,
      values: Parameters<typeof makeAccount>[1],
      mrrMinor: number,
      days?: number,
    ) => {
      const row = await makeAccount(db, { name: key, ...values });
      if (mrrMinor > 0) await makeSubscription(db, row.id, { amountMinor: mrrMinor });
      if (days !== undefined) await enteredDaysAgo(row.id, days);
      ids[key] = row.id;
    };
    await account('Acme', { lifecycleStage: 'Onboarding', ownerId: csm.id }, 100_000, 40);
    await account('Birch', { lifecycleStage: 'Onboarding' }, 50_000, 10);
    await account('Cedar', { lifecycleStage: 'Onboarding' }, 0, 2);
    await account('Delta', { lifecycleStage: 'Adoption' }, 20_000, 100);
    await account('Elm', { lifecycleStage: 'Adoption', status: 'churned' }, 30_000, 5);
    await account('Fir', {}, 10_000);
    await account('Gum', { lifecycleStage: 'Legacy' }, 0);
  });
  afterAll(async () => server.close());

  it('shows a column per stage in order with accounts, ARR, overdue count and median days; churned left out', async () => {
    const board = await request(server, 'GET', '/api/v1/journey/board', { as: viewer });
    expect(board.status).toBe(200);
    expect(board.body).toEqual({
      columns: [
        {
          stage: {
            id: stageIds.Onboarding,
            name: 'Onboarding',
            position: 0,
            expectedDays: 30,
            owningTeam: null,
          },
          accounts: 3,
          arrMinor: 1_800_000,
          overdue: 1,
          medianDaysInStage: 10,
        },
        {
          stage: {
            id: stageIds.Adoption,
            name: 'Adoption',
            position: 1,
            expectedDays: null,
            owningTeam: null,
          },
          accounts: 1,
          arrMinor: 240_000,
          overdue: 0,
          medianDaysInStage: 100,
        },
        {
          stage: { id: stageIds.Renewal, name: 'Renewal', position: 2, expectedDays: 60, owningTeam: null },
          accounts: 0,
          arrMinor: 0,
          overdue: 0,
          medianDaysInStage: null,
        },
      ],
      noStage: { accounts: 1, arrMinor: 120_000 },
      offMap: [{ stage: 'Legacy', accounts: 1, arrMinor: 0 }],
      currency: 'USD',
    });
  });

  it('drills into a column: longest in stage first, on track or overdue, and the next due touchpoint', async () => {
    const page = await request(server, 'GET', `/api/v1/journey/board/${stageIds.Onboarding}/accounts`, {
      as: viewer,
    });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 3, page: 1, pageSize: 50, currency: 'USD' });
    expect(page.body.stage).toEqual({
      id: stageIds.Onboarding,
      name: 'Onboarding',
      position: 0,
      expectedDays: 30,
      owningTeam: null,
    });
    expect(page.body.items).toEqual([
      {
        account: { id: ids.Acme, name: 'Acme' },
        owner: { id: csm.id, name: expect.stringMatching(/^csm \d+$/) },
        arrMinor: 1_200_000,
        healthBand: null,
        enteredAt: expect.any(String),
        daysInStage: 40,
        status: 'overdue',
        nextTouchpoint: null,
      },
      {
        account: { id: ids.Birch, name: 'Birch' },
        owner: null,
        arrMinor: 600_000,
        healthBand: null,
        enteredAt: expect.any(String),
        daysInStage: 10,
        status: 'on_track',
        nextTouchpoint: { title: 'Training', dueDay: 14, dueOn: dayFromToday(4) },
      },
      {
        account: { id: ids.Cedar, name: 'Cedar' },
        owner: null,
        arrMinor: 0,
        healthBand: null,
        enteredAt: expect.any(String),
        daysInStage: 2,
        status: 'on_track',
        nextTouchpoint: { title: 'Kickoff', dueDay: 3, dueOn: dayFromToday(1) },
      },
    ]);
    const names = async (query: string) => {
      const response = await request(
        server,
        'GET',
        `/api/v1/journey/board/${stageIds.Onboarding}/accounts?${query}`,
        {
          as: viewer,
        },
      );
      return {
        total: response.body.total,
        names: response.body.items.map((item: { account: { name: string } }) => item.account.name),
      };
    };
    expect(await names('overdue=true')).toEqual({ total: 1, names: ['Acme'] });
    expect(await names('overdue=false')).toEqual({ total: 2, names: ['Birch', 'Cedar'] });
    expect(await names('sort=arr')).toEqual({ total: 3, names: ['Cedar', 'Birch', 'Acme'] });
    expect(await names('sort=daysInStage&page=2&pageSize=2')).toEqual({ total: 3, names: ['Acme'] });
    expect(await names('sort=-name&page=3&pageSize=2')).toEqual({ total: 3, names: [] });
  });

  it('refuses a bad drill-down query or an unknown stage', async () => {
    const bad = await request(
      server,
      'GET',
      `/api/v1/journey/board/${stageIds.Onboarding}/accounts?overdue=yes&sort=owner`,
      {
        as: viewer,
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'querystring.overdue',
      'querystring.sort',
    ]);
    const missing = await request(
      server,
      'GET',
      '/api/v1/journey/board/00000000-0000-4000-8000-000000000001/accounts',
      {
        as: viewer,
      },
    );
    expect(missing.status).toBe(404);
  });

  it('counts an account as overdue only once its whole days in stage pass the expected days', async () => {
    await enteredDaysAgo(ids.Birch!, 30);
    const atLimit = await request(server, 'GET', '/api/v1/journey/board', { as: viewer });
    expect(atLimit.body.columns[0]).toMatchObject({ overdue: 1, medianDaysInStage: 30 });
    await enteredDaysAgo(ids.Birch!, 31);
    const over = await request(server, 'GET', '/api/v1/journey/board', { as: viewer });
    expect(over.body.columns[0]).toMatchObject({ overdue: 2, medianDaysInStage: 31 });
  });
});
