import type { PoolClient } from 'pg';

/** What node-postgres hands a submittable query: the connection's socket. */
interface Connection {
  stream: { write(chunk: Buffer): boolean };
}

/** A server message node-postgres passes on (CommandComplete carries `text`, e.g. "COPY 213"). */
interface ServerMessage {
  text?: string;
}

/**
 * `COPY … FROM STDIN` of the given rows in one round trip: the Query message, the rows as one
 * CopyData message and CopyDone leave in one socket write, without waiting for PostgreSQL's
 * CopyInResponse, and the reply (CommandComplete, ReadyForQuery) comes back in one read. A COPY
 * through pg-copy-streams takes two round trips, each a wakeup on both sides.
 *
 * `statement` is sent as a simple Query and may hold statements before the COPY (no parameters:
 * values in it must be literals the caller controls). They run as one implicit transaction with the
 * COPY (unless an explicit transaction is open): if one of them fails, PostgreSQL skips the rest of
 * the string, answers the error and ignores the CopyData and CopyDone that follow, as the protocol
 * lets a client send them after a COPY it started has failed. So nothing is stored and the
 * connection stays usable. `rows` is COPY text format, each row ending in a newline. Resolves with
 * the number of rows copied.
 */
export function pipelinedCopy(client: PoolClient, statement: string, rows: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    client.query(new PipelinedCopy(statement, rows, resolve, reject) as never);
  });
}

/** A node-postgres "submittable": it writes its own protocol messages and receives the replies. */
class PipelinedCopy {
  private copied = 0;
  private settled = false;

  constructor(
    private readonly statement: string,
    private readonly rows: string,
    private readonly resolve: (rows: number) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  submit(connection: Connection): void {
    const statementBytes = Buffer.byteLength(this.statement);
    const rowBytes = Buffer.byteLength(this.rows);
    // Query: 'Q', length, text, NUL. CopyData: 'd', length, rows. CopyDone: 'c', length 4.
    const message = Buffer.allocUnsafe(1 + 4 + statementBytes + 1 + 1 + 4 + rowBytes + 1 + 4);
    let at = 0;
    message[at] = 0x51;
    message.writeUInt32BE(4 + statementBytes + 1, at + 1);
    at += 5;
    at += message.write(this.statement, at);
    message[at] = 0;
    at += 1;
    message[at] = 0x64;
    message.writeUInt32BE(4 + rowBytes, at + 1);
    at += 5;
    at += message.write(this.rows, at);
    message[at] = 0x63;
    message.writeUInt32BE(4, at + 1);
    connection.stream.write(message);
  }

  /** node-postgres replaces this with its timeout handling when `query_timeout` is set. */
  callback(): void {}

  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  /** The rows went with the query already. */
  handleCopyInResponse(): void {}
  handleCopyData(): void {}

  handleCommandComplete(message: ServerMessage): void {
    const copied = /^COPY (\d+)/.exec(message.text ?? '');
    if (copied) this.copied = Number(copied[1]);
  }

  /** node-postgres stops sending this query's replies after an error; ReadyForQuery goes to no one. */
  handleError(error: unknown): void {
    this.callback();
    if (this.settled) return;
    this.settled = true;
    this.reject(error);
  }

  handleReadyForQuery(): void {
    this.callback();
    if (this.settled) return;
    this.settled = true;
    this.resolve(this.copied);
  }
}
