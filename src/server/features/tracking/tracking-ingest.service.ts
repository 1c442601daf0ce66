import type { Database } from '../../db/database';
import { applyAlias, applyGroup, applyIdentify } from './tracking-identity';
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
 * Stores one request's messages in one transaction, so a 2xx means everything is committed and an
 * error means nothing is: identify, group and alias calls first, in order (so a batch that groups a
 * user and then tracks them attributes the events), then every event in one statement that skips
 * messageIds already stored. The daily usage is not touched here: the usage folder
 * (usage-folder.ts) counts the events of finished transactions right after, exactly once, so
 * concurrent batches never wait on each other's account-day rows.
 * Rows are written in message-id order, so concurrent requests that share messageIds (a client
 * re-sending while its first attempt is still running) wait on each other instead of deadlocking.
 */
export async function ingestTrackingMessages(
  database: Database,
  input: { source: string; writeKeyId: string; messages: TrackingMessage[]; receivedAt: Date },
): Promise<IngestResult> {
  // Concurrent batches touching the same users, groups or account-days can deadlock; the loser's
  // transaction rolled back whole, so running it again is safe (and what a client retry would do).
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await ingestOnce(database, input);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= RETRIES || (code !== '40P01' && code !== '40001')) throw error;
    }
  }
}

/** Attempts of a request's transaction before a deadlock is reported as an error. */
const RETRIES = 3;

async function ingestOnce(
  database: Database,
  input: { source: string; writeKeyId: string; messages: TrackingMessage[]; receivedAt: Date },
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
    const events = messages.filter(
      (message) => message.type === 'track' || message.type === 'page' || message.type === 'screen',
    );
    let stored = 0;
    let unmatched = 0;
    if (events.length > 0) {
      const result = await client.query<{ stored: number; unmatched: number }>(
        `WITH incoming AS (
           SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::jsonb[], $10::jsonb[])
             AS i(message_id, type, user_key, user_id, anonymous_id, event, occurred_at, properties, context)
         ),
         users AS (
           INSERT INTO tracked_users (source, user_key, user_id, anonymous_id)
           SELECT DISTINCT ON (user_key) $1, user_key, user_id, anonymous_id FROM incoming ORDER BY user_key
           ON CONFLICT (source, user_key) DO NOTHING
           RETURNING user_key
         ),
         landed AS (
           INSERT INTO usage_events (source, message_id, account_id, contact_id, user_id, anonymous_id, user_key, type, event, occurred_at, received_at, properties, context)
           SELECT $1, i.message_id, u.account_id, u.contact_id, i.user_id, i.anonymous_id, i.user_key, i.type, i.event, i.occurred_at, $11, i.properties, i.context
           FROM incoming i LEFT JOIN tracked_users u ON u.source = $1 AND u.user_key = i.user_key
           ORDER BY i.message_id
           ON CONFLICT (source, message_id) DO NOTHING
           RETURNING account_id
         )
         SELECT (SELECT count(*) FROM landed)::int AS stored,
                (SELECT count(*) FROM landed WHERE account_id IS NULL)::int AS unmatched`,
        [
          source,
          events.map((event) => event.messageId),
          events.map((event) => event.type),
          events.map((event) => event.userKey),
          events.map((event) => event.userId),
          events.map((event) => event.anonymousId),
          events.map((event) => event.event),
          events.map((event) => event.timestamp.toISOString()),
          events.map((event) => JSON.stringify(event.properties)),
          events.map((event) => JSON.stringify(event.context)),
          input.receivedAt.toISOString(),
        ],
      );
      const row = result.rows[0]!;
      stored = row.stored;
      unmatched = row.unmatched;
    }
    await client.query(
      `UPDATE write_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [input.writeKeyId],
    );
    await client.query('COMMIT');
    return { stored, duplicates: events.length - stored, unmatched, accountIds: [...changed] };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
