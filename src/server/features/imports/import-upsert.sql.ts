import type pg from 'pg';
import { STAGING_TABLE } from './import-staging';

/** Marks a target column fed by the file's extra columns (traits, event counts). */
export const EXTRA_COLUMNS = '*extras';

/** One column of the target table and where its value comes from. */
export interface TargetColumn {
  column: string;
  /** SQL over the staged row `t` and the joined reference tables `r_<field>`; `$1` is the source. */
  value: string;
  /**
   * The import fields that feed it: the column is written only when one of them is mapped
   * (an absent column leaves the stored value alone). Empty: always written.
   */
  fields: readonly string[];
  /** On re-import: overwrite (default), merge jsonb objects (traits), or never (keys, ids). */
  onUpdate?: 'replace' | 'merge' | 'never';
}

/** How one kind lands in its table. */
export interface UpsertTarget {
  table: string;
  conflictColumns: readonly string[];
  hasUpdatedAt: boolean;
  columns: readonly TargetColumn[];
}

/**
 * The one set-based statement of an import: INSERT … SELECT from the staged rows, ON CONFLICT
 * updating only when a written column differs (`IS DISTINCT FROM`), counting inserted rows
 * (xmax = 0) and updated rows in SQL. Rows that matched but did not differ are "unchanged".
 */
export function buildUpsertSql(target: UpsertTarget, joins: string, isWritten: (column: TargetColumn) => boolean): string {
  const written = target.columns.filter(isWritten);
  const updated = written.filter((column) => (column.onUpdate ?? 'replace') !== 'never');
  const newValue = (column: TargetColumn) =>
    column.onUpdate === 'merge' ? `${target.table}.${column.column} || EXCLUDED.${column.column}` : `EXCLUDED.${column.column}`;
  const assignments = updated.map((column) => `${column.column} = ${newValue(column)}`);
  if (target.hasUpdatedAt) assignments.push('updated_at = now()');
  const current = updated.map((column) => `${target.table}.${column.column}`);
  const incoming = updated.map(newValue);
  // A one-element row constructor needs ROW(...), or it is just a parenthesised value.
  const row = (items: string[]) => (items.length === 1 ? `ROW(${items[0]})` : `(${items.join(', ')})`);
  const onConflict =
    updated.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${assignments.join(', ')} WHERE ${row(current)} IS DISTINCT FROM ${row(incoming)}`;
  return `
    WITH upserted AS (
      INSERT INTO ${target.table} (${written.map((column) => column.column).join(', ')})
      SELECT ${written.map((column) => column.value).join(', ')}
        FROM ${STAGING_TABLE} t ${joins}
       ORDER BY t.row_number
      ON CONFLICT (${target.conflictColumns.join(', ')}) ${onConflict}
      RETURNING (xmax = 0) AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM upserted`;
}

/** Runs the upsert; `staged` is the number of rows in the staging table. */
export async function runUpsert(
  client: pg.PoolClient,
  sql: string,
  source: string,
  staged: number,
): Promise<{ inserted: number; updated: number; unchanged: number }> {
  const result = await client.query<{ inserted: number; updated: number }>(sql, [source]);
  const { inserted, updated } = result.rows[0]!;
  return { inserted, updated, unchanged: staged - inserted - updated };
}
