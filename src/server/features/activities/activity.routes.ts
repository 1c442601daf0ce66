import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { activityCreateSchema, activityListResponseSchema, activitySchema } from '../../../shared/api/activities.contract';
import type { AppContext } from '../../app';
import { requireActor } from '../../auth/authenticate';
import { recomputeAfterChange } from '../health-scoring/health-recompute.service';
import { listActivities, logActivity } from './activity.service';

const accountParams = z.object({ id: z.uuid({ message: 'must be an account id (a UUID)' }) });

export function activityRoutes({ database }: AppContext): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/accounts/:id/activities',
      {
        config: { permission: 'accounts.read' },
        schema: {
          tags: ['activities'],
          summary: "An account's activities, newest first",
          params: accountParams,
          querystring: z.strictObject({
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: { 200: activityListResponseSchema },
        },
      },
      async (request) => listActivities(db, request.params.id, request.query.page, request.query.pageSize),
    );

    app.post(
      '/accounts/:id/activities',
      {
        config: { permission: 'accounts.write' },
        schema: {
          tags: ['activities'],
          summary: 'Log a call, meeting, email, note, EBR/QBR or training',
          params: accountParams,
          body: activityCreateSchema,
          response: { 201: activitySchema },
        },
      },
      async (request, reply) => {
        const activity = await logActivity(db, requireActor(request), request.params.id, request.body);
        // A touch is a health input (days since last activity / EBR): rescore the account now.
        await recomputeAfterChange(database, [request.params.id], (error) => request.log.error({ err: error }, 'health recompute failed'));
        return reply.code(201).send(activity);
      },
    );
  };
}
