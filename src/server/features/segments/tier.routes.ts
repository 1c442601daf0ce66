import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  overdueAccountPageSchema,
  overdueQuerySchema,
  tierCadenceListSchema,
  tierCreateSchema,
  tierListSchema,
  tierOrderSchema,
  tierSchema,
  tierUpdateSchema,
} from '../../../shared/api/tiers.contract';
import type { AppContext } from '../../app';
import {
  createTier,
  deleteTier,
  listOverdue,
  listTiers,
  reorderTiers,
  tierCadences,
  updateTier,
} from './tier.service';

const idParams = z.object({ id: z.uuid({ message: 'must be a tier id (a UUID)' }) });
const tags = ['tiers'];

/** Tiers with touch models and cadences: ordered rules (first match wins, a default catches the rest) and who is overdue. */
export function tierRoutes({ database }: AppContext): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/tiers',
      {
        config: { permission: 'journey.read' },
        schema: {
          tags,
          summary: 'Every tier in order, the default last, with account counts',
          response: { 200: tierListSchema },
        },
      },
      async () => ({ items: await listTiers(db) }),
    );

    app.post(
      '/tiers',
      {
        config: { permission: 'journey.manage' },
        schema: {
          tags,
          summary: 'Create a tier (rule null: the default tier); accounts are re-tiered before the answer',
          body: tierCreateSchema,
          response: { 201: tierSchema },
        },
      },
      async (request, reply) => reply.code(201).send(await createTier(database, request.body)),
    );

    app.put(
      '/tiers/order',
      {
        config: { permission: 'journey.manage' },
        schema: {
          tags,
          summary: 'Set the order in which tier rules are tried (the default stays last)',
          body: tierOrderSchema,
          response: { 200: tierListSchema },
        },
      },
      async (request) => ({ items: await reorderTiers(database, request.body.ids) }),
    );

    app.get(
      '/tiers/cadence',
      {
        config: { permission: 'journey.read' },
        schema: {
          tags,
          summary: 'Per tier: accounts and how many are overdue for an EBR and for a check-in',
          response: { 200: tierCadenceListSchema },
        },
      },
      async () => tierCadences(db),
    );

    app.get(
      '/tiers/cadence/overdue',
      {
        config: { permission: 'journey.read' },
        schema: {
          tags,
          summary: 'Accounts overdue on a cadence (EBR or check-in), the longest overdue first',
          querystring: overdueQuerySchema,
          response: { 200: overdueAccountPageSchema },
        },
      },
      async (request) => listOverdue(db, request.query),
    );

    app.put(
      '/tiers/:id',
      {
        config: { permission: 'journey.manage' },
        schema: {
          tags,
          summary: "Change a tier's name, rule, touch model or cadences",
          params: idParams,
          body: tierUpdateSchema,
          response: { 200: tierSchema },
        },
      },
      async (request) => updateTier(database, request.params.id, request.body),
    );

    app.delete(
      '/tiers/:id',
      {
        config: { permission: 'journey.manage' },
        schema: {
          tags,
          summary: 'Delete a tier (the default only when it is the last)',
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deleteTier(database, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
