import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { currentMrrByAccount } from './current-mrr.sql';

/** Serialises refreshes of account_mrr_today (two readers never rebuild it at once). */
const REFRESH_LOCK = 4_220_062;

/**
 * Makes account_mrr_today current: when the day changed, or a subscription or exchange rate changed
 * since it was computed (a statement trigger bumps mrr_today_data_version), recomputes every account's
 * MRR today and writes only the rows that differ. The version is read before computing, so a change
 * that commits meanwhile makes the next call refresh again; a refresh never waits on a writer.
 * About 0.1–0.2 s at 100,000 accounts when stale, one small query when fresh.
 */
export async function ensureMrrToday(db: Db): Promise<void> {
  const state = async () =>
    (
      await db.execute<{ data: string; computed: string; fresh: boolean }>(sql`
        SELECT d.version::text AS data, c.version::text AS computed,
               (c.version = d.version AND c.computed_on = current_date) AS fresh
        FROM mrr_today_data_version d, mrr_today_computed c`)
    ).rows[0]!;
  if ((await state()).fresh) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`);
    const current = (
      await tx.execute<{ data: string; fresh: boolean }>(sql`
        SELECT d.version::text AS data, (c.version = d.version AND c.computed_on = current_date) AS fresh
        FROM mrr_today_data_version d, mrr_today_computed c`)
    ).rows[0]!;
    if (current.fresh) return;
    await tx.execute(sql`
      -- An account whose only subscriptions lack an exchange rate sums to NULL: no MRR today, no row.
      WITH m AS MATERIALIZED (SELECT * FROM (${currentMrrByAccount()}) all_accounts WHERE mrr_minor IS NOT NULL),
      written AS (
        INSERT INTO account_mrr_today (account_id, mrr_minor)
        SELECT account_id, mrr_minor FROM m
        ON CONFLICT (account_id) DO UPDATE SET mrr_minor = excluded.mrr_minor
        WHERE account_mrr_today.mrr_minor <> excluded.mrr_minor
      )
      DELETE FROM account_mrr_today t WHERE NOT EXISTS (SELECT 1 FROM m WHERE m.account_id = t.account_id)`);
    await tx.execute(
      sql`UPDATE mrr_today_computed SET version = ${current.data}::bigint, computed_on = current_date`,
    );
  });
}

/** SQL selecting account_id, mrr_minor of every account with MRR today; call ensureMrrToday first. */
export const mrrTodayRows = sql`SELECT account_id, mrr_minor FROM account_mrr_today`;
