import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../../../test/helpers/factories';
import {
  request,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../../../../test/helpers/test-server';

/** Teams, people and account ownership by role, through HTTP. */
describe('teams, people and account assignments API', () => {
  let server: TestServer;
  let admin: TestUser;
  let manager: TestUser;
  let csm: TestUser;
  let otherCsm: TestUser;
  let viewer: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.signIn('admin');
    manager = await server.signIn('manager');
    csm = await server.signIn('csm');
    otherCsm = await server.signIn('csm');
    viewer = await server.signIn('viewer');
    await server.database.pool.query(
      `INSERT INTO tiers (name, position, rule, touch_model) VALUES
         ('Enterprise', 0, '{"kind":"group","combinator":"and","rules":[]}', 'high'),
         ('Standard', 1, NULL, 'low')`,
    );
  });
  afterAll(async () => server.close());

  const person = async (id: string) =>
    (await request(server, 'GET', '/api/v1/people', { as: viewer })).body.items.find(
      (item: { id: string }) => item.id === id,
    );

  it('creates, lists, renames and deletes teams; names are unique ignoring case', async () => {
    const created = await request(server, 'POST', '/api/v1/teams', {
      as: manager,
      body: { name: 'CSM East', kind: 'csm' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'CSM East',
      kind: 'csm',
      members: 0,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    await request(server, 'POST', '/api/v1/teams', {
      as: manager,
      body: { name: 'Support', kind: 'support' },
    });
    const clash = await request(server, 'POST', '/api/v1/teams', {
      as: manager,
      body: { name: 'csm east', kind: 'csm' },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.detail).toBe('A team named "CSM East" already exists. Pick another name.');
    const badKind = await request(server, 'POST', '/api/v1/teams', {
      as: manager,
      body: { name: 'X', kind: 'sales' },
    });
    expect(badKind.status).toBe(400);
    expect(badKind.body.errors[0].field).toBe('body.kind');
    expect(
      (await request(server, 'POST', '/api/v1/teams', { as: csm, body: { name: 'Y', kind: 'csm' } })).status,
    ).toBe(403);

    const renamed = await request(server, 'PUT', `/api/v1/teams/${created.body.id}`, {
      as: manager,
      body: { name: 'CSM Europe' },
    });
    expect(renamed.body).toMatchObject({ name: 'CSM Europe', kind: 'csm' });
    const list = await request(server, 'GET', '/api/v1/teams', { as: viewer });
    expect(list.body.items.map((team: { name: string }) => team.name)).toEqual(['CSM Europe', 'Support']);

    await request(server, 'PATCH', `/api/v1/people/${csm.id}`, {
      as: manager,
      body: { teamId: created.body.id },
    });
    expect((await request(server, 'GET', '/api/v1/teams', { as: viewer })).body.items[0].members).toBe(1);
    const support = list.body.items[1];
    expect((await request(server, 'DELETE', `/api/v1/teams/${support.id}`, { as: manager })).status).toBe(
      204,
    );
    expect((await request(server, 'DELETE', `/api/v1/teams/${support.id}`, { as: manager })).status).toBe(
      404,
    );
  });

  it('lists people with team, manager, tiers covered, capacity and account counts per role', async () => {
    const team = (await request(server, 'GET', '/api/v1/teams', { as: viewer })).body.items[0];
    const owned = await makeAccount(server.database.db, { ownerId: csm.id, execSponsorId: manager.id });
    await makeAccount(server.database.db, { ownerId: csm.id });
    await makeAccount(server.database.db, { ownerId: csm.id, status: 'churned' });
    await request(server, 'PUT', `/api/v1/accounts/${owned.id}/assignments`, {
      as: manager,
      body: { role: 'support_lead', userId: csm.id },
    });
    const updated = await request(server, 'PATCH', `/api/v1/people/${csm.id}`, {
      as: manager,
      body: {
        managerId: manager.id,
        title: ' Senior CSM ',
        responsibilities: 'Enterprise renewals',
        coversTiers: ['enterprise', 'Enterprise'],
        workloadCapacity: 22.5,
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({
      id: csm.id,
      email: csm.email,
      name: expect.stringMatching(/^csm \d+$/),
      role: 'csm',
      title: 'Senior CSM',
      team: { id: team.id, name: 'CSM Europe', kind: 'csm' },
      manager: { id: manager.id, name: expect.stringMatching(/^manager \d+$/) },
      responsibilities: 'Enterprise renewals',
      coversTiers: ['Enterprise'],
      workloadCapacity: 22.5,
      disabled: false,
      accounts: { csm: 2, executiveSponsor: 0, onboardingLead: 0, supportLead: 1 },
    });
    expect((await person(manager.id)).accounts).toEqual({
      csm: 0,
      executiveSponsor: 1,
      onboardingLead: 0,
      supportLead: 0,
    });
    const cleared = await request(server, 'PATCH', `/api/v1/people/${csm.id}`, {
      as: admin,
      body: { workloadCapacity: null, coversTiers: [], title: '' },
    });
    expect(cleared.body).toMatchObject({
      workloadCapacity: null,
      coversTiers: [],
      title: null,
      responsibilities: 'Enterprise renewals',
    });
  });

  it('refuses a loop in the manager chain, unknown references and bad values with a 400, saving nothing', async () => {
    await request(server, 'PATCH', `/api/v1/people/${otherCsm.id}`, {
      as: manager,
      body: { managerId: csm.id },
    });
    // manager → csm → otherCsm: making otherCsm the manager's manager closes the loop.
    const loop = await request(server, 'PATCH', `/api/v1/people/${manager.id}`, {
      as: admin,
      body: { managerId: otherCsm.id, title: 'Head of CS' },
    });
    expect(loop.status).toBe(400);
    const [managerName, csmName, otherName] = [
      (await person(manager.id)).name,
      (await person(csm.id)).name,
      (await person(otherCsm.id)).name,
    ];
    expect(loop.body.errors).toEqual([
      {
        field: 'body.managerId',
        message: `that would make a loop in the manager chain (${managerName} → ${otherName} → ${csmName} → ${managerName}); ${managerName} is already above ${otherName}`,
      },
    ]);
    expect((await person(manager.id)).title).toBeNull();
    const self = await request(server, 'PATCH', `/api/v1/people/${csm.id}`, {
      as: admin,
      body: { managerId: csm.id },
    });
    expect(self.body.errors).toEqual([
      { field: 'body.managerId', message: 'a person cannot be their own manager' },
    ]);
    const unknown = await request(server, 'PATCH', `/api/v1/people/${csm.id}`, {
      as: admin,
      body: { teamId: '00000000-0000-4000-8000-000000000001', coversTiers: ['Gold'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      {
        field: 'body.teamId',
        message: 'no team with id 00000000-0000-4000-8000-000000000001; list teams with GET /api/v1/teams',
      },
      {
        field: 'body.coversTiers[0]',
        message: 'no tier is named "Gold"; use one of "Enterprise", "Standard", or [] for every tier',
      },
    ]);
    const badCapacity = await request(server, 'PATCH', `/api/v1/people/${csm.id}`, {
      as: admin,
      body: { workloadCapacity: 0.001 },
    });
    expect(badCapacity.status).toBe(400);
    expect(badCapacity.body.errors).toEqual([
      { field: 'body.workloadCapacity', message: 'at most two decimals' },
    ]);
    expect(
      (await request(server, 'PATCH', `/api/v1/people/${csm.id}`, { as: csm, body: { title: 'Boss' } }))
        .status,
    ).toBe(403);
    expect(
      (
        await request(server, 'PATCH', '/api/v1/people/00000000-0000-4000-8000-000000000001', {
          as: admin,
          body: { title: 'x' },
        })
      ).status,
    ).toBe(404);
  });

  it('gives each role on an account to a person and back; CSMs only on their own accounts', async () => {
    const account = await makeAccount(server.database.db, { ownerId: csm.id });
    const initial = await request(server, 'GET', `/api/v1/accounts/${account.id}/assignments`, {
      as: viewer,
    });
    expect(initial.body).toEqual({
      accountId: account.id,
      items: [
        {
          role: 'csm',
          label: 'CSM',
          user: { id: csm.id, name: expect.any(String), email: csm.email },
          since: expect.any(String),
        },
        { role: 'executive_sponsor', label: 'Executive sponsor', user: null, since: null },
        { role: 'onboarding_lead', label: 'Onboarding lead', user: null, since: null },
        { role: 'support_lead', label: 'Support lead', user: null, since: null },
      ],
    });
    const lead = await request(server, 'PUT', `/api/v1/accounts/${account.id}/assignments`, {
      as: csm,
      body: { role: 'onboarding_lead', userId: otherCsm.id },
    });
    expect(lead.status).toBe(200);
    expect(lead.body.items[2]).toEqual({
      role: 'onboarding_lead',
      label: 'Onboarding lead',
      user: { id: otherCsm.id, name: expect.any(String), email: otherCsm.email },
      since: expect.any(String),
    });
    const sponsor = await request(server, 'PUT', `/api/v1/accounts/${account.id}/assignments`, {
      as: manager,
      body: { role: 'executive_sponsor', userId: manager.id },
    });
    expect(sponsor.body.items[1].user.id).toBe(manager.id);
    const giveAway = await request(server, 'PUT', `/api/v1/accounts/${account.id}/assignments`, {
      as: csm,
      body: { role: 'csm', userId: otherCsm.id },
    });
    expect(giveAway.status).toBe(403);
    const notTheirs = await request(server, 'PUT', `/api/v1/accounts/${account.id}/assignments`, {
      as: otherCsm,
      body: { role: 'support_lead', userId: otherCsm.id },
    });
    expect(notTheirs.status).toBe(403);
    const reassigned = await request(server, 'PUT', `/api/v1/accounts/${account.id}/assignments`, {
      as: manager,
      body: { role: 'csm', userId: otherCsm.id },
    });
    expect(reassigned.body.items[0].user.id).toBe(otherCsm.id);
    const cleared = await request(server, 'PUT', `/api/v1/accounts/${account.id}/assignments`, {
      as: manager,
      body: { role: 'onboarding_lead', userId: null },
    });
    expect(cleared.body.items[2]).toEqual({
      role: 'onboarding_lead',
      label: 'Onboarding lead',
      user: null,
      since: null,
    });
    const unknownUser = await request(server, 'PUT', `/api/v1/accounts/${account.id}/assignments`, {
      as: manager,
      body: { role: 'support_lead', userId: '00000000-0000-4000-8000-000000000001' },
    });
    expect(unknownUser.status).toBe(400);
    expect(unknownUser.body.errors[0].field).toBe('body.userId');
    const badRole = await request(server, 'PUT', `/api/v1/accounts/${account.id}/assignments`, {
      as: manager,
      body: { role: 'owner', userId: null },
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body.errors[0].field).toBe('body.role');
  });
});
