import { pipeline, type Readable, Transform } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { ImportInputError, type ImportProblem } from '../../../domain/imports/import-problems';

/** Longest record accepted, in characters; longer ones are almost always an unclosed quote. */
export const MAX_RECORD_CHARACTERS = 1_000_000;

/** One data row of the file: `row` 1 is the first line after the header. */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/** What the reader has seen so far (read while iterating, for progress and encoding checks). */
export interface CsvReadState {
  bytesRead: number;
  /** True once a byte sequence that is not UTF-8 was found anywhere so far. */
  invalidUtf8: boolean;
}

export interface CsvRecordReader {
  headers: string[];
  records: AsyncIterable<CsvRecord>;
  state: CsvReadState;
  /** Stops reading and releases the input; for a caller that gives up before the last record. */
  close(): void;
}

/** Passes bytes through unchanged, counting them and noting the first invalid UTF-8 sequence. */
function utf8Checker(state: CsvReadState): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const check = (work: () => void) => {
    if (state.invalidUtf8) return;
    try {
      work();
    } catch {
      state.invalidUtf8 = true;
    }
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      state.bytesRead += chunk.length;
      check(() => decoder.decode(chunk, { stream: true }));
      callback(null, chunk);
    },
    flush(callback) {
      check(() => decoder.decode());
      callback();
    },
  });
}

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a double quote opens a value here that is never closed (unbalanced quotes); close it, or write a quote inside a quoted value as two quotes ("")';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'a quoted value is followed by more characters before the next comma (like "abc"def); quote the whole value and write quotes inside it as two quotes ("")';
    case 'CSV_MAX_RECORD_SIZE':
      return `the row is longer than ${MAX_RECORD_CHARACTERS.toLocaleString('en-US')} characters, which usually means a double quote is never closed`;
    default:
      return `the file is not valid CSV: ${error.message}`;
  }
}

/** Turns a parser error into a file-level import error naming the row (and column) where it happened. */
function csvSyntaxError(error: CsvError, headers: readonly string[] | undefined): ImportInputError {
  const context = error as CsvError & { records?: number; index?: number };
  const row = context.records ?? 0;
  const column = row > 0 && context.index !== undefined ? headers?.[context.index] : undefined;
  const problem: ImportProblem = { row, ...(column !== undefined ? { column } : {}), message: describeCsvError(error) };
  const where = row === 0 ? 'in the header' : `at row ${row}${column !== undefined ? `, column ${column}` : ''}`;
  return new ImportInputError('file', `The file cannot be read as CSV ${where}: ${problem.message}.`, [problem]);
}

const isEmptyLine = (cells: readonly string[]) => cells.length === 1 && cells[0] === '';

/**
 * Starts reading a CSV byte stream: resolves once the header row is read, then yields each data
 * row (empty lines are skipped but keep their row number). CSV syntax errors become
 * {@link ImportInputError}s of stage "file"; errors of `input` itself (I/O, upload limit) pass through.
 */
export async function openCsvRecordReader(input: Readable): Promise<CsvRecordReader> {
  const state: CsvReadState = { bytesRead: 0, invalidUtf8: false };
  const parser = parse({ bom: true, relax_column_count: true, max_record_size: MAX_RECORD_CHARACTERS, skip_empty_lines: false });
  const stream = pipeline(input, utf8Checker(state), parser, () => {});
  const iterator: AsyncIterator<string[]> = stream[Symbol.asyncIterator]();
  const seen: { headers?: string[] } = {};

  const next = async (): Promise<IteratorResult<string[]>> => {
    try {
      return await iterator.next();
    } catch (error) {
      if (error instanceof CsvError) throw csvSyntaxError(error, seen.headers);
      throw error;
    }
  };

  const first = await next();
  if (first.done) {
    throw new ImportInputError('file', 'The file is empty; its first line must be the header row.', [
      { row: 0, message: 'the file is empty; its first line must be the header row' },
    ]);
  }
  const headers = first.value.map((header) => header.trim());
  seen.headers = headers;
  if (state.invalidUtf8 && headers.some((header) => header.includes('\uFFFD'))) {
    await iterator.return?.();
    const message = 'the header row has bytes that are not UTF-8; save the file as UTF-8 (in Excel: "CSV UTF-8") and import again';
    throw new ImportInputError('file', `The file is not UTF-8: ${message}.`, [{ row: 0, message }]);
  }

  async function* records(): AsyncGenerator<CsvRecord> {
    let row = 0;
    try {
      for (let result = await next(); !result.done; result = await next()) {
        row += 1;
        if (!isEmptyLine(result.value)) yield { row, cells: result.value };
      }
    } finally {
      stream.destroy(); // releases the input when the caller stops early; a no-op once it has ended
    }
  }

  return { headers, records: records(), state, close: () => stream.destroy() };
}
