import type { Database } from '../../db/database';
import { readSetting, writeSetting } from '../workspace/workspace.repository';
import { recomputeHealth } from './health-recompute.service';

/** Workspace setting holding the UTC day of the last daily health run. */
const LAST_DAILY_RUN_KEY = 'health.lastDailyRun';
/** How often the server checks whether today's daily run is due. */
const CHECK_EVERY_MS = 10 * 60_000;

/** Runs the daily full recompute when today's has not run yet; true when it ran. */
export async function runDailyHealthIfDue(database: Database, now = new Date()): Promise<boolean> {
  const today = now.toISOString().slice(0, 10);
  if ((await readSetting<string>(database.db, LAST_DAILY_RUN_KEY)) === today) return false;
  await recomputeHealth(database, { trigger: 'daily', asOf: now });
  await writeSetting(database.db, LAST_DAILY_RUN_KEY, today);
  return true;
}

/**
 * Keeps "a score per account per day": checks at start and every 10 minutes, and rescores every
 * account once per UTC day. Returns a function that stops the timer.
 */
export function scheduleDailyHealth(
  database: Database,
  log: (error: unknown) => void,
): () => Promise<unknown> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = runDailyHealthIfDue(database).catch(log);
  };
  tick();
  const timer = setInterval(tick, CHECK_EVERY_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    return running;
  };
}
