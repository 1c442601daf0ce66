import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../../../test/helpers/factories';
import { request, startTestServer, type TestServer } from '../../../../test/helpers/test-server';
import { createTrackedEventWriter } from './tracked-event-writer';
import { parseTrackingBody, type TrackingMessage } from './tracking-messages';
import { createWriteKey } from './write-key.service';

const basic = (key: string) => ({ authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` });

/** Track messages as the endpoints parse them. */
function tracks(prefix: string, userId: string, count: number, from = 0): TrackingMessage[] {
  const batch = Array.from({ length: count }, (_, index) => ({
    type: 'track',
    messageId: `${prefix}-${from + index}`,
    userId,
    event: 'Report Run',
    properties: { report: `r-${index}`, note: 'tab\there, line\nbreak, back\\slash' },
  }));
  return parseTrackingBody(JSON.stringify({ batch }), 'batch', new Date()).messages;
}

/**
 * Group commit of tracked events: concurrent requests are stored together, each answered only
 * after the commit that holds its events, idempotent by messageId across and within the requests
 * of one write, and a request PostgreSQL refuses fails alone.
 */
describe('tracked event writer', () => {
  let server: TestServer;
  let accountId: string;

  const stored = async (prefix: string) =>
    (
      await server.database.pool.query<{ message_id: string; txid: string; account_id: string | null }>(
        `SELECT message_id, fold_txid::text AS txid, account_id FROM usage_events
         WHERE source = 'writer-app' AND message_id LIKE $1 || '-%' ORDER BY message_id`,
        [prefix],
      )
    ).rows;

  beforeAll(async () => {
    server = await startTestServer();
    accountId = (await makeAccount(server.database.db, { name: 'Writer Co', externalId: 'writer-co' })).id;
    await server.database.pool.query(
      `INSERT INTO tracked_users (source, user_key, user_id, group_id, account_id)
       VALUES ('writer-app', 'user:known', 'known', 'writer-co', $1)`,
      [accountId],
    );
  });
  afterAll(async () => server.close());

  it('stores the requests waiting behind a running write together, in one transaction', async () => {
    const writer = createTrackedEventWriter(server.database, { concurrentWrites: 1 });
    const now = new Date();
    // The first write starts at once; the next three wait for it and then go as one.
    const results = await Promise.all([
      writer.write('writer-app', tracks('first', 'known', 5), now),
      writer.write('writer-app', tracks('second', 'known', 4), now),
      writer.write('writer-app', tracks('third', 'stranger', 3), now),
      writer.write('writer-app', tracks('fourth', 'known', 2), now),
    ]);
    expect(results).toEqual([
      { stored: 5, unmatched: 0 },
      { stored: 4, unmatched: 0 },
      { stored: 3, unmatched: 3 },
      { stored: 2, unmatched: 0 },
    ]);
    const first = await stored('first');
    const grouped = [...(await stored('second')), ...(await stored('third')), ...(await stored('fourth'))];
    expect(grouped).toHaveLength(9);
    expect(new Set(grouped.map((row) => row.txid)).size).toBe(1);
    expect(grouped[0]!.txid).not.toBe(first[0]!.txid);
    // Known users' events carry their account; a user seen for the first time is registered with them.
    expect(first.every((row) => row.account_id === accountId)).toBe(true);
    expect((await stored('third')).every((row) => row.account_id === null)).toBe(true);
    const registered = await server.database.pool.query(
      `SELECT user_id FROM tracked_users WHERE source = 'writer-app' AND user_key = 'user:stranger'`,
    );
    expect(registered.rows).toEqual([{ user_id: 'stranger' }]);
    // Tabs, newlines and backslashes in properties survive the COPY text format.
    const properties = await server.database.pool.query(
      `SELECT properties FROM usage_events WHERE source = 'writer-app' AND message_id = 'second-0'`,
    );
    expect(properties.rows[0].properties).toEqual({
      report: 'r-0',
      note: 'tab\there, line\nbreak, back\\slash',
    });
  });

  it('stores a messageId once when requests of one write, or a replay, carry it again', async () => {
    const writer = createTrackedEventWriter(server.database, { concurrentWrites: 1 });
    const now = new Date();
    const results = await Promise.all([
      writer.write('writer-app', tracks('blocker', 'known', 1), now),
      writer.write('writer-app', tracks('shared', 'known', 6), now),
      // Ids shared-3 … shared-8: three of them are in the request before, in the same write.
      writer.write('writer-app', tracks('shared', 'known', 6, 3), now),
    ]);
    expect(results.slice(1)).toEqual([
      { stored: 6, unmatched: 0 },
      { stored: 3, unmatched: 0 },
    ]);
    const replay = await writer.write('writer-app', tracks('shared', 'known', 9), now);
    expect(replay).toEqual({ stored: 0, unmatched: 0 });
    expect((await stored('shared')).map((row) => row.message_id)).toEqual(
      Array.from({ length: 9 }, (_, index) => `shared-${index}`),
    );
  });

  it('fails only the request PostgreSQL refuses when it was written together with others', async () => {
    const writer = createTrackedEventWriter(server.database, { concurrentWrites: 1 });
    const now = new Date();
    // Parsing never produces such a document; it stands for any value PostgreSQL refuses.
    const refused = tracks('refused', 'newcomer', 2).map((message) => ({
      ...message,
      propertiesJson: '{"a":',
    }));
    const settled = await Promise.allSettled([
      writer.write('writer-app', tracks('lead', 'known', 1), now),
      writer.write('writer-app', tracks('before', 'known', 2), now),
      writer.write('writer-app', refused, now),
      writer.write('writer-app', tracks('after', 'known', 2), now),
    ]);
    expect(settled.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((settled[2] as PromiseRejectedResult).reason.code).toBe('22P02');
    expect(await stored('before')).toHaveLength(2);
    expect(await stored('after')).toHaveLength(2);
    expect(await stored('refused')).toHaveLength(0);
    // Nothing of the refused request was kept: not even its new user.
    const newcomer = await server.database.pool.query(
      `SELECT 1 FROM tracked_users WHERE source = 'writer-app' AND user_key = 'user:newcomer'`,
    );
    expect(newcomer.rowCount).toBe(0);
    await writer.drain();
  });

  it("keeps users' accounts in memory only until some user's account or contact changes", async () => {
    const writer = createTrackedEventWriter(server.database, { concurrentWrites: 1 });
    const other = (await makeAccount(server.database.db, { name: 'Other Co', externalId: 'other-co' })).id;
    await server.database.pool.query(
      `INSERT INTO tracked_users (source, user_key, user_id, account_id) VALUES ('writer-app', 'user:mover', 'mover', $1)`,
      [accountId],
    );
    const now = new Date();
    await writer.write('writer-app', tracks('move-a', 'mover', 2), now);
    // Moved the way an admin mapping or a group call moves a user.
    await server.database.pool.query(
      `UPDATE tracked_users SET account_id = $1 WHERE source = 'writer-app' AND user_key = 'user:mover'`,
      [other],
    );
    await writer.write('writer-app', tracks('move-b', 'mover', 2), now);
    expect((await stored('move-b')).map((row) => row.account_id)).toEqual([other, other]);
    // A change that is not the account or the contact (traits, last seen) keeps the cache.
    const version = async () =>
      (await server.database.pool.query('SELECT version::int AS v FROM tracking_identity_version')).rows[0].v;
    const before = await version();
    await server.database.pool.query(
      `UPDATE tracked_users SET traits = '{"plan": "pro"}', last_seen_at = now() WHERE source = 'writer-app' AND user_key = 'user:mover'`,
    );
    expect(await version()).toBe(before);
    // Deleting the account sets the user's account to null: the next events wait for an account.
    await server.database.pool.query('DELETE FROM accounts WHERE id = $1', [other]);
    expect(await version()).toBeGreaterThan(before);
    expect(await writer.write('writer-app', tracks('move-c', 'mover', 2), now)).toEqual({
      stored: 2,
      unmatched: 2,
    });
    expect((await stored('move-a')).map((row) => row.account_id)).toEqual([accountId, accountId]);
    expect((await stored('move-c')).map((row) => row.account_id)).toEqual([null, null]);
    // move-b's events went with the account they belonged to.
    expect(await stored('move-b')).toEqual([]);
  });

  it('attributes the events of a user whose group call commits while the write runs', async () => {
    const writer = createTrackedEventWriter(server.database, { concurrentWrites: 1 });
    await server.database.pool.query(
      `INSERT INTO tracked_users (source, user_key, user_id) VALUES ('writer-app', 'user:racer', 'racer')`,
    );
    // A group call's transaction, not committed yet: it links a known user and creates a new one.
    const groupCall = await server.database.pool.connect();
    try {
      await groupCall.query('BEGIN');
      await groupCall.query(
        `UPDATE tracked_users SET account_id = $1 WHERE source = 'writer-app' AND user_key = 'user:racer'`,
        [accountId],
      );
      await groupCall.query(
        `INSERT INTO tracked_users (source, user_key, user_id, account_id) VALUES ('writer-app', 'user:newbie', 'newbie', $1)`,
        [accountId],
      );
      const now = new Date();
      const written = Promise.all([
        writer.write('writer-app', tracks('racer', 'racer', 2), now),
        writer.write('writer-app', tracks('newbie', 'newbie', 2), now),
      ]);
      // The write read both users as having no account, and now waits on the group call's rows.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await groupCall.query('COMMIT');
      expect(await written).toEqual([
        { stored: 2, unmatched: 0 },
        { stored: 2, unmatched: 0 },
      ]);
    } finally {
      groupCall.release();
    }
    expect((await stored('racer')).map((row) => row.account_id)).toEqual([accountId, accountId]);
    expect((await stored('newbie')).map((row) => row.account_id)).toEqual([accountId, accountId]);
  });

  it('answers many concurrent HTTP batches with exact counts, each event stored once', async () => {
    const key = (await createWriteKey(server.database.db, { source: 'writer-http', createdBy: null })).key;
    const body = (request_: number) => ({
      batch: Array.from({ length: 50 }, (_, index) => ({
        type: 'track',
        // Requests 0 and 1 share their first 10 messageIds.
        messageId: request_ === 1 && index < 10 ? `http-0-${index}` : `http-${request_}-${index}`,
        userId: `user-${request_ % 5}`,
        event: 'Dashboard Opened',
      })),
    });
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        request(server, 'POST', '/v1/batch', { body: body(index), headers: basic(key) }),
      ),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(answers.every((answer) => answer.body.stored + answer.body.duplicates === 50)).toBe(true);
    expect(answers.reduce((sum, answer) => sum + answer.body.stored, 0)).toBe(24 * 50 - 10);
    expect(answers[0]!.body.duplicates + answers[1]!.body.duplicates).toBe(10);
    const rows = await server.database.pool.query<{ rows: number; ids: number }>(
      `SELECT count(*)::int AS rows, count(DISTINCT message_id)::int AS ids FROM usage_events WHERE source = 'writer-http'`,
    );
    expect(rows.rows[0]).toEqual({ rows: 24 * 50 - 10, ids: 24 * 50 - 10 });
  });
});
