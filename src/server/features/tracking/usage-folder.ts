import type { Database } from '../../db/database';
import { usageFoldCtes } from './usage-fold.sql';

/**
 * Folds every tracked event stored by a transaction that finished since the last fold into the
 * daily usage (usage_daily, usage_daily_users), exactly once, in one transaction:
 * 1. `upTo` = the oldest transaction still running (pg_snapshot_xmin): every transaction below it
 *    has committed or rolled back, so no event with a smaller fold_txid can appear any more;
 * 2. the fold state row is locked, and the events with horizon ≤ fold_txid < upTo whose account
 *    exists are folded;
 * 3. the horizon moves to upTo.
 * Events without an account are skipped; attributing them later folds them (attributeWaitingEvents).
 * A crash before the commit leaves the horizon where it was, so the next fold takes them again.
 * Returns how many events were folded and the accounts whose usage changed.
 */
export async function foldTrackedUsage(
  database: Database,
): Promise<{ events: number; accountIds: string[] }> {
  const client = await database.pool.connect();
  try {
    // Taken before this transaction has an id of its own, so it does not hold itself back.
    const snapshot = await client.query<{ up_to: string }>(
      'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS up_to',
    );
    const upTo = snapshot.rows[0]!.up_to;
    await client.query('BEGIN');
    const state = await client.query<{ horizon: string }>(
      'SELECT horizon::text FROM usage_fold_state WHERE id = 1 FOR UPDATE',
    );
    const horizon = state.rows[0]!.horizon;
    if (BigInt(horizon) >= BigInt(upTo)) {
      await client.query('COMMIT');
      return { events: 0, accountIds: [] };
    }
    // The accounts stay until this commits (a delete waits); one deleted before is not folded into.
    await client.query(
      `SELECT a.id FROM accounts a
       WHERE a.id IN (SELECT DISTINCT e.account_id FROM usage_events e WHERE e.fold_txid >= $1::bigint AND e.fold_txid < $2::bigint)
       FOR KEY SHARE OF a`,
      [horizon, upTo],
    );
    const folded = await client.query<{ events: number; accounts: string[] }>(
      `WITH landed AS (
         SELECT e.source, e.account_id, e.user_key, e.type, e.event, e.occurred_at
         FROM usage_events e JOIN accounts a ON a.id = e.account_id
         WHERE e.fold_txid >= $1::bigint AND e.fold_txid < $2::bigint
       ),${usageFoldCtes()}
       SELECT (SELECT count(*) FROM landed)::int AS events,
              array(SELECT DISTINCT account_id FROM landed)::text[] AS accounts`,
      [horizon, upTo],
    );
    await client.query('UPDATE usage_fold_state SET horizon = $1::bigint, folded_at = now() WHERE id = 1', [
      upTo,
    ]);
    await client.query('COMMIT');
    const row = folded.rows[0]!;
    return { events: row.events, accountIds: row.accounts };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** How long pokes gather before a fold runs, at least. */
const GATHER_MS = 50;
/**
 * Under a steady stream the gathering lasts this many times the last fold (up to MAX_GATHER_MS), so
 * folding takes at most about a ninth of a core and each fold counts more events per account-day.
 */
const GATHER_PER_FOLD = 8;
const MAX_GATHER_MS = 1_000;

export interface UsageFolder {
  /** New events were committed: fold soon (runs at once, or right after the running fold). */
  poke(): void;
  /** Resolves once a fold that started after this call has finished: every event committed before the call is counted. */
  flush(): Promise<void>;
  /** Folds what is committed, then stops polling (a crash instead leaves it to the next start). */
  stop(): Promise<void>;
}

/**
 * Runs foldTrackedUsage off the request path: `gatherMs` after an ingest commits, and every
 * `pollMs` to pick up events another process stored or a crash left unfolded. One fold runs at a
 * time; pokes while one gathers or runs coalesce into one more fold. Accounts whose usage changed go to
 * `onFolded` (health rescoring); failures go to `log` and the next poke or poll retries.
 */
export function startUsageFolder(
  database: Database,
  options: {
    onFolded: (accountIds: string[]) => void;
    log: (error: unknown) => void;
    pollMs?: number;
    gatherMs?: number;
  },
): UsageFolder {
  let requested = 0;
  let completed = 0;
  let running: Promise<void> | null = null;
  let gathering: NodeJS.Timeout | null = null;
  let stopped = false;
  let lastFoldMs = 0;
  const gatherMs = () =>
    Math.min(MAX_GATHER_MS, Math.max(options.gatherMs ?? GATHER_MS, GATHER_PER_FOLD * lastFoldMs));
  const waiters: { generation: number; resolve: () => void }[] = [];

  const settle = () => {
    for (let index = waiters.length - 1; index >= 0; index -= 1) {
      const waiter = waiters[index]!;
      if (waiter.generation <= completed || stopped) {
        waiters.splice(index, 1);
        waiter.resolve();
      }
    }
  };

  /** Folds until everything requested so far is done; without a flush waiting, new work gathers first. */
  const loop = async () => {
    while (!stopped && completed < requested) {
      const generation = requested;
      const started = performance.now();
      try {
        const result = await foldTrackedUsage(database);
        lastFoldMs = performance.now() - started;
        if (result.accountIds.length > 0) options.onFolded(result.accountIds);
      } catch (error) {
        options.log(error);
      }
      completed = generation;
      settle();
      if (waiters.length === 0) break;
    }
  };

  const start = () => {
    if (gathering !== null) {
      clearTimeout(gathering);
      gathering = null;
    }
    if (running !== null || stopped) return;
    running = loop().finally(() => {
      running = null;
      if (stopped || completed >= requested) return;
      if (waiters.length > 0) start();
      else gathering = setTimeout(start, gatherMs());
    });
  };

  /** New work: fold after a short gathering, so a stream of small requests costs few folds. */
  const poke = () => {
    if (stopped) return;
    requested += 1;
    if (running !== null || gathering !== null) return;
    gathering = setTimeout(start, gatherMs());
  };

  const timer = setInterval(poke, options.pollMs ?? 1_000);
  timer.unref();

  return {
    poke,
    flush() {
      requested += 1;
      const generation = requested;
      start();
      return new Promise<void>((resolve) => {
        waiters.push({ generation, resolve });
        settle();
      });
    },
    /** Stops polling after one last fold, so a graceful shutdown leaves nothing committed unfolded. */
    async stop() {
      clearInterval(timer);
      if (gathering !== null) clearTimeout(gathering);
      gathering = null;
      if (!stopped) await this.flush();
      stopped = true;
      await running;
      settle();
    },
  };
}
