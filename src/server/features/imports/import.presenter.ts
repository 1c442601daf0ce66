import { formatRejectsCsv, type RejectedRow } from '../../../domain/imports/csv-format';
import { formatImportSummary } from '../../../domain/imports/import-summary';
import type { ImportRunRow, StoredRowError } from './import-run.repository';
import type { ImportResult, ImportRun, ImportRunDetail } from './import.schemas';
import type { ImportOutcome } from './import.service';

/** A rejected row's cells by header; cells beyond the header are named "column <n>". */
function cellsByHeader(headers: readonly string[], row: RejectedRow): Record<string, string> {
  return Object.fromEntries(row.cells.map((cell, index) => [headers[index] || `column ${index + 1}`, cell]));
}

export function presentImportOutcome(outcome: ImportOutcome): ImportResult {
  return {
    id: outcome.runId,
    kind: outcome.kind,
    source: outcome.source,
    fileName: outcome.fileName,
    status: 'completed',
    summary: formatImportSummary(outcome),
    rows: outcome.rows,
    inserted: outcome.inserted,
    updated: outcome.updated,
    unchanged: outcome.unchanged,
    rejected: outcome.rejected,
    columns: outcome.columns,
    rejectedRows: outcome.rejectedRows.map((row) => ({ row: row.row, reason: row.reason, values: cellsByHeader(outcome.headers, row) })),
    rejectsCsv: outcome.rejectedRows.length > 0 ? formatRejectsCsv(outcome.headers, outcome.rejectedRows) : null,
  };
}

export function presentImportRun(row: ImportRunRow): ImportRun {
  return {
    id: row.id,
    kind: row.kind,
    source: row.source,
    fileName: row.fileName,
    status: row.status,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    rejected: row.rejected,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt.toISOString(),
    ranBy: row.userId && row.userName && row.userEmail ? { id: row.userId, name: row.userName, email: row.userEmail } : null,
  };
}

export function presentImportRunDetail(row: ImportRunRow & { errors: unknown[] }): ImportRunDetail {
  const errors = (row.errors as StoredRowError[]).map((error) => ({
    ...(error.row !== undefined ? { row: error.row } : {}),
    ...(error.column !== undefined ? { column: error.column } : {}),
    ...(error.field !== undefined ? { field: error.field } : {}),
    ...(error.value !== undefined ? { value: error.value } : {}),
    message: error.reason,
  }));
  return { ...presentImportRun(row), errors };
}
