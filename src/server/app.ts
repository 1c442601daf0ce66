import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance, LogController } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { installAuthentication } from './auth/authenticate';
import type { Config } from './config';
import type { Database } from './db/database';
import { account360TabRoutes } from './features/account-timeline/account-360-tabs.routes';
import { accountRoutes } from './features/accounts/account.routes';
import { activityRoutes } from './features/activities/activity.routes';
import { authRoutes } from './features/auth/auth.routes';
import { contactRoutes } from './features/contacts/contact.routes';
import { healthRoutes } from './features/health/health.routes';
import { homeRoutes } from './features/home/home.routes';
import { importRoutes } from './features/imports/import.routes';
import { metricsRoutes } from './features/metrics/metrics.routes';
import { searchRoutes } from './features/search/search.routes';
import { healthScoringRoutes } from './features/health-scoring/health-scoring.routes';
import { tokenRoutes } from './features/tokens/token.routes';
import { trackingAdminRoutes } from './features/tracking/tracking-admin.routes';
import { trackingRoutes } from './features/tracking/tracking.routes';
import { createTrackedEventWriter } from './features/tracking/tracked-event-writer';
import { startUsageFolder, type UsageFolder } from './features/tracking/usage-folder';
import { createHealthRecomputeQueue } from './features/health-scoring/health-recompute-queue';
import type { WebhookDispatcherOptions } from './features/webhooks/webhook-dispatcher';
import { webhookRoutes } from './features/webhooks/webhook.routes';
import { journeyRoutes } from './features/journey/journey.routes';
import { segmentRoutes } from './features/segments/segment.routes';
import { tierRoutes } from './features/segments/tier.routes';
import { capacityRoutes } from './features/team/capacity.routes';
import { teamRoutes } from './features/team/team.routes';
import { userRoutes } from './features/users/user.routes';
import { savedViewRoutes } from './features/views/saved-view.routes';
import { workspaceRoutes } from './features/workspace/workspace.routes';
import { IMPORT_FILE_LIMIT, JSON_BODY_LIMIT } from './http/limits';
import { ProblemError, type ProblemItem } from './http/problem';

/** What every feature's routes receive: the database and the configuration, passed explicitly. */
export interface AppContext {
  database: Database;
  config: Pick<Config, 'secureCookies'>;
}

export type App = FastifyInstance;

declare module 'fastify' {
  interface FastifyInstance {
    /** Folds tracked events into the daily usage off the request path; `flush()` waits for it (tests, benches). */
    usageFolder: UsageFolder;
  }
}

/**
 * Builds the Fastify app: security, validation, OpenAPI, every feature's routes and the web app.
 * Used by `main.ts` and by the integration tests (which listen on 127.0.0.1 and call it over HTTP).
 */
export async function buildApp(
  context: AppContext,
  options: {
    logLevel?: string;
    webRoot?: string;
    /** Requests per second per write key on the tracking endpoints (default 1,000); tests lower it. */
    trackingRequestsPerSecond?: number;
    /** Webhook dispatch timing (retry backoff, poll interval); tests shorten it. */
    webhooks?: WebhookDispatcherOptions;
  } = {},
): Promise<FastifyInstance> {
  const logRequests = options.logLevel === 'debug' || options.logLevel === 'trace';
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    bodyLimit: JSON_BODY_LIMIT,
    logController: new LogController({ disableRequestLogging: !logRequests }),
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(presentError);

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false, hook: 'preHandler' });
  await app.register(fastifyMultipart, { limits: { fileSize: IMPORT_FILE_LIMIT, files: 1, fields: 20 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Cycle API',
        version: '1',
        description:
          'REST API of Cycle. Authenticate with the session cookie from /api/v1/auth/login or an API token ' +
          '(`Authorization: Bearer <token>`). Errors are application/problem+json (RFC 9457).',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  installAuthentication(app, context.database.db);

  await app.register(healthRoutes(context));
  await app.register(authRoutes(context), { prefix: '/api/v1' });
  await app.register(workspaceRoutes(context), { prefix: '/api/v1' });
  await app.register(userRoutes(context), { prefix: '/api/v1' });
  await app.register(tokenRoutes(context), { prefix: '/api/v1' });
  await app.register(accountRoutes(context), { prefix: '/api/v1' });
  await app.register(contactRoutes(context), { prefix: '/api/v1' });
  await app.register(activityRoutes(context), { prefix: '/api/v1' });
  await app.register(importRoutes(context), { prefix: '/api/v1' });
  await app.register(metricsRoutes(context), { prefix: '/api/v1' });
  await app.register(healthScoringRoutes(context), { prefix: '/api/v1' });
  await app.register(savedViewRoutes(context), { prefix: '/api/v1' });
  await app.register(account360TabRoutes(context), { prefix: '/api/v1' });
  await app.register(homeRoutes(context), { prefix: '/api/v1' });
  await app.register(searchRoutes(context), { prefix: '/api/v1' });
  await app.register(trackingAdminRoutes(context), { prefix: '/api/v1' });
  await app.register(webhookRoutes(context, options.webhooks), { prefix: '/api/v1' });
  await app.register(journeyRoutes(context), { prefix: '/api/v1' });
  await app.register(segmentRoutes(context), { prefix: '/api/v1' });
  await app.register(tierRoutes(context), { prefix: '/api/v1' });
  await app.register(teamRoutes(context), { prefix: '/api/v1' });
  await app.register(capacityRoutes(context), { prefix: '/api/v1' });
  const healthQueue = createHealthRecomputeQueue(context.database, (error) =>
    app.log.error({ err: error }, 'health recompute after events failed'),
  );
  const usageFolder = startUsageFolder(context.database, {
    onFolded: (accountIds) => healthQueue.add(accountIds),
    log: (error) => app.log.error({ err: error }, 'folding tracked events into the daily usage failed'),
  });
  app.decorate('usageFolder', usageFolder);
  const eventWriter = createTrackedEventWriter(context.database);
  app.addHook('onClose', async () => {
    await eventWriter.drain();
    await usageFolder.stop();
    await healthQueue.stop();
  });
  await app.register(
    trackingRoutes(context, {
      requestsPerSecond: options.trackingRequestsPerSecond,
      usageFolder,
      healthQueue,
      eventWriter,
    }),
  );

  await registerWebApp(app, options.webRoot);
  return app;
}

/** Serves the built SPA with an index.html fallback for client-side routes; /api misses get a 404 problem. */
async function registerWebApp(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const hasWeb = webRoot !== undefined && fs.existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    const isPage =
      request.method === 'GET' && !url.startsWith('/api/') && !url.startsWith('/v1/') && !path.extname(url);
    if (hasWeb && isPage) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(reply, new ProblemError(404, 'Not found', `No route ${request.method} ${url}.`));
  });
}

function sendProblem(reply: import('fastify').FastifyReply, problem: ProblemError) {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({
      type: 'about:blank',
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      ...(problem.errors.length > 0 ? { errors: problem.errors } : {}),
    });
}

function presentError(
  error: FastifyError,
  request: import('fastify').FastifyRequest,
  reply: import('fastify').FastifyReply,
) {
  if (error instanceof ProblemError) return sendProblem(reply, error);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const errors: ProblemItem[] = error.validation.map((issue) => {
      const pathText = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
      return { field: pathText ? `${where}.${pathText}` : where, message: describeIssue(issue) };
    });
    const summary = errors.map((item) => `${item.field}: ${item.message}`).join('; ');
    return sendProblem(
      reply,
      new ProblemError(400, 'Invalid request', `The request ${where} is invalid: ${summary}`, errors),
    );
  }
  const status = error.statusCode ?? 500;
  if (status === 413) {
    return sendProblem(
      reply,
      new ProblemError(413, 'Too large', `${error.message}. The limit is ${describeLimit(request)}.`),
    );
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return sendProblem(
      reply,
      new ProblemError(415, 'Unsupported media type', `${error.message}. Send application/json.`),
    );
  }
  if (status === 429) {
    return sendProblem(reply, new ProblemError(429, 'Too many requests', `${error.message}`));
  }
  if (status >= 400 && status < 500) {
    return sendProblem(reply, new ProblemError(status, 'Invalid request', error.message));
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(
    reply,
    new ProblemError(500, 'Internal error', 'Something went wrong on the server; it has been logged.'),
  );
}

function describeIssue(issue: {
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}): string {
  if (issue.keyword === 'unrecognized_keys') {
    const keys = (issue.params.keys as string[] | undefined) ?? [];
    return `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((key) => `"${key}"`).join(', ')}; remove ${keys.length > 1 ? 'them' : 'it'}`;
  }
  return issue.message ?? issue.keyword;
}

function describeLimit(request: import('fastify').FastifyRequest): string {
  const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
  return request.url.startsWith('/api/v1/imports')
    ? megabytes(IMPORT_FILE_LIMIT)
    : megabytes(JSON_BODY_LIMIT);
}
