import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  churnReasonsSchema,
  cohortsSchema,
  csCostListSchema,
  csCostSchema,
  metricsBreakdownQuerySchema,
  metricsBreakdownSchema,
  metricsOverviewSchema,
  metricsRangeQuerySchema,
  movementAccountsQuerySchema,
  movementAccountsSchema,
} from '../../../shared/api/metrics.contract';
import type { AppContext } from '../../app';
import { getChurnReasons } from './churn-reasons.service';
import { getCohorts } from './cohorts.service';
import { getCsCosts, setCsCost } from './cs-costs.service';
import { getMetricsBreakdown, getMetricsOverview, rebuildMetrics } from './metrics-overview.service';
import { getMovementAccounts } from './movement-accounts.service';

const monthParams = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM'),
});
const csCostItemSchema = csCostListSchema.shape.items.element;
/** Not in the shared contract: what POST /metrics/rebuild answers. */
const rebuildResultSchema = z.object({ rows: z.number().int(), seconds: z.number(), throughMonth: z.string() });

/** Sends a failed read-triggered rebuild to the request's log (the response carries a stale-facts warning). */
const logTo = (request: FastifyRequest) => ({ logError: (error: unknown, message: string) => request.log.error({ err: error }, message) });

/** GET /metrics/…: revenue and retention figures (docs/metrics.md); PUT cs-costs and POST rebuild for managers. */
export function metricsRoutes({ database }: AppContext): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    const read = { config: { permission: 'metrics.read' as const } };
    const tags = ['metrics'];

    app.get(
      '/metrics/overview',
      { ...read, schema: { tags, summary: 'Monthly MRR series, period summary, warnings and benchmarks', querystring: metricsRangeQuerySchema, response: { 200: metricsOverviewSchema } } },
      async (request) => getMetricsOverview(db, request.query, logTo(request)),
    );

    app.get(
      '/metrics/breakdown',
      { ...read, schema: { tags, summary: 'The period summary per group of a dimension', querystring: metricsBreakdownQuerySchema, response: { 200: metricsBreakdownSchema } } },
      async (request) => getMetricsBreakdown(db, request.query, logTo(request)),
    );

    app.get(
      '/metrics/churn-reasons',
      { ...read, schema: { tags, summary: 'Churned MRR by churn reason in the period', querystring: metricsRangeQuerySchema, response: { 200: churnReasonsSchema } } },
      async (request) => getChurnReasons(db, request.query, logTo(request)),
    );

    app.get(
      '/metrics/cohorts',
      { ...read, schema: { tags, summary: 'Retention of the cohorts that started in the period', querystring: metricsRangeQuerySchema, response: { 200: cohortsSchema } } },
      async (request) => getCohorts(db, request.query, logTo(request)),
    );

    app.get(
      '/metrics/movements/accounts',
      { ...read, schema: { tags, summary: 'The accounts behind a movement figure', querystring: movementAccountsQuerySchema, response: { 200: movementAccountsSchema } } },
      async (request) => getMovementAccounts(db, request.query, logTo(request)),
    );

    app.get(
      '/metrics/cs-costs',
      { ...read, schema: { tags, summary: 'The CS cost entered for each month (for CRC)', querystring: z.strictObject({}), response: { 200: csCostListSchema } } },
      async () => getCsCosts(db),
    );

    app.put(
      '/metrics/cs-costs/:month',
      {
        config: { permission: 'metrics.manage' },
        schema: { tags, summary: "Set a month's CS cost", params: monthParams, body: csCostSchema, response: { 200: csCostItemSchema } },
      },
      async (request) => setCsCost(db, request.params.month, request.body),
    );

    app.post(
      '/metrics/rebuild',
      {
        config: { permission: 'metrics.manage' },
        schema: { tags, summary: 'Recompute the monthly MRR facts and totals from the subscriptions', response: { 200: rebuildResultSchema } },
      },
      async () => rebuildMetrics(db),
    );
  };
}
