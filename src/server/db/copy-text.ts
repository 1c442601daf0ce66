/** COPY text format: null, escaping, and a buffer that collects encoded lines. */

export const COPY_NULL = '\\N';
const SPECIAL = /[\\\t\n\r]/;

/** A value in COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
export function copyText(value: string | null): string {
  if (value === null) return COPY_NULL;
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (character) =>
    character === '\\' ? '\\\\' : character === '\t' ? '\\t' : character === '\n' ? '\\n' : '\\r',
  );
}

/** A table loaded by COPY: its name, the columns in row order, and one batch's rows as COPY text chunks. */
export interface CopyTable {
  table: string;
  columns: readonly string[];
  chunks: Buffer[];
  rows: number;
}

/** Bytes per COPY chunk. Rows are encoded straight into buffers so large batches put no load on the GC. */
const CHUNK_BYTES = 256 * 1024;

/** Collects COPY text lines into UTF-8 buffers of about CHUNK_BYTES. */
export class CopyBuffer {
  readonly chunks: Buffer[] = [];
  rows = 0;
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private offset = 0;

  write(line: string): void {
    this.rows += 1;
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (line.length * 3 > CHUNK_BYTES - this.offset) {
      this.seal();
      if (line.length * 3 > CHUNK_BYTES) {
        this.chunks.push(Buffer.from(line));
        return;
      }
    }
    this.offset += this.buffer.write(line, this.offset);
  }

  finish(): Buffer[] {
    this.seal();
    return this.chunks;
  }

  private seal(): void {
    if (this.offset === 0) return;
    this.chunks.push(this.buffer.subarray(0, this.offset));
    this.buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    this.offset = 0;
  }
}
