import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  savedViewCreateSchema,
  savedViewListQuerySchema,
  savedViewListSchema,
  savedViewSchema,
  savedViewUpdateSchema,
} from '../../../shared/api/views.contract';
import type { AppContext } from '../../app';
import { requireActor } from '../../auth/authenticate';
import { createView, deleteView, listViewsOf, updateView } from './saved-view.service';

const idParams = z.object({ id: z.uuid({ message: 'must be a saved view id (a UUID)' }) });

/** Saved views: each user's named filters, sort and columns of a list. Only the owner sees or changes them. */
export function savedViewRoutes({ database }: AppContext): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/views',
      {
        config: { permission: 'views.read' },
        schema: {
          tags: ['views'],
          summary: 'Your saved views of a list',
          querystring: savedViewListQuerySchema,
          response: { 200: savedViewListSchema },
        },
      },
      async (request) => ({ items: await listViewsOf(db, requireActor(request), request.query.page) }),
    );

    app.post(
      '/views',
      {
        config: { permission: 'views.write' },
        schema: {
          tags: ['views'],
          summary: 'Save a view (names are unique per user)',
          body: savedViewCreateSchema,
          response: { 201: savedViewSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createView(db, requireActor(request), request.body)),
    );

    app.put(
      '/views/:id',
      {
        config: { permission: 'views.write' },
        schema: {
          tags: ['views'],
          summary: 'Rename a saved view or change its query',
          params: idParams,
          body: savedViewUpdateSchema,
          response: { 200: savedViewSchema },
        },
      },
      async (request) => updateView(db, requireActor(request), request.params.id, request.body),
    );

    app.delete(
      '/views/:id',
      {
        config: { permission: 'views.write' },
        schema: {
          tags: ['views'],
          summary: 'Delete a saved view',
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deleteView(db, requireActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
