import type { ScorecardDefinition } from '../../../shared/api/health.contract';
import type { PoolClient } from 'pg';
import type { Database } from '../../db/database';
import { refreshJourney } from '../segments/journey-refresh';
import {
  assignmentSql,
  listActiveScorecards,
  SCORED_ACCOUNTS,
  type ActiveScorecard,
} from './scorecard.repository';
import { buildScoringQuery, QueryParameters } from './scoring-sql';

/** Why a snapshot was written: the daily run, a manual or scheduled recompute, an input change, a scorecard edit, or history filled in. */
export type SnapshotTrigger = 'daily' | 'recompute' | 'event' | 'scorecard' | 'backfill';

export type RecomputeResult = { accounts: number; snapshots: number; seconds: number };

/** A lock key shared by full recomputes, so two never run at once (event recomputes do not wait on it). */
const FULL_RECOMPUTE_LOCK = 4_220_061;

/**
 * Session settings for a scoring transaction. The generated queries join many aggregates, so the
 * planner's row estimates multiply into huge costs that would switch on JIT compilation (seconds of
 * compiling for a query that runs in milliseconds for one account); and the per-account aggregates of
 * a full run fit in memory with 64 MB instead of spilling to disk.
 */
async function useScoringSettings(client: PoolClient): Promise<void> {
  await client.query("SET LOCAL jit = off; SET LOCAL work_mem = '64MB'");
}

/** Runs `work` in a transaction with the scoring settings. */
export async function inScoringTransaction<T>(
  database: Database,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    await useScoringSettings(client);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Scores accounts with their scorecard as of `asOf` (default now) in one set-based statement per
 * scorecard, writes a snapshot for every account whose inputs, scorecard version or status changed
 * or that has no snapshot for the day yet, and keeps account_health (the latest) in step.
 * `accountIds` limits it to those accounts (an input changed); without it every scored account is done.
 */
export async function recomputeHealth(
  database: Database,
  options: { accountIds?: readonly string[]; trigger: SnapshotTrigger; asOf?: Date },
): Promise<RecomputeResult> {
  const started = performance.now();
  const asOf = options.asOf ?? new Date();
  const client = await database.pool.connect();
  let accounts = 0;
  let snapshots = 0;
  try {
    await client.query('BEGIN');
    await useScoringSettings(client);
    if (options.accountIds === undefined)
      await client.query('SELECT pg_advisory_xact_lock($1)', [FULL_RECOMPUTE_LOCK]);
    const ordered = await listActiveScorecards(database.db);
    for (let index = 0; index < ordered.length; index += 1) {
      const scorecard = ordered[index]!;
      const query = buildScoringQuery({
        definition: scorecard.definition,
        asOf,
        target: (parameters) => targetSql(ordered, index, parameters, options.accountIds),
        wholeWorkspace: options.accountIds === undefined,
      });
      // A full run scores into a temporary table first: a statement that writes cannot use parallel
      // workers, and the scoring SELECT of every account is the part that gains from them.
      const whole = options.accountIds === undefined;
      if (whole) {
        await client.query(`CREATE TEMP TABLE health_scored ON COMMIT DROP AS ${query.text}`, query.values);
      }
      const n = whole ? 1 : query.values.length;
      const scorecardParameter = `$${n + 1}::uuid`;
      const versionParameter = `$${n + 2}::int`;
      const triggerParameter = `$${n + 3}::text`;
      const result = await client.query<{ accounts: number; snapshots: number }>(
        `WITH scored AS ${whole ? '(SELECT * FROM health_scored)' : `(${query.text})`},
digested AS (SELECT *, md5(raw_values::text)::uuid AS inputs_digest FROM scored),
changed AS (
  SELECT s.*, h.band AS previous_band, h.display_score AS previous_score
  FROM digested s LEFT JOIN account_health h ON h.account_id = s.account_id
  WHERE h.account_id IS NULL
     OR h.as_of_date < ($1::timestamptz AT TIME ZONE 'UTC')::date
     OR h.scorecard_id <> ${scorecardParameter} OR h.scorecard_version <> ${versionParameter}
     OR h.status <> s.status OR h.inputs_digest <> s.inputs_digest
),
inserted AS (
  INSERT INTO health_snapshots (account_id, computed_at, as_of_date, trigger, scorecard_id, scorecard_version, status, score, display_score, band, raw_values, measure_scores)
  SELECT account_id, $1::timestamptz, ($1::timestamptz AT TIME ZONE 'UTC')::date, ${triggerParameter}, ${scorecardParameter}, ${versionParameter},
         status, score, display_score, band, raw_values, measure_scores
  FROM changed
  RETURNING id, account_id
),
upserted AS (
  INSERT INTO account_health (account_id, snapshot_id, computed_at, as_of_date, scorecard_id, scorecard_version, status, score, display_score, band, band_index, inputs_digest)
  SELECT c.account_id, i.id, $1::timestamptz, ($1::timestamptz AT TIME ZONE 'UTC')::date, ${scorecardParameter}, ${versionParameter},
         c.status, c.score, c.display_score, c.band, c.band_index, c.inputs_digest
  FROM inserted i JOIN changed c ON c.account_id = i.account_id
  ON CONFLICT (account_id) DO UPDATE SET
    snapshot_id = excluded.snapshot_id, computed_at = excluded.computed_at, as_of_date = excluded.as_of_date,
    scorecard_id = excluded.scorecard_id, scorecard_version = excluded.scorecard_version, status = excluded.status,
    score = excluded.score, display_score = excluded.display_score, band = excluded.band, band_index = excluded.band_index,
    inputs_digest = excluded.inputs_digest
  RETURNING 1
),
-- Webhook outbox: account.health_band_changed for every account whose band moved (not its first score).
band_changes AS MATERIALIZED (
  SELECT gen_random_uuid() AS event_id,
         jsonb_build_object('account', webhook_account_json(a), 'previousBand', c.previous_band, 'band', c.band,
                            'previousScore', c.previous_score, 'score', c.display_score,
                            'scorecard', jsonb_build_object('id', ${scorecardParameter}, 'version', ${versionParameter})) AS data
  FROM changed c JOIN accounts a ON a.id = c.account_id
  WHERE c.previous_band IS NOT NULL AND c.band IS NOT NULL AND c.previous_band <> c.band
    AND EXISTS (SELECT 1 FROM webhook_subscriptions WHERE active AND 'account.health_band_changed' = ANY(events))
),
band_events AS (
  INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, data)
  SELECT w.id, e.event_id, 'account.health_band_changed', e.data
  FROM band_changes e JOIN webhook_subscriptions w ON w.active AND 'account.health_band_changed' = ANY(w.events)
  RETURNING 1
)
SELECT (SELECT count(*) FROM scored)::int AS accounts, (SELECT count(*) FROM upserted)::int AS snapshots`,
        [
          ...(whole ? query.values.slice(0, 1) : query.values),
          scorecard.id,
          scorecard.version,
          options.trigger,
        ],
      );
      if (whole) await client.query('DROP TABLE health_scored');
      accounts += result.rows[0]?.accounts ?? 0;
      snapshots += result.rows[0]?.snapshots ?? 0;
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  const result = { accounts, snapshots, seconds: (performance.now() - started) / 1000 };
  // Tiers, stages and segments can test health: a full recompute (which also follows every import) re-applies them.
  if (options.accountIds === undefined) {
    await refreshJourney(database, options.asOf ? { today: options.asOf.toISOString().slice(0, 10) } : {});
  }
  return result;
}

function targetSql(
  ordered: readonly ActiveScorecard[],
  index: number,
  parameters: QueryParameters,
  accountIds: readonly string[] | undefined,
): string {
  const only = accountIds === undefined ? '' : ` AND a.id = ANY(${parameters.add(accountIds, 'uuid[]')})`;
  return `SELECT a.id AS account_id FROM accounts a WHERE ${SCORED_ACCOUNTS} AND ${assignmentSql(ordered, index, parameters)}${only}`;
}

/** Recomputes one account after one of its inputs changed; never throws (the write already succeeded). */
export async function recomputeAfterChange(
  database: Database,
  accountIds: readonly string[],
  log: (error: unknown) => void,
): Promise<void> {
  if (accountIds.length === 0) return;
  try {
    await recomputeHealth(database, { accountIds, trigger: 'event' });
  } catch (error) {
    log(error);
  }
}

/**
 * Fills in daily history: for each of the `days` UTC days before today, scores the accounts that were
 * customers that day (a subscription running) with their current scorecard, as of the day's end, and
 * writes those snapshots (trigger "backfill") unless the account already has one that day.
 */
export async function backfillHealth(
  database: Database,
  days: number,
  today = new Date(),
): Promise<RecomputeResult> {
  const started = performance.now();
  const ordered = await listActiveScorecards(database.db);
  let accounts = 0;
  let snapshots = 0;
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  for (let back = days; back >= 1; back -= 1) {
    const asOf = new Date(midnight - (back - 1) * 86_400_000 - 1);
    for (let index = 0; index < ordered.length; index += 1) {
      const scorecard = ordered[index]!;
      const query = buildScoringQuery({
        definition: scorecard.definition,
        asOf,
        target: (parameters) =>
          `SELECT a.id AS account_id FROM accounts a WHERE ${assignmentSql(ordered, index, parameters)}
             AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.account_id = a.id AND s.start_date <= (($1::timestamptz AT TIME ZONE 'UTC')::date)
                         AND (s.end_date IS NULL OR s.end_date > (($1::timestamptz AT TIME ZONE 'UTC')::date)))
             AND NOT EXISTS (SELECT 1 FROM health_snapshots h WHERE h.account_id = a.id AND h.as_of_date = (($1::timestamptz AT TIME ZONE 'UTC')::date))`,
        wholeWorkspace: true,
      });
      const n = query.values.length;
      const result = await inScoringTransaction(database, (client) =>
        client.query<{ accounts: number }>(
          `WITH scored AS (${query.text}),
inserted AS (
  INSERT INTO health_snapshots (account_id, computed_at, as_of_date, trigger, scorecard_id, scorecard_version, status, score, display_score, band, raw_values, measure_scores)
  SELECT account_id, $1::timestamptz, ($1::timestamptz AT TIME ZONE 'UTC')::date, 'backfill', $${n + 1}::uuid, $${n + 2}::int,
         status, score, display_score, band, raw_values, measure_scores
  FROM scored RETURNING 1
)
SELECT count(*)::int AS accounts FROM inserted`,
          [...query.values, scorecard.id, scorecard.version],
        ),
      );
      accounts = Math.max(accounts, result.rows[0]?.accounts ?? 0);
      snapshots += result.rows[0]?.accounts ?? 0;
    }
  }
  return { accounts, snapshots, seconds: (performance.now() - started) / 1000 };
}

/** Rows of one scoring run without writing anything: for previews, backtests and calibration. */
export type ScoredRow = {
  account_id: string;
  raw_values: (string | null)[];
  measure_scores: (number | null)[];
  status: 'scored' | 'not-scored';
  score: number | null;
  display_score: number | null;
  band: string | null;
  band_index: number | null;
};

/**
 * Scores `target` with `definition` as of `asOf`. `wholeWorkspace` says the target is (nearly) every
 * account — a preview, a backtest — so inputs are read for all accounts at once.
 */
export async function scoreWithoutSaving(
  database: Database,
  definition: ScorecardDefinition,
  asOf: Date,
  target: (parameters: QueryParameters) => string,
  options: { wholeWorkspace?: boolean } = {},
): Promise<ScoredRow[]> {
  const query = buildScoringQuery({ definition, asOf, target, wholeWorkspace: options.wholeWorkspace });
  const result = await inScoringTransaction(database, (client) =>
    client.query<ScoredRow>(query.text, query.values),
  );
  return result.rows;
}
