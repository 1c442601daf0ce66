import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeSubscription } from '../../../../test/helpers/factories';
import {
  request,
  startTestServer,
  TEST_PASSWORD,
  type TestServer,
  type TestUser,
} from '../../../../test/helpers/test-server';
import { createUser } from '../users/user.service';
import { nextQuarterStart } from './capacity.service';

/**
 * Capacity planning through HTTP on a constructed team (weights high 1, low 0.5, tech 0.25; a CSM
 * carries 3 units): Ann (2.5 units, every tier) is over, Bob (Enterprise only) and Cat (Growth and
 * Starter, 4 units) are under.
 */
describe('capacity planning API', () => {
  let server: TestServer;
  let manager: TestUser;
  let ann: TestUser;
  const people: Record<string, string> = {};
  const accounts: Record<string, string> = {};

  const signInAs = async (email: string, id: string): Promise<TestUser> => {
    const response = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    return { id, email, role: 'csm', cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]! };
  };
  const ownerOf = async (key: string) =>
    (await server.database.pool.query('SELECT owner_id FROM accounts WHERE id = $1', [accounts[key]])).rows[0]
      .owner_id;

  beforeAll(async () => {
    server = await startTestServer();
    manager = await server.signIn('manager');
    const { db, pool } = server.database;
    for (const [name, covers, capacity] of [
      ['Ann', [], 2.5],
      ['Bob', ['Enterprise'], null],
      ['Cat', ['Growth', 'Starter'], 4],
    ] as const) {
      const user = await createUser(db, {
        email: `${name.toLowerCase()}@cycle.test`,
        name,
        role: 'csm',
        password: TEST_PASSWORD,
      });
      await pool.query('UPDATE users SET covers_tiers = $2, workload_capacity = $3 WHERE id = $1', [
        user.id,
        covers,
        capacity,
      ]);
      people[name] = user.id;
    }
    ann = await signInAs('ann@cycle.test', people.Ann!);
    await pool.query(`
      INSERT INTO tiers (name, position, rule, touch_model) VALUES
        ('Enterprise', 0, '{"kind":"condition","field":"arr","operator":"gte","value":100000}', 'high'),
        ('Growth', 1, '{"kind":"condition","field":"arr","operator":"gte","value":20000}', 'low'),
        ('Starter', 2, NULL, 'tech')`);
    const account = async (
      key: string,
      tier: string,
      owner: string | null,
      mrrMinor: number,
      ownedSince?: string,
    ) => {
      const row = await makeAccount(db, { name: key, tier, ownerId: owner ? people[owner] : null });
      if (mrrMinor > 0) await makeSubscription(db, row.id, { amountMinor: mrrMinor });
      if (ownedSince)
        await pool.query('UPDATE accounts SET owner_since = $2 WHERE id = $1', [row.id, ownedSince]);
      accounts[key] = row.id;
    };
    await account('E1', 'Enterprise', 'Ann', 1_000_000, '2023-01-01T00:00:00Z');
    await account('E2', 'Enterprise', 'Ann', 900_000, '2024-06-01T00:00:00Z');
    await account('G1', 'Growth', 'Ann', 200_000, '2022-01-01T00:00:00Z');
    await account('G2', 'Growth', 'Ann', 200_000, '2022-01-01T00:00:00Z');
    await account('S1', 'Starter', 'Ann', 10_000, '2022-01-01T00:00:00Z');
    await account('E3', 'Enterprise', 'Bob', 1_000_000);
    await account('G3', 'Growth', 'Cat', 200_000);
    await account('S2', 'Starter', null, 0);
    const churned = await makeAccount(db, {
      name: 'Gone',
      tier: 'Enterprise',
      ownerId: people.Ann,
      status: 'churned',
    });
    await makeSubscription(db, churned.id, { amountMinor: 5_000_000 });
  });
  afterAll(async () => server.close());

  it('keeps settings with defaults and labelled public benchmarks, and refuses unusable ones', async () => {
    const initial = await request(server, 'GET', '/api/v1/capacity/settings', { as: manager });
    expect(initial.body).toMatchObject({
      isDefault: true,
      settings: {
        weights: { high: 1, low: 0.3, tech: 0.05 },
        workloadCapacity: 30,
        overloadAt: 1,
        underloadAt: 0.6,
      },
      benchmarks: {
        label: 'Public benchmark',
        accountsPerCsm: 100,
        arrPerCsm: { from: 170_000_000, to: 200_000_000 },
      },
    });
    const settings = {
      weights: { high: 1, low: 0.5, tech: 0.25 },
      workloadCapacity: 3,
      arrTargets: { high: 100_000_000, low: 200_000_000, tech: 300_000_000 },
      overloadAt: 1,
      underloadAt: 0.5,
      hiringLeadDays: 90,
    };
    const bad = await request(server, 'PUT', '/api/v1/capacity/settings', {
      as: manager,
      body: { ...settings, underloadAt: 1.2 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'body.underloadAt', message: 'must not be above overloadAt' }]);
    const badShape = await request(server, 'PUT', '/api/v1/capacity/settings', {
      as: manager,
      body: { ...settings, weights: { high: 1, low: 0.333, tech: 0 } },
    });
    expect(badShape.body.errors).toEqual([{ field: 'body.weights.low', message: 'at most two decimals' }]);
    expect((await request(server, 'GET', '/api/v1/capacity/settings', { as: manager })).body.isDefault).toBe(
      true,
    );
    const saved = await request(server, 'PUT', '/api/v1/capacity/settings', { as: manager, body: settings });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ isDefault: false, settings });
  });

  it('adds up each CSM’s book: accounts, ARR, workload by touch model, utilisation and flag', async () => {
    const overview = await request(server, 'GET', '/api/v1/capacity', { as: manager });
    expect(overview.status).toBe(200);
    const book = (name: string, covers: string[], values: object) => ({
      csmId: people[name],
      name,
      email: `${name.toLowerCase()}@cycle.test`,
      role: 'csm',
      covers,
      ...values,
    });
    expect(overview.body.books).toEqual([
      book('Ann', [], {
        accounts: 5,
        arrMinor: 27_720_000,
        workload: 3.25,
        capacity: 2.5,
        utilisation: 1.3,
        accountsByTouchModel: { high: 2, low: 2, tech: 1 },
        arrTarget: { touchModel: 'high', amountMinor: 100_000_000 },
        flag: 'over',
      }),
      book('Bob', ['Enterprise'], {
        accounts: 1,
        arrMinor: 12_000_000,
        workload: 1,
        capacity: 3,
        utilisation: 0.3333,
        accountsByTouchModel: { high: 1, low: 0, tech: 0 },
        arrTarget: { touchModel: 'high', amountMinor: 100_000_000 },
        flag: 'under',
      }),
      book('Cat', ['Growth', 'Starter'], {
        accounts: 1,
        arrMinor: 2_400_000,
        workload: 0.5,
        capacity: 4,
        utilisation: 0.125,
        accountsByTouchModel: { high: 0, low: 1, tech: 0 },
        arrTarget: { touchModel: 'low', amountMinor: 200_000_000 },
        flag: 'under',
      }),
    ]);
    expect(overview.body.team).toEqual({
      csms: 3,
      accounts: 7,
      arrMinor: 42_120_000,
      workload: 4.75,
      capacity: 9.5,
      utilisation: 0.5,
      accountsByTouchModel: { high: 3, low: 3, tech: 1 },
      overloaded: 1,
      underloaded: 2,
    });
    expect(overview.body.unowned).toEqual({ accounts: 1, arrMinor: 0, workload: 0.25 });
    expect(overview.body.benchmarks.label).toBe('Public benchmark');
    expect((await request(server, 'GET', '/api/v1/capacity', { as: ann })).status).toBe(403);
  });

  it('refuses a stale preview with 409 and moves nothing, then applies a fresh one and changes the books', async () => {
    const first = await request(server, 'POST', '/api/v1/capacity/rebalance/preview', { as: manager });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      moves: [
        {
          accountId: accounts.E2,
          accountName: 'E2',
          fromId: people.Ann,
          fromName: 'Ann',
          toId: people.Bob,
          toName: 'Bob',
          weight: 1,
          reason:
            'Ann is 0.75 over capacity (3.25 of 2.5); Bob covers Enterprise and is the least utilised after the move, at 2.0 of 3.0 (67%)',
        },
      ],
      before: [
        { csmId: people.Ann, name: 'Ann', workload: 3.25, capacity: 2.5, utilisation: 1.3 },
        { csmId: people.Bob, name: 'Bob', workload: 1, capacity: 3, utilisation: 0.3333 },
        { csmId: people.Cat, name: 'Cat', workload: 0.5, capacity: 4, utilisation: 0.125 },
      ],
      after: [
        { csmId: people.Ann, name: 'Ann', workload: 2.25, capacity: 2.5, utilisation: 0.9 },
        { csmId: people.Bob, name: 'Bob', workload: 2, capacity: 3, utilisation: 0.6667 },
        { csmId: people.Cat, name: 'Cat', workload: 0.5, capacity: 4, utilisation: 0.125 },
      ],
      unresolved: [],
      basis: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const apply = (
      preview: { moves: { accountId: string; fromId: string; toId: string }[]; basis: string },
      as = manager,
    ) =>
      request(server, 'POST', '/api/v1/capacity/rebalance/apply', {
        as,
        body: {
          moves: preview.moves.map(({ accountId, fromId, toId }) => ({ accountId, fromId, toId })),
          basis: preview.basis,
        },
      });

    expect((await apply(first.body, ann)).status).toBe(403);

    await request(server, 'PUT', `/api/v1/accounts/${accounts.E2}/assignments`, {
      as: manager,
      body: { role: 'csm', userId: people.Cat },
    });
    const changedOwner = await apply(first.body);
    expect(changedOwner.status).toBe(409);
    expect(changedOwner.body.detail).toBe(
      'Nothing was moved: 1 of the accounts changed since the preview (E2). Preview again and review the new proposal.',
    );
    expect(changedOwner.body.errors).toEqual([
      { field: 'body.moves[0]', value: 'E2', message: 'E2 changed owner since the preview' },
    ]);
    expect(await ownerOf('E2')).toBe(people.Cat);

    await request(server, 'PUT', `/api/v1/accounts/${accounts.E2}/assignments`, {
      as: manager,
      body: { role: 'csm', userId: people.Ann },
    });
    const staleBasis = await apply(first.body);
    expect(staleBasis.status).toBe(409);
    expect(staleBasis.body.errors).toEqual([
      { field: 'body.basis', message: 'does not match the books now' },
    ]);
    expect(await ownerOf('E2')).toBe(people.Ann);

    const second = await request(server, 'POST', '/api/v1/capacity/rebalance/preview', {
      as: manager,
      body: {},
    });
    expect(
      second.body.moves.map(
        (move: { accountName: string; toName: string }) => `${move.accountName}→${move.toName}`,
      ),
    ).toEqual(['E2→Bob']);
    const applied = await apply(second.body);
    expect(applied.status).toBe(200);
    expect(applied.body.applied).toBe(1);
    expect(await ownerOf('E2')).toBe(people.Bob);
    const summary = applied.body.overview.books.map(
      (book: {
        name: string;
        accounts: number;
        arrMinor: number;
        workload: number;
        utilisation: number;
        flag: string;
      }) =>
        `${book.name} ${book.accounts} ${book.arrMinor} ${book.workload} ${book.utilisation} ${book.flag}`,
    );
    expect(summary).toEqual([
      'Ann 4 16920000 2.25 0.9 ok',
      'Bob 2 22800000 2 0.6667 ok',
      'Cat 1 2400000 0.5 0.125 under',
    ]);
    expect(
      (await request(server, 'POST', '/api/v1/capacity/rebalance/preview', { as: manager })).body.moves,
    ).toEqual([]);
    const again = await apply(second.body);
    expect(again.status).toBe(409);
  });

  it('refuses apply bodies that cannot be right with a 400', async () => {
    const twice = await request(server, 'POST', '/api/v1/capacity/rebalance/apply', {
      as: manager,
      body: {
        moves: [
          { accountId: accounts.G1, fromId: people.Ann, toId: people.Cat },
          { accountId: accounts.G1, fromId: people.Ann, toId: people.Bob },
        ],
        basis: 'x',
      },
    });
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([
      { field: 'body.moves[1].accountId', message: 'this account is already moved by an earlier move' },
    ]);
    const toNobody = await request(server, 'POST', '/api/v1/capacity/rebalance/apply', {
      as: manager,
      body: {
        moves: [{ accountId: accounts.G1, fromId: people.Ann, toId: '00000000-0000-4000-8000-000000000001' }],
        basis: 'x',
      },
    });
    expect(toNobody.status).toBe(400);
    expect(toNobody.body.errors[0].field).toBe('body.moves[0].toId');
    expect(await ownerOf('G1')).toBe(people.Ann);
  });

  it('works out the CSMs to hire per touch model and when to start', async () => {
    const need = await request(server, 'POST', '/api/v1/capacity/hiring', {
      as: manager,
      body: { expectedNew: { Enterprise: 3, Growth: 2 }, quarterStart: '2030-01-01' },
    });
    expect(need.status).toBe(200);
    expect(need.body.quarterStart).toBe('2030-01-01');
    expect(need.body.tiers).toEqual([
      { name: 'Enterprise', touchModel: 'high' },
      { name: 'Growth', touchModel: 'low' },
      { name: 'Starter', touchModel: 'tech' },
    ]);
    expect(need.body.csmsNeeded).toBe(2);
    const [high, low, tech] = need.body.touchModels;
    expect(high).toEqual({
      touchModel: 'high',
      currentWorkload: 3,
      capacity: 4.11,
      addedWorkload: 3,
      monthEnds: [
        { month: '2030-01-01', workload: 4 },
        { month: '2030-02-01', workload: 5 },
        { month: '2030-03-01', workload: 6 },
      ],
      endWorkload: 6,
      csmsNeeded: 1,
      runsOutIn: '2030-02-01',
      startHiringBy: '2029-11-03',
      explanation:
        'High touch has 3.0 workload against 4.11 capacity; 3 new accounts add 3.0 over the quarter, so capacity runs out in 2030-02, 1 more CSM is needed, and hiring should start by 2029-11-03.',
    });
    expect(low).toMatchObject({
      capacity: 5.11,
      currentWorkload: 1.5,
      endWorkload: 2.5,
      csmsNeeded: 0,
      runsOutIn: null,
    });
    expect(low.monthEnds.map((month: { workload: number }) => month.workload)).toEqual([1.83, 2.17, 2.5]);
    expect(tech).toMatchObject({
      capacity: 0.28,
      currentWorkload: 0.5,
      csmsNeeded: 1,
      runsOutIn: '2030-01-01',
      startHiringBy: '2029-10-03',
    });

    const defaultQuarter = await request(server, 'POST', '/api/v1/capacity/hiring', {
      as: manager,
      body: { expectedNew: {} },
    });
    expect(defaultQuarter.body.quarterStart).toBe(nextQuarterStart(new Date()));
    const unknownTier = await request(server, 'POST', '/api/v1/capacity/hiring', {
      as: manager,
      body: { expectedNew: { Gold: 1 }, quarterStart: '2030-01-15' },
    });
    expect(unknownTier.status).toBe(400);
    expect(unknownTier.body.errors).toEqual([
      { field: 'body.quarterStart', message: '"2030-01-15" must be the first day of a month, as YYYY-MM-01' },
      {
        field: 'body.expectedNew.Gold',
        message: 'no tier is named "Gold"; use one of Enterprise, Growth, Starter',
      },
    ]);
    expect((await request(server, 'POST', '/api/v1/capacity/hiring', { as: manager, body: {} })).status).toBe(
      400,
    );
  });

  it('starts the default hiring quarter on the first day of the next calendar quarter', () => {
    expect(nextQuarterStart(new Date('2025-02-14T12:00:00Z'))).toBe('2025-04-01');
    expect(nextQuarterStart(new Date('2025-03-31T23:59:59Z'))).toBe('2025-04-01');
    expect(nextQuarterStart(new Date('2025-11-01T00:00:00Z'))).toBe('2026-01-01');
  });
});
