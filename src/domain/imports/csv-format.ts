/** Quotes a CSV value when it holds a comma, a double quote, a line break or edge spaces. */
function formatCsvValue(value: string): string {
  if (!/[",\r\n]/.test(value) && value.trim() === value) return value;
  return `"${value.replaceAll('"', '""')}"`;
}

/**
 * One CSV line (RFC 4180, no line ending), quoting only the values that need it.
 * @example formatCsvRow(['acme', 'Acme, Inc.', 'said "hi"']) // 'acme,"Acme, Inc.","said ""hi"""'
 */
export function formatCsvRow(values: readonly string[]): string {
  return values.map(formatCsvValue).join(',');
}

/** A rejected row as written to the rejects file: its original cells and why it was rejected. */
export interface RejectedRow {
  row: number;
  cells: string[];
  reason: string;
}

/**
 * The rejects file: the original header plus a `reason` column, then each rejected row, CRLF-ended.
 * @example formatRejectsCsv(['name'], [{ row: 2, cells: ['x'], reason: 'bad' }]) // 'name,reason\r\nx,bad\r\n'
 */
export function formatRejectsCsv(headers: readonly string[], rows: readonly RejectedRow[]): string {
  const lines = [formatCsvRow([...headers, 'reason']), ...rows.map((row) => formatCsvRow([...row.cells, row.reason]))];
  return `${lines.join('\r\n')}\r\n`;
}
