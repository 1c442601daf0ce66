import type pg from 'pg';
import type { ImportProblem } from '../../../domain/imports/import-problems';
import { referenceTable } from './import-references.sql';
import { STAGING_TABLE } from './import-staging';

/**
 * Daily usage rows that repeat an (account, day) of an earlier row of the same file. The account
 * is compared after resolution, so "acme" and Acme's CRM id on the same day are duplicates too.
 */
export async function findDuplicateAccountDays(client: pg.PoolClient): Promise<ImportProblem[]> {
  const result = await client.query<{ row_number: number; account: string; day: string; first_row: number }>(
    `SELECT row_number, account, day::text AS day, first_row
       FROM (SELECT t.row_number, t.account_external_id AS account, t.day,
                    min(t.row_number) OVER (PARTITION BY r.id, t.day) AS first_row
               FROM ${STAGING_TABLE} t JOIN ${referenceTable('account_external_id')} r ON r.ref = t.account_external_id
              WHERE r.id IS NOT NULL) numbered
      WHERE row_number <> first_row
      ORDER BY row_number`,
  );
  return result.rows.map(({ row_number, account, day, first_row }) => ({
    row: row_number,
    field: 'day',
    value: day,
    message: `row ${first_row} already has usage of this account ("${account}") for ${day}; keep one row per account and day`,
  }));
}
