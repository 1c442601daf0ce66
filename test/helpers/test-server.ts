import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import type { WebhookDispatcherOptions } from '../../src/server/features/webhooks/webhook-dispatcher';
import type { Role } from '../../src/server/auth/policy';
import type { Database } from '../../src/server/db/database';
import { createApiToken } from '../../src/server/features/tokens/token.service';
import { createUser } from '../../src/server/features/users/user.service';
import { createTestDatabase } from './test-database';

export const TEST_PASSWORD = 'correct horse battery';

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  /** Cookie header value of a signed-in session. */
  cookie: string;
}

/** A real Cycle server on 127.0.0.1 with its own database, for HTTP integration tests. */
export interface TestServer {
  baseUrl: string;
  database: Database;
  app: FastifyInstance;
  /** Creates a user with the role and signs them in through POST /api/v1/auth/login. */
  signIn(role: Role, email?: string): Promise<TestUser>;
  /** Creates an API token for a user and returns it. */
  tokenFor(user: TestUser, scope: 'read' | 'write' | 'admin'): Promise<string>;
  close(): Promise<void>;
}

let userCounter = 0;

export async function startTestServer(
  options: { webRoot?: string; trackingRequestsPerSecond?: number; webhooks?: WebhookDispatcherOptions } = {},
): Promise<TestServer> {
  const database = await createTestDatabase();
  const app = await buildApp(
    { database, config: { secureCookies: false } },
    {
      logLevel: 'warn',
      webRoot: options.webRoot,
      trackingRequestsPerSecond: options.trackingRequestsPerSecond,
      webhooks: options.webhooks,
    },
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    baseUrl,
    database,
    app,
    async signIn(role, email) {
      userCounter += 1;
      const address = email ?? `${role}${userCounter}-${process.pid}@example.test`;
      const user = await createUser(database.db, {
        email: address,
        name: `${role} ${userCounter}`,
        role,
        password: TEST_PASSWORD,
      });
      const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: address, password: TEST_PASSWORD }),
      });
      if (response.status !== 200)
        throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
      return { id: user.id, email: user.email, role, cookie };
    },
    async tokenFor(user, scope) {
      return (await createApiToken(database.db, { userId: user.id, name: 'test', scope })).token;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** fetch against the test server with JSON in and out; `as` is a signed-in user or a bearer token. */
export async function request(
  server: TestServer,
  method: string,
  path: string,
  options: { as?: TestUser | string; body?: unknown; headers?: Record<string, string> } = {},
  // The body is whatever JSON the server sent; tests assert on it field by field.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; body: any; headers: Headers; text: string }> {
  const headers: Record<string, string> = { ...options.headers };
  if (typeof options.as === 'string') headers.authorization = `Bearer ${options.as}`;
  else if (options.as) headers.cookie = options.as.cookie;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const response = await fetch(`${server.baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, headers: response.headers, text };
}
