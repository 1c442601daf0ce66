import { sql } from 'drizzle-orm';
import { currencyDecimals } from '../../../domain/imports/currency-codes';
import type { Db, Tx } from '../../db/database';
import { REPORTING_CURRENCY } from '../accounts/current-mrr.sql';
import { accountMrrFactsQuery, monthlyTotalsOf, totalsColumns } from './mrr-facts.sql';

// Serialises every change to the MRR facts so the delta updates of the totals never interleave.
const MRR_FACTS_LOCK_KEY = 727_002;
const THROUGH_SETTING = 'mrr_facts_through';

/** First day of the current UTC month, 'YYYY-MM-01'. */
export function currentMonthStart(now: Date = new Date()): string {
  return `${now.toISOString().slice(0, 7)}-01`;
}

/** Anything that runs SQL: a database handle, a transaction, or drizzle over a pg client in a transaction. */
export type Executor = Pick<Db, 'execute'>;

async function decimalsOf(db: Executor, accountIds: string[] | 'all') {
  const filter = accountIds === 'all' ? sql`true` : sql`account_id = ANY(${sql.param(accountIds)}::uuid[])`;
  const result = await db.execute<{ currency: string }>(sql`SELECT DISTINCT currency FROM subscriptions WHERE ${filter}`);
  const currencies = result.rows.map((row) => row.currency);
  return { currencies, decimals: currencies.map((currency) => currencyDecimals(currency) ?? 2) };
}

function factsFor(accountIds: string[] | 'all', throughMonth: string, decimals: { currencies: string[]; decimals: number[] }) {
  return accountMrrFactsQuery({
    accountFilter: accountIds === 'all' ? sql`true` : sql`s.account_id = ANY(${sql.param(accountIds)}::uuid[])`,
    throughMonth,
    reportingCurrency: REPORTING_CURRENCY,
    reportingDecimals: currencyDecimals(REPORTING_CURRENCY) ?? 2,
    decimals,
  });
}

const factColumns = sql.raw(
  'account_id, month, mrr_minor, previous_mrr_minor, paid_before, base12_minor, missing_rate_currencies, movement',
);
const totalsColumnList = sql.raw(['month', ...totalsColumns].join(', '));

/**
 * Recomputes the monthly MRR facts and totals of every account from its subscriptions, inside the
 * caller's open transaction. Used after bulk loads and when a new month has begun.
 */
export async function rebuildMrrFactsInTransaction(tx: Executor, now: Date = new Date()): Promise<{ rows: number; throughMonth: string }> {
  const throughMonth = currentMonthStart(now);
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${MRR_FACTS_LOCK_KEY})`);
  await tx.execute(sql`TRUNCATE account_mrr_monthly, mrr_monthly_totals`);
  const inserted = await tx.execute(sql`
    INSERT INTO account_mrr_monthly (${factColumns})
    SELECT ${factColumns} FROM (${factsFor('all', throughMonth, await decimalsOf(tx, 'all'))}) facts`);
  await tx.execute(sql`
    INSERT INTO mrr_monthly_totals (${totalsColumnList})
    SELECT ${totalsColumnList} FROM (${monthlyTotalsOf(sql`account_mrr_monthly`)}) totals`);
  await tx.execute(sql`
    INSERT INTO workspace_settings (key, value) VALUES (${THROUGH_SETTING}, ${JSON.stringify(throughMonth)}::jsonb)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`);
  return { rows: inserted.rowCount ?? 0, throughMonth };
}

/**
 * Brings the facts of the given accounts up to date after their subscriptions changed (import,
 * API, deletion) and adjusts the monthly totals by the difference, inside the caller's open
 * transaction. Falls back to a full rebuild when the facts end before this month.
 */
export async function refreshMrrFactsInTransaction(tx: Executor, accountIds: readonly string[], now: Date = new Date()): Promise<void> {
  if (accountIds.length === 0) return;
  const ids = [...new Set(accountIds)];
  const throughMonth = currentMonthStart(now);
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${MRR_FACTS_LOCK_KEY})`);
  const stored = await tx.execute<{ value: string }>(sql`SELECT value FROM workspace_settings WHERE key = ${THROUGH_SETTING}`);
  if (stored.rows[0]?.value !== throughMonth) {
    await rebuildMrrFactsInTransaction(tx, now);
    return;
  }
  const subtract = totalsColumns.map((column) => sql`${sql.raw(column)} = t.${sql.raw(column)} - d.${sql.raw(column)}`);
  await tx.execute(sql`
    WITH old AS (DELETE FROM account_mrr_monthly WHERE account_id = ANY(${sql.param(ids)}::uuid[]) RETURNING *),
    d AS (${monthlyTotalsOf(sql`old`)})
    UPDATE mrr_monthly_totals t SET ${sql.join(subtract, sql`, `)} FROM d WHERE t.month = d.month`);
  await tx.execute(sql`
    INSERT INTO account_mrr_monthly (${factColumns})
    SELECT ${factColumns} FROM (${factsFor(ids, throughMonth, await decimalsOf(tx, ids))}) facts`);
  const add = totalsColumns.map((column) => sql`${sql.raw(column)} = mrr_monthly_totals.${sql.raw(column)} + excluded.${sql.raw(column)}`);
  await tx.execute(sql`
    INSERT INTO mrr_monthly_totals (${totalsColumnList})
    SELECT ${totalsColumnList}
    FROM (${monthlyTotalsOf(sql`(SELECT * FROM account_mrr_monthly WHERE account_id = ANY(${sql.param(ids)}::uuid[])) AS changed`)}) totals
    ON CONFLICT (month) DO UPDATE SET ${sql.join(add, sql`, `)}`);
}

/** rebuildMrrFactsInTransaction in a transaction of its own. */
export function rebuildMrrFacts(db: Db | Tx, now: Date = new Date()) {
  return db.transaction((tx) => rebuildMrrFactsInTransaction(tx, now));
}

/** refreshMrrFactsInTransaction in a transaction of its own. */
export function refreshMrrFacts(db: Db | Tx, accountIds: readonly string[], now: Date = new Date()) {
  return db.transaction((tx) => refreshMrrFactsInTransaction(tx, accountIds, now));
}
