import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeContact } from '../../../../test/helpers/factories';
import { request, startTestServer, type TestServer } from '../../../../test/helpers/test-server';
import { createWriteKey } from './write-key.service';
import { foldTrackedUsage } from './usage-folder';

const basic = (key: string) => ({ authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` });

/**
 * The usage fold runs off the request path: each event a committed request stored is counted in the
 * daily usage exactly once — whatever runs concurrently, whenever its user is attributed, and never
 * while the transaction that stored it is still open.
 */
describe('usage fold', () => {
  let server: TestServer;
  let key: string;

  const totals = async (accountId: string) => {
    const result = await server.database.pool.query<{ events: number; users: number }>(
      `SELECT coalesce(sum(event_count), 0)::int AS events, coalesce(sum(active_users), 0)::int AS users
       FROM usage_daily WHERE account_id = $1`,
      [accountId],
    );
    return result.rows[0];
  };
  const send = (body: unknown) => request(server, 'POST', '/v1/batch', { body, headers: basic(key) });
  const tracks = (prefix: string, userId: string, count: number) =>
    Array.from({ length: count }, (_, index) => ({
      type: 'track',
      messageId: `${prefix}-${index}`,
      userId,
      event: 'Report Run',
    }));

  beforeAll(async () => {
    server = await startTestServer();
    key = (await createWriteKey(server.database.db, { source: 'fold-app', createdBy: null })).key;
  });
  afterAll(async () => server.close());

  it('counts nothing stored after the oldest open writing transaction until it ends, then each event once', async () => {
    const account = await makeAccount(server.database.db, { name: 'Open Txn', externalId: 'fold-open' });
    const writer = await server.database.pool.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(
        `INSERT INTO usage_events (source, message_id, account_id, user_key, event, occurred_at)
         VALUES ('fold-app', 'open-1', $1, 'user:u-open', 'Login', now())`,
        [account.id],
      );
      // Another request commits events for the same account meanwhile.
      await send({ batch: [{ type: 'group', messageId: 'g-open', userId: 'u-open', groupId: 'fold-open' }] });
      await send({ batch: tracks('open-http', 'u-open', 3) });
      await server.app.usageFolder.flush();
      await foldTrackedUsage(server.database);
      // Events of later transactions wait too: the fold only passes transactions older than every open one.
      expect(await totals(account.id)).toEqual({ events: 0, users: 0 });
      await writer.query('COMMIT');
    } finally {
      writer.release();
    }
    await foldTrackedUsage(server.database);
    await foldTrackedUsage(server.database);
    expect(await totals(account.id)).toEqual({ events: 4, users: 1 });
  });

  it('counts every event once when folds race with concurrent batches', async () => {
    const account = await makeAccount(server.database.db, { name: 'Racing', externalId: 'fold-race' });
    await send({
      batch: Array.from({ length: 10 }, (_, user) => ({
        type: 'group',
        messageId: `g-race-${user}`,
        userId: `racer-${user}`,
        groupId: 'fold-race',
      })),
    });
    const batches = Array.from({ length: 10 }, (_, user) => send({ batch: tracks(`race-${user}`, `racer-${user}`, 50) }));
    const folds = Array.from({ length: 6 }, () => foldTrackedUsage(server.database));
    const answers = await Promise.all(batches);
    await Promise.all(folds);
    expect(answers.every((answer) => answer.status === 200 && answer.body.stored === 50)).toBe(true);
    await Promise.all([server.app.usageFolder.flush(), foldTrackedUsage(server.database)]);
    expect(await totals(account.id)).toEqual({ events: 500, users: 10 });
    // Replaying everything changes nothing.
    await Promise.all(Array.from({ length: 10 }, (_, user) => send({ batch: tracks(`race-${user}`, `racer-${user}`, 50) })));
    await server.app.usageFolder.flush();
    expect(await totals(account.id)).toEqual({ events: 500, users: 10 });
  });

  it('counts waiting events once when their user is grouped before or after the fold passed them', async () => {
    const account = await makeAccount(server.database.db, { name: 'Late Group', externalId: 'fold-late' });
    // Passed by the fold while unmatched, then attributed: folded by the attribution.
    await send({ batch: tracks('late-a', 'late-a', 4) });
    await server.app.usageFolder.flush();
    await send({ batch: [{ type: 'group', messageId: 'g-late-a', userId: 'late-a', groupId: 'fold-late' }] });
    expect(await totals(account.id)).toEqual({ events: 4, users: 1 });
    // Attributed before the fold reached them: folded by the fold, not by the attribution.
    const writer = await server.database.pool.connect();
    try {
      await writer.query('BEGIN');
      await writer.query('SELECT horizon FROM usage_fold_state WHERE id = 1 FOR SHARE'); // holds the fold back
      await send({ batch: tracks('late-b', 'late-b', 2) });
      await send({ batch: [{ type: 'group', messageId: 'g-late-b', userId: 'late-b', groupId: 'fold-late' }] });
      expect(await totals(account.id)).toEqual({ events: 4, users: 1 });
      await writer.query('COMMIT');
    } finally {
      writer.release();
    }
    await server.app.usageFolder.flush();
    await server.app.usageFolder.flush();
    expect(await totals(account.id)).toEqual({ events: 6, users: 2 });
  });

  it('deletes the events of a deleted account and clears a deleted contact from its events', async () => {
    const kept = await makeAccount(server.database.db, { name: 'Kept', externalId: 'fold-kept' });
    const gone = await makeAccount(server.database.db, { name: 'Gone', externalId: 'fold-gone' });
    const contact = await makeContact(server.database.db, kept.id, { email: 'kim@kept.example' });
    await send({
      batch: [
        { type: 'identify', messageId: 'i-kim', userId: 'kim', traits: { email: 'kim@kept.example' } },
        { type: 'group', messageId: 'g-kim', userId: 'kim', groupId: 'fold-kept' },
        { type: 'group', messageId: 'g-gil', userId: 'gil', groupId: 'fold-gone' },
        ...tracks('kim', 'kim', 2),
        ...tracks('gil', 'gil', 3),
      ],
    });
    const contactOf = async () =>
      (
        await server.database.pool.query<{ contact_id: string | null }>(
          `SELECT DISTINCT contact_id FROM usage_events WHERE user_key = 'user:kim' AND event = 'Report Run'`,
        )
      ).rows;
    expect(await contactOf()).toEqual([{ contact_id: contact.id }]);
    await server.database.pool.query('DELETE FROM accounts WHERE id = $1', [gone.id]);
    await server.database.pool.query('DELETE FROM contacts WHERE id = $1', [contact.id]);
    const left = await server.database.pool.query<{ user_key: string; events: number }>(
      `SELECT user_key, count(*)::int AS events FROM usage_events WHERE user_key IN ('user:kim', 'user:gil') GROUP BY 1`,
    );
    expect(left.rows).toEqual([{ user_key: 'user:kim', events: 2 }]);
    expect(await contactOf()).toEqual([{ contact_id: null }]);
    await server.app.usageFolder.flush();
    expect(await totals(kept.id)).toEqual({ events: 2, users: 1 });
  });
});
