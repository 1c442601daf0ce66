import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dayFromToday,
  makeAccount,
  makeActivity,
  makeSubscription,
} from '../../../../test/helpers/factories';
import { countRows } from '../../../../test/helpers/test-database';
import {
  request,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../../../../test/helpers/test-server';
import { refreshJourney } from './journey-refresh';

const arrAtLeast = (value: number) => ({ kind: 'condition', field: 'arr', operator: 'gte', value });
const daysAgo = (days: number) => new Date(`${dayFromToday(-days)}T12:00:00Z`);

/** Tiers through HTTP: order and default, validation, re-tiering, renames, and cadence overdue counts. */
describe('tiers API', () => {
  let server: TestServer;
  let manager: TestUser;
  let csm: TestUser;
  let viewer: TestUser;
  const ids: Record<string, string> = {};
  const tierIds: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    manager = await server.signIn('manager');
    csm = await server.signIn('csm');
    viewer = await server.signIn('viewer');
    const { db } = server.database;
    // ARR (USD) from monthly plans: Acme 240,000; Globex 120,000; Initech 36,000; Umbrella 6,000; Hooli churned (churned accounts keep their tier).
    const specs = [
      ['Acme', 2_000_000, 'active', 400],
      ['Globex', 1_000_000, 'active', 200],
      ['Initech', 300_000, 'onboarding', 20],
      ['Umbrella', 50_000, 'active', 100],
      ['Hooli', 1_000_000, 'churned', 400],
    ] as const;
    for (const [name, amountMinor, status, customerDays] of specs) {
      const account = await makeAccount(db, { name, status, ownerId: csm.id, tier: 'Imported' });
      await makeSubscription(db, account.id, { amountMinor, startDate: dayFromToday(-customerDays) });
      ids[name] = account.id;
    }
  });
  afterAll(async () => server.close());

  const tierOf = async () => {
    const rows = await server.database.db.execute<{ name: string; tier: string | null }>(
      sql`SELECT name, tier FROM accounts ORDER BY name`,
    );
    return Object.fromEntries(rows.rows.map((row) => [row.name, row.tier]));
  };
  const order = async () =>
    (await request(server, 'GET', '/api/v1/tiers', { as: viewer })).body.items.map(
      (tier: { position: number; name: string; accountCount: number; isDefault: boolean }) =>
        `${tier.position}:${tier.name}:${tier.accountCount}${tier.isDefault ? ':default' : ''}`,
    );

  it('asks for the default tier first, then assigns by the first matching rule in order', async () => {
    const early = await request(server, 'POST', '/api/v1/tiers', {
      as: manager,
      body: { name: 'Tier 1', rule: arrAtLeast(100_000), touchModel: 'high' },
    });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([
      { field: 'body.rule', message: 'no default tier yet; create one with rule null first' },
    ]);
    expect(await countRows(server.database, 'tiers')).toBe(0);
    expect((await tierOf()).Acme).toBe('Imported');

    const fallback = await request(server, 'POST', '/api/v1/tiers', {
      as: manager,
      body: { name: 'Tier 3', rule: null, touchModel: 'tech', checkInEveryDays: 180 },
    });
    expect(fallback.status).toBe(201);
    expect(fallback.body).toEqual({
      id: expect.any(String),
      name: 'Tier 3',
      position: 1,
      isDefault: true,
      rule: null,
      touchModel: 'tech',
      ebrEveryDays: null,
      checkInEveryDays: 180,
      accountCount: 4,
      problems: [],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    tierIds['Tier 3'] = fallback.body.id;
    const first = await request(server, 'POST', '/api/v1/tiers', {
      as: manager,
      body: {
        name: 'Tier 1',
        rule: arrAtLeast(100_000),
        touchModel: 'high',
        ebrEveryDays: 90,
        checkInEveryDays: 30,
      },
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ position: 1, isDefault: false, accountCount: 2 });
    tierIds['Tier 1'] = first.body.id;
    const second = await request(server, 'POST', '/api/v1/tiers', {
      as: manager,
      body: {
        name: 'Tier 2',
        rule: arrAtLeast(20_000),
        touchModel: 'low',
        ebrEveryDays: 180,
        checkInEveryDays: 60,
      },
    });
    tierIds['Tier 2'] = second.body.id;
    expect(await order()).toEqual(['1:Tier 1:2', '2:Tier 2:1', '3:Tier 3:1:default']);
    expect(await tierOf()).toEqual({
      Acme: 'Tier 1',
      Globex: 'Tier 1',
      Hooli: 'Imported',
      Initech: 'Tier 2',
      Umbrella: 'Tier 3',
    });

    const reordered = await request(server, 'PUT', '/api/v1/tiers/order', {
      as: manager,
      body: { ids: [tierIds['Tier 2'], tierIds['Tier 1'], tierIds['Tier 3']] },
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.items.map((tier: { name: string }) => tier.name)).toEqual([
      'Tier 2',
      'Tier 1',
      'Tier 3',
    ]);
    expect(await tierOf()).toEqual({
      Acme: 'Tier 2',
      Globex: 'Tier 2',
      Hooli: 'Imported',
      Initech: 'Tier 2',
      Umbrella: 'Tier 3',
    });
    await request(server, 'PUT', '/api/v1/tiers/order', {
      as: manager,
      body: { ids: [tierIds['Tier 1'], tierIds['Tier 2']] },
    });
    expect(await order()).toEqual(['1:Tier 1:2', '2:Tier 2:1', '3:Tier 3:1:default']);
  });

  it('refuses bad tiers and orders with a 400 or 409 that changes nothing', async () => {
    const before = await order();
    const selfReference = await request(server, 'POST', '/api/v1/tiers', {
      as: manager,
      body: {
        name: 'Loop',
        rule: { kind: 'condition', field: 'tier', operator: 'eq', value: 'Tier 1' },
        touchModel: 'low',
      },
    });
    expect(selfReference.status).toBe(400);
    expect(selfReference.body.errors).toEqual([
      {
        field: 'body.rule.field',
        message: 'a tier rule cannot test "tier": it would depend on its own result',
      },
    ]);
    const zeroCadence = await request(server, 'POST', '/api/v1/tiers', {
      as: manager,
      body: { name: 'Zero', rule: arrAtLeast(1), touchModel: 'low', ebrEveryDays: 0, checkInEveryDays: 2.5 },
    });
    expect(zeroCadence.status).toBe(400);
    expect(zeroCadence.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'body.ebrEveryDays',
      'body.checkInEveryDays',
    ]);
    const secondDefault = await request(server, 'POST', '/api/v1/tiers', {
      as: manager,
      body: { name: 'Other default', rule: null, touchModel: 'tech' },
    });
    expect(secondDefault.status).toBe(409);
    const duplicate = await request(server, 'POST', '/api/v1/tiers', {
      as: manager,
      body: { name: 'tier 1', rule: arrAtLeast(1), touchModel: 'low' },
    });
    expect(duplicate.status).toBe(409);
    const ruleOnDefault = await request(server, 'PUT', `/api/v1/tiers/${tierIds['Tier 3']}`, {
      as: manager,
      body: { rule: arrAtLeast(1) },
    });
    expect(ruleOnDefault.status).toBe(400);
    const deleteDefault = await request(server, 'DELETE', `/api/v1/tiers/${tierIds['Tier 3']}`, {
      as: manager,
    });
    expect(deleteDefault.status).toBe(409);
    const badOrder = await request(server, 'PUT', '/api/v1/tiers/order', {
      as: manager,
      body: { ids: [tierIds['Tier 3'], tierIds['Tier 1'], tierIds['Tier 1']] },
    });
    expect(badOrder.status).toBe(400);
    expect(badOrder.body.errors).toEqual([
      { field: 'body.ids[0]', message: '"Tier 3" is the default tier and stays last' },
      { field: 'body.ids[2]', message: '"Tier 1" is listed twice' },
      { field: 'body.ids', message: 'list every tier with a rule; missing: "Tier 2"' },
    ]);
    expect(
      (
        await request(server, 'POST', '/api/v1/tiers', {
          as: csm,
          body: { name: 'x', rule: null, touchModel: 'low' },
        })
      ).status,
    ).toBe(403);
    expect(await order()).toEqual(before);
  });

  it('counts and lists the accounts overdue on their EBR and check-in cadences', async () => {
    const { db } = server.database;
    // Tier 1 (EBR 90, check-in 30): Acme (customer 400 days) had an EBR 100 days ago and a call 10 days
    // ago; Globex (200 days) only a QBR 20 days ago; Hooli is churned. Initech (Tier 2, EBR 180,
    // check-in 60) is a customer of 20 days with nothing yet. Umbrella (Tier 3, check-in 180): meeting 200 days ago.
    await makeActivity(db, ids.Acme!, { kind: 'ebr', occurredAt: daysAgo(100) });
    await makeActivity(db, ids.Acme!, { kind: 'call', occurredAt: daysAgo(10) });
    await makeActivity(db, ids.Acme!, { kind: 'ebr', occurredAt: daysAgo(-5) });
    await makeActivity(db, ids.Globex!, { kind: 'qbr', occurredAt: daysAgo(20) });
    await makeActivity(db, ids.Globex!, { kind: 'email', occurredAt: daysAgo(1) });
    await makeActivity(db, ids.Umbrella!, { kind: 'meeting', occurredAt: daysAgo(200) });
    const cadence = await request(server, 'GET', '/api/v1/tiers/cadence', { as: viewer });
    expect(cadence.status).toBe(200);
    expect(cadence.body).toEqual({
      asOf: dayFromToday(0),
      items: [
        {
          tierId: tierIds['Tier 1'],
          tier: 'Tier 1',
          touchModel: 'high',
          ebrEveryDays: 90,
          checkInEveryDays: 30,
          accounts: 2,
          overdueEbr: 1,
          overdueCheckIn: 1,
        },
        {
          tierId: tierIds['Tier 2'],
          tier: 'Tier 2',
          touchModel: 'low',
          ebrEveryDays: 180,
          checkInEveryDays: 60,
          accounts: 1,
          overdueEbr: 0,
          overdueCheckIn: 0,
        },
        {
          tierId: tierIds['Tier 3'],
          tier: 'Tier 3',
          touchModel: 'tech',
          ebrEveryDays: null,
          checkInEveryDays: 180,
          accounts: 1,
          overdueEbr: 0,
          overdueCheckIn: 1,
        },
      ],
    });
    const checkIns = await request(server, 'GET', '/api/v1/tiers/cadence/overdue?kind=check_in', {
      as: viewer,
    });
    expect(checkIns.body).toEqual({
      asOf: dayFromToday(0),
      total: 2,
      page: 1,
      pageSize: 50,
      items: [
        {
          account: { id: ids.Globex, name: 'Globex' },
          tier: 'Tier 1',
          owner: { id: csm.id, name: expect.any(String), email: csm.email },
          cadenceDays: 30,
          lastTouchOn: null,
          customerSince: dayFromToday(-200),
          daysOverdue: 170,
        },
        expect.objectContaining({
          account: { id: ids.Umbrella, name: 'Umbrella' },
          cadenceDays: 180,
          lastTouchOn: dayFromToday(-200),
          daysOverdue: 20,
        }),
      ],
    });
    const ebrs = await request(server, 'GET', '/api/v1/tiers/cadence/overdue?kind=ebr&tier=tier%201', {
      as: viewer,
    });
    expect(
      ebrs.body.items.map((item: { account: { name: string }; daysOverdue: number; lastTouchOn: string }) => [
        item.account.name,
        item.daysOverdue,
        item.lastTouchOn,
      ]),
    ).toEqual([['Acme', 10, dayFromToday(-100)]]);
    const unknown = await request(server, 'GET', '/api/v1/tiers/cadence/overdue?kind=ebr&tier=Platinum', {
      as: viewer,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'query.tier', message: 'matches no tier id or name' }]);
  });

  it('renames a tier on its accounts and the CSMs who cover it, and re-tiers the accounts of a deleted tier', async () => {
    await server.database.db.execute(sql`UPDATE users SET covers_tiers = '{"Tier 2"}' WHERE id = ${csm.id}`);
    const renamed = await request(server, 'PUT', `/api/v1/tiers/${tierIds['Tier 2']}`, {
      as: manager,
      body: { name: 'Growth', checkInEveryDays: null },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: 'Growth',
      checkInEveryDays: null,
      ebrEveryDays: 180,
      accountCount: 1,
    });
    expect((await tierOf()).Initech).toBe('Growth');
    const covers = await server.database.db.execute<{ covers_tiers: string[] }>(
      sql`SELECT covers_tiers FROM users WHERE id = ${csm.id}`,
    );
    expect(covers.rows[0]!.covers_tiers).toEqual(['Growth']);

    expect(
      (await request(server, 'DELETE', `/api/v1/tiers/${tierIds['Tier 1']}`, { as: manager })).status,
    ).toBe(204);
    expect(await tierOf()).toEqual({
      Acme: 'Growth',
      Globex: 'Growth',
      Hooli: 'Imported',
      Initech: 'Growth',
      Umbrella: 'Tier 3',
    });
    const again = await refreshJourney(server.database);
    expect(again.tiers).toEqual({ changed: 0, skipped: [] });
    expect(
      (await request(server, 'DELETE', `/api/v1/tiers/${tierIds['Tier 2']}`, { as: manager })).status,
    ).toBe(204);
    expect(
      (await request(server, 'DELETE', `/api/v1/tiers/${tierIds['Tier 3']}`, { as: manager })).status,
    ).toBe(204);
    expect(new Set(Object.values(await tierOf()))).toEqual(new Set([null, 'Imported']));
  });
});
