import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  request,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../../../../test/helpers/test-server';

describe('saved views API', () => {
  let server: TestServer;
  let csm: TestUser;
  let otherCsm: TestUser;
  let viewer: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    csm = await server.signIn('csm');
    otherCsm = await server.signIn('csm');
    viewer = await server.signIn('viewer');
  });
  afterAll(async () => server.close());

  const listNames = async (as: TestUser) => {
    const response = await request(server, 'GET', '/api/v1/views?page=accounts', { as });
    expect(response.status).toBe(200);
    return response.body.items.map((view: { name: string; query: string }) => `${view.name} → ${view.query}`);
  };

  it('saves, lists by name, renames, re-points and deletes the caller’s own views', async () => {
    const created = await request(server, 'POST', '/api/v1/views', {
      as: csm,
      body: { page: 'accounts', name: '  Renewals at risk ', query: '?band=Red&renewalWithin=90&sort=-mrr' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      page: 'accounts',
      name: 'Renewals at risk',
      query: 'band=Red&renewalWithin=90&sort=-mrr',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    await request(server, 'POST', '/api/v1/views', {
      as: csm,
      body: { page: 'accounts', name: 'my book', query: 'owner=me' },
    });
    expect(await listNames(csm)).toEqual([
      'my book → owner=me',
      'Renewals at risk → band=Red&renewalWithin=90&sort=-mrr',
    ]);

    const renamed = await request(server, 'PUT', `/api/v1/views/${created.body.id}`, {
      as: csm,
      body: { name: 'At-risk renewals' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: 'At-risk renewals',
      query: 'band=Red&renewalWithin=90&sort=-mrr',
    });
    const repointed = await request(server, 'PUT', `/api/v1/views/${created.body.id}`, {
      as: csm,
      body: { query: 'band=Red,Yellow' },
    });
    expect(repointed.body).toMatchObject({ name: 'At-risk renewals', query: 'band=Red,Yellow' });
    expect(Date.parse(repointed.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.body.updatedAt));

    const deleted = await request(server, 'DELETE', `/api/v1/views/${created.body.id}`, { as: csm });
    expect(deleted.status).toBe(204);
    expect(await listNames(csm)).toEqual(['my book → owner=me']);
    expect((await request(server, 'DELETE', `/api/v1/views/${created.body.id}`, { as: csm })).status).toBe(
      404,
    );
  });

  it('keeps each user’s views private: others get 404 and never see them', async () => {
    const mine = await request(server, 'POST', '/api/v1/views', {
      as: otherCsm,
      body: { page: 'accounts', name: 'Enterprise', query: 'tier=Enterprise' },
    });
    expect(mine.status).toBe(201);
    expect(await listNames(viewer)).toEqual([]);
    expect(await listNames(csm)).toEqual(['my book → owner=me']);
    const rename = await request(server, 'PUT', `/api/v1/views/${mine.body.id}`, {
      as: csm,
      body: { name: 'Taken over' },
    });
    expect(rename.status).toBe(404);
    expect(rename.body.detail).toBe(
      `No saved view with id ${mine.body.id}. Check the id; it may have been deleted.`,
    );
    expect((await request(server, 'DELETE', `/api/v1/views/${mine.body.id}`, { as: viewer })).status).toBe(
      404,
    );
    expect(await listNames(otherCsm)).toEqual(['Enterprise → tier=Enterprise']);
  });

  it('lets a viewer keep views too, with names unique per user whatever the case', async () => {
    const first = await request(server, 'POST', '/api/v1/views', {
      as: viewer,
      body: { page: 'accounts', name: 'Enterprise', query: 'tier=Enterprise' },
    });
    expect(first.status).toBe(201);
    const clash = await request(server, 'POST', '/api/v1/views', {
      as: viewer,
      body: { page: 'accounts', name: 'ENTERPRISE', query: 'tier=SMB' },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.detail).toBe(
      'You already have a view named "ENTERPRISE". Pick another name, or update that view instead.',
    );
    const other = await request(server, 'POST', '/api/v1/views', {
      as: viewer,
      body: { page: 'accounts', name: 'SMB', query: 'tier=SMB' },
    });
    const renameClash = await request(server, 'PUT', `/api/v1/views/${other.body.id}`, {
      as: viewer,
      body: { name: 'enterprise' },
    });
    expect(renameClash.status).toBe(409);
  });

  it('refuses a bad body or query with a 400 naming the field', async () => {
    const noName = await request(server, 'POST', '/api/v1/views', {
      as: csm,
      body: { page: 'accounts', name: '  ', query: '' },
    });
    expect(noName.status).toBe(400);
    expect(noName.body.errors[0]).toEqual({ field: 'body.name', message: 'give the view a name' });
    const badPage = await request(server, 'POST', '/api/v1/views', {
      as: csm,
      body: { page: 'contacts', name: 'x', query: '' },
    });
    expect(badPage.status).toBe(400);
    expect(badPage.body.errors[0].field).toBe('body.page');
    const nothing = await request(server, 'PUT', '/api/v1/views/00000000-0000-4000-8000-000000000001', {
      as: csm,
      body: {},
    });
    expect(nothing.status).toBe(400);
    expect(nothing.body.detail).toContain('send a name, a query, or both');
    expect((await request(server, 'GET', '/api/v1/views', { as: csm })).status).toBe(400);
    expect((await request(server, 'PUT', '/api/v1/views/7', { as: csm, body: { name: 'x' } })).status).toBe(
      400,
    );
  });

  it('lets a read-only API token list views but not save them', async () => {
    const token = await server.tokenFor(csm, 'read');
    expect((await request(server, 'GET', '/api/v1/views?page=accounts', { as: token })).status).toBe(200);
    const write = await request(server, 'POST', '/api/v1/views', {
      as: token,
      body: { page: 'accounts', name: 'Nope', query: '' },
    });
    expect(write.status).toBe(403);
  });
});
