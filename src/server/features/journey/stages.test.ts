import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../../../test/helpers/factories';
import { countRows } from '../../../../test/helpers/test-database';
import {
  request,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../../../../test/helpers/test-server';

/** Lifecycle stages through HTTP: the journey map, validation, manual stage changes and their history. */
describe('lifecycle stages API', () => {
  let server: TestServer;
  let manager: TestUser;
  let csm: TestUser;
  let otherCsm: TestUser;
  let viewer: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    manager = await server.signIn('manager');
    csm = await server.signIn('csm');
    otherCsm = await server.signIn('csm');
    viewer = await server.signIn('viewer');
  });
  afterAll(async () => server.close());

  const names = async () =>
    (await request(server, 'GET', '/api/v1/stages', { as: viewer })).body.items.map(
      (stage: { name: string; position: number }) => `${stage.position}:${stage.name}`,
    );
  const history = async (accountId: string) => {
    const result = await server.database.pool.query(
      `SELECT stage, source, changed_by, left_at IS NULL AS open FROM account_stage_history
       WHERE account_id = $1 ORDER BY entered_at, id`,
      [accountId],
    );
    return result.rows;
  };

  it('creates stages in order with team, touchpoints and metrics, reorders, updates and deletes them', async () => {
    const team = await request(server, 'POST', '/api/v1/teams', {
      as: manager,
      body: { name: 'Onboarding team', kind: 'onboarding' },
    });
    expect(team.status).toBe(201);
    const onboarding = await request(server, 'POST', '/api/v1/stages', {
      as: manager,
      body: {
        name: ' Onboarding ',
        description: 'From kickoff to go-live',
        expectedDays: 45,
        owningTeamId: team.body.id,
        touchpoints: [
          { title: 'Kickoff call', dueDay: 3 },
          { title: 'Go-live review', dueDay: 45 },
        ],
        metrics: ['time_to_go_live', 'time_in_stage', 'time_to_go_live'],
        entryRule: { kind: 'condition', field: 'status', operator: 'eq', value: 'onboarding' },
      },
    });
    expect(onboarding.status).toBe(201);
    expect(onboarding.body).toEqual({
      id: expect.any(String),
      name: 'Onboarding',
      position: 0,
      description: 'From kickoff to go-live',
      entryRule: { kind: 'condition', field: 'status', operator: 'eq', value: 'onboarding' },
      expectedDays: 45,
      owningTeam: { id: team.body.id, name: 'Onboarding team', kind: 'onboarding' },
      touchpoints: [
        { title: 'Kickoff call', dueDay: 3 },
        { title: 'Go-live review', dueDay: 45 },
      ],
      metrics: [
        { key: 'time_to_go_live', label: 'Time to go-live' },
        { key: 'time_in_stage', label: 'Time in stage' },
      ],
      accounts: 0,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const adoption = await request(server, 'POST', '/api/v1/stages', {
      as: manager,
      body: { name: 'Adoption' },
    });
    const renewal = await request(server, 'POST', '/api/v1/stages', {
      as: manager,
      body: { name: 'Renewal' },
    });
    expect(await names()).toEqual(['0:Onboarding', '1:Adoption', '2:Renewal']);

    const list = await request(server, 'GET', '/api/v1/stages', { as: viewer });
    expect(list.body.metricCatalogue).toHaveLength(8);
    expect(list.body.metricCatalogue[0]).toEqual({ key: 'time_to_go_live', label: 'Time to go-live' });

    const reordered = await request(server, 'PUT', '/api/v1/stages/order', {
      as: manager,
      body: { ids: [adoption.body.id, renewal.body.id, onboarding.body.id] },
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.items.map((stage: { name: string }) => stage.name)).toEqual([
      'Adoption',
      'Renewal',
      'Onboarding',
    ]);

    const updated = await request(server, 'PUT', `/api/v1/stages/${renewal.body.id}`, {
      as: manager,
      body: { expectedDays: 90, description: null, touchpoints: [{ title: 'Renewal call', dueDay: null }] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      name: 'Renewal',
      position: 1,
      expectedDays: 90,
      description: null,
      touchpoints: [{ title: 'Renewal call', dueDay: null }],
    });

    const account = await makeAccount(server.database.db, { lifecycleStage: 'Renewal' });
    const refused = await request(server, 'DELETE', `/api/v1/stages/${renewal.body.id}`, { as: manager });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      '1 account is in stage "Renewal". Move it to another stage (PUT /api/v1/accounts/:id/stage, or change the entry rules) before deleting the stage.',
    );
    await request(server, 'PUT', `/api/v1/accounts/${account.id}/stage`, {
      as: manager,
      body: { stage: null },
    });
    expect(
      (await request(server, 'DELETE', `/api/v1/stages/${renewal.body.id}`, { as: manager })).status,
    ).toBe(204);
    expect(await names()).toEqual(['0:Adoption', '1:Onboarding']);
    expect((await request(server, 'GET', `/api/v1/stages/${renewal.body.id}`, { as: viewer })).status).toBe(
      404,
    );
  });

  it('refuses bad stages with a 400 or 409 naming the field, and saves nothing', async () => {
    const before = await countRows(server.database, 'lifecycle_stages');
    const unknownField = await request(server, 'POST', '/api/v1/stages', {
      as: manager,
      body: {
        name: 'Value',
        entryRule: {
          kind: 'group',
          combinator: 'and',
          rules: [
            { kind: 'condition', field: 'arr', operator: 'contains', value: 'x' },
            { kind: 'condition', field: 'lifecycle_stage', operator: 'eq', value: 'Adoption' },
            { kind: 'condition', field: 'traits.nothing', operator: 'eq', value: 'x' },
          ],
        },
      },
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors).toEqual([
      {
        field: 'body.entryRule.rules[0].operator',
        message:
          '"contains" does not apply to a number field; use one of eq, neq, gt, gte, lt, lte, between, is_empty, is_not_empty',
      },
      {
        field: 'body.entryRule.rules[1].field',
        message: 'a stage entry rule cannot test "lifecycle_stage": it would depend on its own result',
      },
      {
        field: 'body.entryRule.rules[2].field',
        message:
          'no account has the trait "nothing"; check the spelling (GET /api/v1/segments/fields lists the traits)',
      },
    ]);
    const badTeam = await request(server, 'POST', '/api/v1/stages', {
      as: manager,
      body: { name: 'Value', owningTeamId: '00000000-0000-4000-8000-000000000001' },
    });
    expect(badTeam.status).toBe(400);
    expect(badTeam.body.errors[0].field).toBe('body.owningTeamId');
    const duplicate = await request(server, 'POST', '/api/v1/stages', {
      as: manager,
      body: { name: 'ADOPTION' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.detail).toBe('A stage named "Adoption" already exists. Pick another name.');
    const badShape = await request(server, 'POST', '/api/v1/stages', {
      as: manager,
      body: { name: 'Value', expectedDays: 0, touchpoints: [{ title: '', dueDay: -1 }], metrics: ['nope'] },
    });
    expect(badShape.status).toBe(400);
    expect(badShape.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'body.expectedDays',
      'body.touchpoints.0.title',
      'body.touchpoints.0.dueDay',
      'body.metrics.0',
    ]);
    const stages = (await request(server, 'GET', '/api/v1/stages', { as: viewer })).body.items;
    const badOrder = await request(server, 'PUT', '/api/v1/stages/order', {
      as: manager,
      body: { ids: [stages[0].id, stages[0].id] },
    });
    expect(badOrder.status).toBe(400);
    expect(badOrder.body.errors).toEqual([
      { field: 'body.ids[1]', message: `stage ${stages[0].id} is listed twice` },
      {
        field: 'body.ids',
        message: `list every stage once; missing: ${stages[1].id} (GET /api/v1/stages lists them)`,
      },
    ]);
    expect(
      (await request(server, 'PUT', `/api/v1/stages/${stages[0].id}`, { as: manager, body: {} })).status,
    ).toBe(400);
    expect(
      (await request(server, 'POST', '/api/v1/stages', { as: csm, body: { name: 'Nope' } })).status,
    ).toBe(403);
    expect(await countRows(server.database, 'lifecycle_stages')).toBe(before);
    expect(await names()).toEqual(['0:Adoption', '1:Onboarding']);
  });

  it('moves an account by hand: history names the person and source manual, with time in stage', async () => {
    const account = await makeAccount(server.database.db, { ownerId: csm.id, lifecycleStage: 'Onboarding' });
    await server.database.pool.query(
      `UPDATE account_stage_history SET entered_at = now() - interval '50 days 2 hours' WHERE account_id = $1`,
      [account.id],
    );
    const before = await request(server, 'GET', `/api/v1/accounts/${account.id}/stages`, { as: viewer });
    expect(before.body.current).toEqual({
      stage: 'Onboarding',
      stageId: expect.any(String),
      enteredAt: expect.any(String),
      daysInStage: 50,
      expectedDays: 45,
      status: 'overdue',
    });

    const moved = await request(server, 'PUT', `/api/v1/accounts/${account.id}/stage`, {
      as: csm,
      body: { stage: 'adoption' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.current).toMatchObject({
      stage: 'Adoption',
      daysInStage: 0,
      expectedDays: null,
      status: 'on_track',
    });
    expect(moved.body.items).toEqual([
      {
        stage: 'Onboarding',
        stageId: before.body.current.stageId,
        enteredAt: before.body.current.enteredAt,
        leftAt: expect.any(String),
        days: 50,
        source: 'import',
        changedBy: null,
      },
      {
        stage: 'Adoption',
        stageId: expect.any(String),
        enteredAt: expect.any(String),
        leftAt: null,
        days: 0,
        source: 'manual',
        changedBy: { id: csm.id, name: expect.stringMatching(/^csm \d+$/) },
      },
    ]);
    expect(await history(account.id)).toEqual([
      { stage: 'Onboarding', source: 'import', changed_by: null, open: false },
      { stage: 'Adoption', source: 'manual', changed_by: csm.id, open: true },
    ]);

    const same = await request(server, 'PUT', `/api/v1/accounts/${account.id}/stage`, {
      as: manager,
      body: { stage: 'Adoption' },
    });
    expect(same.status).toBe(200);
    expect(same.body.items).toHaveLength(2);

    const notOwner = await request(server, 'PUT', `/api/v1/accounts/${account.id}/stage`, {
      as: otherCsm,
      body: { stage: 'Onboarding' },
    });
    expect(notOwner.status).toBe(403);
    const unknown = await request(server, 'PUT', `/api/v1/accounts/${account.id}/stage`, {
      as: manager,
      body: { stage: 'Nowhere' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { field: 'body.stage', message: 'use one of "Adoption", "Onboarding", or null' },
    ]);
    expect(
      (
        await request(server, 'PUT', `/api/v1/accounts/${account.id}/stage`, {
          as: viewer,
          body: { stage: 'Onboarding' },
        })
      ).status,
    ).toBe(403);
    expect(await history(account.id)).toHaveLength(2);
    // Setting the stage through the account itself is a person's doing too.
    const patched = await request(server, 'PATCH', `/api/v1/accounts/${account.id}`, {
      as: manager,
      body: { lifecycleStage: 'Onboarding' },
    });
    expect(patched.status).toBe(200);
    expect((await history(account.id)).at(-1)).toEqual({
      stage: 'Onboarding',
      source: 'manual',
      changed_by: manager.id,
      open: true,
    });
    await request(server, 'PATCH', `/api/v1/accounts/${account.id}`, {
      as: manager,
      body: { lifecycleStage: 'Adoption' },
    });

    const churned = await makeAccount(server.database.db, { status: 'churned' });
    const churnedMove = await request(server, 'PUT', `/api/v1/accounts/${churned.id}/stage`, {
      as: manager,
      body: { stage: 'Adoption' },
    });
    expect(churnedMove.status).toBe(409);
    expect(
      (
        await request(server, 'GET', '/api/v1/accounts/00000000-0000-4000-8000-000000000001/stages', {
          as: viewer,
        })
      ).status,
    ).toBe(404);
  });

  it('renames a stage with its accounts and keeps each account’s time in stage', async () => {
    const account = await makeAccount(server.database.db, { lifecycleStage: 'Adoption' });
    await server.database.pool.query(
      `UPDATE account_stage_history SET entered_at = now() - interval '12 days' WHERE account_id = $1`,
      [account.id],
    );
    const stage = (await request(server, 'GET', '/api/v1/stages', { as: viewer })).body.items[0];
    const renamed = await request(server, 'PUT', `/api/v1/stages/${stage.id}`, {
      as: manager,
      body: { name: 'Value' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Value', accounts: 2 });
    const stages = await request(server, 'GET', `/api/v1/accounts/${account.id}/stages`, { as: viewer });
    expect(stages.body.current).toMatchObject({ stage: 'Value', stageId: stage.id, daysInStage: 12 });
    expect(stages.body.items).toHaveLength(1);
    const row = await server.database.pool.query('SELECT lifecycle_stage FROM accounts WHERE id = $1', [
      account.id,
    ]);
    expect(row.rows[0].lifecycle_stage).toBe('Value');
  });

  it('places the matching accounts as soon as a stage is saved with an entry rule (history source rule)', async () => {
    const account = await makeAccount(server.database.db, { status: 'onboarding', region: 'Nordics' });
    const created = await request(server, 'POST', '/api/v1/stages', {
      as: manager,
      body: {
        name: 'Nordic launch',
        entryRule: { kind: 'condition', field: 'region', operator: 'eq', value: 'nordics' },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.accounts).toBe(1);
    expect(await history(account.id)).toEqual([
      { stage: 'Nordic launch', source: 'rule', changed_by: null, open: true },
    ]);
  });
});
