import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, startTestServer, TEST_PASSWORD, type TestServer } from '../../../../test/helpers/test-server';
import { LOGIN_ATTEMPTS_PER_WINDOW } from './auth.routes';

describe('sign-in, sessions and API tokens', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  it('signs in with the right password and sets an httpOnly SameSite=Lax cookie', async () => {
    const user = await server.signIn('csm', 'casey@example.test');
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'Casey@Example.test', password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^cycle_session=cys_/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const me = await request(server, 'GET', '/api/v1/auth/me', { as: user });
    expect(me.body).toEqual({ id: user.id, email: 'casey@example.test', name: expect.any(String), role: 'csm' });
  });

  it('refuses a wrong password and an unknown email with the same 401', async () => {
    await server.signIn('viewer', 'vera@example.test');
    const wrong = await request(server, 'POST', '/api/v1/auth/login', { body: { email: 'vera@example.test', password: 'not it at all' } });
    const unknown = await request(server, 'POST', '/api/v1/auth/login', { body: { email: 'nobody@example.test', password: 'not it at all' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe('The email or password is wrong.');
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it('rejects a login body with a missing field or an unknown field, naming it', async () => {
    const missing = await request(server, 'POST', '/api/v1/auth/login', { body: { email: 'a@example.test' } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ field: 'body.password', message: expect.any(String) }]);
    const extra = await request(server, 'POST', '/api/v1/auth/login', { body: { email: 'a@example.test', password: 'x', remember: true } });
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].message).toContain('"remember"');
  });

  it('rejects malformed JSON with a 400 problem', async () => {
    const response = await request(server, 'POST', '/api/v1/auth/login', { body: '{"email": "a@', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it(`rate-limits sign-in after ${LOGIN_ATTEMPTS_PER_WINDOW} attempts for one address and email`, async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= LOGIN_ATTEMPTS_PER_WINDOW; attempt += 1) {
      const response = await request(server, 'POST', '/api/v1/auth/login', { body: { email: 'target@example.test', password: 'guess' } });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, LOGIN_ATTEMPTS_PER_WINDOW).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('ends the session on logout', async () => {
    const user = await server.signIn('manager');
    expect((await request(server, 'POST', '/api/v1/auth/logout', { as: user })).status).toBe(204);
    expect((await request(server, 'GET', '/api/v1/auth/me', { as: user })).status).toBe(401);
  });

  it('creates an API token shown once, accepts it as Bearer, records last use and refuses it once revoked', async () => {
    const user = await server.signIn('manager');
    const created = await request(server, 'POST', '/api/v1/tokens', { as: user, body: { name: 'sync script', scope: 'write' } });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^cyc_/);
    const token: string = created.body.token;
    expect((await request(server, 'GET', '/api/v1/auth/me', { as: token })).body.email).toBe(user.email);
    const listed = await request(server, 'GET', '/api/v1/tokens', { as: user });
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).not.toHaveProperty('token');
    expect(listed.body.items[0].lastUsedAt).not.toBeNull();
    const stored = await server.database.pool.query('SELECT token_hash FROM api_tokens');
    expect(stored.rows[0].token_hash).not.toContain(token);
    expect((await request(server, 'DELETE', `/api/v1/tokens/${created.body.id}`, { as: user })).status).toBe(204);
    expect((await request(server, 'GET', '/api/v1/auth/me', { as: token })).status).toBe(401);
  });

  it('answers /healthz without signing in', async () => {
    const response = await request(server, 'GET', '/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'external' });
  });
});
