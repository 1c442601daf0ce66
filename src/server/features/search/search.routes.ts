import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { searchQuerySchema, searchResultSchema } from '../../../shared/api/search.contract';
import type { AppContext } from '../../app';
import { searchEverything } from './search.service';

/** GET /search: the global search behind Ctrl+K (any role that reads accounts). */
export function searchRoutes({ database }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/search',
      {
        config: { permission: 'accounts.read' },
        schema: {
          tags: ['search'],
          summary: 'Accounts by name or domain and contacts by name or email containing the text',
          querystring: searchQuerySchema,
          response: { 200: searchResultSchema },
        },
      },
      async (request) => searchEverything(database.db, request.query),
    );
  };
}
