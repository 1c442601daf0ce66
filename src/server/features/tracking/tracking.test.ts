import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../../../test/helpers/factories';
import { countRows } from '../../../../test/helpers/test-database';
import {
  request,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../../../../test/helpers/test-server';

const basic = (key: string) => ({ authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` });
const today = () => new Date().toISOString().slice(0, 10);

/** Segment-compatible tracking over HTTP: write keys, identity, usage aggregation and bad input. */
describe('tracking endpoints', () => {
  let server: TestServer;
  let admin: TestUser;
  let manager: TestUser;
  let key: string;
  let accountId: string;

  const usageOf = async (id: string) => {
    await server.app.usageFolder.flush();
    return (
      await server.database.pool.query<{
        active_users: number;
        event_count: number;
        event_counts: Record<string, number>;
      }>(
        'SELECT active_users, event_count, event_counts FROM usage_daily WHERE account_id = $1 AND day = $2',
        [id, today()],
      )
    ).rows[0];
  };
  const send = (path: string, body: unknown, headers: Record<string, string> = basic(key)) =>
    request(server, 'POST', path, { body, headers });

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.signIn('admin');
    manager = await server.signIn('manager');
    accountId = (await makeAccount(server.database.db, { name: 'Acme', externalId: 'acme-1' })).id;
    const created = await request(server, 'POST', '/api/v1/write-keys', {
      as: admin,
      body: { source: 'web-app' },
    });
    expect(created.status).toBe(201);
    key = created.body.key;
  });
  afterAll(async () => server.close());

  it('creates one write key per source, shows the key once, and lists only its prefix', async () => {
    expect(key).toMatch(/^cwk_/);
    const again = await request(server, 'POST', '/api/v1/write-keys', {
      as: admin,
      body: { source: 'web-app' },
    });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('already has an active write key');
    const bad = await request(server, 'POST', '/api/v1/write-keys', {
      as: admin,
      body: { source: 'Web App!' },
    });
    expect(bad.status).toBe(400);
    const list = await request(server, 'GET', '/api/v1/write-keys', { as: admin });
    expect(list.body.items).toEqual([
      expect.objectContaining({ source: 'web-app', prefix: key.slice(0, 10), revokedAt: null }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(key);
    expect((await request(server, 'GET', '/api/v1/write-keys', { as: manager })).status).toBe(403);
  });

  it('links a user to the account by group, makes the contact on identify, and counts their events per day', async () => {
    const batch = {
      batch: [
        {
          type: 'identify',
          messageId: 'm-1',
          userId: 'u-1',
          traits: { email: 'ana@acme.example', name: 'Ana Lima', title: 'Ops lead' },
        },
        {
          type: 'group',
          messageId: 'm-2',
          userId: 'u-1',
          groupId: 'acme-1',
          traits: { plan: 'Enterprise', employees: 120 },
        },
        { type: 'track', messageId: 'm-3', userId: 'u-1', event: 'Report Run', properties: { rows: 10 } },
        { type: 'track', messageId: 'm-4', userId: 'u-1', event: 'Report Run' },
        { type: 'page', messageId: 'm-5', userId: 'u-1', name: 'Dashboard' },
      ],
    };
    const response = await send('/v1/batch', batch);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ success: true, stored: 3, duplicates: 0, unmatched: 0 });

    const contact = await server.database.pool.query(
      'SELECT first_name, last_name, title, email, source, external_id FROM contacts WHERE account_id = $1',
      [accountId],
    );
    expect(contact.rows).toEqual([
      {
        first_name: 'Ana',
        last_name: 'Lima',
        title: 'Ops lead',
        email: 'ana@acme.example',
        source: 'web-app',
        external_id: 'u-1',
      },
    ]);
    const account = await server.database.pool.query('SELECT traits FROM accounts WHERE id = $1', [
      accountId,
    ]);
    expect(account.rows[0].traits).toMatchObject({ plan: 'Enterprise', employees: 120 });
    expect(await usageOf(accountId)).toEqual({
      active_users: 1,
      event_count: 3,
      event_counts: { 'Report Run': 2, 'page:Dashboard': 1 },
    });

    // The same batch again changes nothing: every messageId is already stored.
    const replay = await send('/v1/batch', batch);
    expect(replay.body).toEqual({ success: true, stored: 0, duplicates: 3, unmatched: 0 });
    expect(await usageOf(accountId)).toEqual({
      active_users: 1,
      event_count: 3,
      event_counts: { 'Report Run': 2, 'page:Dashboard': 1 },
    });

    // A second user the same day adds one active user; the single-message endpoints work alike.
    expect(
      (await send('/v1/group', { messageId: 'm-6', anonymousId: 'a-9', groupId: 'acme-1' })).status,
    ).toBe(200);
    expect(
      (await send('/v1/track', { messageId: 'm-7', anonymousId: 'a-9', event: 'Report Run' })).body.stored,
    ).toBe(1);
    expect(await usageOf(accountId)).toEqual({
      active_users: 2,
      event_count: 4,
      event_counts: { 'Report Run': 3, 'page:Dashboard': 1 },
    });
  });

  it('keeps events of unknown groups and users, lists them, and attributes them once mapped', async () => {
    const other = (await makeAccount(server.database.db, { name: 'Zeta', externalId: 'crm-77' })).id;
    await send('/v1/group', {
      messageId: 'z-1',
      userId: 'zed',
      groupId: 'zeta-workspace',
      traits: { name: 'Zeta Inc' },
    });
    const tracked = await send('/v1/batch', {
      batch: [
        { type: 'track', messageId: 'z-2', userId: 'zed', event: 'Login' },
        { type: 'track', messageId: 'z-3', userId: 'zed', event: 'Login' },
        { type: 'track', messageId: 'z-4', userId: 'lonely', event: 'Login' },
      ],
    });
    expect(tracked.body).toEqual({ success: true, stored: 3, duplicates: 0, unmatched: 3 });

    const unmatched = await request(server, 'GET', '/api/v1/tracking/unmatched', { as: manager });
    expect(unmatched.status).toBe(200);
    expect(unmatched.body.waitingEvents).toBe(3);
    expect(unmatched.body.groups).toEqual([
      expect.objectContaining({
        source: 'web-app',
        groupId: 'zeta-workspace',
        users: 1,
        waitingEvents: 2,
        traits: { name: 'Zeta Inc' },
      }),
    ]);
    expect(unmatched.body.users).toEqual([
      expect.objectContaining({ userKey: 'user:lonely', userId: 'lonely', waitingEvents: 1 }),
    ]);

    const mapped = await request(server, 'PUT', '/api/v1/tracking/groups/web-app/zeta-workspace/account', {
      as: admin,
      body: { accountId: other },
    });
    expect(mapped.body).toEqual({ accountId: other, attributedEvents: 2 });
    expect(await usageOf(other)).toEqual({ active_users: 1, event_count: 2, event_counts: { Login: 2 } });
    const mappedUser = await request(server, 'PUT', '/api/v1/tracking/users/web-app/user:lonely/account', {
      as: admin,
      body: { accountId: other },
    });
    expect(mappedUser.body).toEqual({ accountId: other, attributedEvents: 1 });
    expect(await usageOf(other)).toEqual({ active_users: 2, event_count: 3, event_counts: { Login: 3 } });
    expect(
      (await request(server, 'GET', '/api/v1/tracking/unmatched', { as: manager })).body.waitingEvents,
    ).toBe(0);

    // A user known only by an id gets no contact (nothing to call them by): only identify with an email or name makes one.
    const contacts = await server.database.pool.query(
      'SELECT count(*)::int AS count FROM contacts WHERE account_id = $1',
      [other],
    );
    expect(contacts.rows[0].count).toBe(0);
    // The group is remembered: the next event of a new user in it goes straight to the account.
    await send('/v1/group', { messageId: 'z-5', userId: 'zoe', groupId: 'zeta-workspace' });
    expect(
      (await send('/v1/track', { messageId: 'z-6', userId: 'zoe', event: 'Login' })).body.unmatched,
    ).toBe(0);
  });

  it('rescores the account within a second of its events landing (off the request)', async () => {
    const scorecard = await request(server, 'POST', '/api/v1/health/scorecards', {
      as: admin,
      body: {
        name: 'Usage',
        definition: {
          groups: [],
          measures: [
            {
              id: 'events',
              name: 'Events in 30 days',
              weight: 1,
              input: { kind: 'events' },
              windowDays: 30,
              scheme: { kind: 'linear', from: { value: 0, score: 0 }, to: { value: 100, score: 100 } },
              missingData: 'exclude',
            },
          ],
          bands: [
            { name: 'Red', lower: 0, upper: 50 },
            { name: 'Green', lower: 50, upper: 100 },
          ],
        },
      },
    });
    expect(scorecard.status).toBe(201);
    const rawEvents = async () =>
      (await request(server, 'GET', `/api/v1/accounts/${accountId}/health`, { as: manager })).body
        .explanation?.[0]?.rawValue;
    const before = Number(await rawEvents());
    const sentAt = performance.now();
    await send('/v1/batch', {
      batch: Array.from({ length: 5 }, (_, index) => ({
        type: 'track',
        messageId: `score-${index}`,
        userId: 'u-1',
        event: 'Report Run',
      })),
    });
    let after = before;
    while (after !== before + 5 && performance.now() - sentAt < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = Number(await rawEvents());
    }
    expect(after).toBe(before + 5);
  });

  it("corrects the sender's clock: timestamp = receivedAt − (sentAt − timestamp)", async () => {
    const skew = 3_600_000; // the client's clock is an hour fast
    const clientNow = Date.now() + skew;
    const started = Date.now();
    const response = await send('/v1/batch', {
      sentAt: new Date(clientNow).toISOString(),
      batch: [
        {
          type: 'track',
          messageId: 'clock-1',
          userId: 'u-1',
          event: 'Export',
          timestamp: new Date(clientNow - 600_000).toISOString(),
        },
      ],
    });
    expect(response.status).toBe(200);
    const stored = await server.database.pool.query<{ occurred_at: Date; received_at: Date }>(
      "SELECT occurred_at, received_at FROM usage_events WHERE message_id = 'clock-1'",
    );
    const { occurred_at: occurredAt, received_at: receivedAt } = stored.rows[0]!;
    expect(receivedAt.getTime() - occurredAt.getTime()).toBe(600_000);
    expect(Math.abs(receivedAt.getTime() - started)).toBeLessThan(5_000);
  });

  it('refuses bad requests with a clear 4xx and stores nothing of them', async () => {
    const before = await countRows(server.database, 'usage_events');
    const good = { type: 'track', messageId: 'bad-0', userId: 'u-1', event: 'Fine' };
    const cases: {
      name: string;
      body: unknown;
      headers?: Record<string, string>;
      status: number;
      detail: string | RegExp;
    }[] = [
      { name: 'no key', body: { batch: [good] }, headers: {}, status: 401, detail: 'HTTP Basic' },
      {
        name: 'unknown key',
        body: { batch: [good] },
        headers: basic('cwk_nope'),
        status: 401,
        detail: 'unknown or revoked',
      },
      {
        name: 'no user',
        body: { batch: [good, { type: 'track', messageId: 'bad-1', event: 'X' }] },
        status: 400,
        detail: 'batch[1].userId: userId or anonymousId is required',
      },
      {
        name: 'no event name',
        body: { batch: [{ type: 'track', userId: 'u', messageId: 'bad-2' }] },
        status: 400,
        detail: 'batch[0].event',
      },
      {
        name: 'bad type',
        body: { batch: [{ type: 'click', userId: 'u' }] },
        status: 400,
        detail: 'batch[0].type: must be one of',
      },
      {
        name: 'bad time',
        body: { batch: [{ ...good, timestamp: 'yesterday' }] },
        status: 400,
        detail: 'batch[0].timestamp: must be an ISO 8601 time',
      },
      {
        name: 'array properties',
        body: { batch: [{ ...good, properties: [1, 2] }] },
        status: 400,
        detail: 'batch[0].properties: must be a JSON object',
      },
      {
        name: 'big message',
        body: { batch: [{ ...good, properties: { blob: 'x'.repeat(33 * 1024) } }] },
        status: 400,
        detail: 'at most 32 KB',
      },
      { name: 'empty batch', body: { batch: [] }, status: 400, detail: 'non-empty array' },
      {
        name: 'NUL character',
        body: { batch: [good, { ...good, messageId: 'bad-nul', properties: { note: 'a\u0000b' } }] },
        status: 400,
        detail: 'batch[1]: contains a NUL character',
      },
      {
        name: 'lone surrogate',
        body: { batch: [{ ...good, event: 'Half \ud800 pair' }] },
        status: 400,
        detail: 'batch[0]: contains a NUL character (\\u0000) or half of a UTF-16 surrogate pair',
      },
      { name: 'malformed JSON', body: '{"batch": [', status: 400, detail: 'not valid JSON' },
      {
        name: 'big batch',
        body: {
          batch: Array.from({ length: 20 }, (_, index) => ({
            ...good,
            messageId: `big-${index}`,
            properties: { blob: 'y'.repeat(30 * 1024) },
          })),
        },
        status: 400,
        detail: 'at most 500 KB',
      },
    ];
    for (const example of cases) {
      const response = await send('/v1/batch', example.body, example.headers ?? basic(key));
      expect({ name: example.name, status: response.status }).toEqual({
        name: example.name,
        status: example.status,
      });
      expect(response.headers.get('content-type')).toContain('json');
      expect(response.body.detail).toMatch(example.detail);
    }
    expect(await countRows(server.database, 'usage_events')).toBe(before);
  });

  it('refuses a revoked key', async () => {
    const created = await request(server, 'POST', '/api/v1/write-keys', {
      as: admin,
      body: { source: 'ios' },
    });
    expect((await send('/v1/track', { userId: 'u', event: 'Open' }, basic(created.body.key))).status).toBe(
      200,
    );
    expect(
      (await request(server, 'DELETE', `/api/v1/write-keys/${created.body.id}`, { as: admin })).status,
    ).toBe(204);
    const refused = await send('/v1/track', { userId: 'u', event: 'Open' }, basic(created.body.key));
    expect(refused.status).toBe(401);
    // The key in the body works too, and is refused the same way once revoked.
    const inBody = await send('/v1/track', { writeKey: created.body.key, userId: 'u', event: 'Open' }, {});
    expect(inBody.status).toBe(401);
  });
});

describe('tracking flood control', () => {
  let server: TestServer;
  let key: string;
  beforeAll(async () => {
    server = await startTestServer({ trackingRequestsPerSecond: 2 });
    const admin = await server.signIn('admin');
    key = (await request(server, 'POST', '/api/v1/write-keys', { as: admin, body: { source: 'flood' } })).body
      .key;
  });
  afterAll(async () => server.close());

  it('answers 429 with Retry-After once a key sends more requests per second than allowed', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let index = 0; index < 4; index += 1) {
      const response = await request(server, 'POST', '/v1/track', {
        body: { messageId: `f-${index}`, userId: 'u', event: 'Ping' },
        headers: basic(key),
      });
      statuses.push(response.status);
      if (response.status === 429) {
        retryAfter = response.headers.get('retry-after');
        expect(response.body.detail).toContain('retry after');
      }
    }
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses.slice(2)).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });
});
