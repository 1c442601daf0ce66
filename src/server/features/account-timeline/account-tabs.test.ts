import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dayFromToday,
  makeAccount,
  makeSubscription,
  makeTicket,
  makeUsageDay,
} from '../../../../test/helpers/factories';
import {
  request,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../../../../test/helpers/test-server';
import { refreshMrrFacts } from '../revenue/mrr-facts.repository';

const unknownAccount = '00000000-0000-4000-8000-000000000009';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A moment `days` before now, plus `hours`. */
const ago = (days: number, hours = 0) => new Date(Date.now() - days * DAY + hours * HOUR);

describe('Account 360 tab reads: revenue, usage, support, children', () => {
  let server: TestServer;
  let viewer: TestUser;
  let revenueAccount: string;
  let usageAccount: string;
  let supportAccount: string;
  let parent: string;
  let child: string;
  let quietChild: string;

  const get = (path: string) => request(server, 'GET', `/api/v1${path}`, { as: viewer });

  beforeAll(async () => {
    server = await startTestServer();
    viewer = await server.signIn('viewer');
    const { db } = server.database;

    revenueAccount = (await makeAccount(db, { name: 'Revenue Co' })).id;
    await makeSubscription(db, revenueAccount, {
      amountMinor: 100_000,
      startDate: '2024-01-01',
      endDate: '2024-06-01',
    });
    await makeSubscription(db, revenueAccount, {
      amountMinor: 30_000,
      startDate: '2024-03-01',
      endDate: '2024-05-01',
    });
    await makeSubscription(db, revenueAccount, {
      amountMinor: 1_200_000,
      billingInterval: 'year',
      startDate: '2024-09-01',
    });
    await refreshMrrFacts(db, [revenueAccount]);

    usageAccount = (await makeAccount(db, { name: 'Usage Co' })).id;
    await makeSubscription(db, usageAccount, { seats: 40, startDate: dayFromToday(-300) });
    await makeSubscription(db, usageAccount, { seats: 10, startDate: dayFromToday(-30) });
    await makeSubscription(db, usageAccount, {
      seats: 500,
      startDate: dayFromToday(-300),
      endDate: dayFromToday(-100),
    });
    await makeUsageDay(db, usageAccount, dayFromToday(-100), 99, 999);
    await makeUsageDay(db, usageAccount, dayFromToday(-2), 20, 100);
    await makeUsageDay(db, usageAccount, dayFromToday(-1), 30, 200);

    supportAccount = (await makeAccount(db, { name: 'Support Co' })).id;
    const ticket = (
      subject: string,
      status: 'open' | 'pending' | 'solved' | 'closed',
      openedDaysAgo: number,
      hoursToResolve: number | null,
      extra = {},
    ) =>
      makeTicket(db, supportAccount, {
        subject,
        status,
        openedAt: ago(openedDaysAgo),
        resolvedAt: hoursToResolve === null ? null : ago(openedDaysAgo, hoursToResolve),
        ...extra,
      });
    await ticket('Open, escalated', 'open', 3, null, { escalated: true, priority: 'high' });
    await ticket('Pending', 'pending', 40, null);
    await ticket('Solved in 2 h', 'solved', 10, 2, { csatScore: 5 });
    await ticket('Solved in 10 h', 'solved', 20, 10, { csatScore: 3 });
    await ticket('Closed in 30 h', 'closed', 50, 30, { csatScore: 4, escalated: true });
    await ticket('Closed in 6 h', 'closed', 60, 6);
    await ticket('Old, closed in 1 h', 'closed', 200, 1, { csatScore: 1 });

    parent = (await makeAccount(db, { name: 'Parent Co' })).id;
    child = (await makeAccount(db, { name: 'Child B', parentId: parent })).id;
    quietChild = (await makeAccount(db, { name: 'Child A', parentId: parent, status: 'prospect' })).id;
    const grandchild = (await makeAccount(db, { name: 'Grandchild', parentId: child })).id;
    await makeSubscription(db, parent, { amountMinor: 100_000, startDate: dayFromToday(-60) });
    await makeSubscription(db, child, {
      amountMinor: 150_000,
      billingInterval: 'quarter',
      startDate: dayFromToday(-60),
    });
    await makeSubscription(db, grandchild, { amountMinor: 10_000, startDate: dayFromToday(-60) });
    const scorecard = await db.execute<{ id: string }>(
      sql`INSERT INTO scorecards (name, is_default) VALUES ('Default', true) RETURNING id`,
    );
    const scorecardId = scorecard.rows[0]!.id;
    await db.execute(sql`
      INSERT INTO scorecard_versions (scorecard_id, version, definition)
      VALUES (${scorecardId}, 1, ${JSON.stringify({ bands: [{ name: 'Red' }, { name: 'Yellow' }, { name: 'Green' }] })}::jsonb)`);
    await db.execute(sql`
      INSERT INTO account_health (account_id, snapshot_id, computed_at, as_of_date, scorecard_id, scorecard_version, status,
                                  score, display_score, band, band_index, inputs_digest)
      VALUES (${child}, 1, now(), current_date, ${scorecardId}, 1, 'scored', 81.234, 81.23, 'Green', 2, gen_random_uuid())`);
  });
  afterAll(async () => server.close());

  it('GET /revenue gives every month from the first subscription with its movement, in minor units', async () => {
    const response = await get(`/accounts/${revenueAccount}/revenue`);
    expect(response.status).toBe(200);
    expect(response.body.currency).toBe('USD');
    const month = (m: string, mrrMinor: number, previousMrrMinor: number, movement: string) => ({
      month: m,
      mrrMinor,
      previousMrrMinor,
      movement,
      changeMinor: mrrMinor - previousMrrMinor,
      missingRateCurrencies: [],
    });
    expect(response.body.months.slice(0, 10)).toEqual([
      month('2024-01', 100_000, 0, 'new'),
      month('2024-02', 100_000, 100_000, 'none'),
      month('2024-03', 130_000, 100_000, 'expansion'),
      month('2024-04', 130_000, 130_000, 'none'),
      month('2024-05', 100_000, 130_000, 'contraction'),
      month('2024-06', 0, 100_000, 'churn'),
      month('2024-07', 0, 0, 'none'),
      month('2024-08', 0, 0, 'none'),
      month('2024-09', 100_000, 0, 'reactivation'),
      month('2024-10', 100_000, 100_000, 'none'),
    ]);
    const currentMonth = new Date().toISOString().slice(0, 7);
    expect(response.body.months.at(-1)).toEqual(month(currentMonth, 100_000, 100_000, 'none'));
    expect(response.body.totals).toEqual({
      newMinor: 100_000,
      expansionMinor: 30_000,
      contractionMinor: 30_000,
      churnMinor: 100_000,
      reactivationMinor: 100_000,
    });
  });

  it('GET /revenue of an account without subscriptions is an empty history', async () => {
    const response = await get(`/accounts/${quietChild}/revenue`);
    expect(response.body).toEqual({
      currency: 'USD',
      months: [],
      totals: { newMinor: 0, expansionMinor: 0, contractionMinor: 0, churnMinor: 0, reactivationMinor: 0 },
    });
  });

  it('GET /usage fills every day of the window and compares active users with the seats bought today', async () => {
    const response = await get(`/accounts/${usageAccount}/usage?days=90`);
    expect(response.status).toBe(200);
    const { daily, ...summary } = response.body;
    expect(summary).toEqual({
      days: 90,
      from: dayFromToday(-89),
      to: dayFromToday(0),
      seatsPurchased: 50,
      averageActiveUsers: 25,
      peakActiveUsers: 30,
      totalEvents: 300,
      seatUtilisation: 0.5,
      lastActiveDay: dayFromToday(-1),
    });
    expect(daily).toHaveLength(90);
    expect(daily.slice(-3)).toEqual([
      { day: dayFromToday(-2), activeUsers: 20, events: 100 },
      { day: dayFromToday(-1), activeUsers: 30, events: 200 },
      { day: dayFromToday(0), activeUsers: 0, events: 0 },
    ]);
    const week = await get(`/accounts/${usageAccount}/usage?days=7`);
    expect(week.body.daily).toHaveLength(7);
    const quiet = await get(`/accounts/${quietChild}/usage`);
    expect(quiet.body).toMatchObject({
      days: 90,
      seatsPurchased: null,
      averageActiveUsers: null,
      peakActiveUsers: null,
      totalEvents: 0,
      seatUtilisation: null,
      lastActiveDay: null,
    });
  });

  it('GET /support computes the KPIs in SQL: counts, median hours to resolve and mean CSAT over 90 days', async () => {
    const response = await get(`/accounts/${supportAccount}/support`);
    expect(response.status).toBe(200);
    expect(response.body.kpis).toEqual({
      open: 2,
      openedLast30Days: 3,
      openedLast90Days: 6,
      escalatedLast90Days: 2,
      resolvedLast90Days: 4,
      // Resolved in 2, 6, 10 and 30 hours: the median is halfway between 6 and 10.
      medianHoursToResolve: 8,
      // 5, 3 and 4 (the 200-day-old 1 is outside the window; the 6-hour ticket has no rating).
      csatAverage: 4,
      csatResponses: 3,
    });
    expect(response.body.total).toBe(7);
    expect(
      response.body.tickets.map(
        (ticket: { subject: string; isOpen: boolean; hoursToResolve: number | null }) => [
          ticket.subject,
          ticket.isOpen,
          ticket.hoursToResolve,
        ],
      ),
    ).toEqual([
      ['Open, escalated', true, null],
      ['Pending', true, null],
      ['Solved in 2 h', false, 2],
      ['Solved in 10 h', false, 10],
      ['Closed in 30 h', false, 30],
      ['Closed in 6 h', false, 6],
      ['Old, closed in 1 h', false, 1],
    ]);
    const paged = await get(`/accounts/${supportAccount}/support?page=2&pageSize=3`);
    expect(paged.body.tickets.map((ticket: { subject: string }) => ticket.subject)).toEqual([
      'Solved in 10 h',
      'Closed in 30 h',
      'Closed in 6 h',
    ]);
    const none = await get(`/accounts/${quietChild}/support`);
    expect(none.body.kpis).toEqual({
      open: 0,
      openedLast30Days: 0,
      openedLast90Days: 0,
      escalatedLast90Days: 0,
      resolvedLast90Days: 0,
      medianHoursToResolve: null,
      csatAverage: null,
      csatResponses: 0,
    });
  });

  it('GET /children lists the children by name with ARR and health, and the roll-up ARR of the whole family', async () => {
    const response = await get(`/accounts/${parent}/children`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      items: [
        {
          id: quietChild,
          name: 'Child A',
          status: 'prospect',
          arr: { amountMinor: 0, currency: 'USD' },
          health: null,
        },
        {
          id: child,
          name: 'Child B',
          status: 'active',
          arr: { amountMinor: 600_000, currency: 'USD' },
          health: { score: 81.23, band: 'Green', bandIndex: 2, bandCount: 3 },
        },
      ],
      // (100,000 + 150,000 / 3 + 10,000) × 12
      rollupArr: { amountMinor: 1_920_000, currency: 'USD' },
    });
    const leaf = await get(`/accounts/${quietChild}/children`);
    expect(leaf.body).toEqual({ items: [], rollupArr: { amountMinor: 0, currency: 'USD' } });
  });

  it('answers 404 for an unknown account on every tab and 400 for bad parameters', async () => {
    for (const tab of ['revenue', 'usage', 'support', 'children']) {
      const response = await get(`/accounts/${unknownAccount}/${tab}`);
      expect({ tab, status: response.status }).toEqual({ tab, status: 404 });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    const cases: [string, string][] = [
      [`/accounts/${usageAccount}/usage?days=3`, 'querystring.days'],
      [`/accounts/${usageAccount}/usage?days=366`, 'querystring.days'],
      [`/accounts/${usageAccount}/usage?days=ninety`, 'querystring.days'],
      [`/accounts/${supportAccount}/support?pageSize=500`, 'querystring.pageSize'],
      [`/accounts/${supportAccount}/support?page=0`, 'querystring.page'],
      [`/accounts/${revenueAccount}/revenue?from=2024-01`, 'querystring'],
      [`/accounts/${parent}/children?depth=2`, 'querystring'],
    ];
    for (const [path, field] of cases) {
      const response = await get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.body.errors[0].field).toBe(field);
    }
  });
});
