import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountChildrenSchema,
  accountRevenueSchema,
  accountSupportSchema,
  accountUsageSchema,
  supportQuerySchema,
  usageQuerySchema,
} from '../../../shared/api/account-tabs.contract';
import { timelineQuerySchema, timelineResponseSchema } from '../../../shared/api/account-timeline.contract';
import type { AppContext } from '../../app';
import { getAccountChildren } from './account-children.service';
import { getAccountRevenue } from './account-revenue.service';
import { getAccountSupport } from './account-support.service';
import { getAccountUsage } from './account-usage.service';
import { getAccountTimeline } from './timeline.service';

const accountParams = z.object({ id: z.uuid({ message: 'must be an account id (a UUID)' }) });
const read = { config: { permission: 'accounts.read' as const } };
const tags = ['account 360'];

/** The reads behind the Account 360 tabs: timeline, revenue history, usage, support and child accounts. */
export function account360TabRoutes({ database }: AppContext): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/accounts/:id/timeline',
      {
        ...read,
        schema: {
          tags,
          summary:
            "An account's timeline: activities, tickets, survey answers, health changes and MRR movements, newest first",
          params: accountParams,
          querystring: timelineQuerySchema,
          response: { 200: timelineResponseSchema },
        },
      },
      async (request) => getAccountTimeline(db, request.params.id, request.query),
    );

    app.get(
      '/accounts/:id/revenue',
      {
        ...read,
        schema: {
          tags,
          summary: "An account's month-end MRR and movement per month, in the reporting currency",
          params: accountParams,
          querystring: z.strictObject({}),
          response: { 200: accountRevenueSchema },
        },
      },
      async (request) => getAccountRevenue(db, request.params.id),
    );

    app.get(
      '/accounts/:id/usage',
      {
        ...read,
        schema: {
          tags,
          summary: "An account's daily active users and events over a window, against its seats",
          params: accountParams,
          querystring: usageQuerySchema,
          response: { 200: accountUsageSchema },
        },
      },
      async (request) => getAccountUsage(db, request.params.id, request.query.days),
    );

    app.get(
      '/accounts/:id/support',
      {
        ...read,
        schema: {
          tags,
          summary: "An account's support KPIs and tickets, open ones first",
          params: accountParams,
          querystring: supportQuerySchema,
          response: { 200: accountSupportSchema },
        },
      },
      async (request) => getAccountSupport(db, request.params.id, request.query.page, request.query.pageSize),
    );

    app.get(
      '/accounts/:id/children',
      {
        ...read,
        schema: {
          tags,
          summary: "An account's child accounts with ARR and health, and the family's roll-up ARR",
          params: accountParams,
          querystring: z.strictObject({}),
          response: { 200: accountChildrenSchema },
        },
      },
      async (request) => getAccountChildren(db, request.params.id),
    );
  };
}
