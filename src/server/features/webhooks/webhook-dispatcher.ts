import type { Database } from '../../db/database';
import { webhookBody } from './webhook-payload';
import { SIGNATURE_HEADER, signWebhookBody } from './webhook-signature';

export interface WebhookDispatcherOptions {
  /** Delay before the first retry; each next one doubles (default 30 s: 30 s, 1 min, 2 min … ~1 h). */
  retryBaseMs?: number;
  /** Attempts before a delivery is marked failed (default 8). */
  maxAttempts?: number;
  /** How often due deliveries are looked for (default 1 s). */
  pollMs?: number;
  /** A receiver that has not answered in this long counts as failed (default 10 s). */
  timeoutMs?: number;
}

export interface WebhookDispatcher {
  /** Looks for due deliveries now (after a change that wrote some), instead of at the next poll. */
  wake(): void;
  stop(): Promise<void>;
}

type DueDelivery = {
  id: number;
  event_id: string;
  event_type: string;
  data: Record<string, unknown>;
  created_at: Date;
  attempts: number;
  url: string;
  format: 'json' | 'slack';
  secret: string;
};

/** A batch of due deliveries is leased for this long: if the process dies mid-send, they are retried after it. */
const LEASE_SECONDS = 60;
const BATCH = 20;

/**
 * Sends webhook deliveries from the outbox table: leases due ones (FOR UPDATE SKIP LOCKED, so several
 * server processes can share the work), POSTs each signed body, and records the answer. A 2xx marks
 * it succeeded; anything else (or no answer) is retried with exponential backoff until maxAttempts,
 * then marked failed. Delivery is at least once: receivers dedupe on the event id.
 */
export function startWebhookDispatcher(
  database: Database,
  log: (error: unknown, message: string) => void,
  options: WebhookDispatcherOptions = {},
): WebhookDispatcher {
  const retryBaseMs = options.retryBaseMs ?? 30_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const timeoutMs = options.timeoutMs ?? 10_000;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  const lease = async (): Promise<DueDelivery[]> => {
    const result = await database.pool.query<DueDelivery>(
      `WITH due AS (
         SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= now()
         ORDER BY next_attempt_at, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
       )
       UPDATE webhook_deliveries d SET next_attempt_at = now() + interval '${LEASE_SECONDS} seconds', attempts = d.attempts + 1,
              last_attempt_at = now()
       FROM due, webhook_subscriptions s
       WHERE d.id = due.id AND s.id = d.subscription_id
       RETURNING d.id, d.event_id, d.event_type, d.data, d.created_at, d.attempts, s.url, s.format, s.secret`,
    );
    return result.rows;
  };

  const send = async (delivery: DueDelivery): Promise<void> => {
    const body = webhookBody(
      {
        eventId: delivery.event_id,
        eventType: delivery.event_type,
        createdAt: delivery.created_at,
        data: delivery.data,
      },
      delivery.format,
    );
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Cycle-Webhooks/1',
          'cycle-event': delivery.event_type,
          'cycle-event-id': delivery.event_id,
          'cycle-delivery': String(delivery.id),
          [SIGNATURE_HEADER]: signWebhookBody(delivery.secret, Math.floor(Date.now() / 1000), body),
        },
        body,
      });
      statusCode = response.status;
      await response.body?.cancel();
      if (statusCode < 200 || statusCode >= 300) error = `answered ${statusCode}`;
    } catch (caught) {
      error =
        caught instanceof Error
          ? caught.name === 'TimeoutError'
            ? `no answer within ${timeoutMs / 1000} s`
            : caught.message
          : String(caught);
    }
    if (error === null) {
      await database.pool.query(
        `UPDATE webhook_deliveries SET status = 'succeeded', last_status_code = $2, last_error = NULL, delivered_at = now() WHERE id = $1`,
        [delivery.id, statusCode],
      );
      return;
    }
    const exhausted = delivery.attempts >= maxAttempts;
    const delayMs = retryBaseMs * 2 ** (delivery.attempts - 1);
    await database.pool.query(
      `UPDATE webhook_deliveries SET status = $2, last_status_code = $3, last_error = $4,
              next_attempt_at = now() + make_interval(secs => $5::float8 / 1000)
       WHERE id = $1`,
      [delivery.id, exhausted ? 'failed' : 'pending', statusCode, error.slice(0, 500), delayMs],
    );
  };

  const run = async () => {
    do {
      again = false;
      for (;;) {
        if (stopped) return;
        const due = await lease();
        if (due.length === 0) break;
        await Promise.all(due.map((delivery) => send(delivery)));
      }
    } while (again && !stopped);
  };

  const tick = () => {
    if (stopped) return;
    if (running !== null) {
      again = true;
      return;
    }
    running = run()
      .catch((error) => log(error, 'webhook dispatch failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.pollMs ?? 1_000);
  timer.unref();

  return {
    wake: tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
