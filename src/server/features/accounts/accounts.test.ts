import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dayFromToday,
  makeAccount,
  makeContact,
  makeSubscription,
  makeSurveyResponse,
  makeTicket,
  makeUsageDay,
} from '../../../../test/helpers/factories';
import { countRows } from '../../../../test/helpers/test-database';
import { request, startTestServer, type TestServer, type TestUser } from '../../../../test/helpers/test-server';
import { exchangeRates } from '../../db/schema';

describe('accounts API', () => {
  let server: TestServer;
  let manager: TestUser;
  let csm: TestUser;
  let otherCsm: TestUser;
  let viewer: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    const { db } = server.database;
    manager = await server.signIn('manager');
    csm = await server.signIn('csm');
    otherCsm = await server.signIn('csm');
    viewer = await server.signIn('viewer');
    await db.insert(exchangeRates).values([
      { currency: 'EUR', validFrom: '2019-01-01', rateToReporting: 1.05 },
      { currency: 'EUR', validFrom: '2024-01-01', rateToReporting: 1.1 },
    ]);

    const acme = await makeAccount(db, {
      name: 'Acme Logistics',
      domain: 'acme-logistics.example',
      ownerId: csm.id,
      tier: 'Enterprise',
      status: 'active',
      renewalDate: dayFromToday(30),
      traits: { plan: 'Pro', region_code: 'EMEA' },
    });
    // Annual $2,000 → $166.67 MRR; monthly €100 at 1.1 → $110; an ended subscription does not count.
    await makeSubscription(db, acme.id, { amountMinor: 200_000, billingInterval: 'year', seats: 20 });
    await makeSubscription(db, acme.id, { amountMinor: 10_000, currency: 'EUR', billingInterval: 'month' });
    await makeSubscription(db, acme.id, { amountMinor: 999_999, startDate: '2019-01-01', endDate: '2020-01-01' });
    const acmeEu = await makeAccount(db, { name: 'Acme Europe', parentId: acme.id, ownerId: csm.id, status: 'active' });
    await makeSubscription(db, acmeEu.id, { amountMinor: 30_000, billingInterval: 'quarter' }); // $100/month
    const beta = await makeAccount(db, { name: 'Beta Bank', domain: 'beta.example', ownerId: otherCsm.id, tier: 'SMB', status: 'churned', crmId: '0015g00000BeTa1', externalId: 'hub-4410' });
    const gamma = await makeAccount(db, { name: 'Gamma Games', status: 'onboarding', renewalDate: dayFromToday(200), traits: { plan: 'Starter' } });
    await makeSubscription(db, gamma.id, { amountMinor: 20_000 });
    Object.assign(ids, { acme: acme.id, acmeEu: acmeEu.id, beta: beta.id, gamma: gamma.id });

    await makeContact(db, acme.id, { firstName: 'Ada', lastName: 'Lovelace', roles: ['champion', 'decision_maker'], isAdvocate: true });
    await makeTicket(db, acme.id, { subject: 'Export fails', priority: 'high', escalated: true });
    await makeTicket(db, acme.id, { subject: 'Old question', status: 'solved', openedAt: new Date(Date.now() - 3_600_000), resolvedAt: new Date() });
    await makeSurveyResponse(db, acme.id, { score: 6, respondedAt: new Date(Date.now() - 86_400_000) });
    await makeSurveyResponse(db, acme.id, { score: 9 });
    await makeUsageDay(db, acme.id, dayFromToday(-1), 10, 300);
    await makeUsageDay(db, acme.id, dayFromToday(-2), 14, 500);
  });
  afterAll(async () => server.close());

  const names = (body: { items: { name: string }[] }) => body.items.map((item) => item.name);

  it('lists accounts sorted by name with MRR from subscriptions active today, normalised and converted', async () => {
    const response = await request(server, 'GET', '/api/v1/accounts', { as: viewer });
    expect(response.status).toBe(200);
    expect(names(response.body)).toEqual(['Acme Europe', 'Acme Logistics', 'Beta Bank', 'Gamma Games']);
    const acme = response.body.items[1];
    expect(acme.mrr).toEqual({ amountMinor: 16_667 + 11_000, currency: 'USD' });
    expect(acme.arr).toEqual({ amountMinor: (16_667 + 11_000) * 12, currency: 'USD' });
    expect(acme.owner).toEqual({ id: csm.id, name: expect.any(String), email: csm.email });
    expect(response.body.items[0].mrr.amountMinor).toBe(10_000);
    expect(response.body.total).toBe(4);
  });

  it('filters by text, owner, status, tier, renewal window, MRR range and trait', async () => {
    const get = async (query: string, as: TestUser = viewer) => names((await request(server, 'GET', `/api/v1/accounts?${query}`, { as })).body);
    expect(await get('q=ACME')).toEqual(['Acme Europe', 'Acme Logistics']);
    expect(await get('q=beta.example')).toEqual(['Beta Bank']);
    // An exact id from another tool finds the account; part of one does not.
    expect(await get('q=0015g00000BeTa1')).toEqual(['Beta Bank']);
    expect(await get('q=hub-4410')).toEqual(['Beta Bank']);
    expect(await get('q=0015g00000BeTa')).toEqual([]);
    expect(await get('owner=me', csm)).toEqual(['Acme Europe', 'Acme Logistics']);
    expect(await get(`owner=${otherCsm.id}`)).toEqual(['Beta Bank']);
    expect(await get('owner=none')).toEqual(['Gamma Games']);
    expect(await get('status=churned,onboarding')).toEqual(['Beta Bank', 'Gamma Games']);
    expect(await get('tier=Enterprise')).toEqual(['Acme Logistics']);
    expect(await get(`renewalFrom=${dayFromToday(0)}&renewalTo=${dayFromToday(90)}`)).toEqual(['Acme Logistics']);
    expect(await get('mrrMin=25000')).toEqual(['Acme Logistics']);
    expect(await get('mrrMin=1&mrrMax=25000')).toEqual(['Acme Europe', 'Gamma Games']);
    expect(await get('trait=plan:Pro')).toEqual(['Acme Logistics']);
    expect(await get('trait=plan:Starter&trait=plan:Pro')).toEqual([]);
    expect(await get(`parent=${ids.acme}`)).toEqual(['Acme Europe']);
  });

  it('sorts descending by MRR and paginates with the total of all matches', async () => {
    const first = await request(server, 'GET', '/api/v1/accounts?sort=-mrr&pageSize=2', { as: viewer });
    expect(names(first.body)).toEqual(['Acme Logistics', 'Gamma Games']);
    expect(first.body).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    const second = await request(server, 'GET', '/api/v1/accounts?sort=-mrr&pageSize=2&page=2', { as: viewer });
    expect(names(second.body)).toEqual(['Acme Europe', 'Beta Bank']);
    const beyond = await request(server, 'GET', '/api/v1/accounts?pageSize=2&page=9', { as: viewer });
    expect(beyond.body).toMatchObject({ items: [], total: 4 });
  });

  it('rejects bad list parameters with a 400 naming the parameter', async () => {
    const badSort = await request(server, 'GET', '/api/v1/accounts?sort=height', { as: viewer });
    expect(badSort.status).toBe(400);
    expect(badSort.body.errors[0].field).toBe('querystring.sort');
    const badStatus = await request(server, 'GET', '/api/v1/accounts?status=happy', { as: viewer });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.errors[0].field).toMatch(/^querystring\.status/);
    const unknown = await request(server, 'GET', '/api/v1/accounts?colour=red', { as: viewer });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].message).toContain('"colour"');
    const badDate = await request(server, 'GET', '/api/v1/accounts?renewalFrom=31/12/2026', { as: viewer });
    expect(badDate.status).toBe(400);
  });

  it('returns the Account 360 payload with exact figures', async () => {
    const response = await request(server, 'GET', `/api/v1/accounts/${ids.acme}`, { as: viewer });
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.account).toMatchObject({ name: 'Acme Logistics', tier: 'Enterprise', daysToRenewal: 30, mrr: { amountMinor: 27_667, currency: 'USD' } });
    expect(body.rollupMrr).toEqual({ amountMinor: 37_667, currency: 'USD' });
    expect(body.children).toEqual([{ id: ids.acmeEu, name: 'Acme Europe', status: 'active', mrr: { amountMinor: 10_000, currency: 'USD' } }]);
    expect(body.parent).toBeNull();
    expect(body.contacts.map((contact: { name: string }) => contact.name)).toEqual(['Ada Lovelace']);
    expect(body.contacts[0]).toMatchObject({ roles: ['champion', 'decision_maker'], isAdvocate: true });
    expect(body.subscriptions).toHaveLength(3);
    const annual = body.subscriptions.find((sub: { billingInterval: string }) => sub.billingInterval === 'year');
    expect(annual).toMatchObject({ monthly: { amountMinor: 16_667, currency: 'USD' }, activeToday: true, seats: 20 });
    expect(body.subscriptions.filter((sub: { activeToday: boolean }) => !sub.activeToday)).toHaveLength(1);
    expect(body.openTickets.map((ticket: { subject: string }) => ticket.subject)).toEqual(['Export fails']);
    expect(body.ticketCounts).toEqual({ open: 1, last90Days: 2, escalatedLast90Days: 1 });
    expect(body.latestNps).toBe(9);
    expect(body.surveyAnswers.map((answer: { score: number }) => answer.score)).toEqual([9, 6]);
    expect(body.usage).toMatchObject({ days: 30, events: 800, peakActiveUsers: 14, seatsPurchased: 20, averageActiveUsers: 0.8, seatUtilisation: 0.04 });
    expect(body.permissions).toEqual({ canEdit: false, canDelete: false });
    const child = await request(server, 'GET', `/api/v1/accounts/${ids.acmeEu}`, { as: csm });
    expect(child.body.parent).toEqual({ id: ids.acme, name: 'Acme Logistics' });
    expect(child.body.permissions).toEqual({ canEdit: true, canDelete: false });
  });

  it('answers 404 for an unknown account and 400 for an id that is not a UUID', async () => {
    const missing = await request(server, 'GET', '/api/v1/accounts/00000000-0000-4000-8000-000000000001', { as: viewer });
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toContain('No account with id');
    const malformed = await request(server, 'GET', '/api/v1/accounts/42', { as: viewer });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0]).toEqual({ field: 'params.id', message: 'must be an account id (a UUID)' });
  });

  it('creates, updates (merging traits) and deletes an account as a manager', async () => {
    const created = await request(server, 'POST', '/api/v1/accounts', {
      as: manager,
      body: { name: 'Delta Dairy', domain: 'delta.example', tier: 'SMB', ownerId: csm.id, traits: { plan: 'Basic' } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Delta Dairy', status: 'active', source: 'manual', mrr: { amountMinor: 0, currency: 'USD' } });
    const id = created.body.id;
    const updated = await request(server, 'PATCH', `/api/v1/accounts/${id}`, { as: manager, body: { tier: 'Mid-Market', traits: { seats_requested: 40 } } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ tier: 'Mid-Market', traits: { plan: 'Basic', seats_requested: 40 } });
    expect((await request(server, 'DELETE', `/api/v1/accounts/${id}`, { as: manager })).status).toBe(204);
    expect((await request(server, 'GET', `/api/v1/accounts/${id}`, { as: manager })).status).toBe(404);
    expect((await request(server, 'DELETE', `/api/v1/accounts/${id}`, { as: manager })).status).toBe(404);
  });

  it('lets a CSM write only their own book', async () => {
    const own = await request(server, 'PATCH', `/api/v1/accounts/${ids.acme}`, { as: csm, body: { lifecycleStage: 'adoption' } });
    expect(own.status).toBe(200);
    const other = await request(server, 'PATCH', `/api/v1/accounts/${ids.beta}`, { as: csm, body: { lifecycleStage: 'adoption' } });
    expect(other.status).toBe(403);
    // The stage filter: one stage, or `none` for the accounts without one.
    const byStage = async (stage: string) =>
      names((await request(server, 'GET', `/api/v1/accounts?stage=${stage}`, { as: viewer })).body);
    expect(await byStage('adoption')).toEqual(['Acme Logistics']);
    expect(await byStage('none')).toEqual(['Acme Europe', 'Beta Bank', 'Gamma Games']);
    const handOver = await request(server, 'PATCH', `/api/v1/accounts/${ids.acme}`, { as: csm, body: { ownerId: otherCsm.id } });
    expect(handOver.status).toBe(403);
    const created = await request(server, 'POST', '/api/v1/accounts', { as: csm, body: { name: 'Epsilon Energy' } });
    expect(created.status).toBe(201);
    expect(created.body.owner.id).toBe(csm.id);
    const forOther = await request(server, 'POST', '/api/v1/accounts', { as: csm, body: { name: 'Zeta', ownerId: otherCsm.id } });
    expect(forOther.status).toBe(403);
  });

  it('refuses bad account input with a 4xx that names the field, and changes nothing', async () => {
    const before = await countRows(server.database, 'accounts');
    const cases: { body: unknown; status: number; field?: string }[] = [
      { body: {}, status: 400, field: 'body.name' },
      { body: { name: '' }, status: 400, field: 'body.name' },
      { body: { name: 'X', colour: 'red' }, status: 400, field: 'body' },
      { body: { name: 'X', renewalDate: '2026-02-30x' }, status: 400, field: 'body.renewalDate' },
      { body: { name: 'X', status: 'happy' }, status: 400, field: 'body.status' },
      { body: { name: 'X', ownerId: '00000000-0000-4000-8000-000000000009' }, status: 400, field: 'body.ownerId' },
      { body: { name: 'X', parentId: '00000000-0000-4000-8000-000000000009' }, status: 400, field: 'body.parentId' },
      { body: { name: 'X', source: 'test', externalId: 'acc-1' }, status: 409, field: 'body.externalId' },
    ];
    // make acc-1 exist for the conflict case
    await request(server, 'POST', '/api/v1/accounts', { as: manager, body: { name: 'Existing', source: 'test', externalId: 'acc-1' } }).catch(() => {});
    const afterSetup = await countRows(server.database, 'accounts');
    for (const testCase of cases) {
      const response = await request(server, 'POST', '/api/v1/accounts', { as: manager, body: testCase.body });
      expect({ body: testCase.body, status: response.status }).toEqual({ body: testCase.body, status: testCase.status });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      if (testCase.field) expect(response.body.errors?.[0]?.field).toBe(testCase.field);
    }
    expect(await countRows(server.database, 'accounts')).toBe(afterSetup);
    expect(afterSetup - before).toBeLessThanOrEqual(1);
  });

  it('refuses to make an account its own ancestor', async () => {
    const response = await request(server, 'PATCH', `/api/v1/accounts/${ids.acme}`, { as: manager, body: { parentId: ids.acmeEu } });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toEqual({ field: 'body.parentId', message: 'an account cannot be placed under itself or one of its own children' });
  });

  it('answers 413 with the limit for an oversized JSON body, and 415 for a body that is not JSON', async () => {
    const huge = JSON.stringify({ name: 'Big', traits: { blob: 'x'.repeat(1_100_000) } });
    const response = await request(server, 'POST', '/api/v1/accounts', { as: manager, body: huge });
    expect(response.status).toBe(413);
    expect(response.body.detail).toContain('The limit is 1 MB');
    const text = await request(server, 'POST', '/api/v1/accounts', { as: manager, body: '<name>Big</name>', headers: { 'content-type': 'application/xml' } });
    expect(text.status).toBe(415);
  });
});
