import { count, desc, eq } from 'drizzle-orm';
import type pg from 'pg';
import type { Db } from '../../db/database';
import { importRuns, users } from '../../db/schema';

/** One stored row error of a run: { row, column, field, value, reason }. */
export interface StoredRowError {
  row?: number;
  column?: string;
  field?: string;
  value?: string;
  reason: string;
}

export interface NewImportRun {
  kind: string;
  source: string;
  fileName: string | null;
  status: 'completed' | 'rejected';
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: StoredRowError[];
  userId: string | null;
  startedAt: Date;
}

/** Stores the errors of a run up to this many (the first ones, in row order). */
export const MAX_STORED_ERRORS = 1000;

/** Records a run on `client` (inside the import's transaction when it completed). Returns its id. */
export async function insertImportRun(client: pg.PoolClient | pg.Pool, run: NewImportRun): Promise<string> {
  const result = await client.query<{ id: string }>(
    // clock_timestamp(), not now(): inside the import's transaction now() is when it began.
    `INSERT INTO import_runs (kind, source, file_name, status, inserted, updated, unchanged, rejected, errors, user_id, started_at, finished_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, clock_timestamp())
     RETURNING id`,
    [
      run.kind,
      run.source,
      run.fileName,
      run.status,
      run.inserted,
      run.updated,
      run.unchanged,
      run.rejected,
      JSON.stringify(run.errors.slice(0, MAX_STORED_ERRORS)),
      run.userId,
      run.startedAt,
    ],
  );
  return result.rows[0]!.id;
}

const runColumns = {
  id: importRuns.id,
  kind: importRuns.kind,
  source: importRuns.source,
  fileName: importRuns.fileName,
  status: importRuns.status,
  inserted: importRuns.inserted,
  updated: importRuns.updated,
  unchanged: importRuns.unchanged,
  rejected: importRuns.rejected,
  startedAt: importRuns.startedAt,
  finishedAt: importRuns.finishedAt,
  userId: users.id,
  userName: users.name,
  userEmail: users.email,
};

export type ImportRunRow = Awaited<ReturnType<typeof listImportRuns>>['rows'][number];

/** Runs newest first, one page. */
export async function listImportRuns(db: Db, page: number, pageSize: number) {
  const [rows, [total]] = await Promise.all([
    db
      .select(runColumns)
      .from(importRuns)
      .leftJoin(users, eq(users.id, importRuns.userId))
      .orderBy(desc(importRuns.finishedAt), desc(importRuns.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(importRuns),
  ]);
  return { rows, total: total?.total ?? 0 };
}

/** One run with its stored errors, or undefined. */
export async function findImportRun(db: Db, id: string) {
  const [row] = await db
    .select({ ...runColumns, errors: importRuns.errors })
    .from(importRuns)
    .leftJoin(users, eq(users.id, importRuns.userId))
    .where(eq(importRuns.id, id));
  return row;
}
