import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPermissions, rolesFor } from '../../src/server/auth/policy';
import type { Role } from '../../src/server/auth/policy';
import { request, startTestServer, type TestServer, type TestUser } from '../helpers/test-server';

const roles: Role[] = ['admin', 'manager', 'csm', 'viewer'];
const someId = '00000000-0000-4000-8000-000000000000';

/** A concrete URL for a route pattern: every :param becomes a well-formed id that does not exist. */
function concreteUrl(url: string): string {
  return url.replace(/:[A-Za-z]+/g, someId);
}

const bodyFor = (method: string) => (method === 'GET' || method === 'DELETE' ? undefined : {});

describe('every /api route refuses the wrong user or no user', () => {
  let server: TestServer;
  const users = {} as Record<Role, TestUser>;

  beforeAll(async () => {
    server = await startTestServer();
    for (const role of roles) users[role] = await server.signIn(role);
  });
  afterAll(async () => server.close());

  it('declares a permission (or public) on every /api route, and the walk covers them all', () => {
    const apiRoutes = server.app.registeredRoutes.filter((route) => route.url.startsWith('/api/'));
    expect(apiRoutes.length).toBeGreaterThan(15);
    for (const route of apiRoutes) expect(route.permission !== undefined || route.public === true).toBe(true);
    expect(allPermissions().length).toBeGreaterThan(5);
  });

  it('answers 401 problem+json to an anonymous caller on every protected route', async () => {
    const protectedRoutes = server.app.registeredRoutes.filter((route) => route.url.startsWith('/api/') && !route.public);
    for (const route of protectedRoutes) {
      const response = await request(server, route.method, concreteUrl(route.url), { body: bodyFor(route.method) });
      const label = `${route.method} ${route.url}`;
      expect({ label, status: response.status }).toEqual({ label, status: 401 });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('answers 401 to an unknown API token', async () => {
    const response = await request(server, 'GET', '/api/v1/accounts', { as: 'cyc_not-a-real-token' });
    expect(response.status).toBe(401);
  });

  it('answers 403 to every role without the route permission, and lets the others through', async () => {
    const protectedRoutes = server.app.registeredRoutes.filter((route) => route.url.startsWith('/api/') && route.permission);
    for (const route of protectedRoutes) {
      if (route.url === '/api/v1/auth/logout') continue; // would end the session the walk uses; tested in auth tests
      const allowed = rolesFor(route.permission!);
      for (const role of roles) {
        const response = await request(server, route.method, concreteUrl(route.url), { as: users[role], body: bodyFor(route.method) });
        const label = `${role} ${route.method} ${route.url}`;
        if (allowed.includes(role)) expect({ label, denied: [401, 403].includes(response.status) }).toEqual({ label, denied: false });
        else expect({ label, status: response.status }).toEqual({ label, status: 403 });
      }
    }
  });

  it('limits an API token to its scope: a read token cannot write', async () => {
    const token = await server.tokenFor(users.admin, 'read');
    expect((await request(server, 'GET', '/api/v1/accounts', { as: token })).status).toBe(200);
    const write = await request(server, 'POST', '/api/v1/accounts', { as: token, body: { name: 'Blocked Inc' } });
    expect(write.status).toBe(403);
    expect(write.body.detail).toContain('scope "read"');
  });
});
