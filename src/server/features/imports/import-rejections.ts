import type { ColumnMapping } from '../../../domain/imports/column-mapping';
import type { RejectedRow } from '../../../domain/imports/csv-format';
import { describeProblem, ImportInputError, type ImportProblem } from '../../../domain/imports/import-problems';
import { ProblemError, type ProblemItem } from '../../http/problem';
import type { StoredRowError } from './import-run.repository';

/** At most this many problems are listed in a response or on the terminal; the count is always exact. */
export const MAX_REPORTED_PROBLEMS = 10_000;
const MAX_VALUE_CHARACTERS = 200;

/** Every row problem of one import and, per rejected row, its original cells and reason. */
export interface RejectionLog {
  problems: ImportProblem[];
  rejectedRows: Map<number, RejectedRow>;
  /** External id → row, of rows refused before staging (to explain references to them). */
  rejectedExternalIds: Map<string, number>;
}

export const newRejectionLog = (): RejectionLog => ({ problems: [], rejectedRows: new Map(), rejectedExternalIds: new Map() });

/** Names the file's column for problems found by SQL, which only know the field. */
export function withColumn(problem: ImportProblem, mapping: ColumnMapping): ImportProblem {
  if (problem.column !== undefined || problem.field === undefined) return problem;
  const index = mapping.fieldColumns.get(problem.field);
  return index === undefined ? problem : { ...problem, column: mapping.headers[index] };
}

function reasonOf(problems: readonly ImportProblem[]): string {
  return problems.map((problem) => describeProblem({ ...problem, row: undefined })).join('; ');
}

/** Notes the problems of one row; the row counts as rejected once, whatever its number of problems. */
export function rejectRow(log: RejectionLog, row: number, cells: readonly string[] | null, problems: readonly ImportProblem[]): void {
  log.problems.push(...problems);
  const existing = log.rejectedRows.get(row);
  if (existing) {
    existing.reason = `${existing.reason}; ${reasonOf(problems)}`;
    return;
  }
  log.rejectedRows.set(row, { row, cells: cells ? [...cells] : [], reason: reasonOf(problems) });
}

/** Rejected rows in file order. */
export function rejectedRowsInOrder(log: RejectionLog): RejectedRow[] {
  return [...log.rejectedRows.values()].sort((left, right) => left.row - right.row);
}

function sortedProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  return [...problems].sort((left, right) => (left.row ?? 0) - (right.row ?? 0));
}

const clip = (value: string | undefined) =>
  value === undefined || value.length <= MAX_VALUE_CHARACTERS ? value : `${value.slice(0, MAX_VALUE_CHARACTERS)}…`;

/** The stored form of a run's errors (see import_runs.errors). */
export function toStoredErrors(problems: readonly ImportProblem[]): StoredRowError[] {
  return sortedProblems(problems).map((problem) => ({
    row: problem.row,
    column: problem.column,
    field: problem.field,
    value: clip(problem.value),
    reason: problem.message,
  }));
}

/** The error refusing an import whose rows have problems (nothing was written). */
export function rowsRejectedError(log: RejectionLog): ImportInputError {
  const rows = log.rejectedRows.size;
  const first = sortedProblems(log.problems).slice(0, 3).map(describeProblem).join('; ');
  const message =
    `${rows} row${rows === 1 ? ' has' : 's have'} problems, so nothing was imported. ` +
    'Fix them and import again, or import only the valid rows (--skip-invalid; API field skipInvalid=true). ' +
    `${log.problems.length > 3 ? 'First problems' : 'Problems'}: ${first}.`;
  return new ImportInputError('rows', message, sortedProblems(log.problems));
}

/** The HTTP problem for a refused import: 400 for bad options, 422 for a file or rows that cannot be imported. */
export function toProblemError(error: ImportInputError): ProblemError {
  const items: ProblemItem[] = error.problems.slice(0, MAX_REPORTED_PROBLEMS).map((problem) => ({
    ...(problem.row !== undefined ? { row: problem.row } : {}),
    ...(problem.column !== undefined ? { column: problem.column } : {}),
    ...(problem.field !== undefined ? { field: problem.field } : {}),
    ...(problem.value !== undefined ? { value: clip(problem.value) } : {}),
    message: problem.message,
  }));
  const more = error.problems.length - items.length;
  const detail = more > 0 ? `${error.message} (${more} more problems are not listed.)` : error.message;
  return error.stage === 'options' ? new ProblemError(400, 'Invalid import options', detail, items) : new ProblemError(422, 'Cannot import the file', detail, items);
}
