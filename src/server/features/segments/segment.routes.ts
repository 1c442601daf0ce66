import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  segmentAccountsChangeResultSchema,
  segmentAccountsChangeSchema,
  segmentCreateSchema,
  segmentFieldListSchema,
  segmentFieldsQuerySchema,
  segmentHistoryPageSchema,
  segmentHistoryQuerySchema,
  segmentListSchema,
  segmentMemberPageSchema,
  segmentMembersQuerySchema,
  segmentPreviewRequestSchema,
  segmentPreviewSchema,
  segmentSchema,
  segmentUpdateSchema,
} from '../../../shared/api/segments.contract';
import type { AppContext } from '../../app';
import { requireActor } from '../../auth/authenticate';
import { scheduleJourneyRefresh } from './journey-refresh';
import { listRuleFields } from './segment-field-list';
import {
  changeStaticMembers,
  createSegment,
  deleteSegment,
  getSegment,
  listHistory,
  listMembers,
  listSegments,
  previewRule,
  updateSegment,
} from './segment.service';

const idParams = z.object({ id: z.uuid({ message: 'must be a segment id (a UUID)' }) });
const tags = ['segments'];

/**
 * Segments: dynamic (rule-based) and static lists of accounts, their members and enter/leave history,
 * the rule builder's field list and live preview. Also keeps the customer journey current while the
 * app runs: tiers, stage rules and segment members are refreshed at start and every 5 minutes.
 */
export function segmentRoutes({ database }: AppContext): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    const stopRefresh = scheduleJourneyRefresh(database, (error) =>
      app.log.error({ err: error }, 'journey refresh failed'),
    );
    app.addHook('onClose', async () => stopRefresh());

    app.get(
      '/segments/fields',
      {
        config: { permission: 'segments.read' },
        schema: {
          tags,
          summary: 'The fields a rule can test, with their types and operators (traits included)',
          querystring: segmentFieldsQuerySchema,
          response: { 200: segmentFieldListSchema },
        },
      },
      async (request) => ({ items: await listRuleFields(db, request.query.purpose) }),
    );

    app.post(
      '/segments/preview',
      {
        config: { permission: 'segments.read' },
        schema: {
          tags,
          summary: 'Count and sample the accounts a rule matches now, without saving it',
          body: segmentPreviewRequestSchema,
          response: { 200: segmentPreviewSchema },
        },
      },
      async (request) => previewRule(database, request.body.rule, request.body.purpose),
    );

    app.get(
      '/segments',
      {
        config: { permission: 'segments.read' },
        schema: { tags, summary: 'Every segment, with member counts', response: { 200: segmentListSchema } },
      },
      async () => ({ items: await listSegments(db) }),
    );

    app.post(
      '/segments',
      {
        config: { permission: 'segments.write' },
        schema: {
          tags,
          summary:
            'Create a dynamic segment (with a rule) or a static list; members are computed before the answer',
          body: segmentCreateSchema,
          response: { 201: segmentSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createSegment(database, requireActor(request), request.body)),
    );

    app.get(
      '/segments/:id',
      {
        config: { permission: 'segments.read' },
        schema: { tags, summary: 'One segment', params: idParams, response: { 200: segmentSchema } },
      },
      async (request) => getSegment(db, request.params.id),
    );

    app.put(
      '/segments/:id',
      {
        config: { permission: 'segments.write' },
        schema: {
          tags,
          summary:
            'Rename a segment, or change its description or rule (members are recomputed before the answer)',
          params: idParams,
          body: segmentUpdateSchema,
          response: { 200: segmentSchema },
        },
      },
      async (request) => updateSegment(database, request.params.id, request.body),
    );

    app.delete(
      '/segments/:id',
      {
        config: { permission: 'segments.write' },
        schema: {
          tags,
          summary: 'Delete a segment with its history',
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deleteSegment(db, request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/segments/:id/members',
      {
        config: { permission: 'segments.read' },
        schema: {
          tags,
          summary: "A segment's accounts, paged, by name or ARR",
          params: idParams,
          querystring: segmentMembersQuerySchema,
          response: { 200: segmentMemberPageSchema },
        },
      },
      async (request) => listMembers(db, request.params.id, request.query),
    );

    app.get(
      '/segments/:id/history',
      {
        config: { permission: 'segments.read' },
        schema: {
          tags,
          summary: 'Who entered and left a segment and when, newest first',
          params: idParams,
          querystring: segmentHistoryQuerySchema,
          response: { 200: segmentHistoryPageSchema },
        },
      },
      async (request) => listHistory(db, request.params.id, request.query),
    );

    app.post(
      '/segments/:id/accounts',
      {
        config: { permission: 'segments.write' },
        schema: {
          tags,
          summary: 'Add accounts to a static list',
          params: idParams,
          body: segmentAccountsChangeSchema,
          response: { 200: segmentAccountsChangeResultSchema },
        },
      },
      async (request) => changeStaticMembers(database, request.params.id, request.body.accountIds, 'add'),
    );

    app.delete(
      '/segments/:id/accounts',
      {
        config: { permission: 'segments.write' },
        schema: {
          tags,
          summary: 'Remove accounts from a static list',
          params: idParams,
          body: segmentAccountsChangeSchema,
          response: { 200: segmentAccountsChangeResultSchema },
        },
      },
      async (request) => changeStaticMembers(database, request.params.id, request.body.accountIds, 'remove'),
    );
  };
}
