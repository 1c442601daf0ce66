import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Lines are sent to PostgreSQL in batches of about this many characters. */
const BATCH_CHARACTERS = 256 * 1024;

/** A COPY … FROM STDIN in progress on one connection, fed line by line with back-pressure. */
export interface CopyStreamWriter {
  write(line: string): Promise<void>;
  /** Sends the last batch and waits until PostgreSQL has taken every row. */
  finish(): Promise<void>;
  /** Cancels the COPY (PostgreSQL discards it); safe to call after a failure. */
  abort(): Promise<void>;
}

/**
 * Starts `copySql` (a `COPY … FROM STDIN` in text format) on `client`.
 * @example const writer = startCopy(client, 'COPY t (a) FROM STDIN'); await writer.write('1\n'); await writer.finish();
 */
export function startCopy(client: pg.PoolClient, copySql: string): CopyStreamWriter {
  const stream = client.query(copyFrom(copySql));
  let failure: Error | undefined;
  stream.on('error', (error: Error) => {
    failure = error;
  });
  let batch = '';

  async function flush(): Promise<void> {
    if (failure) throw failure;
    if (batch === '') return;
    const ready = stream.write(batch);
    batch = '';
    if (!ready) await once(stream, 'drain'); // rejects if the COPY fails meanwhile
    if (failure) throw failure;
  }

  return {
    async write(line) {
      batch += line;
      if (batch.length >= BATCH_CHARACTERS) await flush();
    },
    async finish() {
      await flush();
      stream.end();
      await finished(stream);
      if (failure) throw failure;
    },
    async abort() {
      if (stream.destroyed || stream.writableFinished) return;
      stream.destroy(new Error('import cancelled'));
      await finished(stream).catch(() => {});
    },
  };
}
