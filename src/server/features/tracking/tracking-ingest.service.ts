import type { PoolClient } from 'pg';
import type { Database } from '../../db/database';
import { applyAlias, applyGroup, applyIdentify } from './tracking-identity';
import type { TrackedEventWriter } from './tracked-event-writer';
import type { TrackingMessage } from './tracking-messages';

export interface IngestResult {
  /** Events (track, page, screen) stored now. */
  stored: number;
  /** Events whose messageId this source had already stored: ignored, so replays change nothing. */
  duplicates: number;
  /** Events stored without an account yet (their user is in no known group): listed for an admin. */
  unmatched: number;
  /** Accounts whose traits or contacts changed: their health is rescored. */
  accountIds: string[];
}

/**
 * Stores one request's messages atomically, so a 2xx means everything is committed and an error means
 * nothing is. A request of events only (the common case) goes to the group-commit writer
 * (tracked-event-writer.ts), which stores it together with concurrent requests. Otherwise one
 * transaction applies the identify, group and alias calls first, in order (so a batch that groups a
 * user and then tracks them attributes the events), then inserts every event in one statement that
 * skips messageIds already stored. The daily usage is not touched here: the usage folder
 * (usage-folder.ts) counts the events of finished transactions right after, exactly once, so
 * concurrent batches never wait on each other's account-day rows.
 * Rows are written in message-id order, so concurrent requests that share messageIds (a client
 * re-sending while its first attempt is still running) wait on each other instead of deadlocking.
 */
export async function ingestTrackingMessages(
  database: Database,
  writer: TrackedEventWriter,
  input: { source: string; messages: TrackingMessage[]; receivedAt: Date },
): Promise<IngestResult> {
  if (input.messages.every(isEvent)) {
    const { stored, unmatched } = await writer.write(input.source, input.messages, input.receivedAt);
    return { stored, duplicates: input.messages.length - stored, unmatched, accountIds: [] };
  }
  // Concurrent batches touching the same users or groups can deadlock, or race on a messageId; the
  // loser's transaction rolled back whole, so running it again is safe (and what a client retry would do).
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await ingestOnce(database, input);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= RETRIES || !RETRYABLE.has(code ?? '')) throw error;
    }
  }
}

/** Attempts of a request's transaction before a deadlock is reported as an error. */
const RETRIES = 3;
/**
 * Deadlock, serialization failure, and unique violation: events are inserted without ON CONFLICT
 * (a speculative insert costs a quarter more per row), so a messageId that a concurrent request
 * committed after this one checked for it fails the statement; run again, it is skipped as stored.
 */
const RETRYABLE = new Set(['40P01', '40001', '23505']);

const isEvent = (message: TrackingMessage) =>
  message.type === 'track' || message.type === 'page' || message.type === 'screen';

async function ingestOnce(
  database: Database,
  input: { source: string; messages: TrackingMessage[]; receivedAt: Date },
): Promise<IngestResult> {
  const { source, messages } = input;
  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    const changed = new Set<string>();
    for (const message of messages) {
      const apply =
        message.type === 'identify'
          ? applyIdentify
          : message.type === 'group'
            ? applyGroup
            : message.type === 'alias'
              ? applyAlias
              : null;
      if (apply === null) continue;
      const accountId = await apply(client, source, message);
      if (accountId !== null) changed.add(accountId);
    }
    const events = messages.filter(isEvent);
    const { stored, unmatched } = await storeEvents(client, source, events, input.receivedAt);
    await client.query('COMMIT');
    return { stored, duplicates: events.length - stored, unmatched, accountIds: [...changed] };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Stores a request's events in one statement (atomic on its own): every messageId this source has
 * not stored yet, with the account and contact its user has now. Returns how many were stored and
 * how many of those have no account yet.
 */
async function storeEvents(
  queryable: Pick<PoolClient, 'query'>,
  source: string,
  events: TrackingMessage[],
  receivedAt: Date,
): Promise<{ stored: number; unmatched: number }> {
  if (events.length === 0) return { stored: 0, unmatched: 0 };
  const result = await queryable.query<{ stored: number; unmatched: number }>(
    `WITH incoming AS (
       SELECT * FROM json_to_recordset($2::json)
         AS i(message_id text, type text, user_key text, user_id text, anonymous_id text, event text,
              occurred_at timestamptz, properties jsonb, context jsonb)
     ),
     -- Index probes per message (LIMIT 1 keeps them probes: as joins, the planner reads every
     -- user or event of the source whenever it misjudges the sizes).
     users AS (
       INSERT INTO tracked_users (source, user_key, user_id, anonymous_id)
       SELECT DISTINCT ON (i.user_key) $1, i.user_key, i.user_id, i.anonymous_id
       FROM incoming i
       WHERE (SELECT true FROM tracked_users t WHERE t.source = $1 AND t.user_key = i.user_key LIMIT 1) IS NULL
       ORDER BY i.user_key
       ON CONFLICT (source, user_key) DO NOTHING
       RETURNING user_key
     ),
     landed AS (
       INSERT INTO usage_events (source, message_id, account_id, contact_id, user_id, anonymous_id, user_key, type, event, occurred_at, received_at, properties, context)
       SELECT DISTINCT ON (i.message_id) $1, i.message_id, u.account_id, u.contact_id, i.user_id, i.anonymous_id, i.user_key, i.type, i.event, i.occurred_at, $3, i.properties, i.context
       FROM incoming i
       LEFT JOIN LATERAL (
         SELECT t.account_id, t.contact_id FROM tracked_users t WHERE t.source = $1 AND t.user_key = i.user_key LIMIT 1
       ) u ON true
       WHERE (SELECT true FROM usage_events e WHERE e.source = $1 AND e.message_id = i.message_id LIMIT 1) IS NULL
       ORDER BY i.message_id
       RETURNING account_id
     )
     SELECT (SELECT count(*) FROM landed)::int AS stored,
            (SELECT count(*) FROM landed WHERE account_id IS NULL)::int AS unmatched`,
    // One JSON document (serialised natively) instead of ten array parameters.
    [
      source,
      JSON.stringify(
        events.map((event) => ({
          message_id: event.messageId,
          type: event.type,
          user_key: event.userKey,
          user_id: event.userId,
          anonymous_id: event.anonymousId,
          event: event.event,
          occurred_at: event.timestamp.toISOString(),
          properties: event.properties,
          context: event.context,
        })),
      ),
      receivedAt.toISOString(),
    ],
  );
  return result.rows[0]!;
}
