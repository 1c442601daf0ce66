import type pg from 'pg';
import type { ImportProblem } from '../../../domain/imports/import-problems';
import { referenceTable } from './import-references.sql';
import { STAGING_TABLE } from './import-staging';

/** Longest parent chain followed when looking for loops; real hierarchies are far shallower. */
const MAX_HIERARCHY_DEPTH = 64;

/**
 * Gives every staged account its id before the upsert, so rows of the same file can name each
 * other as parent: the existing account's id for (source, external_id), else a new one.
 */
export async function assignAccountIds(client: pg.PoolClient, source: string): Promise<void> {
  await client.query(
    `UPDATE ${STAGING_TABLE} t
        SET new_id = coalesce((SELECT a.id FROM accounts a WHERE a.source = $1 AND a.external_id = t.external_id), gen_random_uuid())`,
    [source],
  );
}

/**
 * With rows being skipped, drops (repeatedly) the rows whose parent is a row of this file that was
 * itself rejected, and returns them as problems together with their original cells.
 */
export async function rejectRowsWithRejectedParent(
  client: pg.PoolClient,
): Promise<{ problem: ImportProblem; rawRecord: string[] | null }[]> {
  const rejected: { problem: ImportProblem; rawRecord: string[] | null }[] = [];
  for (;;) {
    const result = await client.query<{ row_number: number; parent: string; raw_record: string[] | null }>(
      `DELETE FROM ${STAGING_TABLE} t
        USING ${referenceTable('parent_external_id')} p
        WHERE p.ref = t.parent_external_id AND p.id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM ${STAGING_TABLE} f WHERE f.new_id = p.id)
          AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = p.id)
       RETURNING t.row_number, t.parent_external_id AS parent, t.raw_record`,
    );
    if (result.rows.length === 0) return rejected;
    for (const row of result.rows) {
      rejected.push({
        problem: {
          row: row.row_number,
          field: 'parent_external_id',
          value: row.parent,
          message: `its parent account "${row.parent}" was rejected, so this row is rejected too`,
        },
        rawRecord: row.raw_record,
      });
    }
  }
}

/** After the upsert: rows whose account is now its own ancestor (a parent loop). */
export async function findParentLoops(client: pg.PoolClient): Promise<ImportProblem[]> {
  const result = await client.query<{ row_number: number; parent: string }>(
    `WITH RECURSIVE walk (start_id, id, depth) AS (
       SELECT a.id, a.parent_id, 1
         FROM accounts a JOIN ${STAGING_TABLE} t ON t.new_id = a.id
        WHERE a.parent_id IS NOT NULL
       UNION ALL
       SELECT w.start_id, a.parent_id, w.depth + 1
         FROM walk w JOIN accounts a ON a.id = w.id
        WHERE a.parent_id IS NOT NULL AND w.id <> w.start_id AND w.depth < ${MAX_HIERARCHY_DEPTH}
     )
     SELECT DISTINCT t.row_number, t.parent_external_id AS parent
       FROM walk w JOIN ${STAGING_TABLE} t ON t.new_id = w.start_id
      WHERE w.id = w.start_id
      ORDER BY t.row_number`,
  );
  return result.rows.map(({ row_number, parent }) => ({
    row: row_number,
    field: 'parent_external_id',
    value: parent,
    message: `parent "${parent}" makes a loop: the account would be its own ancestor; choose a parent outside its own subtree`,
  }));
}
