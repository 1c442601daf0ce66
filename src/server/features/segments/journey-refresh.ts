import { sql } from 'drizzle-orm';
import type { SegmentRule } from '../../../domain/segments';
import type { Database } from '../../db/database';
import { ensureMrrToday } from '../accounts/mrr-today';
import type { Queryable } from './segment-fields';
import { refreshSegments, type SegmentRefreshResult, utcToday } from './segment-membership';
import { applyStageRules } from './stage-rules';
import { applyTiers, catalogueForSaved, type RuleApplication } from './tier-assignment';

/** Serialises journey refreshes and the saves that refresh in their own transaction. */
const JOURNEY_LOCK = 4_220_071;
/** How often the server refreshes tiers, stages and segments (data changes by many paths). */
const REFRESH_EVERY_MS = 5 * 60_000;

export interface JourneyRefreshResult {
  tiers: RuleApplication;
  stages: RuleApplication;
  segments: SegmentRefreshResult;
}

const nothing = (): JourneyRefreshResult => ({
  tiers: { changed: 0, skipped: [] },
  stages: { changed: 0, skipped: [] },
  segments: { segments: 0, entered: 0, left: 0, skipped: [] },
});

/**
 * Takes the journey lock for the rest of the transaction and turns JIT off: the rule queries join
 * several aggregates, and compiling them would cost more than running them.
 */
export async function lockJourney(tx: Queryable): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${JOURNEY_LOCK})`);
  await tx.execute(sql`SET LOCAL jit = off`);
}

/**
 * Inside a transaction that holds the journey lock: tiers, then stage rules (which may test the new
 * tier), then dynamic segments (which may test both), all with one field catalogue. MRR today must be
 * current (ensureMrrToday) before the transaction starts.
 */
export async function refreshJourneyIn(
  tx: Queryable,
  options: { today?: string } = {},
): Promise<JourneyRefreshResult> {
  const today = options.today ?? utcToday();
  const rules = (
    await tx.execute<{ rule: SegmentRule }>(sql`
      SELECT rule FROM tiers WHERE rule IS NOT NULL
      UNION ALL SELECT entry_rule FROM lifecycle_stages WHERE entry_rule IS NOT NULL
      UNION ALL SELECT rule FROM segments WHERE kind = 'dynamic'`)
  ).rows.map((row) => row.rule);
  const catalogue = await catalogueForSaved(tx, rules);
  const tiers = await applyTiers(tx, { today, catalogue });
  const stages = await applyStageRules(tx, { today, catalogue });
  const segments = await refreshSegments(tx, undefined, { today, catalogue });
  return { tiers, stages, segments };
}

/**
 * Re-applies the customer journey in one transaction: applyTiers → applyStageRules → refreshSegments.
 * Does nothing (not even refreshing MRR today) when no tier, stage or dynamic segment is defined.
 * Called after tier saves, from a 5-minute timer in the server, and after full health recomputes
 * (which follow imports).
 * @example const { tiers, stages, segments } = await refreshJourney(database)
 */
export async function refreshJourney(
  database: Database,
  options: { today?: string } = {},
): Promise<JourneyRefreshResult> {
  const defined = await database.db.execute<{ defined: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM tiers) OR EXISTS (SELECT 1 FROM lifecycle_stages)
        OR EXISTS (SELECT 1 FROM segments WHERE kind = 'dynamic') AS defined`);
  if (!defined.rows[0]?.defined) return nothing();
  await ensureMrrToday(database.db);
  return database.db.transaction(async (tx) => {
    await lockJourney(tx);
    return refreshJourneyIn(tx, options);
  });
}

/**
 * Keeps the journey current while the server runs: once at start, then every 5 minutes (a run still
 * going is not doubled). Returns a function that stops the timer and waits for a run in progress.
 */
export function scheduleJourneyRefresh(
  database: Database,
  log: (error: unknown) => void,
): () => Promise<unknown> {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = refreshJourney(database)
      .catch(log)
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, REFRESH_EVERY_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
