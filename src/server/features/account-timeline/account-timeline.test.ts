import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthSnapshots } from '../../db/schema';
import {
  makeAccount,
  makeActivity,
  makeContact,
  makeSubscription,
  makeSurveyResponse,
  makeTicket,
} from '../../../../test/helpers/factories';
import {
  request,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../../../../test/helpers/test-server';
import { refreshMrrFacts } from '../revenue/mrr-facts.repository';

const unknownAccount = '00000000-0000-4000-8000-000000000009';
const scorecardId = '00000000-0000-4000-8000-0000000000aa';

interface Entry {
  id: string;
  kind: string;
  at: string;
  [key: string]: unknown;
}

describe('GET /accounts/:id/timeline', () => {
  let server: TestServer;
  let viewer: TestUser;
  let csm: TestUser;
  let accountId: string;
  const ids: Record<string, string> = {};

  const timeline = async (query = '') =>
    request(server, 'GET', `/api/v1/accounts/${accountId}/timeline${query}`, { as: viewer });

  /** Every page of the timeline, following nextCursor. */
  async function allPages(query: string): Promise<{ pages: Entry[][]; items: Entry[] }> {
    const pages: Entry[][] = [];
    let cursor: string | null = null;
    do {
      const response = await timeline(`?${query}${cursor ? `&before=${encodeURIComponent(cursor)}` : ''}`);
      expect(response.status).toBe(200);
      pages.push(response.body.items);
      cursor = response.body.nextCursor;
    } while (cursor !== null && pages.length < 50);
    return { pages, items: pages.flat() };
  }

  beforeAll(async () => {
    server = await startTestServer();
    viewer = await server.signIn('viewer');
    csm = await server.signIn('csm');
    const { db } = server.database;
    accountId = (await makeAccount(db, { name: 'Tidal Tools', ownerId: csm.id })).id;
    const grace = await makeContact(db, accountId, { firstName: 'Grace', lastName: 'Hopper' });
    ids.kickoff = (
      await makeActivity(db, accountId, {
        subject: 'Kickoff',
        occurredAt: new Date('2025-02-01T10:00:00Z'),
        userId: csm.id,
      })
    ).id;
    ids.qbr = (
      await makeActivity(db, accountId, {
        kind: 'qbr',
        subject: 'QBR',
        occurredAt: new Date('2025-05-10T09:00:00Z'),
      })
    ).id;
    ids.note = (
      await makeActivity(db, accountId, {
        kind: 'note',
        subject: 'Budget note',
        occurredAt: new Date('2025-05-10T09:00:00Z'),
      })
    ).id;
    ids.solved = (
      await makeTicket(db, accountId, {
        subject: 'Export fails',
        status: 'solved',
        priority: 'high',
        openedAt: new Date('2025-03-01T08:00:00Z'),
        resolvedAt: new Date('2025-03-02T20:00:00Z'),
        csatScore: 4,
      })
    ).id;
    ids.open = (
      await makeTicket(db, accountId, {
        subject: 'SSO broken',
        escalated: true,
        openedAt: new Date('2025-04-15T12:00:00Z'),
      })
    ).id;
    ids.survey = (
      await makeSurveyResponse(db, accountId, {
        contactId: grace.id,
        score: 9,
        comment: 'Great',
        respondedAt: new Date('2025-04-20T00:00:00Z'),
      })
    ).id;
    const snapshot = (day: string, displayScore: number | null, band: string | null) => ({
      accountId,
      computedAt: new Date(`${day}T06:00:00Z`),
      asOfDate: day,
      trigger: 'daily',
      scorecardId,
      scorecardVersion: 1,
      status: displayScore === null ? 'not-scored' : 'scored',
      score: displayScore,
      displayScore,
      band,
      rawValues: [],
      measureScores: [],
    });
    await db
      .insert(healthSnapshots)
      .values([
        snapshot('2025-01-01', 70, 'Yellow'),
        snapshot('2025-01-02', 72, 'Yellow'),
        snapshot('2025-01-03', 76.5, 'Green'),
        snapshot('2025-01-04', 78, 'Green'),
        snapshot('2025-01-05', 83, 'Green'),
        snapshot('2025-01-06', null, null),
        snapshot('2025-01-07', 60, 'Yellow'),
      ]);
    // New in Jan 2024, expansion in March, contraction in May, churn in June, reactivation in September.
    await makeSubscription(db, accountId, {
      amountMinor: 100_000,
      startDate: '2024-01-01',
      endDate: '2024-06-01',
    });
    await makeSubscription(db, accountId, {
      amountMinor: 30_000,
      startDate: '2024-03-01',
      endDate: '2024-05-01',
    });
    await makeSubscription(db, accountId, {
      amountMinor: 1_200_000,
      billingInterval: 'year',
      startDate: '2024-09-01',
    });
    await refreshMrrFacts(db, [accountId]);
  });
  afterAll(async () => server.close());

  it('merges every source newest first, with health changes and MRR movements', async () => {
    const response = await timeline();
    expect(response.status).toBe(200);
    expect(response.body.nextCursor).toBeNull();
    const sameMoment = [`activity:${ids.qbr}`, `activity:${ids.note}`].sort().reverse();
    expect(response.body.items.map((entry: Entry) => entry.id)).toEqual([
      ...sameMoment,
      `survey:${ids.survey}`,
      `ticket-opened:${ids.open}`,
      `ticket-resolved:${ids.solved}`,
      `ticket-opened:${ids.solved}`,
      `activity:${ids.kickoff}`,
      expect.stringMatching(/^health:\d+$/),
      expect.stringMatching(/^health:\d+$/),
      expect.stringMatching(/^health:\d+$/),
      expect.stringMatching(/^health:\d+$/),
      'revenue:2024-09',
      'revenue:2024-06',
      'revenue:2024-05',
      'revenue:2024-03',
      'revenue:2024-01',
    ]);
    const byId = new Map<string, Entry>(response.body.items.map((entry: Entry) => [entry.id, entry]));
    expect(byId.get(`activity:${ids.kickoff}`)).toEqual({
      id: `activity:${ids.kickoff}`,
      kind: 'activity',
      at: '2025-02-01T10:00:00.000Z',
      activity: {
        id: ids.kickoff,
        kind: 'call',
        subject: 'Kickoff',
        body: null,
        outcome: null,
        user: { id: csm.id, name: expect.stringMatching(/^csm /) },
      },
    });
    expect(byId.get(`ticket-resolved:${ids.solved}`)).toMatchObject({
      at: '2025-03-02T20:00:00.000Z',
      ticket: {
        event: 'resolved',
        subject: 'Export fails',
        status: 'solved',
        priority: 'high',
        escalated: false,
        csatScore: 4,
      },
    });
    expect(byId.get(`ticket-opened:${ids.open}`)).toMatchObject({
      ticket: { event: 'opened', escalated: true, status: 'open' },
    });
    expect(byId.get(`survey:${ids.survey}`)).toMatchObject({
      at: '2025-04-20T00:00:00.000Z',
      survey: { surveyKind: 'nps', score: 9, comment: 'Great', contact: { name: 'Grace Hopper' } },
    });
    const health = response.body.items.filter((entry: Entry) => entry.kind === 'health');
    expect(health.map((entry: Entry) => [entry.at.slice(0, 10), entry.health])).toEqual([
      ['2025-01-07', { score: 60, band: 'Yellow', previousScore: 83, previousBand: 'Green', change: -23 }],
      ['2025-01-05', { score: 83, band: 'Green', previousScore: 78, previousBand: 'Green', change: 5 }],
      ['2025-01-03', { score: 76.5, band: 'Green', previousScore: 72, previousBand: 'Yellow', change: 4.5 }],
      ['2025-01-01', { score: 70, band: 'Yellow', previousScore: null, previousBand: null, change: null }],
    ]);
    const revenue = response.body.items.filter((entry: Entry) => entry.kind === 'revenue');
    const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
    expect(revenue.map((entry: Entry) => [entry.at, entry.revenue])).toEqual([
      [
        '2024-09-01T00:00:00.000Z',
        {
          month: '2024-09',
          movement: 'reactivation',
          mrr: usd(100_000),
          previousMrr: usd(0),
          change: usd(100_000),
        },
      ],
      [
        '2024-06-01T00:00:00.000Z',
        {
          month: '2024-06',
          movement: 'churn',
          mrr: usd(0),
          previousMrr: usd(100_000),
          change: usd(-100_000),
        },
      ],
      [
        '2024-05-01T00:00:00.000Z',
        {
          month: '2024-05',
          movement: 'contraction',
          mrr: usd(100_000),
          previousMrr: usd(130_000),
          change: usd(-30_000),
        },
      ],
      [
        '2024-03-01T00:00:00.000Z',
        {
          month: '2024-03',
          movement: 'expansion',
          mrr: usd(130_000),
          previousMrr: usd(100_000),
          change: usd(30_000),
        },
      ],
      [
        '2024-01-01T00:00:00.000Z',
        { month: '2024-01', movement: 'new', mrr: usd(100_000), previousMrr: usd(0), change: usd(100_000) },
      ],
    ]);
  });

  it('filters by kind', async () => {
    const tickets = await timeline('?kinds=ticket');
    expect(tickets.body.items.map((entry: Entry) => entry.id)).toEqual([
      `ticket-opened:${ids.open}`,
      `ticket-resolved:${ids.solved}`,
      `ticket-opened:${ids.solved}`,
    ]);
    const changes = await timeline('?kinds=health,revenue');
    expect(changes.body.items.map((entry: Entry) => entry.kind)).toEqual([
      ...Array(4).fill('health'),
      ...Array(5).fill('revenue'),
    ]);
  });

  it('pages by cursor without gaps or duplicates, even across equal moments and new entries', async () => {
    const whole = (await timeline('?limit=100')).body.items.map((entry: Entry) => entry.id);
    expect(whole).toHaveLength(16);
    for (const limit of [1, 2, 3, 7]) {
      const { pages, items } = await allPages(`limit=${limit}`);
      expect(items.map((entry) => entry.id)).toEqual(whole);
      expect(pages.map((page) => page.length)).toEqual([
        ...Array(Math.floor(16 / limit)).fill(limit),
        ...(16 % limit ? [16 % limit] : []),
      ]);
    }
    // A page cursor keeps its place when something newer is logged meanwhile.
    const first = await timeline('?limit=5');
    await makeActivity(server.database.db, accountId, {
      subject: 'Logged meanwhile',
      occurredAt: new Date(),
    });
    const second = await timeline(`?limit=5&before=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items.map((entry: Entry) => entry.id)).toEqual(whole.slice(5, 10));
    const filtered = await allPages('kinds=health,revenue&limit=2');
    expect(filtered.items.map((entry) => entry.id)).toEqual(
      whole.filter((id: string) => /^(health|revenue):/.test(id)),
    );
  });

  it('answers 404 for an unknown account and 400 for bad parameters, naming the field', async () => {
    const missing = await request(server, 'GET', `/api/v1/accounts/${unknownAccount}/timeline`, {
      as: viewer,
    });
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toContain(unknownAccount);
    const cases: [string, string][] = [
      ['?kinds=activity,emails', 'querystring.kinds.1'],
      ['?kinds=', 'querystring.kinds'],
      ['?limit=0', 'querystring.limit'],
      ['?limit=101', 'querystring.limit'],
      ['?page=2', 'querystring'],
      ['?before=not-a-cursor', 'query.before'],
    ];
    for (const [query, field] of cases) {
      const response = await timeline(query);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.body.errors[0].field).toBe(field);
    }
    const badId = await request(server, 'GET', '/api/v1/accounts/not-a-uuid/timeline', { as: viewer });
    expect(badId.status).toBe(400);
  });
});
