import type { Database } from '../../db/database';
import { recomputeHealth } from './health-recompute.service';

/** How long account ids gather before a recompute runs: many events on one account cost one rescore. */
const GATHER_MS = 100;
/**
 * Under a steady stream the gathering lasts twice the last recompute (up to a second), so rescoring
 * takes at most about a third of the time and ingestion keeps the rest; an event still reaches its
 * score within about a second.
 */
const MAX_GATHER_MS = 1_000;

export interface HealthRecomputeQueue {
  /** Queues accounts whose inputs changed; they are rescored within about GATHER_MS plus one recompute. */
  add(accountIds: Iterable<string>): void;
  /** Stops after the running recompute; queued ids are dropped (the daily run rescores them anyway). */
  stop(): Promise<void>;
}

/**
 * Rescoring for high-rate inputs (tracked product events): ids are gathered for a moment and rescored
 * together, one recompute at a time, so a burst of events never queues thousands of recomputes and
 * the answer to the sender never waits for scoring. A failure is logged; the next change retries.
 */
export function createHealthRecomputeQueue(
  database: Database,
  log: (error: unknown) => void,
): HealthRecomputeQueue {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  let lastMs = 0;

  const schedule = () => {
    if (timer !== null || running !== null || stopped || pending.size === 0) return;
    timer = setTimeout(() => {
      timer = null;
      const accountIds = [...pending];
      pending = new Set();
      const started = performance.now();
      running = recomputeHealth(database, { accountIds, trigger: 'event' })
        .then(() => undefined)
        .catch(log)
        .finally(() => {
          lastMs = performance.now() - started;
          running = null;
          schedule();
        });
    }, Math.min(MAX_GATHER_MS, Math.max(GATHER_MS, 2 * lastMs)));
  };

  return {
    add(accountIds) {
      if (stopped) return;
      for (const id of accountIds) pending.add(id);
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending.clear();
      await running;
    },
  };
}
