import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app';
import { requireActor } from '../../auth/authenticate';
import {
  createWebhookBodySchema,
  updateWebhookBodySchema,
  webhookDeliveriesPageSchema,
  webhookDeliveriesQuerySchema,
  webhookDeliverySchema,
  webhookSchema,
} from '../../../shared/api/webhooks.contract';
import { startWebhookDispatcher, type WebhookDispatcherOptions } from './webhook-dispatcher';
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  retryDelivery,
  revealWebhookSecret,
  sendTestEvent,
  updateWebhook,
} from './webhook.service';

const idParams = z.object({ id: z.uuid() });

/**
 * Outbound webhooks (Settings → Webhooks): subscriptions, their delivery log, test events and
 * retries; and the dispatcher that sends the outbox, running for as long as the app does.
 */
export function webhookRoutes(
  { database }: AppContext,
  options: WebhookDispatcherOptions = {},
): FastifyPluginAsyncZod {
  return async (app) => {
    const dispatcher = startWebhookDispatcher(
      database,
      (error, message) => app.log.error({ err: error }, message),
      options,
    );
    app.addHook('onClose', async () => dispatcher.stop());
    const tags = ['webhooks'];
    const manage = { permission: 'webhooks.manage' as const };

    app.get(
      '/webhooks',
      {
        config: manage,
        schema: {
          tags,
          summary: 'List webhooks with their last 7 days of deliveries',
          response: { 200: z.object({ items: z.array(webhookSchema) }) },
        },
      },
      async () => ({ items: await listWebhooks(database) }),
    );

    app.post(
      '/webhooks',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Subscribe a URL to events; the signing secret is in this response',
          body: createWebhookBodySchema,
          response: { 201: webhookSchema.extend({ secret: z.string() }) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await createWebhook(database, { ...request.body, createdBy: requireActor(request).userId })),
    );

    app.patch(
      '/webhooks/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Change a webhook (URL, events, format, description, paused or active)',
          params: idParams,
          body: updateWebhookBodySchema,
          response: { 200: webhookSchema },
        },
      },
      async (request) => updateWebhook(database, request.params.id, request.body),
    );

    app.delete(
      '/webhooks/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Delete a webhook and its delivery log',
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deleteWebhook(database, request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/webhooks/:id/secret',
      {
        config: manage,
        schema: {
          tags,
          summary: "The webhook's signing secret",
          params: idParams,
          response: { 200: z.object({ secret: z.string() }) },
        },
      },
      async (request) => ({ secret: await revealWebhookSecret(database, request.params.id) }),
    );

    app.get(
      '/webhooks/:id/deliveries',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Delivery log: status, attempts, response code, newest first, a page at a time',
          params: idParams,
          querystring: webhookDeliveriesQuerySchema,
          response: { 200: webhookDeliveriesPageSchema },
        },
      },
      async (request) => listDeliveries(database, request.params.id, request.query),
    );

    app.post(
      '/webhooks/:id/test',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Send a webhook.test event now',
          params: idParams,
          response: { 202: webhookDeliverySchema },
        },
      },
      async (request, reply) => {
        const delivery = await sendTestEvent(database, request.params.id);
        dispatcher.wake();
        return reply.code(202).send(delivery);
      },
    );

    app.post(
      '/webhooks/:id/deliveries/:deliveryId/retry',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Send a failed or waiting delivery again now',
          params: z.object({ id: z.uuid(), deliveryId: z.coerce.number().int().min(1) }),
          response: { 202: z.null() },
        },
      },
      async (request, reply) => {
        await retryDelivery(database, request.params.id, request.params.deliveryId);
        dispatcher.wake();
        return reply.code(202).send(null);
      },
    );
  };
}
