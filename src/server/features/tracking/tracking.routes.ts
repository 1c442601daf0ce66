import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app';
import { badRequest, ProblemError } from '../../http/problem';
import type { HealthRecomputeQueue } from '../health-scoring/health-recompute-queue';
import type { TrackedEventWriter } from './tracked-event-writer';
import { ingestTrackingMessages } from './tracking-ingest.service';
import { BATCH_LIMIT_BYTES, parseTrackingBody, type TrackingType } from './tracking-messages';
import type { UsageFolder } from './usage-folder';
import { findActiveWriteKey, touchWriteKey } from './write-key.service';

/** Bodies up to this size are read (and then refused with a 400 above BATCH_LIMIT_BYTES); beyond it, 413. */
const READ_LIMIT_BYTES = 8 * 1024 * 1024;
/** Requests per second one write key may send before getting 429 with Retry-After. */
export const DEFAULT_TRACKING_REQUESTS_PER_SECOND = 1_000;

const endpoints: { path: string; type: TrackingType | 'batch' }[] = [
  { path: '/v1/batch', type: 'batch' },
  { path: '/v1/import', type: 'batch' },
  { path: '/v1/track', type: 'track' },
  { path: '/v1/identify', type: 'identify' },
  { path: '/v1/group', type: 'group' },
  { path: '/v1/page', type: 'page' },
  { path: '/v1/screen', type: 'screen' },
  { path: '/v1/alias', type: 'alias' },
];

/** The write key from HTTP Basic auth (`writeKey:` as the user name), if present. */
function basicAuthKey(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const key = decoded.split(':')[0] ?? '';
  return key === '' ? null : key;
}

/**
 * Segment-compatible tracking endpoints (Segment's HTTP tracking API): unmodified Segment SDKs can
 * point their host at Cycle. Answers 200 `{ success: true }` only after the messages are committed.
 * Folding the events into the daily usage, and rescoring the touched accounts, run right after,
 * off the request (the usage folder pokes the health queue).
 */
export function trackingRoutes(
  context: AppContext,
  options: {
    requestsPerSecond?: number;
    usageFolder: UsageFolder;
    healthQueue: HealthRecomputeQueue;
    eventWriter: TrackedEventWriter;
  },
): FastifyPluginAsync {
  const { usageFolder, healthQueue, eventWriter } = options;
  return async (app) => {
    // The raw text, so sizes are checked exactly and malformed JSON gets a precise 400.
    app.removeContentTypeParser(['application/json', 'text/plain']);
    app.addContentTypeParser(
      ['application/json', 'text/plain'],
      { parseAs: 'string', bodyLimit: READ_LIMIT_BYTES },
      (_request, body, done) => {
        const size = Buffer.byteLength(body as string);
        if (size > BATCH_LIMIT_BYTES) {
          done(
            badRequest(
              `The request body is ${Math.ceil(size / 1024)} KB; a request may be at most 500 KB. Send smaller batches.`,
              [{ field: 'body', message: 'larger than 500 KB' }],
            ),
          );
          return;
        }
        done(null, body);
      },
    );

    for (const endpoint of endpoints) {
      app.post(
        endpoint.path,
        {
          config: {
            public: true,
            rateLimit: {
              max: options.requestsPerSecond ?? DEFAULT_TRACKING_REQUESTS_PER_SECOND,
              timeWindow: 1000,
              keyGenerator: (request) => `tracking|${basicAuthKey(request) ?? request.ip}`,
              errorResponseBuilder: (_request, limit) => ({
                statusCode: 429,
                message: `This write key sent more than ${limit.max} requests in a second; retry after ${Math.ceil(limit.ttl / 1000)} s (Retry-After), or send bigger batches`,
              }),
            },
          },
          schema: { hide: true },
        },
        async (request, reply) => {
          const receivedAt = new Date();
          if (typeof request.body !== 'string') {
            throw badRequest('Send the messages as a JSON object with Content-Type: application/json.', [
              { field: 'body', message: 'missing' },
            ]);
          }
          const parsed = parseTrackingBody(request.body, endpoint.type, receivedAt);
          const key = basicAuthKey(request) ?? parsed.writeKey;
          if (key === null) {
            throw new ProblemError(
              401,
              'No write key',
              'Send the write key as the HTTP Basic user name ("<writeKey>:") or as "writeKey" in the body.',
            );
          }
          const writeKey = await findActiveWriteKey(context.database.db, key);
          if (writeKey === null) {
            throw new ProblemError(
              401,
              'Unknown write key',
              'This write key is unknown or revoked. Create one in Settings → Tracking or with `cycle write-keys create <source>`.',
            );
          }
          const result = await ingestTrackingMessages(context.database, eventWriter, {
            source: writeKey.source,
            messages: parsed.messages,
            receivedAt,
          });
          if (result.stored > 0) usageFolder.poke();
          await touchWriteKey(context.database.db, writeKey.id);
          healthQueue.add(result.accountIds);
          return reply.code(200).send({
            success: true,
            stored: result.stored,
            duplicates: result.duplicates,
            unmatched: result.unmatched,
          });
        },
      );
    }
  };
}
