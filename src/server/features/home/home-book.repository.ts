import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { ensureMrrToday, mrrTodayRows } from '../accounts/mrr-today';

/** One account of a book with what Home needs: ARR today, renewal, latest health. */
export interface BookAccountRow {
  id: string;
  name: string;
  status: string;
  renewalDate: string | null;
  /** Whole days from `today` to the renewal date; null without one. */
  daysLeft: number | null;
  arrMinor: number;
  score: number | null;
  band: string | null;
  /** 0 = the worst band of the account's scorecard. */
  bandIndex: number | null;
  snapshotId: number | null;
}

/**
 * Every account the owner holds that has not churned, with its ARR (current MRR × 12, the accounts
 * list's definition) and its latest health (account_health). Reads the owner's accounts through
 * `accounts_owner_id_idx` and their subscriptions through `subscriptions_account_id_idx`.
 */
export async function loadBookAccounts(db: Db, ownerId: string, today: string): Promise<BookAccountRow[]> {
  await ensureMrrToday(db);
  const result = await db.execute<{
    id: string;
    name: string;
    status: string;
    renewal_date: string | null;
    days_left: number | null;
    arr_minor: string;
    score: number | null;
    band: string | null;
    band_index: number | null;
    snapshot_id: string | null;
  }>(sql`
    WITH book AS MATERIALIZED (
      SELECT a.id, a.name, a.status, a.renewal_date FROM accounts a WHERE a.owner_id = ${ownerId} AND a.status <> 'churned'
    )
    SELECT b.id, b.name, b.status, b.renewal_date::text AS renewal_date,
           (b.renewal_date - ${today}::date) AS days_left,
           (coalesce(m.mrr_minor, 0) * 12)::text AS arr_minor,
           CASE WHEN h.status = 'scored' THEN h.display_score::float8 END AS score,
           CASE WHEN h.status = 'scored' THEN h.band END AS band,
           CASE WHEN h.status = 'scored' THEN h.band_index END AS band_index,
           h.snapshot_id::text AS snapshot_id
    FROM book b
    LEFT JOIN (${mrrTodayRows}) m ON m.account_id = b.id
    LEFT JOIN account_health h ON h.account_id = b.id`);
  return result.rows.map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
    renewalDate: row.renewal_date,
    daysLeft: row.days_left,
    arrMinor: Number(row.arr_minor),
    score: row.score,
    band: row.band,
    bandIndex: row.band_index,
    snapshotId: row.snapshot_id === null ? null : Number(row.snapshot_id),
  }));
}
