import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeActivity, makeContact } from '../../../../test/helpers/factories';
import { countRows } from '../../../../test/helpers/test-database';
import { request, startTestServer, type TestServer, type TestUser } from '../../../../test/helpers/test-server';

describe('contacts and activities API', () => {
  let server: TestServer;
  let csm: TestUser;
  let otherCsm: TestUser;
  let accountId: string;
  let otherAccountId: string;
  let contactId: string;

  beforeAll(async () => {
    server = await startTestServer();
    csm = await server.signIn('csm');
    otherCsm = await server.signIn('csm');
    const { db } = server.database;
    accountId = (await makeAccount(db, { name: 'Orbit Outfitters', ownerId: csm.id })).id;
    otherAccountId = (await makeAccount(db, { name: 'Polar Paper', ownerId: otherCsm.id })).id;
    contactId = (await makeContact(db, accountId, { firstName: 'Grace', lastName: 'Hopper' })).id;
    await makeActivity(db, accountId, { subject: 'Kickoff', occurredAt: new Date('2026-01-05T10:00:00Z') });
  });
  afterAll(async () => server.close());

  it('logs a call on the timeline as the signed-in CSM, newest first', async () => {
    const logged = await request(server, 'POST', `/api/v1/accounts/${accountId}/activities`, {
      as: csm,
      body: { kind: 'call', subject: 'Renewal check-in', body: 'Budget confirmed', outcome: 'positive', contactIds: [contactId] },
    });
    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({ kind: 'call', subject: 'Renewal check-in', user: { id: csm.id }, contactIds: [contactId] });
    const list = await request(server, 'GET', `/api/v1/accounts/${accountId}/activities`, { as: csm });
    expect(list.body.items.map((item: { subject: string }) => item.subject)).toEqual(['Renewal check-in', 'Kickoff']);
    expect(list.body.total).toBe(2);
    const account = await request(server, 'GET', `/api/v1/accounts/${accountId}`, { as: csm });
    expect(account.body.recentActivities[0].subject).toBe('Renewal check-in');
  });

  it('refuses an activity on another CSM\'s account, with unknown contacts, or with a bad kind — and stores nothing', async () => {
    const before = await countRows(server.database, 'activities');
    const foreign = await request(server, 'POST', `/api/v1/accounts/${otherAccountId}/activities`, { as: csm, body: { kind: 'note', subject: 'x' } });
    expect(foreign.status).toBe(403);
    const strangers = await request(server, 'POST', `/api/v1/accounts/${accountId}/activities`, {
      as: csm,
      body: { kind: 'note', subject: 'x', contactIds: ['00000000-0000-4000-8000-000000000002'] },
    });
    expect(strangers.status).toBe(400);
    expect(strangers.body.errors[0].field).toBe('body.contactIds');
    const badKind = await request(server, 'POST', `/api/v1/accounts/${accountId}/activities`, { as: csm, body: { kind: 'telegram', subject: 'x' } });
    expect(badKind.status).toBe(400);
    expect(badKind.body.errors[0].field).toBe('body.kind');
    const missingAccount = await request(server, 'POST', '/api/v1/accounts/00000000-0000-4000-8000-000000000003/activities', {
      as: csm,
      body: { kind: 'note', subject: 'x' },
    });
    expect(missingAccount.status).toBe(404);
    expect(await countRows(server.database, 'activities')).toBe(before);
  });

  it('adds, updates (merging traits) and deletes a contact on an own account', async () => {
    const created = await request(server, 'POST', `/api/v1/accounts/${accountId}/contacts`, {
      as: csm,
      body: { firstName: 'Katherine', lastName: 'Johnson', email: 'KJ@Orbit.example', roles: ['exec_sponsor'], traits: { city: 'Hampton' } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Katherine Johnson', email: 'kj@orbit.example', roles: ['exec_sponsor'], isAdvocate: false });
    const updated = await request(server, 'PATCH', `/api/v1/contacts/${created.body.id}`, { as: csm, body: { isAdvocate: true, traits: { team: 'Flight' } } });
    expect(updated.body).toMatchObject({ isAdvocate: true, traits: { city: 'Hampton', team: 'Flight' } });
    const listed = await request(server, 'GET', `/api/v1/accounts/${accountId}/contacts`, { as: otherCsm });
    expect(listed.body.items.map((item: { name: string }) => item.name)).toEqual(['Grace Hopper', 'Katherine Johnson']);
    expect((await request(server, 'PATCH', `/api/v1/contacts/${created.body.id}`, { as: otherCsm, body: { title: 'x' } })).status).toBe(403);
    expect((await request(server, 'DELETE', `/api/v1/contacts/${created.body.id}`, { as: csm })).status).toBe(204);
    expect((await request(server, 'DELETE', `/api/v1/contacts/${created.body.id}`, { as: csm })).status).toBe(404);
  });

  it('refuses a contact with no name or email, a bad role or a bad email, and stores nothing', async () => {
    const before = await countRows(server.database, 'contacts');
    for (const body of [{ title: 'CTO' }, { firstName: 'A', roles: ['boss'] }, { email: 'not-an-email' }]) {
      const response = await request(server, 'POST', `/api/v1/accounts/${accountId}/contacts`, { as: csm, body });
      expect(response.status).toBe(400);
      expect(response.body.detail.length).toBeGreaterThan(10);
    }
    expect(await countRows(server.database, 'contacts')).toBe(before);
  });
});
