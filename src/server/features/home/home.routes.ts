import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { homeBookQuerySchema, homeBookSchema, homeTeamSchema } from '../../../shared/api/home.contract';
import type { AppContext } from '../../app';
import { requireActor } from '../../auth/authenticate';
import { getHomeBook, getHomeTeam } from './home.service';

/** GET /home/book (a CSM's book of business) and GET /home/team (the team's retention, health and renewals). */
export function homeRoutes({ database }: AppContext): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    const tags = ['home'];

    app.get(
      '/home/book',
      {
        config: { permission: 'accounts.read' },
        schema: {
          tags,
          summary:
            "One person's book: ARR, health bands, renewals in 90 days, at-risk accounts, the last 24 hours' changes",
          querystring: homeBookQuerySchema,
          response: { 200: homeBookSchema },
        },
      },
      async (request) => getHomeBook(db, requireActor(request), request.query),
    );

    app.get(
      '/home/team',
      {
        config: { permission: 'metrics.read' },
        schema: {
          tags,
          summary: "The team: last 12 months' NRR, GRR and logo churn, health per owner, renewals in 90 days",
          querystring: z.strictObject({}),
          response: { 200: homeTeamSchema },
        },
      },
      async (request) =>
        getHomeTeam(db, { logError: (error, message) => request.log.error({ err: error }, message) }),
    );
  };
}
