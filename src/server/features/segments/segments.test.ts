import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeSubscription } from '../../../../test/helpers/factories';
import { countRows } from '../../../../test/helpers/test-database';
import {
  request,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../../../../test/helpers/test-server';
import { refreshJourney } from './journey-refresh';

/** Segments through HTTP: CRUD, validation, preview, members, static lists and enter/leave history. */
describe('segments API', () => {
  let server: TestServer;
  let manager: TestUser;
  let csm: TestUser;
  let viewer: TestUser;
  const ids: Record<string, string> = {};
  const bigRule = { kind: 'condition', field: 'arr', operator: 'gte', value: 100_000 };

  beforeAll(async () => {
    server = await startTestServer();
    manager = await server.signIn('manager');
    csm = await server.signIn('csm');
    viewer = await server.signIn('viewer');
    const { db } = server.database;
    // ARR (USD): Acme 240,000; Globex 120,000; Initech 60,000; Umbrella none. A monthly $10,000 plan is 120,000 ARR.
    const specs = [
      ['Acme', 2_000_000, { plan: 'Pro', seats: 50 }],
      ['Globex', 1_000_000, { plan: 'pro' }],
      ['Initech', 500_000, { plan: 'Basic' }],
      ['Umbrella', 0, {}],
    ] as const;
    for (const [name, amountMinor, traits] of specs) {
      const account = await makeAccount(db, { name, ownerId: csm.id, traits });
      if (amountMinor > 0) await makeSubscription(db, account.id, { amountMinor });
      ids[name] = account.id;
    }
  });
  afterAll(async () => server.close());

  const events = async (segmentId: string) =>
    (
      await request(server, 'GET', `/api/v1/segments/${segmentId}/history?pageSize=200`, { as: viewer })
    ).body.items.map(
      (event: { account: { name: string }; change: string }) => `${event.change} ${event.account.name}`,
    );
  const memberNames = async (segmentId: string, sort = 'name') =>
    (
      await request(server, 'GET', `/api/v1/segments/${segmentId}/members?sort=${sort}`, { as: viewer })
    ).body.items.map((member: { name: string }) => member.name);

  it('previews a rule: the live count and the top accounts by ARR, without saving anything', async () => {
    const preview = await request(server, 'POST', '/api/v1/segments/preview', {
      as: viewer,
      body: {
        rule: {
          kind: 'group',
          combinator: 'or',
          rules: [bigRule, { kind: 'condition', field: 'traits.plan', operator: 'eq', value: ' BASIC ' }],
        },
      },
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      count: 3,
      totalAccounts: 4,
      reportingCurrency: 'USD',
      sample: [
        {
          id: ids.Acme,
          name: 'Acme',
          status: 'active',
          tier: null,
          lifecycleStage: null,
          owner: { id: csm.id, name: expect.any(String), email: csm.email },
          arr: { amountMinor: 24_000_000, currency: 'USD' },
          health: null,
        },
        expect.objectContaining({ name: 'Globex', arr: { amountMinor: 12_000_000, currency: 'USD' } }),
        expect.objectContaining({ name: 'Initech', arr: { amountMinor: 6_000_000, currency: 'USD' } }),
      ],
    });
    expect(await countRows(server.database, 'segments')).toBe(0);
  });

  it('refuses invalid rules with a 400 naming each path, and writes nothing', async () => {
    const invalid = await request(server, 'POST', '/api/v1/segments', {
      as: csm,
      body: {
        kind: 'dynamic',
        name: 'Broken',
        rule: {
          kind: 'group',
          combinator: 'and',
          rules: [
            { kind: 'condition', field: 'arrr', operator: 'gte', value: 1 },
            {
              kind: 'group',
              combinator: 'or',
              rules: [{ kind: 'condition', field: 'arr', operator: 'contains', value: 'x' }],
            },
            { kind: 'condition', field: 'renewal_date', operator: 'within_next_days', value: -3 },
            { kind: 'condition', field: 'traits.plann', operator: 'eq', value: 'Pro' },
          ],
        },
      },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toContain('application/problem+json');
    expect(invalid.body.errors).toEqual([
      {
        field: 'body.rule.rules[0].field',
        message: 'unknown field "arrr"; GET /api/v1/segments/fields lists the fields',
      },
      {
        field: 'body.rule.rules[1].rules[0].operator',
        message:
          '"contains" does not apply to a number field; use one of eq, neq, gt, gte, lt, lte, between, is_empty, is_not_empty',
      },
      { field: 'body.rule.rules[2].value', message: 'a whole number of days (0 or more)' },
      {
        field: 'body.rule.rules[3].field',
        message:
          'no account has the trait "plann"; check the spelling (GET /api/v1/segments/fields lists the traits)',
      },
    ]);
    const malformed = await request(server, 'POST', '/api/v1/segments', {
      as: csm,
      body: {
        kind: 'dynamic',
        name: 'Bad op',
        rule: { kind: 'condition', field: 'arr', operator: 'greater' },
      },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe('body.rule.operator');
    const staticWithRule = await request(server, 'POST', '/api/v1/segments', {
      as: csm,
      body: { kind: 'static', name: 'List', rule: bigRule },
    });
    expect(staticWithRule.status).toBe(400);
    const unknownAccount = await request(server, 'POST', '/api/v1/segments', {
      as: csm,
      body: { kind: 'static', name: 'List', accountIds: [ids.Acme, '00000000-0000-4000-8000-000000000009'] },
    });
    expect(unknownAccount.status).toBe(400);
    expect(unknownAccount.body.errors).toEqual([
      { field: 'body.accountIds[1]', message: 'no account with id 00000000-0000-4000-8000-000000000009' },
    ]);
    expect(
      (
        await request(server, 'POST', '/api/v1/segments', {
          as: viewer,
          body: { kind: 'dynamic', name: 'x', rule: bigRule },
        })
      ).status,
    ).toBe(403);
    for (const table of ['segments', 'segment_members', 'segment_membership_events'])
      expect(await countRows(server.database, table)).toBe(0);
  });

  it('creates a dynamic segment with its members, lists, renames and deletes it', async () => {
    const created = await request(server, 'POST', '/api/v1/segments', {
      as: csm,
      body: { kind: 'dynamic', name: ' Big accounts ', description: 'ARR of $100k or more', rule: bigRule },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Big accounts',
      description: 'ARR of $100k or more',
      kind: 'dynamic',
      rule: bigRule,
      memberCount: 2,
      evaluatedAt: expect.any(String),
      problems: [],
      createdBy: { id: csm.id, name: expect.any(String), email: csm.email },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const id = created.body.id as string;
    expect(await memberNames(id)).toEqual(['Acme', 'Globex']);
    expect(await memberNames(id, 'arr')).toEqual(['Globex', 'Acme']);
    expect(await events(id)).toEqual(expect.arrayContaining(['entered Acme', 'entered Globex']));

    const duplicate = await request(server, 'POST', '/api/v1/segments', {
      as: csm,
      body: { kind: 'static', name: 'BIG ACCOUNTS' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors).toEqual([
      { field: 'body.name', message: 'already used by another segment (names ignore case)' },
    ]);

    const list = await request(server, 'GET', '/api/v1/segments', { as: viewer });
    expect(
      list.body.items.map(
        (segment: { name: string; memberCount: number }) => `${segment.name}:${segment.memberCount}`,
      ),
    ).toEqual(['Big accounts:2']);

    const narrowed = await request(server, 'PUT', `/api/v1/segments/${id}`, {
      as: csm,
      body: { name: 'Very big accounts', rule: { ...bigRule, value: 200_000 } },
    });
    expect(narrowed.status).toBe(200);
    expect(narrowed.body).toMatchObject({
      name: 'Very big accounts',
      memberCount: 1,
      rule: { ...bigRule, value: 200_000 },
    });
    expect((await events(id))[0]).toBe('left Globex');

    const invalidUpdate = await request(server, 'PUT', `/api/v1/segments/${id}`, {
      as: csm,
      body: { rule: { kind: 'condition', field: 'arr', operator: 'gte', value: 'lots' } },
    });
    expect(invalidUpdate.status).toBe(400);
    expect(invalidUpdate.body.errors).toEqual([{ field: 'body.rule.value', message: 'a number' }]);
    expect((await request(server, 'GET', `/api/v1/segments/${id}`, { as: viewer })).body.rule).toEqual({
      ...bigRule,
      value: 200_000,
    });

    expect((await request(server, 'DELETE', `/api/v1/segments/${id}`, { as: csm })).status).toBe(204);
    expect((await request(server, 'GET', `/api/v1/segments/${id}`, { as: viewer })).status).toBe(404);
    expect(await countRows(server.database, 'segment_membership_events')).toBe(0);
  });

  it('records who entered and left when the data changes, and a refresh of unchanged data writes nothing', async () => {
    const created = await request(server, 'POST', '/api/v1/segments', {
      as: manager,
      body: { kind: 'dynamic', name: 'Six figures', rule: bigRule },
    });
    const id = created.body.id as string;
    const { db } = server.database;
    const initech = async (amountMinor: number) =>
      db.execute(
        sql`UPDATE subscriptions SET amount_minor = ${amountMinor} WHERE account_id = ${ids.Initech}`,
      );

    const before = new Date();
    await initech(900_000);
    const entered = await refreshJourney(server.database);
    expect(entered.segments).toEqual({ segments: 1, entered: 1, left: 0, skipped: [] });
    const history = await request(server, 'GET', `/api/v1/segments/${id}/history`, { as: viewer });
    expect(history.body.total).toBe(3);
    expect(history.body.items[0]).toEqual({
      id: expect.any(Number),
      account: { id: ids.Initech, name: 'Initech' },
      change: 'entered',
      at: expect.any(String),
    });
    const enteredAt = Date.parse(history.body.items[0].at);
    expect(enteredAt).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(enteredAt).toBeLessThanOrEqual(Date.now() + 1000);

    const eventsBefore = await countRows(server.database, 'segment_membership_events');
    const again = await refreshJourney(server.database);
    expect(again.segments).toEqual({ segments: 1, entered: 0, left: 0, skipped: [] });
    expect(await countRows(server.database, 'segment_membership_events')).toBe(eventsBefore);

    await initech(500_000);
    await refreshJourney(server.database);
    expect((await events(id)).slice(0, 2)).toEqual(['left Initech', 'entered Initech']);
    const members = await request(server, 'GET', `/api/v1/segments/${id}/members?sort=-arr`, { as: viewer });
    expect(members.body).toMatchObject({ total: 2, page: 1, pageSize: 50, reportingCurrency: 'USD' });
    expect(
      members.body.items.map(
        (member: { name: string; arr: { amountMinor: number } }) =>
          `${member.name} ${member.arr.amountMinor}`,
      ),
    ).toEqual(['Acme 24000000', 'Globex 12000000']);
  });

  it('keeps a rule on a vanished trait working, and skips a rule the data no longer fits', async () => {
    const pro = await request(server, 'POST', '/api/v1/segments', {
      as: manager,
      body: {
        kind: 'dynamic',
        name: 'Pro plan',
        rule: { kind: 'condition', field: 'traits.plan', operator: 'eq', value: 'pro' },
      },
    });
    const seats = await request(server, 'POST', '/api/v1/segments', {
      as: manager,
      body: {
        kind: 'dynamic',
        name: 'Many seats',
        rule: { kind: 'condition', field: 'traits.seats', operator: 'gte', value: 10 },
      },
    });
    expect([pro.body.memberCount, seats.body.memberCount]).toEqual([2, 1]);
    const { db } = server.database;
    await db.execute(sql`UPDATE accounts SET traits = traits - 'plan'`);
    await db.execute(
      sql`UPDATE accounts SET traits = traits || '{"seats": "many"}'::jsonb WHERE name = 'Umbrella'`,
    );
    const result = await refreshJourney(server.database);
    expect(result.segments.skipped).toEqual([
      {
        id: seats.body.id,
        name: 'Many seats',
        problems: [
          {
            path: 'rule.operator',
            message:
              '"gte" does not apply to a text field; use one of eq, neq, contains, not_contains, starts_with, in, not_in, is_empty, is_not_empty',
          },
        ],
      },
    ]);
    expect(await memberNames(pro.body.id)).toEqual([]);
    expect(await memberNames(seats.body.id)).toEqual(['Acme']);
    const shown = await request(server, 'GET', `/api/v1/segments/${seats.body.id}`, { as: viewer });
    expect(shown.body.problems).toHaveLength(1);
  });

  it('keeps static lists by hand, with history, and refuses to hand-edit a dynamic segment', async () => {
    const list = await request(server, 'POST', '/api/v1/segments', {
      as: csm,
      body: { kind: 'static', name: 'Beta programme', accountIds: [ids.Acme, ids.Acme] },
    });
    expect(list.status).toBe(201);
    expect(list.body).toMatchObject({ kind: 'static', rule: null, memberCount: 1 });
    const id = list.body.id as string;
    const added = await request(server, 'POST', `/api/v1/segments/${id}/accounts`, {
      as: csm,
      body: { accountIds: [ids.Acme, ids.Umbrella] },
    });
    expect(added.body).toEqual({ changed: 1, unchanged: 1, memberCount: 2 });
    const removed = await request(server, 'DELETE', `/api/v1/segments/${id}/accounts`, {
      as: csm,
      body: { accountIds: [ids.Acme, ids.Globex] },
    });
    expect(removed.body).toEqual({ changed: 1, unchanged: 1, memberCount: 1 });
    expect(await events(id)).toEqual(['left Acme', 'entered Umbrella', 'entered Acme']);
    await refreshJourney(server.database);
    expect(await memberNames(id)).toEqual(['Umbrella']);

    const bad = await request(server, 'POST', `/api/v1/segments/${id}/accounts`, {
      as: csm,
      body: { accountIds: [] },
    });
    expect(bad.status).toBe(400);
    const ruleOnList = await request(server, 'PUT', `/api/v1/segments/${id}`, {
      as: csm,
      body: { rule: bigRule },
    });
    expect(ruleOnList.status).toBe(400);
    const dynamic = (await request(server, 'GET', '/api/v1/segments', { as: viewer })).body.items.find(
      (segment: { kind: string }) => segment.kind === 'dynamic',
    );
    const handEdit = await request(server, 'POST', `/api/v1/segments/${dynamic.id}/accounts`, {
      as: csm,
      body: { accountIds: [ids.Umbrella] },
    });
    expect(handEdit.status).toBe(409);
  });

  it('lists the rule fields with types and operators, traits included, minus what a tier rule cannot test', async () => {
    const fields = await request(server, 'GET', '/api/v1/segments/fields', { as: viewer });
    expect(fields.status).toBe(200);
    const byKey = Object.fromEntries(fields.body.items.map((field: { key: string }) => [field.key, field]));
    expect(byKey.arr).toEqual({
      key: 'arr',
      label: 'ARR',
      type: 'number',
      origin: 'metric',
      operators: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'is_empty', 'is_not_empty'],
      unit: 'USD',
      description: 'Annual recurring revenue today: MRR × 12',
      values: null,
    });
    expect(byKey.status.values).toEqual(['prospect', 'onboarding', 'active', 'churned']);
    expect(byKey['traits.seats']).toMatchObject({ type: 'text', origin: 'trait' });
    const tierFields = await request(server, 'GET', '/api/v1/segments/fields?purpose=tier', { as: viewer });
    expect(tierFields.body.items.some((field: { key: string }) => field.key === 'tier')).toBe(false);
  });
});
