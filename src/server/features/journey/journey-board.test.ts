import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dayFromToday,
  makeAccount,
  makeSubscription,
  makeSurveyResponse,
  makeUsageDay,
} from '../../../../test/helpers/factories';
import {
  request,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../../../../test/helpers/test-server';

/** The months the board's GRR covers today: the last three full months, and the one before them. */
const grrMonths = (() => {
  const name = (monthsAgo: number) => {
    const now = new Date();
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
    return month.toLocaleString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  };
  const from = name(3);
  const last = name(1);
  const span = from.slice(-4) === last.slice(-4) ? `${from.slice(0, 3)}–${last}` : `${from}–${last}`;
  return { opening: name(4), span, last };
})();

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
        metrics: [
          'time_to_go_live',
          'time_in_stage',
          'seat_utilisation',
          'active_users',
          'health_score',
          'nps',
        ],
      },
      { name: 'Adoption', metrics: ['gross_retention', 'expansion_mrr', 'nps'] },
      { name: 'Renewal', expectedDays: 60, metrics: ['health_score'] },
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
    await metricData();
  });

  /** Go-live, seats, usage, health, NPS, renewals and MRR facts behind the stage metrics. */
  const metricData = async () => {
    const { db, pool } = server.database;
    const query = (text: string, values: unknown[]) => pool.query(text, values);
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    // Time to go-live (workspace-wide, live in the last 180 days): Acme 50 → 10 days ago (40),
    // Delta 100 → 30 (70), Cedar created 30 days ago with no subscription → 5 (25); Elm went live too long ago.
    const goLive = async (key: string, startedDaysAgo: number, liveDaysAgo: number) => {
      await query(`UPDATE subscriptions SET start_date = current_date - $2::int WHERE account_id = $1`, [
        ids[key],
        startedDaysAgo,
      ]);
      await query(`UPDATE accounts SET go_live_date = current_date - $2::int WHERE id = $1`, [
        ids[key],
        liveDaysAgo,
      ]);
    };
    await goLive('Acme', 50, 10);
    await goLive('Delta', 100, 30);
    await goLive('Elm', 400, 300);
    await query(`UPDATE accounts SET created_at = now() - interval '30 days' WHERE id = $1`, [ids.Cedar]);
    await goLive('Cedar', 0, 5);
    // Seats of running subscriptions: Acme 50 (an ended one with 100 is left out), Birch 30; Cedar none.
    await query(`UPDATE subscriptions SET seats = 50 WHERE account_id = $1`, [ids.Acme]);
    await query(`UPDATE subscriptions SET seats = 30 WHERE account_id = $1`, [ids.Birch]);
    await makeSubscription(db, ids.Acme!, {
      amountMinor: 0,
      seats: 100,
      startDate: dayFromToday(-45),
      endDate: dayFromToday(-40),
    });
    // 30-day peak of daily active users: Acme 35 (90 was 40 days ago), Birch 10, Cedar 4.
    await makeUsageDay(db, ids.Acme!, dayFromToday(-1), 20, 100);
    await makeUsageDay(db, ids.Acme!, dayFromToday(-5), 35, 100);
    await makeUsageDay(db, ids.Acme!, dayFromToday(-40), 90, 100);
    await makeUsageDay(db, ids.Birch!, dayFromToday(-2), 10, 100);
    await makeUsageDay(db, ids.Cedar!, dayFromToday(-3), 4, 100);
    // Current health score: Acme 72.5, Birch 60; Cedar not scored.
    const health = async (key: string, score: number, band: string, bandIndex: number) =>
      query(
        `INSERT INTO account_health (account_id, snapshot_id, computed_at, as_of_date, scorecard_id, scorecard_version,
                                     status, score, display_score, band, band_index, inputs_digest)
         VALUES ($1, 1, now(), current_date, gen_random_uuid(), 1, 'scored', $2::float8, $2::numeric, $3, $4, gen_random_uuid())`,
        [ids[key], score, band, bandIndex],
      );
    await health('Acme', 72.5, 'Good', 2);
    await health('Birch', 60, 'Fair', 1);
    // Latest NPS answer of the last 365 days: Acme 10 (promoter), Birch 5 (detractor), Cedar 9 (promoter);
    // Delta answered only 400 days ago, and a CSAT answer does not count.
    const answer = (key: string, score: number, days: number, surveyKind: 'nps' | 'csat' = 'nps') =>
      makeSurveyResponse(db, ids[key]!, { score, surveyKind, respondedAt: daysAgo(days) });
    await answer('Acme', 10, 10);
    await answer('Acme', 3, 100);
    await answer('Birch', 5, 20);
    await answer('Birch', 10, 200);
    await answer('Birch', 5, 1, 'csat');
    await answer('Cedar', 9, 30);
    await answer('Cedar', 2, 400);
    await answer('Delta', 6, 400);
    // GRR of the last three full months (workspace-wide): at the end of the month before them Delta
    // paid 20,000 and Elm 30,000; at the end of the last full month Delta pays 18,000 and Elm has
    // churned; Fir only started since. (18,000 + 0) / (20,000 + 30,000) = 36%.
    const monthFact = (key: string, monthsAgo: number, mrrMinor: number, movement: string) =>
      query(
        `INSERT INTO account_mrr_monthly (account_id, month, mrr_minor, previous_mrr_minor, movement, paid_before,
                                          base12_minor, missing_rate_currencies)
         VALUES ($1, (date_trunc('month', current_date) - make_interval(months => $2::int))::date, $3, 0, $4, true, 0, '{}')`,
        [ids[key], monthsAgo, mrrMinor, movement],
      );
    await monthFact('Delta', 4, 20_000, 'new');
    await monthFact('Elm', 4, 30_000, 'new');
    await monthFact('Delta', 1, 18_000, 'contraction');
    await monthFact('Fir', 1, 10_000, 'new');
    // Monthly MRR facts: Delta expanded by 5,000 this month, and by 1,000 five months ago (left out).
    const fact = (month: string, mrrMinor: number, previousMrrMinor: number) =>
      query(
        `INSERT INTO account_mrr_monthly (account_id, month, mrr_minor, previous_mrr_minor, movement, paid_before,
                                          base12_minor, missing_rate_currencies)
         VALUES ($1, ${month}, $2, $3, 'expansion', true, 0, '{}')`,
        [ids.Delta, mrrMinor, previousMrrMinor],
      );
    await fact(`date_trunc('month', current_date)::date`, 25_000, 20_000);
    await fact(`(date_trunc('month', current_date) - interval '5 months')::date`, 19_000, 18_000);
  };
  afterAll(async () => server.close());

  it('shows a column per stage in order with accounts, ARR, overdue count, median days and its metrics; churned left out', async () => {
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
          metrics: [
            {
              key: 'time_to_go_live',
              label: 'Time to go-live',
              value: 40,
              unit: 'days',
              basis:
                'Median over 3 accounts live in the last 180 days (workspace-wide), from the first subscription start',
            },
            {
              key: 'time_in_stage',
              label: 'Time in stage',
              value: 10,
              unit: 'days',
              basis: 'Median over 3 accounts in the stage',
            },
            {
              key: 'seat_utilisation',
              label: 'Seat utilisation',
              value: 56.3,
              unit: 'percent',
              basis: '45 peak active users (last 30 days) of 80 seats, over 2 accounts with seats',
            },
            {
              key: 'active_users',
              label: 'Active users',
              value: 16.3,
              unit: 'users',
              basis: 'Mean 30-day peak of daily active users over 3 of 3 accounts with usage',
            },
            {
              key: 'health_score',
              label: 'Health score',
              value: 66.3,
              unit: 'score',
              basis: 'Mean current score over 2 of 3 accounts scored',
            },
            {
              key: 'nps',
              label: 'NPS',
              value: 33,
              unit: 'nps',
              basis: '2 promoters and 1 detractor among the latest answers of 3 accounts (last 365 days)',
            },
          ],
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
          metrics: [
            {
              key: 'gross_retention',
              label: 'GRR (last 3 months)',
              value: 36,
              unit: 'percent',
              basis: `GRR ${grrMonths.span} (workspace-wide, as on Metrics): the MRR of 2 customers paying at the end of ${grrMonths.opening}, each capped at its start, kept at the end of ${grrMonths.last}`,
            },
            {
              key: 'expansion_mrr',
              label: 'Expansion MRR',
              value: 5_000,
              unit: 'usd_minor',
              basis:
                'Month-end MRR expansion of 1 of 1 account, this month and the two before (monthly MRR facts)',
            },
            {
              key: 'nps',
              label: 'NPS',
              value: null,
              unit: 'nps',
              basis: 'No NPS answer from the stage’s accounts in the last 365 days',
            },
          ],
        },
        {
          stage: { id: stageIds.Renewal, name: 'Renewal', position: 2, expectedDays: 60, owningTeam: null },
          accounts: 0,
          arrMinor: 0,
          overdue: 0,
          medianDaysInStage: null,
          metrics: [
            {
              key: 'health_score',
              label: 'Health score',
              value: null,
              unit: 'score',
              basis: 'No account in the stage has a health score',
            },
          ],
        },
      ],
      noStage: { accounts: 1, arrMinor: 120_000 },
      offMap: [{ stage: 'Legacy', accounts: 1, arrMinor: 0 }],
      currency: 'USD',
    });

    // The quick first paint: the same figures, no metrics.
    const quick = await request(server, 'GET', '/api/v1/journey/board?metrics=skip', { as: viewer });
    expect(quick.status).toBe(200);
    expect(quick.body).toEqual({
      ...board.body,
      columns: board.body.columns.map((column: { metrics: unknown[] }) => ({ ...column, metrics: [] })),
    });
    const bad = await request(server, 'GET', '/api/v1/journey/board?metrics=some', { as: viewer });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'querystring.metrics', message: 'must be "include" or "skip"' }]);
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
        healthBand: 'Good',
        enteredAt: expect.any(String),
        daysInStage: 40,
        status: 'overdue',
        nextTouchpoint: null,
      },
      {
        account: { id: ids.Birch, name: 'Birch' },
        owner: null,
        arrMinor: 600_000,
        healthBand: 'Fair',
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
