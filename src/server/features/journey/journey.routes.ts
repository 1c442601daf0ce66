import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountStageChangeSchema,
  accountStagesSchema,
  boardAccountsQuerySchema,
  boardAccountsSchema,
  journeyBoardQuerySchema,
  journeyBoardSchema,
  stageCreateSchema,
  stageListSchema,
  stageOrderSchema,
  stageSchema,
  stageUpdateSchema,
} from '../../../shared/api/journey.contract';
import type { AppContext } from '../../app';
import { requireActor } from '../../auth/authenticate';
import { recomputeAfterChange } from '../health-scoring/health-recompute.service';
import { refreshJourney } from '../segments/journey-refresh';
import { changeAccountStage, getAccountStages } from './account-stage.service';
import { getBoardAccounts, getJourneyBoard } from './journey-board.service';
import { createStage, deleteStage, getStage, listStages, reorderStages, updateStage } from './stage.service';

const stageParams = z.object({ id: z.uuid({ message: 'must be a stage id (a UUID)' }) });
const boardStageParams = z.object({ stageId: z.uuid({ message: 'must be a stage id (a UUID)' }) });
const accountParams = z.object({ id: z.uuid({ message: 'must be an account id (a UUID)' }) });

/** Lifecycle stages (the journey map), the journey board, and each account's stage and stage history. */
export function journeyRoutes({ database }: AppContext): FastifyPluginAsyncZod {
  const { db } = database;
  /**
   * After a change to entry rules or their order, re-applies the journey so the answer shows the
   * accounts in their stages. The save has committed; a failure here is logged, and the server's
   * periodic refresh tries again.
   */
  const refreshAfterSave = async (log: (error: unknown) => void) => {
    try {
      await refreshJourney(database);
    } catch (error) {
      log(error);
    }
  };
  return async (app) => {
    app.get(
      '/stages',
      {
        config: { permission: 'journey.read' },
        schema: {
          tags: ['journey'],
          summary: 'The lifecycle stages of the journey map, in order',
          response: { 200: stageListSchema },
        },
      },
      async () => listStages(db),
    );

    app.post(
      '/stages',
      {
        config: { permission: 'journey.manage' },
        schema: {
          tags: ['journey'],
          summary: 'Add a lifecycle stage at the end of the journey',
          body: stageCreateSchema,
          response: { 201: stageSchema },
        },
      },
      async (request, reply) => {
        const stage = await createStage(db, request.body);
        if (!request.body.entryRule) return reply.code(201).send(stage);
        await refreshAfterSave((error) => request.log.error({ err: error }, 'journey refresh failed'));
        return reply.code(201).send(await getStage(db, stage.id));
      },
    );

    app.put(
      '/stages/order',
      {
        config: { permission: 'journey.manage' },
        schema: {
          tags: ['journey'],
          summary: 'Put the stages in a new order (every stage id once)',
          body: stageOrderSchema,
          response: { 200: stageListSchema },
        },
      },
      async (request) => {
        await reorderStages(db, request.body);
        // Entry rules are tried from the last stage to the first: a new order can move accounts.
        await refreshAfterSave((error) => request.log.error({ err: error }, 'journey refresh failed'));
        return listStages(db);
      },
    );

    app.get(
      '/stages/:id',
      {
        config: { permission: 'journey.read' },
        schema: {
          tags: ['journey'],
          summary: 'One lifecycle stage',
          params: stageParams,
          response: { 200: stageSchema },
        },
      },
      async (request) => getStage(db, request.params.id),
    );

    app.put(
      '/stages/:id',
      {
        config: { permission: 'journey.manage' },
        schema: {
          tags: ['journey'],
          summary: 'Change a stage; renaming moves its accounts and their history along',
          params: stageParams,
          body: stageUpdateSchema,
          response: { 200: stageSchema },
        },
      },
      async (request) => {
        const stage = await updateStage(db, request.params.id, request.body);
        if (request.body.entryRule === undefined) return stage;
        await refreshAfterSave((error) => request.log.error({ err: error }, 'journey refresh failed'));
        return getStage(db, stage.id);
      },
    );

    app.delete(
      '/stages/:id',
      {
        config: { permission: 'journey.manage' },
        schema: {
          tags: ['journey'],
          summary: 'Delete a stage no account is in (409 otherwise)',
          params: stageParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deleteStage(db, request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/journey/board',
      {
        config: { permission: 'journey.read' },
        schema: {
          tags: ['journey'],
          summary:
            "The journey board: per stage, accounts, ARR, overdue count, median days in stage and the values of the stage's metrics",
          querystring: journeyBoardQuerySchema,
          response: { 200: journeyBoardSchema },
        },
      },
      async (request) => getJourneyBoard(db, { metrics: request.query.metrics === 'include' }),
    );

    app.get(
      '/journey/board/:stageId/accounts',
      {
        config: { permission: 'journey.read' },
        schema: {
          tags: ['journey'],
          summary: "A board column's accounts: owner, ARR, health band, time in stage, next touchpoint",
          params: boardStageParams,
          querystring: boardAccountsQuerySchema,
          response: { 200: boardAccountsSchema },
        },
      },
      async (request) => getBoardAccounts(db, request.params.stageId, request.query),
    );

    app.get(
      '/accounts/:id/stages',
      {
        config: { permission: 'accounts.read' },
        schema: {
          tags: ['journey'],
          summary: "An account's current stage and time in stage, and every stage it has been in",
          params: accountParams,
          response: { 200: accountStagesSchema },
        },
      },
      async (request) => getAccountStages(db, request.params.id),
    );

    app.put(
      '/accounts/:id/stage',
      {
        config: { permission: 'accounts.write' },
        schema: {
          tags: ['journey'],
          summary:
            'Move an account to a stage by hand (history records you); CSMs only for their own accounts',
          params: accountParams,
          body: accountStageChangeSchema,
          response: { 200: accountStagesSchema },
        },
      },
      async (request) => {
        const { stages, changed } = await changeAccountStage(
          db,
          requireActor(request),
          request.params.id,
          request.body,
        );
        // The stage can choose the account's scorecard: rescore it.
        if (changed) {
          await recomputeAfterChange(database, [request.params.id], (error) =>
            request.log.error({ err: error }, 'health recompute failed'),
          );
        }
        return stages;
      },
    );
  };
}
