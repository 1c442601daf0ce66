import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { AccountFilters } from '../../../shared/api/accounts.contract';
import type { Database } from '../../db/database';
import { accountFilterSql, whereClause } from './account-filters.sql';
import { type AccountListRow, mapListRow } from './account.repository';
import { ensureMrrToday, mrrTodayRows } from './mrr-today';

/** An open export: its batches of rows, and close() to let go of the connection early. */
export interface AccountExportCursor {
  batches: AsyncGenerator<AccountListRow[]>;
  close: () => Promise<void>;
}

/** Rows fetched from the cursor at a time: memory stays flat whatever the size of the export. */
const EXPORT_BATCH_ROWS = 2_000;

/**
 * Every account matching the filters, in the list's order, read through a server-side cursor in
 * batches of 2,000 on one connection held until the last batch (or until the consumer stops).
 * The cursor is declared before this resolves, so a failing query is an error, not a broken download.
 */
export async function openAccountExportCursor(
  database: Database,
  filters: AccountFilters,
  context: { actorUserId: string; today: string },
): Promise<AccountExportCursor> {
  const filter = accountFilterSql(filters, context);
  await ensureMrrToday(database.db);
  const client = await database.pool.connect();
  try {
    // One statement, one snapshot: the export is consistent even while accounts change.
    await client.query('BEGIN READ ONLY');
    await drizzle(client).execute(sql`
      DECLARE account_export NO SCROLL CURSOR FOR
      WITH m AS (${mrrTodayRows})
      SELECT a.*, coalesce(m.mrr_minor, 0)::bigint AS mrr_minor, u.name AS owner_name, u.email AS owner_email,
             h.display_score AS health_score, h.band AS health_band, h.band_index AS health_band_index
      FROM accounts a
      LEFT JOIN m ON m.account_id = a.id
      LEFT JOIN account_health h ON h.account_id = a.id
      LEFT JOIN users u ON u.id = a.owner_id
      ${whereClause(filter.conditions)}
      ORDER BY ${filter.orderBy}`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
    throw error;
  }
  let released = false;
  /** Ends the transaction and returns the connection, once; commits only after the last batch. */
  const release = async (commit: boolean) => {
    if (released) return;
    released = true;
    await client.query(commit ? 'COMMIT' : 'ROLLBACK').catch(() => {});
    client.release();
  };
  async function* batches(): AsyncGenerator<AccountListRow[]> {
    let finished = false;
    try {
      // Stop once close() has let go of the connection (the download was aborted).
      while (!released) {
        const batch = await client.query<Record<string, unknown>>(
          `FETCH ${EXPORT_BATCH_ROWS} FROM account_export`,
        );
        if (batch.rows.length === 0) break;
        yield batch.rows.map(mapListRow);
      }
      finished = true;
    } finally {
      await release(finished);
    }
  }
  // close() covers a consumer that stops before reading at all (a generator never started has no finally to run).
  return { batches: batches(), close: () => release(false) };
}
