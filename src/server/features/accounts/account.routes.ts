import { recomputeAfterChange } from '../health-scoring/health-recompute.service';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { account360Schema } from '../../../shared/api/account-360.contract';
import {
  accountCreateSchema,
  accountListQuerySchema,
  accountListResponseSchema,
  accountSummarySchema,
  accountUpdateSchema,
} from '../../../shared/api/accounts.contract';
import type { AppContext } from '../../app';
import { requireActor } from '../../auth/authenticate';
import { accountPortfolioRoutes } from './account-portfolio.routes';
import {
  createAccount,
  deleteAccount,
  getAccount360,
  listAccountsForActor,
  updateAccount,
} from './account.service';
import { REPORTING_CURRENCY } from './current-mrr.sql';

const idParams = z.object({ id: z.uuid({ message: 'must be an account id (a UUID)' }) });

export function accountRoutes({ database, config }: AppContext): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    await app.register(accountPortfolioRoutes({ database, config }));

    app.get(
      '/accounts',
      {
        config: { permission: 'accounts.read' },
        schema: {
          tags: ['accounts'],
          summary: 'List accounts: filter, sort, paginate',
          querystring: accountListQuerySchema,
          response: { 200: accountListResponseSchema },
        },
      },
      async (request) => ({
        ...(await listAccountsForActor(db, requireActor(request), request.query)),
        reportingCurrency: REPORTING_CURRENCY,
      }),
    );

    app.post(
      '/accounts',
      {
        config: { permission: 'accounts.write' },
        schema: {
          tags: ['accounts'],
          summary: 'Create an account',
          body: accountCreateSchema,
          response: { 201: accountSummarySchema },
        },
      },
      async (request, reply) => {
        const account = await createAccount(db, requireActor(request), request.body);
        await recomputeAfterChange(database, [account.id], (error) =>
          request.log.error({ err: error }, 'health recompute failed'),
        );
        return reply.code(201).send(account);
      },
    );

    app.get(
      '/accounts/:id',
      {
        config: { permission: 'accounts.read' },
        schema: {
          tags: ['accounts'],
          summary:
            'Account 360: profile, contacts, subscriptions, usage, tickets, surveys, activities, children',
          params: idParams,
          response: { 200: account360Schema },
        },
      },
      async (request) => getAccount360(db, requireActor(request), request.params.id),
    );

    app.patch(
      '/accounts/:id',
      {
        config: { permission: 'accounts.write' },
        schema: {
          tags: ['accounts'],
          summary: 'Update an account (traits are merged)',
          params: idParams,
          body: accountUpdateSchema,
          response: { 200: accountSummarySchema },
        },
      },
      async (request) => {
        const account = await updateAccount(db, requireActor(request), request.params.id, request.body);
        // Traits, tier, segment and stage feed measures and choose the scorecard: rescore the account.
        await recomputeAfterChange(database, [account.id], (error) =>
          request.log.error({ err: error }, 'health recompute failed'),
        );
        return account;
      },
    );

    app.delete(
      '/accounts/:id',
      {
        config: { permission: 'accounts.delete' },
        schema: {
          tags: ['accounts'],
          summary: 'Delete an account and everything recorded on it',
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deleteAccount(db, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
