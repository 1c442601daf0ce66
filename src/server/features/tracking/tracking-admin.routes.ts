import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app';
import { requireActor } from '../../auth/authenticate';
import {
  createWriteKeyBodySchema,
  mappedResponseSchema,
  mapToAccountBodySchema,
  unmatchedResponseSchema,
  writeKeySchema,
  type WriteKey,
} from '../../../shared/api/tracking.contract';
import { listUnmatchedTracking, mapGroupToAccount, mapUserToAccount } from './unmatched-tracking.service';
import { createWriteKey, listWriteKeys, revokeWriteKey, type WriteKeyRow } from './write-key.service';

function presentWriteKey(row: WriteKeyRow): WriteKey {
  return {
    id: row.id,
    source: row.source,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Settings → Tracking: write keys, and what tracking could not attribute to an account yet. */
export function trackingAdminRoutes({ database }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/write-keys',
      {
        config: { permission: 'tracking.manage' },
        schema: {
          tags: ['tracking'],
          summary: 'List write keys (active first)',
          response: { 200: z.object({ items: z.array(writeKeySchema) }) },
        },
      },
      async () => ({ items: (await listWriteKeys(database.db)).map(presentWriteKey) }),
    );

    app.post(
      '/write-keys',
      {
        config: { permission: 'tracking.manage' },
        schema: {
          tags: ['tracking'],
          summary: 'Create the write key of a source; the key is in this response only',
          body: createWriteKeyBodySchema,
          response: { 201: writeKeySchema.extend({ key: z.string() }) },
        },
      },
      async (request, reply) => {
        const { key, row } = await createWriteKey(database.db, {
          source: request.body.source,
          createdBy: requireActor(request).userId,
        });
        return reply.code(201).send({ ...presentWriteKey(row), key });
      },
    );

    app.delete(
      '/write-keys/:id',
      {
        config: { permission: 'tracking.manage' },
        schema: {
          tags: ['tracking'],
          summary: 'Revoke a write key',
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await revokeWriteKey(database.db, { id: request.params.id });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/tracking/unmatched',
      {
        config: { permission: 'tracking.read' },
        schema: {
          tags: ['tracking'],
          summary: 'Groups and users whose events wait for an account',
          response: { 200: unmatchedResponseSchema },
        },
      },
      async () => listUnmatchedTracking(database),
    );

    app.put(
      '/tracking/groups/:source/:groupId/account',
      {
        config: { permission: 'tracking.manage' },
        schema: {
          tags: ['tracking'],
          summary: "Map a group to an account; its users' waiting events are attributed",
          params: z.object({ source: z.string().min(1).max(63), groupId: z.string().min(1).max(500) }),
          body: mapToAccountBodySchema,
          response: { 200: mappedResponseSchema },
        },
      },
      async (request) =>
        mapGroupToAccount(database, { ...request.params, accountId: request.body.accountId }),
    );

    app.put(
      '/tracking/users/:source/:userKey/account',
      {
        config: { permission: 'tracking.manage' },
        schema: {
          tags: ['tracking'],
          summary: 'Map a tracked user to an account; their waiting events are attributed',
          params: z.object({ source: z.string().min(1).max(63), userKey: z.string().min(1).max(500) }),
          body: mapToAccountBodySchema,
          response: { 200: mappedResponseSchema },
        },
      },
      async (request) => mapUserToAccount(database, { ...request.params, accountId: request.body.accountId }),
    );
  };
}
