import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dayFromToday,
  makeAccount,
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
import type { HomeBook, HomeTeam } from '../../../shared/api/home.contract';
import { churnEvents, healthSnapshots } from '../../db/schema';

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR);

/**
 * Home through HTTP: a CSM's book (ARR, bands, renewals, at-risk reasons, the last 24 hours) and the
 * team view (retention from the metrics service, health per owner, renewals), with exact values.
 */
describe('home API', () => {
  let server: TestServer;
  let manager: TestUser;
  let csm: TestUser;
  let viewer: TestUser;
  let ids: Record<'alpha' | 'bravo' | 'charlie' | 'delta' | 'echo' | 'foxtrot', string>;
  let names: { csm: string; manager: string };

  beforeAll(async () => {
    server = await startTestServer();
    manager = await server.signIn('manager');
    csm = await server.signIn('csm');
    viewer = await server.signIn('viewer');
    names = {
      csm: (await request(server, 'GET', '/api/v1/auth/me', { as: csm })).body.name,
      manager: (await request(server, 'GET', '/api/v1/auth/me', { as: manager })).body.name,
    };
    const { db } = server.database;
    // Traits.fit is what the scorecard scores: 20 → Red, 60 → Yellow, 90 → Green.
    const alpha = await makeAccount(db, {
      name: 'Alpha',
      ownerId: csm.id,
      status: 'active',
      renewalDate: dayFromToday(10),
      traits: { fit: 20 },
    });
    const bravo = await makeAccount(db, {
      name: 'Bravo',
      ownerId: csm.id,
      status: 'active',
      renewalDate: dayFromToday(100),
      traits: { fit: 60 },
    });
    const charlie = await makeAccount(db, {
      name: 'Charlie',
      ownerId: csm.id,
      status: 'onboarding',
      renewalDate: dayFromToday(90),
      traits: { fit: 90 },
    });
    const delta = await makeAccount(db, {
      name: 'Delta',
      ownerId: csm.id,
      status: 'churned',
      renewalDate: dayFromToday(5),
    });
    const echo = await makeAccount(db, { name: 'Echo', ownerId: csm.id, status: 'prospect' });
    const foxtrot = await makeAccount(db, {
      name: 'Foxtrot',
      ownerId: manager.id,
      status: 'active',
      renewalDate: dayFromToday(20),
    });
    ids = {
      alpha: alpha.id,
      bravo: bravo.id,
      charlie: charlie.id,
      delta: delta.id,
      echo: echo.id,
      foxtrot: foxtrot.id,
    };
    await makeSubscription(db, alpha.id, { amountMinor: 100_000, billingInterval: 'month' });
    await makeSubscription(db, bravo.id, { amountMinor: 1_200_000, billingInterval: 'year' });
    await makeSubscription(db, foxtrot.id, { amountMinor: 50_000, billingInterval: 'month' });

    const created = await request(server, 'POST', '/api/v1/health/scorecards', {
      as: manager,
      body: {
        name: 'Fit',
        definition: {
          measures: [
            {
              id: 'fit',
              name: 'Product fit',
              weight: 1,
              input: { kind: 'trait', key: 'fit' },
              windowDays: 30,
              scheme: { kind: 'linear', from: { value: 0, score: 0 }, to: { value: 100, score: 100 } },
              missingData: 'exclude',
            },
          ],
          bands: [
            { name: 'Red', lower: 0, upper: 50 },
            { name: 'Yellow', lower: 50, upper: 75 },
            { name: 'Green', lower: 75, upper: 100 },
          ],
        },
      },
    });
    expect(created.status).toBe(201);
    // Alpha was Green two days ago: today's Red is a band change since yesterday.
    await db.insert(healthSnapshots).values({
      accountId: alpha.id,
      computedAt: ago(48),
      asOfDate: dayFromToday(-2),
      trigger: 'daily',
      scorecardId: created.body.scorecard?.id ?? created.body.id,
      scorecardVersion: 1,
      status: 'scored',
      score: 80,
      displayScore: 80,
      band: 'Green',
      rawValues: ['80'],
      measureScores: [80],
    });
    await makeTicket(db, alpha.id, {
      subject: 'SSO is down',
      priority: 'high',
      escalated: true,
      openedAt: ago(2),
    });
    await makeTicket(db, alpha.id, { subject: 'Old question', openedAt: ago(72) });
    const dana = await makeContact(db, bravo.id, { firstName: 'Dana', lastName: 'Whitfield' });
    await makeSurveyResponse(db, bravo.id, {
      contactId: dana.id,
      surveyKind: 'nps',
      score: 3,
      respondedAt: ago(1),
    });
    await makeSurveyResponse(db, bravo.id, { surveyKind: 'nps', score: 9, respondedAt: ago(1) });
    await makeSurveyResponse(db, bravo.id, { surveyKind: 'csat', score: 1, respondedAt: ago(1) });
    await db.insert(churnEvents).values({
      accountId: delta.id,
      churnedOn: dayFromToday(-1),
      reasonCode: 'price',
      source: 'test',
      externalId: 'churn-delta',
    });
    await db.insert(churnEvents).values({
      accountId: delta.id,
      churnedOn: dayFromToday(-30),
      reasonCode: 'old',
      source: 'test',
      externalId: 'churn-delta-old',
    });
  });
  afterAll(async () => server.close());

  it("gives a CSM their book: ARR, accounts, bands, renewals in 90 days, at-risk reasons and the last day's changes", async () => {
    const response = await request(server, 'GET', '/api/v1/home/book', { as: csm });
    expect(response.status).toBe(200);
    const book = response.body as HomeBook;
    expect(book.owner).toEqual({ id: csm.id, name: names.csm });
    expect(book.reportingCurrency).toBe('USD');
    // Alpha 1,000 × 12 + Bravo 12,000 a year; Delta (churned) is not in the book, Echo (prospect) is.
    expect(book.accounts).toBe(4);
    expect(book.arrMinor).toBe(2_400_000);
    expect(book.health).toEqual({
      bands: [
        { name: 'Red', lower: 0, upper: 50, accounts: 1, arrMinor: 1_200_000 },
        { name: 'Yellow', lower: 50, upper: 75, accounts: 1, arrMinor: 1_200_000 },
        { name: 'Green', lower: 75, upper: 100, accounts: 1, arrMinor: 0 },
      ],
      scored: 3,
      notScored: 0,
    });
    expect(book.renewals.through).toBe(dayFromToday(90));
    expect(book.renewals.total).toBe(2);
    expect(book.renewals.arrMinor).toBe(1_200_000);
    expect(book.renewals.items).toEqual([
      {
        accountId: ids.alpha,
        name: 'Alpha',
        ownerName: names.csm,
        renewalDate: dayFromToday(10),
        daysLeft: 10,
        arrMinor: 1_200_000,
        score: 20,
        band: 'Red',
      },
      {
        accountId: ids.charlie,
        name: 'Charlie',
        ownerName: names.csm,
        renewalDate: dayFromToday(90),
        daysLeft: 90,
        arrMinor: 0,
        score: 90,
        band: 'Green',
      },
    ]);
    expect(book.atRisk).toEqual({
      total: 1,
      items: [
        {
          accountId: ids.alpha,
          name: 'Alpha',
          score: 20,
          band: 'Red',
          arrMinor: 1_200_000,
          renewalDate: dayFromToday(10),
          topReason: 'Product fit: 20',
        },
      ],
    });
    expect(book.changes.total).toBe(4);
    expect(
      book.changes.items.map(({ kind, accountName, title, direction }) => ({
        kind,
        accountName,
        title,
        direction,
      })),
    ).toEqual([
      {
        kind: 'band',
        accountName: 'Alpha',
        title: 'Health moved from Green to Red (80.00 → 20.00)',
        direction: 'down',
      },
      { kind: 'detractor', accountName: 'Bravo', title: 'NPS 3 from Dana Whitfield', direction: null },
      {
        kind: 'escalation',
        accountName: 'Alpha',
        title: 'Escalated ticket opened: "SSO is down" (high priority)',
        direction: null,
      },
      { kind: 'churn', accountName: 'Delta', title: 'Churned (reason: price)', direction: null },
    ]);
    expect(book.changes.items[3]!.at).toBe(`${dayFromToday(-1)}T00:00:00.000Z`);
  });

  it("shows anyone's book by owner id, and an owner without accounts gets an empty book", async () => {
    const managerBook = (
      await request(server, 'GET', `/api/v1/home/book?owner=${manager.id}`, { as: viewer })
    ).body as HomeBook;
    expect(managerBook.owner).toEqual({ id: manager.id, name: names.manager });
    expect(managerBook.accounts).toBe(1);
    expect(managerBook.arrMinor).toBe(600_000);
    expect(managerBook.health.scored).toBe(0);
    expect(managerBook.health.notScored).toBe(1);
    expect(
      managerBook.renewals.items.map((item) => [item.name, item.daysLeft, item.score, item.band]),
    ).toEqual([['Foxtrot', 20, null, null]]);
    const viewerBook = (await request(server, 'GET', '/api/v1/home/book', { as: viewer })).body as HomeBook;
    expect([
      viewerBook.accounts,
      viewerBook.arrMinor,
      viewerBook.renewals.total,
      viewerBook.atRisk.total,
      viewerBook.changes.total,
    ]).toEqual([0, 0, 0, 0, 0]);
  });

  it('gives the team view: last 12 months of retention, health per owner and renewals across the team', async () => {
    const response = await request(server, 'GET', '/api/v1/home/team', { as: viewer });
    expect(response.status).toBe(200);
    const team = response.body as HomeTeam;
    const lastFullMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1))
      .toISOString()
      .slice(0, 7);
    expect(team.retention).toEqual({
      from: expect.any(String),
      to: lastFullMonth,
      nrr: { status: 'defined', value: 1 },
      grr: { status: 'defined', value: 1 },
      logoChurnRate: { status: 'defined', value: 0 },
      churnedLogos: 0,
      customersEnd: 3,
      arrEndMinor: 3_000_000,
      warnings: 0,
    });
    expect(team.bands.map((band) => band.name)).toEqual(['Red', 'Yellow', 'Green']);
    expect(team.healthByOwner).toEqual(
      [
        {
          ownerId: csm.id,
          ownerName: names.csm,
          accounts: 3,
          bands: { Red: 1, Yellow: 1, Green: 1 },
          notScored: 0,
        },
        { ownerId: manager.id, ownerName: names.manager, accounts: 1, bands: {}, notScored: 1 },
      ].sort((a, b) => a.ownerName.localeCompare(b.ownerName)),
    );
    expect(team.renewals.total).toBe(3);
    expect(team.renewals.arrMinor).toBe(1_800_000);
    expect(
      team.renewals.items.map((item) => [item.name, item.ownerName, item.daysLeft, item.arrMinor, item.band]),
    ).toEqual([
      ['Alpha', names.csm, 10, 1_200_000, 'Red'],
      ['Foxtrot', names.manager, 20, 600_000, null],
      ['Charlie', names.csm, 90, 0, 'Green'],
    ]);
  });

  it('refuses an owner that is neither "me" nor a known user id, and unknown parameters', async () => {
    const notAnId = await request(server, 'GET', '/api/v1/home/book?owner=sam', { as: csm });
    expect(notAnId.status).toBe(400);
    expect(notAnId.body.errors).toEqual([
      { field: 'querystring.owner', message: expect.stringContaining('must be "me" or a user id') },
    ]);
    const unknown = await request(
      server,
      'GET',
      '/api/v1/home/book?owner=00000000-0000-4000-8000-000000000000',
      { as: csm },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toBe(
      'query.owner: no user has id 00000000-0000-4000-8000-000000000000; send "me" or the id of someone in GET /api/v1/users.',
    );
    expect((await request(server, 'GET', '/api/v1/home/team?view=all', { as: manager })).status).toBe(400);
  });
});
