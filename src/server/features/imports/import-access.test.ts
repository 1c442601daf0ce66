import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../../../test/helpers/test-server';
import { countImportedRows, fixture, postImport } from '../../../../test/helpers/import-requests';

/** Only admins and managers import and read import runs. */
describe('who may import', () => {
  let server: TestServer;
  const users = {} as Record<'admin' | 'manager' | 'csm' | 'viewer', TestUser>;
  const file = () => ({ content: fixture('crm-export.csv'), name: 'crm-export.csv' });
  const fields = { kind: 'accounts', map: 'external_id=Customer Ref,name=Company' };
  const get = (path: string, as?: TestUser) => fetch(`${server.baseUrl}${path}`, { headers: as ? { cookie: as.cookie } : {} });

  beforeAll(async () => {
    server = await startTestServer();
    for (const role of ['admin', 'manager', 'csm', 'viewer'] as const) users[role] = await server.signIn(role);
  });
  afterAll(async () => server.close());

  it('answers 401 without a signed-in user, importing nothing', async () => {
    const response = await postImport(server, undefined, fields, file());
    expect(response.status).toBe(401);
    expect(response.contentType).toContain('application/problem+json');
    expect((await get('/api/v1/imports')).status).toBe(401);
    expect((await countImportedRows(server.database)).accounts).toBe(0);
  });

  it('answers 403 to a CSM and a viewer, for running and for listing', async () => {
    for (const role of ['csm', 'viewer'] as const) {
      const response = await postImport(server, users[role], fields, file());
      expect({ role, status: response.status }).toEqual({ role, status: 403 });
      expect(response.body.detail).toBe(`Your role (${role}) may not do this; it needs one of: admin, manager. Ask an admin.`);
      expect({ role, status: (await get('/api/v1/imports', users[role])).status }).toEqual({ role, status: 403 });
    }
    expect((await countImportedRows(server.database)).accounts).toBe(0);
  });

  it('lets an admin and a manager import and list runs', async () => {
    expect((await postImport(server, users.admin, fields, file())).status).toBe(201);
    expect((await postImport(server, users.manager, fields, file())).body.summary).toBe('inserted 0, updated 0, unchanged 2, rejected 0');
    const list = await (await get('/api/v1/imports', users.manager)).json();
    expect(list.items.map((run: { ranBy: { email: string } }) => run.ranBy.email)).toEqual([users.manager.email, users.admin.email]);
    expect((await get('/api/v1/imports/00000000-0000-4000-8000-000000000000', users.admin)).status).toBe(404);
  });
});
