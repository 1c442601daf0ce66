import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app';
import { requireActor, SESSION_COOKIE } from '../../auth/authenticate';
import { userRoles } from '../../db/schema';
import { signIn, signOut } from './session.service';

const meSchema = z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: z.enum(userRoles) });

/** Login is limited to this many attempts per client address and email per window. */
export const LOGIN_ATTEMPTS_PER_WINDOW = 10;

export function authRoutes({ database, config }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: {
          public: true,
          rateLimit: {
            max: LOGIN_ATTEMPTS_PER_WINDOW,
            timeWindow: '5 minutes',
            keyGenerator: (request) => {
              const email = (request.body as { email?: unknown } | undefined)?.email;
              return `${request.ip}|${typeof email === 'string' ? email.toLowerCase() : ''}`;
            },
            errorResponseBuilder: (_request, context) => ({
              statusCode: 429,
              message: `Too many sign-in attempts; try again in ${Math.ceil(context.ttl / 1000)} seconds`,
            }),
          },
        },
        schema: {
          tags: ['auth'],
          summary: 'Sign in; sets the session cookie',
          security: [],
          body: z.strictObject({ email: z.string().min(1).max(320), password: z.string().min(1).max(200) }),
          response: { 200: meSchema },
        },
      },
      async (request, reply) => {
        const { token, user, expiresAt } = await signIn(database.db, request.body.email, request.body.password);
        reply.setCookie(SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: config.secureCookies,
          path: '/',
          expires: expiresAt,
        });
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { permission: 'session.own' },
        schema: { tags: ['auth'], summary: 'Sign out; ends this session', response: { 204: z.null() } },
      },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await signOut(database.db, token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      {
        config: { permission: 'session.own' },
        schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: meSchema } },
      },
      async (request) => {
        const actor = requireActor(request);
        return { id: actor.userId, email: actor.email, name: actor.name, role: actor.role };
      },
    );
  };
}
