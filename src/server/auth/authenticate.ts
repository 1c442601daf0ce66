import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/database';
import { apiTokens, sessions, users } from '../db/schema';
import { forbidden, unauthorized } from '../http/problem';
import { type Actor, can, explainDenial, type Permission } from './policy';
import { hashSecret } from './secret-tokens';

export const SESSION_COOKIE = 'cycle_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a route requires. Every /api route must set this or `public`. */
    permission?: Permission;
    /** The route needs no signed-in user (login, health). */
    public?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Every route with its method, URL and policy, as registered (for the policy test). */
    registeredRoutes: RegisteredRoute[];
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  permission?: Permission;
  public?: boolean;
}

/** Routes outside these prefixes are the web app and its assets. */
const protectedPrefixes = ['/api/'];
const documentationPrefix = '/api/docs';

/**
 * Installs authentication and authorisation for every route:
 * - at registration, an /api route without `config.permission` or `config.public` is an error,
 *   so a new route cannot forget its policy;
 * - on each request, the session cookie or bearer token is resolved to an Actor (401 if missing
 *   on a protected route) and the route's permission is checked (403).
 */
export function installAuthentication(app: FastifyInstance, db: Db): void {
  app.decorateRequest('actor', null);
  const sessionLookup = prepareSessionLookup(db);
  const registered: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', registered);

  app.addHook('onRoute', (route) => {
    const isApi = protectedPrefixes.some((prefix) => route.url.startsWith(prefix));
    if (!isApi || route.url.startsWith(documentationPrefix)) return;
    const config = route.config as { permission?: Permission; public?: boolean } | undefined;
    if (!config?.permission && !config?.public) {
      throw new Error(`Route ${route.method} ${route.url} declares neither config.permission nor config.public`);
    }
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      registered.push({ method, url: route.url, permission: config.permission, public: config.public });
    }
  });

  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    request.actor = await resolveActor(db, sessionLookup, request);
    if (config.public || !config.permission) return;
    if (!request.actor) throw unauthorized();
    if (!can(request.actor, config.permission)) throw forbidden(explainDenial(request.actor, config.permission));
  });
}

async function resolveActor(
  db: Db,
  sessionLookup: SessionLookup,
  request: FastifyRequest,
): Promise<Actor | null> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return resolveApiToken(db, header.slice('Bearer '.length).trim());
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie) return resolveSession(sessionLookup, cookie);
  return null;
}

/**
 * The session lookup every signed-in request makes, as a named prepared statement: built once, when
 * authentication is installed, and parsed and planned once per connection.
 */
function prepareSessionLookup(db: Db) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    )
    .limit(1)
    .prepare('resolve_session');
}

type SessionLookup = ReturnType<typeof prepareSessionLookup>;

async function resolveSession(lookup: SessionLookup, token: string): Promise<Actor | null> {
  const [row] = await lookup.execute({ tokenHash: hashSecret(token) });
  return row ?? null;
}

async function resolveApiToken(db: Db, token: string): Promise<Actor | null> {
  const tokenHash = hashSecret(token);
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      scope: apiTokens.scope,
      lastUsedAt: apiTokens.lastUsedAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), isNull(users.disabledAt)))
    .limit(1);
  if (!row) return null;
  // Record use at most once a minute so a busy script does not write on every call.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.tokenId));
  }
  return { userId: row.userId, email: row.email, name: row.name, role: row.role, tokenScope: row.scope };
}

/** The signed-in actor of a request whose route declared a permission (so one is guaranteed). */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}
