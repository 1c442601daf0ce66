import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  capacityOverviewSchema,
  capacitySettingsResponseSchema,
  capacitySettingsSchema,
  hiringNeedSchema,
  hiringRequestSchema,
  rebalanceApplyResultSchema,
  rebalanceApplySchema,
  rebalancePreviewRequestSchema,
  rebalancePreviewSchema,
} from '../../../shared/api/capacity.contract';
import type { AppContext } from '../../app';
import { applyRebalance } from './capacity-rebalance.service';
import {
  getCapacityOverview,
  getCapacitySettings,
  planHiring,
  previewRebalance,
  saveCapacitySettings,
} from './capacity.service';

/** CSM capacity planning: books of business, settings, rebalancing (preview, then apply) and hiring need. */
export function capacityRoutes({ database }: AppContext): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/capacity',
      {
        config: { permission: 'capacity.read' },
        schema: {
          tags: ['capacity'],
          summary:
            "Each CSM's book: accounts, ARR, workload, capacity, utilisation and load flag; team totals",
          response: { 200: capacityOverviewSchema },
        },
      },
      async () => getCapacityOverview(db),
    );

    app.get(
      '/capacity/settings',
      {
        config: { permission: 'capacity.read' },
        schema: {
          tags: ['capacity'],
          summary: 'Touch-model weights, CSM capacity, ARR targets and thresholds, with public benchmarks',
          response: { 200: capacitySettingsResponseSchema },
        },
      },
      async () => getCapacitySettings(db),
    );

    app.put(
      '/capacity/settings',
      {
        config: { permission: 'capacity.manage' },
        schema: {
          tags: ['capacity'],
          summary: 'Save the capacity settings (all fields)',
          body: capacitySettingsSchema,
          response: { 200: capacitySettingsResponseSchema },
        },
      },
      async (request) => saveCapacitySettings(db, request.body),
    );

    app.post(
      '/capacity/rebalance/preview',
      {
        config: { permission: 'capacity.read' },
        schema: {
          tags: ['capacity'],
          summary: 'Propose moves that bring overloaded CSMs within capacity (nothing moves)',
          body: rebalancePreviewRequestSchema,
          response: { 200: rebalancePreviewSchema },
        },
      },
      async () => previewRebalance(db),
    );

    app.post(
      '/capacity/rebalance/apply',
      {
        config: { permission: 'capacity.manage' },
        schema: {
          tags: ['capacity'],
          summary: "Apply a preview's moves with its basis; 409 if the books changed since",
          body: rebalanceApplySchema,
          response: { 200: rebalanceApplyResultSchema },
        },
      },
      async (request) => applyRebalance(db, request.body),
    );

    app.post(
      '/capacity/hiring',
      {
        config: { permission: 'capacity.read' },
        schema: {
          tags: ['capacity'],
          summary:
            'CSMs needed per touch model for the new customers expected next quarter, and when to hire',
          body: hiringRequestSchema,
          response: { 200: hiringNeedSchema },
        },
      },
      async (request) => planHiring(db, request.body),
    );
  };
}
