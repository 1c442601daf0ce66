import { type SQL, sql } from 'drizzle-orm';
import type { MonthRange } from '../../../domain/revenue';
import type { Db } from '../../db/database';
import { currentMonthStart, type Executor, rebuildMrrFactsInTransaction } from '../revenue/mrr-facts.repository';
import type { RecordedChurnEvent } from './churn-reason-matching';
import { monthStart } from './metrics-range';

const THROUGH_SETTING = 'mrr_facts_through';
// Serialises read-triggered rebuilds, so when a new month begins one request rebuilds and the others wait and reuse it.
const FRESHNESS_LOCK_KEY = 727_003;

/** The month the stored facts run through ('YYYY-MM-01'), or null when they were never built. */
export async function factsThroughMonth(db: Executor): Promise<string | null> {
  const result = await db.execute<{ value: unknown }>(sql`SELECT value FROM workspace_settings WHERE key = ${THROUGH_SETTING}`);
  const value = result.rows[0]?.value;
  return typeof value === 'string' ? value : null;
}

/** What a read found about the facts: null when current, else the warning to show beside the figures. */
export interface FactsFreshness {
  staleMessage: string | null;
}

/**
 * Makes sure the MRR facts run through the current month before a read: when they do not (a new
 * month began, or they were never built) rebuilds them once. A failed rebuild is not hidden: the
 * read goes on with the stored facts and returns the message of a stale-facts warning.
 */
export async function ensureCurrentMrrFacts(
  db: Db,
  now: Date,
  logError: (error: unknown, message: string) => void = () => {},
): Promise<FactsFreshness> {
  const wanted = currentMonthStart(now);
  if ((await factsThroughMonth(db)) === wanted) return { staleMessage: null };
  try {
    const rebuilt = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${FRESHNESS_LOCK_KEY})`);
      if ((await factsThroughMonth(tx)) === wanted) return false;
      await rebuildMrrFactsInTransaction(tx, now);
      return true;
    });
    if (rebuilt) await refreshFactStatistics(db).catch((error: unknown) => logError(error, `refreshing the planner statistics of the MRR facts failed: ${rootMessage(error)}`));
    return { staleMessage: null };
  } catch (error) {
    const stored = await factsThroughMonth(db).catch(() => undefined); // the rebuild's error is the one reported
    const reason = rootMessage(error);
    logError(error, `rebuilding the monthly MRR facts failed: ${reason}`);
    return {
      staleMessage:
        `The monthly MRR facts could not be rebuilt for ${wanted.slice(0, 7)} (${reason}); the figures shown ` +
        `${stored === undefined ? 'may be out of date' : stored ? `run only through ${stored.slice(0, 7)}` : 'come from facts that were never built'}. ` +
        'Run "cycle metrics rebuild" (or POST /api/v1/metrics/rebuild) and check the server log.',
    };
  }
}

/**
 * Refreshes the planner statistics of the fact tables. After a full rebuild they describe the old
 * contents (or none), which leads PostgreSQL to slow plans until autovacuum catches up.
 */
export async function refreshFactStatistics(db: Executor): Promise<void> {
  await db.execute(sql`ANALYZE account_mrr_monthly, mrr_monthly_totals`);
}

/** The message of the innermost cause (drizzle wraps the database's error in "Failed query: …"). */
function rootMessage(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

/** One row of mrr_monthly_totals, amounts in minor units of the reporting currency. */
export type MonthlyTotalsRow = {
  month: string;
  mrrMinor: number;
  customers: number;
  newMinor: number;
  expansionMinor: number;
  contractionMinor: number;
  churnMinor: number;
  reactivationMinor: number;
  newLogos: number;
  churnedLogos: number;
  reactivatedLogos: number;
  base12Minor: number;
  retained12Minor: number;
  retainedCapped12Minor: number;
};

/** The stored monthly totals of the months in `months`, oldest first (months without facts are absent). */
export async function loadMonthlyTotals(db: Executor, months: MonthRange): Promise<MonthlyTotalsRow[]> {
  const result = await db.execute<MonthlyTotalsRow>(sql`
    SELECT to_char(month, 'YYYY-MM') AS "month", mrr_minor AS "mrrMinor", customers, new_minor AS "newMinor",
           expansion_minor AS "expansionMinor", contraction_minor AS "contractionMinor", churn_minor AS "churnMinor",
           reactivation_minor AS "reactivationMinor", new_logos AS "newLogos", churned_logos AS "churnedLogos",
           reactivated_logos AS "reactivatedLogos", base12_minor AS "base12Minor", retained12_minor AS "retained12Minor",
           retained_capped12_minor AS "retainedCapped12Minor"
    FROM mrr_monthly_totals
    WHERE month BETWEEN ${monthStart(months.from)}::date AND ${monthStart(months.to)}::date
    ORDER BY month`);
  return result.rows;
}

/** A month in which an account's MRR went to 0. */
export type ChurnMovementRow = {
  accountId: string;
  month: string;
  previousMrrMinor: number;
};

/**
 * Every churn movement, in any month, of the accounts `accounts` selects (SQL returning account_id):
 * what a churn event can be paired with.
 */
export async function loadChurnMovements(db: Executor, accounts: SQL): Promise<ChurnMovementRow[]> {
  const result = await db.execute<ChurnMovementRow>(sql`
    SELECT f.account_id AS "accountId", to_char(f.month, 'YYYY-MM') AS "month", f.previous_mrr_minor AS "previousMrrMinor"
    FROM account_mrr_monthly f
    WHERE f.movement = 'churn' AND f.account_id IN (${accounts})
    ORDER BY f.account_id, f.month`);
  return result.rows;
}

/** SQL selecting account_id: the accounts with a churn movement in `period`. */
export function accountsChurnedIn(period: MonthRange): SQL {
  return sql`
    SELECT account_id FROM account_mrr_monthly
    WHERE movement = 'churn' AND month BETWEEN ${monthStart(period.from)}::date AND ${monthStart(period.to)}::date`;
}

/** SQL selecting account_id: the given accounts. */
export function accountsWithIds(accountIds: readonly string[]): SQL {
  return sql`SELECT unnest(${sql.param([...accountIds])}::uuid[])`;
}

/** The churn events recorded for the accounts `accounts` selects (SQL returning account_id). */
export async function loadChurnEvents(db: Executor, accounts: SQL): Promise<RecordedChurnEvent[]> {
  const result = await db.execute<RecordedChurnEvent>(sql`
    SELECT e.id, e.account_id AS "accountId", e.churned_on AS "churnedOn", e.reason_code AS "reasonCode"
    FROM churn_events e WHERE e.account_id IN (${accounts})`);
  return result.rows;
}
