import type { Database } from '../../db/database';
import { badRequest, notFound } from '../../http/problem';
import type { UnmatchedTracking } from '../../../shared/api/tracking.contract';
import { attributeWaitingEvents } from './tracking-identity';

/** Up to this many groups and users are listed, those with the most waiting events first. */
const LIST_LIMIT = 200;

/**
 * What tracking could not attribute yet: groups that match no account (with their users and waiting
 * events) and users in no known group who have waiting events. Nothing here was dropped; mapping a
 * group or a user to an account attributes the waiting events.
 */
export async function listUnmatchedTracking(database: Database): Promise<UnmatchedTracking> {
  const [groups, users, total] = await Promise.all([
    database.pool.query(
      `SELECT g.source, g.group_id, g.traits, g.last_seen_at,
              (SELECT count(*) FROM tracked_users u WHERE u.source = g.source AND u.group_id = g.group_id)::int AS users,
              (SELECT count(*) FROM usage_events e JOIN tracked_users u ON u.source = e.source AND u.user_key = e.user_key
               WHERE e.account_id IS NULL AND u.source = g.source AND u.group_id = g.group_id)::int AS waiting
       FROM tracked_groups g WHERE g.account_id IS NULL
       ORDER BY waiting DESC, g.last_seen_at DESC LIMIT ${LIST_LIMIT}`,
    ),
    database.pool.query(
      `SELECT u.source, u.user_key, u.user_id, u.anonymous_id, u.group_id, u.traits, u.last_seen_at, w.waiting
       FROM (SELECT source, user_key, count(*)::int AS waiting FROM usage_events WHERE account_id IS NULL GROUP BY source, user_key) w
       JOIN tracked_users u ON u.source = w.source AND u.user_key = w.user_key
       WHERE u.group_id IS NULL OR NOT EXISTS (SELECT 1 FROM tracked_groups g WHERE g.source = u.source AND g.group_id = u.group_id AND g.account_id IS NULL)
       ORDER BY w.waiting DESC, u.last_seen_at DESC LIMIT ${LIST_LIMIT}`,
    ),
    database.pool.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM usage_events WHERE account_id IS NULL',
    ),
  ]);
  return {
    groups: groups.rows.map((row) => ({
      source: row.source,
      groupId: row.group_id,
      traits: row.traits,
      users: row.users,
      waitingEvents: row.waiting,
      lastSeenAt: row.last_seen_at.toISOString(),
    })),
    users: users.rows.map((row) => ({
      source: row.source,
      userKey: row.user_key,
      userId: row.user_id,
      anonymousId: row.anonymous_id,
      groupId: row.group_id,
      traits: row.traits,
      waitingEvents: row.waiting,
      lastSeenAt: row.last_seen_at.toISOString(),
    })),
    waitingEvents: total.rows[0]!.count,
  };
}

async function requireAccount(
  client: { query: Database['pool']['query'] },
  accountId: string,
): Promise<void> {
  const found = await client.query('SELECT 1 FROM accounts WHERE id = $1', [accountId]);
  if (found.rowCount === 0) {
    throw badRequest(`body.accountId: no account with id ${accountId}. Pick an existing account.`, [
      { field: 'body.accountId', message: 'no such account' },
    ]);
  }
}

/**
 * Maps a group to an account: from now on its users' events are the account's, and every waiting
 * event of its users is attributed and counted, in one transaction.
 */
export async function mapGroupToAccount(
  database: Database,
  input: { source: string; groupId: string; accountId: string },
): Promise<{ accountId: string; attributedEvents: number }> {
  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    await requireAccount(client, input.accountId);
    const group = await client.query(
      'UPDATE tracked_groups SET account_id = $3 WHERE source = $1 AND group_id = $2 RETURNING traits',
      [input.source, input.groupId, input.accountId],
    );
    if (group.rowCount === 0) throw notFound(`tracked group in source "${input.source}"`, input.groupId);
    await client.query('UPDATE accounts SET traits = traits || $2::jsonb, updated_at = now() WHERE id = $1', [
      input.accountId,
      JSON.stringify(group.rows[0].traits),
    ]);
    const users = await client.query<{ user_key: string }>(
      'UPDATE tracked_users SET account_id = $3 WHERE source = $1 AND group_id = $2 RETURNING user_key',
      [input.source, input.groupId, input.accountId],
    );
    const attributedEvents = await attributeWaitingEvents(
      client,
      input.source,
      users.rows.map((row) => row.user_key),
      input.accountId,
    );
    await client.query('COMMIT');
    return { accountId: input.accountId, attributedEvents };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Maps one tracked user (in no known group) to an account and attributes their waiting events. */
export async function mapUserToAccount(
  database: Database,
  input: { source: string; userKey: string; accountId: string },
): Promise<{ accountId: string; attributedEvents: number }> {
  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    await requireAccount(client, input.accountId);
    const user = await client.query(
      'UPDATE tracked_users SET account_id = $3 WHERE source = $1 AND user_key = $2',
      [input.source, input.userKey, input.accountId],
    );
    if (user.rowCount === 0) throw notFound(`tracked user in source "${input.source}"`, input.userKey);
    const attributedEvents = await attributeWaitingEvents(
      client,
      input.source,
      [input.userKey],
      input.accountId,
    );
    await client.query('COMMIT');
    return { accountId: input.accountId, attributedEvents };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
