import { Analytics } from '@segment/analytics-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeSubscription } from '../../../../test/helpers/factories';
import { request, startTestServer, type TestServer } from '../../../../test/helpers/test-server';

/**
 * The unmodified Segment Node.js client, its host pointed at a Cycle server on 127.0.0.1, sends
 * identify, group and track; Cycle ends up with the contact, the account link, the events and the
 * day's usage (active users, events, per event name, seat utilisation on the Account 360).
 */
describe('@segment/analytics-node against Cycle', () => {
  let server: TestServer;
  let accountId: string;
  let key: string;

  beforeAll(async () => {
    server = await startTestServer();
    const admin = await server.signIn('admin');
    accountId = (await makeAccount(server.database.db, { name: 'Globex', externalId: 'globex' })).id;
    await makeSubscription(server.database.db, accountId, { seats: 10 });
    key = (
      await request(server, 'POST', '/api/v1/write-keys', { as: admin, body: { source: 'node-backend' } })
    ).body.key;
  });
  afterAll(async () => server.close());

  it('identify, group and track land as a contact, an account link, events and daily usage', async () => {
    const analytics = new Analytics({ writeKey: key, host: server.baseUrl, flushAt: 20, flushInterval: 200 });
    const failures: unknown[] = [];
    analytics.on('error', (error) => failures.push(error));
    analytics.identify({
      userId: 'hank',
      traits: { email: 'hank@globex.example', firstName: 'Hank', lastName: 'Scorpio' },
    });
    analytics.group({ userId: 'hank', groupId: 'globex', traits: { industry: 'Energy' } });
    analytics.track({ userId: 'hank', event: 'Project Created', properties: { template: 'volcano' } });
    analytics.track({ userId: 'hank', event: 'Project Created' });
    analytics.identify({ userId: 'homer', traits: { email: 'homer@globex.example' } });
    analytics.group({ userId: 'homer', groupId: 'globex' });
    analytics.track({ userId: 'homer', event: 'Invite Sent' });
    await analytics.closeAndFlush({ timeout: 10_000 });
    expect(failures).toEqual([]);

    const contacts = await server.database.pool.query(
      'SELECT first_name, last_name, email FROM contacts WHERE account_id = $1 ORDER BY email',
      [accountId],
    );
    expect(contacts.rows).toEqual([
      { first_name: 'Hank', last_name: 'Scorpio', email: 'hank@globex.example' },
      { first_name: null, last_name: null, email: 'homer@globex.example' },
    ]);
    const events = await server.database.pool.query(
      `SELECT user_id, event, properties, context ? 'library' AS has_library FROM usage_events WHERE account_id = $1 ORDER BY occurred_at, user_id, event`,
      [accountId],
    );
    expect(events.rows.map((row) => [row.user_id, row.event])).toEqual([
      ['hank', 'Project Created'],
      ['hank', 'Project Created'],
      ['homer', 'Invite Sent'],
    ]);
    expect(events.rows.map((row) => row.properties)).toContainEqual({ template: 'volcano' });
    expect(events.rows.every((row) => row.has_library)).toBe(true);

    const account = await request(server, 'GET', `/api/v1/accounts/${accountId}`, {
      as: await server.signIn('viewer'),
    });
    expect(account.body.account.traits).toMatchObject({ industry: 'Energy' });
    await server.app.usageFolder.flush();
    const usage = await server.database.pool.query(
      'SELECT active_users, event_count, event_counts FROM usage_daily WHERE account_id = $1',
      [accountId],
    );
    expect(usage.rows).toEqual([
      { active_users: 2, event_count: 3, event_counts: { 'Project Created': 2, 'Invite Sent': 1 } },
    ]);
  });
});
