import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app';
import { requireActor } from '../../auth/authenticate';
import { tokenScopes } from '../../db/schema';
import { type ApiTokenRow, createApiToken, listApiTokens, revokeApiToken } from './token.service';

const tokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  scope: z.enum(tokenScopes),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

function presentToken(row: ApiTokenRow): z.infer<typeof tokenSchema> {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** The signed-in user's own API tokens. */
export function tokenRoutes({ database }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/tokens',
      {
        config: { permission: 'tokens.own' },
        schema: { tags: ['tokens'], summary: 'List my API tokens', response: { 200: z.object({ items: z.array(tokenSchema) }) } },
      },
      async (request) => ({ items: (await listApiTokens(database.db, requireActor(request).userId)).map(presentToken) }),
    );

    app.post(
      '/tokens',
      {
        config: { permission: 'tokens.own' },
        schema: {
          tags: ['tokens'],
          summary: 'Create an API token; the secret is in this response only',
          body: z.strictObject({ name: z.string().trim().min(1).max(100), scope: z.enum(tokenScopes) }),
          response: { 201: tokenSchema.extend({ token: z.string() }) },
        },
      },
      async (request, reply) => {
        const { token, row } = await createApiToken(database.db, { userId: requireActor(request).userId, ...request.body });
        return reply.code(201).send({ ...presentToken(row), token });
      },
    );

    app.delete(
      '/tokens/:id',
      {
        config: { permission: 'tokens.own' },
        schema: { tags: ['tokens'], summary: 'Revoke one of my API tokens', params: z.object({ id: z.uuid() }), response: { 204: z.null() } },
      },
      async (request, reply) => {
        await revokeApiToken(database.db, requireActor(request).userId, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
