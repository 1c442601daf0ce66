import type { Readable } from 'node:stream';
import type pg from 'pg';
import { type ColumnMapping, resolveColumnMapping } from '../../../domain/imports/column-mapping';
import type { RejectedRow } from '../../../domain/imports/csv-format';
import type { ImportKindDefinition } from '../../../domain/imports/import-fields';
import { importKindDefinition } from '../../../domain/imports/import-kinds';
import type { ImportOptions } from '../../../domain/imports/import-options';
import { ImportInputError, type ImportProblem } from '../../../domain/imports/import-problems';
import { ProblemError } from '../../http/problem';
import { assignAccountIds, findParentLoops, rejectRowsWithRejectedParent } from './account-hierarchy.sql';
import { openCsvRecordReader } from './csv-record-reader';
import {
  newRejectionLog,
  rejectedRowsInOrder,
  rejectRow,
  type RejectionLog,
  rowsRejectedError,
  toProblemError,
  toStoredErrors,
  withColumn,
} from './import-rejections';
import { insertImportRun } from './import-run.repository';
import { countStagedRows, type ImportProgress, stageRows, unstageRows } from './import-staging.service';
import { importTargets, referenceJoins, resolveStagedReferences } from './import-targets';
import { buildUpsertSql, EXTRA_COLUMNS, runUpsert, type TargetColumn } from './import-upsert.sql';
import { accountsOfStagedSubscriptions, refreshRevenueAfterSubscriptionImport } from './revenue-refresh';
import { findDuplicateAccountDays } from './usage-duplicates.sql';

export type { ImportProgress } from './import-staging.service';

/** One import: validated options, the CSV bytes, and who ran it. */
export interface ImportRequest {
  options: ImportOptions;
  input: Readable;
  fileName: string | null;
  /** The user who ran it (API); null from the command line. */
  userId: string | null;
  onProgress?: (progress: ImportProgress) => void;
}

/** A completed import. */
export interface ImportOutcome {
  runId: string;
  kind: ImportOptions['kind'];
  source: string;
  fileName: string | null;
  /** Data rows read (empty lines not counted). */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  headers: string[];
  columns: {
    /** Field → the header it was read from. */
    mapped: Record<string, string>;
    /** Headers no field uses, and what was done with them. */
    extra: string[];
    extraHandling: ImportKindDefinition['extraColumns'];
    /** Columns with an empty header (ignored), by 1-based position. */
    blank: number[];
  };
  /** With skipInvalid: the rows left out, with their original cells and the reason. */
  rejectedRows: RejectedRow[];
}

/**
 * Imports a CSV file: streams and validates every row, COPYs the valid ones into a temp table,
 * resolves references in SQL, then upserts them in one statement, all in one transaction. By
 * default any bad row rejects the whole file (a 422 listing every problem, nothing written);
 * with skipInvalid the valid rows are imported and the others returned. Every run that got past
 * its options is recorded in import_runs.
 */
export async function runImport(pool: pg.Pool, request: ImportRequest): Promise<ImportOutcome> {
  const startedAt = new Date();
  try {
    return await importFile(pool, request, startedAt);
  } catch (error) {
    const failure = describeFailure(error);
    if (!failure) throw error;
    await insertImportRun(pool, {
      kind: request.options.kind,
      source: request.options.source,
      fileName: request.fileName,
      status: 'rejected',
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: failure.rejectedRows,
      errors: toStoredErrors(failure.problems),
      userId: request.userId,
      startedAt,
    });
    throw failure.error;
  }
}

function describeFailure(error: unknown): { error: ProblemError; problems: ImportProblem[]; rejectedRows: number } | undefined {
  if (!(error instanceof ImportInputError)) return undefined;
  const rows = new Set(error.problems.map((problem) => problem.row).filter((row) => row !== undefined && row > 0));
  return { error: toProblemError(error), problems: error.problems, rejectedRows: rows.size };
}

function isWrittenBy(mapping: ColumnMapping, definition: ImportKindDefinition) {
  const hasExtras = definition.extraColumns !== 'ignored' && mapping.extraColumns.length > 0;
  const isMapped = (field: string) => (field === EXTRA_COLUMNS ? hasExtras : mapping.fieldColumns.has(field));
  return { isMapped, isWritten: (column: TargetColumn) => column.fields.length === 0 || column.fields.some(isMapped) };
}

async function importFile(pool: pg.Pool, request: ImportRequest, startedAt: Date): Promise<ImportOutcome> {
  const { options } = request;
  const definition = importKindDefinition(options.kind);
  const reader = await openCsvRecordReader(request.input);
  let mapping: ColumnMapping;
  try {
    mapping = resolveColumnMapping(reader.headers, definition, options);
  } catch (error) {
    reader.close();
    throw error;
  }
  const { isMapped, isWritten } = isWrittenBy(mapping, definition);
  const parentsInFile = options.kind === 'accounts' && isMapped('parent_external_id');
  const log = newRejectionLog();

  const client = await pool.connect().catch((error: unknown) => {
    reader.close();
    throw error;
  });
  try {
    await client.query('BEGIN');
    const rows = await stageRows(client, reader, { definition, mapping, options, log, onProgress: request.onProgress });
    if (parentsInFile) await assignAccountIds(client, options.source);
    const sqlProblems = await resolveStagedReferences(client, definition, isMapped, { source: options.source, parentsInFile });
    if (parentsInFile) explainRejectedParents(sqlProblems, log);
    if (definition.key === 'account-day') sqlProblems.push(...(await findDuplicateAccountDays(client)));
    await rejectSqlProblems(client, log, sqlProblems.map((problem) => withColumn(problem, mapping)), options.skipInvalid);
    if (log.problems.length > 0 && !options.skipInvalid) throw rowsRejectedError(log);
    if (parentsInFile && options.skipInvalid) {
      for (const { problem, rawRecord } of await rejectRowsWithRejectedParent(client)) {
        rejectRow(log, problem.row!, rawRecord, [withColumn(problem, mapping)]);
      }
    }

    const staged = await countStagedRows(client);
    const upsertSql = buildUpsertSql(importTargets[options.kind], referenceJoins(definition, isMapped), isWritten);
    const subscriptionAccountsBefore = options.kind === 'subscriptions' ? await accountsOfStagedSubscriptions(client, options.source) : [];
    const counts = await runUpsert(client, upsertSql, options.source, staged);
    if (options.kind === 'subscriptions') await refreshRevenueAfterSubscriptionImport(client, options.source, subscriptionAccountsBefore);
    if (parentsInFile) {
      const loops = await findParentLoops(client);
      if (loops.length > 0) {
        const loopLog = newRejectionLog();
        for (const loop of loops) rejectRow(loopLog, loop.row!, null, [withColumn(loop, mapping)]);
        throw rowsRejectedError(loopLog);
      }
    }
    const rejectedRows = rejectedRowsInOrder(log);
    const runId = await insertImportRun(client, {
      kind: options.kind,
      source: options.source,
      fileName: request.fileName,
      status: 'completed',
      ...counts,
      rejected: rejectedRows.length,
      errors: toStoredErrors(log.problems),
      userId: request.userId,
      startedAt,
    });
    await client.query('COMMIT');
    return {
      runId,
      kind: options.kind,
      source: options.source,
      fileName: request.fileName,
      rows,
      ...counts,
      rejected: rejectedRows.length,
      headers: mapping.headers,
      columns: describeColumns(mapping, definition),
      rejectedRows,
    };
  } catch (error) {
    reader.close();
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Adds problems found in SQL to the log; with skipInvalid, also takes their rows out of the staging table. */
async function rejectSqlProblems(client: pg.PoolClient, log: RejectionLog, problems: ImportProblem[], skipInvalid: boolean): Promise<void> {
  if (problems.length === 0) return;
  const byRow = new Map<number, ImportProblem[]>();
  for (const problem of problems) byRow.set(problem.row!, [...(byRow.get(problem.row!) ?? []), problem]);
  const rawRecords = skipInvalid ? await unstageRows(client, [...byRow.keys()]) : new Map<number, string[] | null>();
  for (const [row, rowProblems] of byRow) rejectRow(log, row, rawRecords.get(row) ?? null, rowProblems);
}

/** A parent that is a rejected row of the same file is named as such, not as unknown. */
function explainRejectedParents(problems: ImportProblem[], log: RejectionLog): void {
  for (const problem of problems) {
    const row = problem.field === 'parent_external_id' && problem.value !== undefined ? log.rejectedExternalIds.get(problem.value) : undefined;
    if (row !== undefined) problem.message = `its parent account "${problem.value}" (row ${row}) was rejected, so this row is rejected too`;
  }
}

function describeColumns(mapping: ColumnMapping, definition: ImportKindDefinition): ImportOutcome['columns'] {
  return {
    mapped: Object.fromEntries([...mapping.fieldColumns].map(([field, index]) => [field, mapping.headers[index]!])),
    extra: mapping.extraColumns.map((index) => mapping.headers[index]!),
    extraHandling: definition.extraColumns,
    blank: mapping.blankColumns.map((index) => index + 1),
  };
}
