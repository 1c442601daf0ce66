import type { PoolClient } from 'pg';
import { copyText } from '../../db/copy-text';
import type { Database } from '../../db/database';
import { pipelinedCopy } from '../../db/pipelined-copy';
import { ByKey } from './by-key';
import type { TrackingMessage } from './tracking-messages';

/** What one request's events came to: stored now, and how many of those have no account yet. */
export interface WrittenEvents {
  stored: number;
  unmatched: number;
}

export interface TrackedEventWriter {
  /**
   * Stores a request's events (track, page, screen) idempotently by messageId; resolves once they
   * are committed, rejects when none of them were.
   */
  write(source: string, events: TrackingMessage[], receivedAt: Date): Promise<WrittenEvents>;
  /** Resolves once every write submitted so far has finished. */
  drain(): Promise<void>;
}

interface PendingWrite {
  source: string;
  events: TrackingMessage[];
  receivedAt: Date;
  resolve: (result: WrittenEvents) => void;
  reject: (error: unknown) => void;
}

/** Writes running at once (connections used); more requests wait and go together in the next one. */
const DEFAULT_CONCURRENT_WRITES = 2;
/** A write takes waiting requests up to this many events (at least one request, whatever its size). */
const DEFAULT_EVENTS_PER_WRITE = 5_000;
/** Attempts of a write's transaction before the error is reported. */
const RETRIES = 4;
/**
 * Deadlock, serialization failure, unique violation (a messageId stored already, a replay, or
 * committed by a concurrent write, fails the COPY; run again, the write looks it up and skips it),
 * and IDENTITY_CHANGED (run again, the write reads its users).
 */
const RETRYABLE = new Set(['40P01', '40001', '23505', 'CY001']);
/** Raised by the guard before a COPY that took every user from the cache: the cache is behind (migration 0013). */
const IDENTITY_CHANGED = 'CY001';

const COPY_COLUMNS =
  'source, message_id, account_id, contact_id, user_id, anonymous_id, user_key, type, event, occurred_at, received_at, properties, context';

/**
 * Group commit for tracked events: concurrent requests' events are stored together, by COPY, in one
 * transaction per write. While `concurrentWrites` writes run, new requests wait and the next write
 * takes all of them, so a stream of small batches costs PostgreSQL few statements and commits, and
 * each request is answered only after the commit that holds its events.
 *
 * A write takes every user's account and contact from its in-memory copy, or reads those it lacks,
 * then COPYs its events, each messageId once (first occurrence wins); users seen for the first time
 * are registered in the same transaction. A write that read nothing sends its COPY in one round trip
 * (pipelined-copy.ts) behind a guard that skips it when some user's account or contact changed since
 * the copy's version (CY001, migration 0013); the retry reads every user afresh. The unique
 * index on (source, message_id) refuses a messageId stored already: the COPY fails whole, and the
 * retry also reads which messageIds are stored and leaves those out. Replays are rare, so most writes
 * skip that lookup. Two writes that share a messageId (a client re-sending while its first attempt
 * runs) wait on each other; the loser, or one of two deadlocked, runs again and finds it stored. When
 * a write of several requests fails for a reason other than a race, each request is written on its
 * own (looking stored messageIds up first), so one request PostgreSQL refuses fails alone.
 */
export function createTrackedEventWriter(
  database: Database,
  options: { concurrentWrites?: number; eventsPerWrite?: number } = {},
): TrackedEventWriter {
  const concurrentWrites = options.concurrentWrites ?? DEFAULT_CONCURRENT_WRITES;
  const eventsPerWrite = options.eventsPerWrite ?? DEFAULT_EVENTS_PER_WRITE;
  const waiting: PendingWrite[] = [];
  const cache: IdentityCache = { version: -1, users: new ByKey() };
  let running = 0;
  let idle: (() => void)[] = [];

  const next = () => {
    while (running < concurrentWrites && waiting.length > 0) {
      const group: PendingWrite[] = [waiting.shift()!];
      let events = group[0]!.events.length;
      while (waiting.length > 0 && events + waiting[0]!.events.length <= eventsPerWrite) {
        const pending = waiting.shift()!;
        events += pending.events.length;
        group.push(pending);
      }
      running += 1;
      void writeGroup(database, group, cache).finally(() => {
        running -= 1;
        next();
        if (running === 0 && waiting.length === 0) {
          const resolvers = idle;
          idle = [];
          for (const resolve of resolvers) resolve();
        }
      });
    }
  };

  return {
    write(source, events, receivedAt) {
      if (events.length === 0) return Promise.resolve({ stored: 0, unmatched: 0 });
      return new Promise<WrittenEvents>((resolve, reject) => {
        waiting.push({ source, events, receivedAt, resolve, reject });
        next();
      });
    },
    drain() {
      if (running === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}

/** Writes a group, settling each of its requests; never rejects. */
async function writeGroup(database: Database, group: PendingWrite[], cache: IdentityCache): Promise<void> {
  try {
    // The first attempt trusts the unique index to catch a stored messageId; a retry looks them up.
    const results = await withRetries((attempt) => writeOnce(database, group, cache, attempt > 1));
    group.forEach((pending, index) => pending.resolve(results[index]!));
  } catch (error) {
    if (group.length === 1) {
      group[0]!.reject(error);
      return;
    }
    // Something in one request (a value PostgreSQL refuses) must not fail the others with it.
    for (const pending of group) {
      try {
        const [result] = await withRetries(() => writeOnce(database, [pending], cache, true));
        pending.resolve(result!);
      } catch (alone) {
        pending.reject(alone);
      }
    }
  }
}

async function withRetries<T>(run: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run(attempt);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= RETRIES || !RETRYABLE.has(code ?? '')) throw error;
    }
  }
}

interface KnownUser {
  account: string | null;
  contact: string | null;
}

/**
 * The writer's copy of users' accounts and contacts, valid for one identity version: triggers on
 * tracked_users bump `tracking_identity_version` in every transaction that changes an account or
 * contact of a user (migration 0011), and each write reads the version with its other lookups.
 */
interface IdentityCache {
  version: number;
  users: ByKey<KnownUser>;
}

/** Users kept in the cache at most; past that it starts afresh. */
const CACHED_USERS = 200_000;

const KNOWN_SQL = `SELECT CASE WHEN u.seen IS NULL THEN 'n' ELSE 'u' END, k.source, k.user_key, u.account_id::text, u.contact_id::text
  FROM unnest($1::text[], $2::text[]) AS k(source, user_key)
  LEFT JOIN LATERAL (
    SELECT true AS seen, t.account_id, t.contact_id FROM tracked_users t
    WHERE t.source = k.source AND t.user_key = k.user_key LIMIT 1
  ) u ON true
  UNION ALL
  SELECT 'm', m.source, m.message_id, NULL, NULL
  FROM unnest($3::text[], $4::text[]) AS m(source, message_id)
  WHERE (SELECT true FROM usage_events e WHERE e.source = m.source AND e.message_id = m.message_id LIMIT 1)
  UNION ALL
  SELECT 'v', '', version::text, NULL, NULL FROM tracking_identity_version`;

type WriteUser = { source: string; key: string; userId: string | null; anonymousId: string | null };

/**
 * The prepared read of a write (KNOWN_SQL): the given users' accounts and contacts (`unseen`: those
 * never seen), which of the messageIds are stored (`taken`), and the identity version, all from one
 * snapshot.
 */
async function readKnown(
  client: PoolClient,
  lookups: WriteUser[],
  messageSources: string[],
  messageIds: string[],
): Promise<{ accounts: ByKey<KnownUser>; unseen: WriteUser[]; taken: ByKey<true>; version: number }> {
  const known = await client.query<[string, string, string, string | null, string | null]>({
    name: 'tracked-events-known',
    rowMode: 'array',
    text: KNOWN_SQL,
    values: [lookups.map((user) => user.source), lookups.map((user) => user.key), messageSources, messageIds],
  });
  const looked = new ByKey<WriteUser>();
  for (const user of lookups) looked.set(user.source, user.key, user);
  const accounts = new ByKey<KnownUser>();
  const unseen: WriteUser[] = [];
  const taken = new ByKey<true>();
  let version = 0;
  for (const [kind, source, id, account, contact] of known.rows) {
    if (kind === 'u') accounts.set(source, id, { account, contact });
    else if (kind === 'n') unseen.push(looked.get(source, id)!);
    else if (kind === 'm') taken.set(source, id, true);
    else version = Number(id);
  }
  return { accounts, unseen, taken, version };
}

/**
 * One attempt at writing a group. With `lookUpStored` the prepared read also finds which messageIds
 * are stored already; without, a stored one fails the COPY with a unique violation (23505) and the
 * retry looks them up. Replays are rare, so most writes skip probing the index for every event.
 */
async function writeOnce(
  database: Database,
  group: PendingWrite[],
  cache: IdentityCache,
  lookUpStored: boolean,
): Promise<WrittenEvents[]> {
  // Each user once, in the order their first event came.
  const seen = new ByKey<true>();
  const userList: WriteUser[] = [];
  const messageSources: string[] = [];
  const messageIds: string[] = [];
  for (const pending of group) {
    for (const event of pending.events) {
      if (!seen.has(pending.source, event.userKey)) {
        const user = {
          source: pending.source,
          key: event.userKey,
          userId: event.userId,
          anonymousId: event.anonymousId,
        };
        seen.set(pending.source, event.userKey, true);
        userList.push(user);
      }
      if (lookUpStored) {
        messageSources.push(pending.source);
        messageIds.push(event.messageId);
      }
    }
  }

  const client = await database.pool.connect();
  let inTransaction = false;
  let expectedVersion: number | null = null;
  try {
    // Each user in the cache: no read; the COPY goes after a guard that fails (CY001) if a user's
    // account or contact changed since the cache's version. Otherwise one read: the identity version,
    // the account and contact of each user not in the cache, and (on a retry) each messageId stored.
    const fromCache: WriteUser[] = [];
    const lookups: WriteUser[] = [];
    for (const user of userList) (cache.users.has(user.source, user.key) ? fromCache : lookups).push(user);
    let accounts = new ByKey<KnownUser>();
    let unseen: WriteUser[] = [];
    let taken = new ByKey<true>();
    if (lookups.length === 0 && !lookUpStored && cache.version >= 0) {
      expectedVersion = cache.version;
    } else {
      const known = await readKnown(client, lookups, messageSources, messageIds);
      ({ accounts, unseen, taken } = known);
      const { version } = known;
      if (version > cache.version) {
        // Some user's account or contact changed since the cache was filled: start it afresh, and
        // read the users this write took from it.
        cache.users.clear();
        cache.version = version;
        if (fromCache.length > 0) {
          const reread = await readKnown(client, fromCache, [], []);
          reread.accounts.forEach((source, key, user) => accounts.set(source, key, user));
          unseen.push(...reread.unseen);
        }
      }
      // Only what this read saw at the cache's version is kept: a write that read an older version
      // (racing a newer one) uses what it read but does not store it.
      if (version === cache.version) {
        if (cache.users.size + accounts.size > CACHED_USERS) cache.users.clear();
        accounts.forEach((source, key, user) => cache.users.set(source, key, user));
      }
    }
    for (const user of fromCache) {
      const cached = cache.users.get(user.source, user.key);
      if (!accounts.has(user.source, user.key) && cached) accounts.set(user.source, user.key, cached);
    }
    // Users without an account yet (new ones included): their events wait for one. In the same
    // transaction as the COPY, register the new ones and share-lock and re-read them all. A group
    // call or mapping that gives one of them an account then either committed already (the
    // re-read sees its account) or waits for this commit and attributes these events itself.
    // Without this, such a call committing between the read above and the COPY left the events
    // waiting although their user had an account.
    const waitingUsers = userList.filter(
      (user) => (accounts.get(user.source, user.key)?.account ?? null) === null,
    );
    if (waitingUsers.length > 0) {
      await client.query('BEGIN');
      inTransaction = true;
      if (unseen.length > 0) {
        await client.query(
          `INSERT INTO tracked_users (source, user_key, user_id, anonymous_id)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ORDER BY 1, 2
           ON CONFLICT (source, user_key) DO NOTHING`,
          [
            unseen.map((user) => user.source),
            unseen.map((user) => user.key),
            unseen.map((user) => user.userId),
            unseen.map((user) => user.anonymousId),
          ],
        );
      }
      const locked = await client.query<[string, string, string | null, string | null]>({
        rowMode: 'array',
        text: `SELECT t.source, t.user_key, t.account_id::text, t.contact_id::text
               FROM tracked_users t
               JOIN unnest($1::text[], $2::text[]) AS k(source, user_key) ON t.source = k.source AND t.user_key = k.user_key
               ORDER BY t.source, t.user_key
               FOR SHARE OF t`,
        values: [waitingUsers.map((user) => user.source), waitingUsers.map((user) => user.key)],
      });
      for (const [source, key, account, contact] of locked.rows)
        accounts.set(source, key, { account, contact });
    }

    const results: WrittenEvents[] = [];
    const lines: string[] = [];
    for (const pending of group) {
      const receivedAt = pending.receivedAt.toISOString();
      let stored = 0;
      let unmatched = 0;
      for (const event of pending.events) {
        if (taken.has(pending.source, event.messageId)) continue;
        taken.set(pending.source, event.messageId, true);
        const user = accounts.get(pending.source, event.userKey);
        const account = user?.account ?? null;
        stored += 1;
        if (account === null) unmatched += 1;
        lines.push(copyLine(pending.source, event, account, user?.contact ?? null, receivedAt));
      }
      results.push({ stored, unmatched });
    }
    // With every user's account known the COPY commits on its own: one statement, atomic (with the
    // guard before it, one implicit transaction).
    if (lines.length > 0) {
      const guard =
        expectedVersion === null ? '' : `SELECT tracking_expect_identity_version(${expectedVersion}); `;
      await pipelinedCopy(
        client,
        `${guard}COPY usage_events (${COPY_COLUMNS}) FROM STDIN`,
        `${lines.join('\n')}\n`,
      );
    }
    if (inTransaction) await client.query('COMMIT');
    return results;
  } catch (error) {
    if (inTransaction) await client.query('ROLLBACK').catch(() => undefined);
    // The cache is behind: empty it, so the retry reads every user.
    if ((error as { code?: string }).code === IDENTITY_CHANGED && cache.version === expectedVersion) {
      cache.users.clear();
      cache.version = -1;
    }
    throw error;
  } finally {
    client.release();
  }
}

/** One event as a line of COPY text (tab-separated, escaped, `\N` for null). */
function copyLine(
  source: string,
  event: TrackingMessage,
  account: string | null,
  contact: string | null,
  receivedAt: string,
): string {
  return [
    copyText(source),
    copyText(event.messageId),
    copyText(account),
    copyText(contact),
    copyText(event.userId),
    copyText(event.anonymousId),
    copyText(event.userKey),
    event.type,
    copyText(event.event),
    event.timestamp.toISOString(),
    receivedAt,
    copyText(event.propertiesJson),
    copyText(event.contextJson),
  ].join('\t');
}
