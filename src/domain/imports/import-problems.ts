/** One thing wrong with an import, named precisely enough to fix it. */
export interface ImportProblem {
  /** Data row number: 1 is the first line after the header (line 2 of the file in a spreadsheet). */
  row?: number;
  /** The column as headed in the file. */
  column?: string;
  /** The Cycle field (or import option) concerned. */
  field?: string;
  value?: string;
  message: string;
}

/**
 * Where an import was refused: its options (the request), the file as a whole (encoding of the
 * header, CSV syntax, missing columns), or some of its rows.
 */
export type ImportFailureStage = 'options' | 'file' | 'rows';

/** An import refused before anything was written; `problems` lists every reason found. */
export class ImportInputError extends Error {
  constructor(
    readonly stage: ImportFailureStage,
    message: string,
    readonly problems: ImportProblem[],
  ) {
    super(message);
  }
}

/**
 * One line per problem, for a summary: "row 3, column Amount: "x" is not an amount".
 * @example describeProblem({ row: 3, column: 'amount', message: 'is empty' }) // 'row 3, column amount: is empty'
 */
export function describeProblem(problem: ImportProblem): string {
  const where = [problem.row !== undefined && `row ${problem.row}`, problem.column !== undefined && `column ${problem.column}`]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${problem.message}` : problem.message;
}
