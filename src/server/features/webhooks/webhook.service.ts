import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database';
import { badRequest, notFound } from '../../http/problem';
import type { webhookEventTypes, webhookFormats } from '../../../shared/api/enums';
import type { Webhook, WebhookDelivery } from '../../../shared/api/webhooks.contract';

type EventType = (typeof webhookEventTypes)[number];
type Format = (typeof webhookFormats)[number];

const SELECT_WEBHOOKS = `
  SELECT s.id, s.url, s.description, s.events, s.format, s.active, s.created_at,
         count(d.id) FILTER (WHERE d.status = 'succeeded')::int AS succeeded,
         count(d.id) FILTER (WHERE d.status = 'pending')::int AS pending,
         count(d.id) FILTER (WHERE d.status = 'failed')::int AS failed
  FROM webhook_subscriptions s
  LEFT JOIN webhook_deliveries d ON d.subscription_id = s.id AND d.created_at > now() - interval '7 days'`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row of SELECT_WEBHOOKS
function presentWebhook(row: any): Webhook {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    format: row.format,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    recent: { succeeded: row.succeeded, pending: row.pending, failed: row.failed },
  };
}

export async function listWebhooks(database: Database): Promise<Webhook[]> {
  const result = await database.pool.query(`${SELECT_WEBHOOKS} GROUP BY s.id ORDER BY s.created_at`);
  return result.rows.map(presentWebhook);
}

async function getWebhook(database: Database, id: string): Promise<Webhook> {
  const result = await database.pool.query(`${SELECT_WEBHOOKS} WHERE s.id = $1 GROUP BY s.id`, [id]);
  if (result.rows.length === 0) throw notFound('webhook', id);
  return presentWebhook(result.rows[0]);
}

/** Creates a subscription with a new random secret, returned once here (and on request by an admin). */
export async function createWebhook(
  database: Database,
  input: {
    url: string;
    events: EventType[];
    format: Format;
    description?: string | null;
    createdBy: string | null;
  },
): Promise<Webhook & { secret: string }> {
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const created = await database.pool.query<{ id: string }>(
    `INSERT INTO webhook_subscriptions (url, events, format, description, secret, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [input.url, [...new Set(input.events)], input.format, input.description ?? null, secret, input.createdBy],
  );
  return { ...(await getWebhook(database, created.rows[0]!.id)), secret };
}

export async function updateWebhook(
  database: Database,
  id: string,
  input: {
    url?: string;
    events?: EventType[];
    format?: Format;
    description?: string | null;
    active?: boolean;
  },
): Promise<Webhook> {
  const updated = await database.pool.query(
    `UPDATE webhook_subscriptions SET
       url = coalesce($2, url), events = coalesce($3, events), format = coalesce($4, format),
       description = CASE WHEN $5 THEN $6 ELSE description END, active = coalesce($7, active), updated_at = now()
     WHERE id = $1`,
    [
      id,
      input.url ?? null,
      input.events ? [...new Set(input.events)] : null,
      input.format ?? null,
      input.description !== undefined,
      input.description ?? null,
      input.active ?? null,
    ],
  );
  if (updated.rowCount === 0) throw notFound('webhook', id);
  return getWebhook(database, id);
}

/** Deletes a subscription and its delivery log; pending deliveries are not sent. */
export async function deleteWebhook(database: Database, id: string): Promise<void> {
  const deleted = await database.pool.query('DELETE FROM webhook_subscriptions WHERE id = $1', [id]);
  if (deleted.rowCount === 0) throw notFound('webhook', id);
}

export async function revealWebhookSecret(database: Database, id: string): Promise<string> {
  const result = await database.pool.query<{ secret: string }>(
    'SELECT secret FROM webhook_subscriptions WHERE id = $1',
    [id],
  );
  if (result.rows.length === 0) throw notFound('webhook', id);
  return result.rows[0]!.secret;
}

/** Queues a `webhook.test` event for this subscription only (sent even when it is paused). */
export async function sendTestEvent(database: Database, id: string): Promise<WebhookDelivery> {
  const created = await database.pool.query<{ id: number }>(
    `INSERT INTO webhook_deliveries (subscription_id, event_type, data)
     SELECT id, 'webhook.test', jsonb_build_object('message', 'A test event from Cycle.') FROM webhook_subscriptions WHERE id = $1
     RETURNING id`,
    [id],
  );
  if (created.rows.length === 0) throw notFound('webhook', id);
  return (await listDeliveries(database, id, { limit: 1, onlyId: created.rows[0]!.id })).items[0]!;
}

/** The delivery log of a subscription, newest first. */
/**
 * A page of a webhook's deliveries, newest first, optionally of one status; `before` (a delivery id
 * of this webhook) starts the page after that delivery. `nextBefore` continues with older ones.
 */
export async function listDeliveries(
  database: Database,
  subscriptionId: string,
  query: { status?: WebhookDelivery['status']; limit: number; before?: number; onlyId?: number },
): Promise<{ items: WebhookDelivery[]; nextBefore: number | null }> {
  await getWebhook(database, subscriptionId);
  if (query.before !== undefined) {
    const cursor = await database.pool.query(
      'SELECT 1 FROM webhook_deliveries WHERE id = $1 AND subscription_id = $2',
      [query.before, subscriptionId],
    );
    if (cursor.rows.length === 0) {
      throw badRequest(
        `No delivery ${query.before} of this webhook: pass the nextBefore of the previous page, or leave before out for the newest.`,
        [{ field: 'querystring.before', message: 'not a delivery of this webhook' }],
      );
    }
  }
  // One row more than asked says whether an older page exists.
  const result = await database.pool.query(
    `SELECT id, event_id, event_type, status, attempts, last_status_code, last_error, created_at, last_attempt_at,
            next_attempt_at, delivered_at, data
     FROM webhook_deliveries
     WHERE subscription_id = $1 AND ($2::text IS NULL OR status = $2) AND ($4::bigint IS NULL OR id = $4)
       AND ($5::bigint IS NULL OR (created_at, id) < (SELECT created_at, id FROM webhook_deliveries WHERE id = $5))
     ORDER BY created_at DESC, id DESC LIMIT $3 + 1`,
    [subscriptionId, query.status ?? null, query.limit, query.onlyId ?? null, query.before ?? null],
  );
  const rows = result.rows.slice(0, query.limit);
  const items = rows.map((row) => ({
    id: Number(row.id),
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    data: row.data,
  }));
  return { items, nextBefore: result.rows.length > query.limit ? items[items.length - 1]!.id : null };
}

/** Sends a failed (or waiting) delivery again now. */
export async function retryDelivery(
  database: Database,
  subscriptionId: string,
  deliveryId: number,
): Promise<void> {
  const updated = await database.pool.query(
    `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = now() WHERE id = $1 AND subscription_id = $2 AND status <> 'succeeded'`,
    [deliveryId, subscriptionId],
  );
  if (updated.rowCount === 0)
    throw notFound('failed or pending delivery of this webhook', String(deliveryId));
}
