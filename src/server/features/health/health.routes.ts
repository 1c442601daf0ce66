import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app';

/** GET /healthz: 200 when the database answers, 503 when it does not. Public. */
export function healthRoutes({ database }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/healthz',
      {
        config: { public: true },
        schema: {
          hide: true,
          response: {
            200: z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'external']) }),
            503: z.object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string() }),
          },
        },
      },
      async (_request, reply) => {
        try {
          await database.pool.query('SELECT 1');
        } catch {
          return reply.code(503).type('application/problem+json').send({
            type: 'about:blank',
            title: 'Unavailable',
            status: 503,
            detail: 'The database does not answer.',
          });
        }
        return { status: 'ok' as const, database: database.mode };
      },
    );
  };
}
