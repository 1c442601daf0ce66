import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountHealthSchema,
  backtestRequestSchema,
  backtestResultSchema,
  calibrationResultSchema,
  healthSummaryQuerySchema,
  healthSummarySchema,
  previewRequestSchema,
  previewSchema,
  recomputeResultSchema,
  scorecardCreateSchema,
  scorecardListSchema,
  scorecardSchema,
  scorecardUpdateSchema,
  sentimentCreateSchema,
  snapshotListSchema,
} from '../../../shared/api/health.contract';
import type { AppContext } from '../../app';
import { requireActor } from '../../auth/authenticate';
import { getAccountHealth, listSnapshots, setSentiment } from './account-health.service';
import { backtestScorecard, calibrateScorecard } from './backtest.service';
import { recomputeHealth } from './health-recompute.service';
import { getHealthSummary, previewScorecard } from './health-summary.service';
import {
  archiveScorecard,
  createScorecard,
  getScorecard,
  listScorecards,
  updateScorecard,
} from './scorecard.service';

const accountParams = z.object({ id: z.uuid({ message: 'must be an account id (a UUID)' }) });
const scorecardParams = z.object({ id: z.uuid({ message: 'must be a scorecard id (a UUID)' }) });
const savedSchema = z.object({ scorecard: scorecardSchema, recompute: recomputeResultSchema });

/** Health scoring: scorecards, scores with explanations, portfolio distribution, backtest and calibration (docs/health.md). */
export function healthScoringRoutes({ database }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const read = { config: { permission: 'health.read' as const } };
    const manage = { config: { permission: 'health.manage' as const } };
    const tags = ['health'];

    app.get(
      '/health/scorecards',
      {
        ...read,
        schema: {
          tags,
          summary: 'Scorecards in assignment order (the default last)',
          response: { 200: scorecardListSchema },
        },
      },
      async () => listScorecards(database),
    );

    app.post(
      '/health/scorecards',
      {
        ...manage,
        schema: {
          tags,
          summary: 'Create a scorecard (the first one is the default); scores are recomputed',
          body: scorecardCreateSchema,
          response: { 201: savedSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createScorecard(database, requireActor(request), request.body)),
    );

    app.get(
      '/health/scorecards/:id',
      {
        ...read,
        schema: {
          tags,
          summary: 'One scorecard with its current definition and versions',
          params: scorecardParams,
          response: { 200: scorecardSchema },
        },
      },
      async (request) => getScorecard(database, request.params.id),
    );

    app.put(
      '/health/scorecards/:id',
      {
        ...manage,
        schema: {
          tags,
          summary:
            'Edit a scorecard: a new definition becomes a new version (old snapshots keep theirs); scores are recomputed',
          params: scorecardParams,
          body: scorecardUpdateSchema,
          response: { 200: savedSchema },
        },
      },
      async (request) => updateScorecard(database, requireActor(request), request.params.id, request.body),
    );

    app.delete(
      '/health/scorecards/:id',
      {
        ...manage,
        schema: {
          tags,
          summary: 'Retire a scorecard other than the default (its history stays)',
          params: scorecardParams,
          response: { 200: recomputeResultSchema },
        },
      },
      async (request) => archiveScorecard(database, request.params.id),
    );

    app.post(
      '/health/scorecards/preview',
      {
        ...read,
        schema: {
          tags,
          summary: 'Score current accounts with a draft definition, without saving',
          body: previewRequestSchema,
          response: { 200: previewSchema },
        },
      },
      async (request) => previewScorecard(database, request.body),
    );

    app.post(
      '/health/recompute',
      {
        ...manage,
        schema: {
          tags,
          summary: 'Rescore every account now',
          body: z.strictObject({}).optional(),
          response: { 200: recomputeResultSchema },
        },
      },
      async () => recomputeHealth(database, { trigger: 'recompute' }),
    );

    app.get(
      '/health/summary',
      {
        ...read,
        schema: {
          tags,
          summary: 'Portfolio health: accounts per band and bucket, per owner, lowest scores',
          querystring: healthSummaryQuerySchema,
          response: { 200: healthSummarySchema },
        },
      },
      async (request) => getHealthSummary(database, request.query),
    );

    app.post(
      '/health/backtest',
      {
        ...read,
        schema: {
          tags,
          summary: 'How well the score separated churners: AUC, ROC, churn by band, decile lift',
          body: backtestRequestSchema,
          response: { 200: backtestResultSchema },
        },
      },
      async (request) => backtestScorecard(database, request.body),
    );

    app.post(
      '/health/calibrate',
      {
        ...manage,
        schema: {
          tags,
          summary:
            'Fit breakpoints and weights to churn; backtest held-out accounts before and after (nothing saved)',
          body: backtestRequestSchema,
          response: { 200: calibrationResultSchema },
        },
      },
      async (request) => calibrateScorecard(database, request.body),
    );

    app.get(
      '/accounts/:id/health',
      {
        ...read,
        schema: {
          tags,
          summary: "An account's health: score, band, trend, explanation, what moved",
          params: accountParams,
          response: { 200: accountHealthSchema },
        },
      },
      async (request) => getAccountHealth(database, request.params.id),
    );

    app.get(
      '/accounts/:id/health/snapshots',
      {
        ...read,
        schema: {
          tags,
          summary: "An account's health snapshots, newest first",
          params: accountParams,
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
          response: { 200: snapshotListSchema },
        },
      },
      async (request) => listSnapshots(database, request.params.id, request.query.limit),
    );

    app.post(
      '/accounts/:id/health/sentiment',
      {
        config: { permission: 'accounts.write' },
        schema: {
          tags,
          summary: "Record the CSM's sentiment (with a note and an expiry); the account is rescored",
          params: accountParams,
          body: sentimentCreateSchema,
          response: { 201: accountHealthSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await setSentiment(database, requireActor(request), request.params.id, request.body)),
    );
  };
}
