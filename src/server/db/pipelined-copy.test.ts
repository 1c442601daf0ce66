import type { PoolClient } from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/test-database';
import { pipelinedCopy } from './pipelined-copy';

/**
 * COPY in one round trip: the rows leave with the query. What a caller relies on is that rows land
 * exactly when the statement succeeds, that a failure before or during the COPY stores nothing, and
 * that the connection answers its next query correctly either way (the rows sent after a failed
 * statement must not be read as something else).
 */
describe('pipelinedCopy', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: PoolClient;

  const rows = async () =>
    (await client.query<{ id: number; note: string | null }>('SELECT id, note FROM copied ORDER BY id')).rows;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = await database.pool.connect();
    await client.query('CREATE TABLE copied (id int PRIMARY KEY, note text)');
  });

  afterAll(async () => {
    client.release();
    await database.close();
  });

  beforeEach(async () => {
    await client.query('TRUNCATE copied');
  });

  it('copies the rows and resolves with their number', async () => {
    const copied = await pipelinedCopy(
      client,
      'COPY copied (id, note) FROM STDIN',
      '1\tone\n2\t\\N\n3\ttab\\there é\n',
    );
    expect(copied).toBe(3);
    expect(await rows()).toEqual([
      { id: 1, note: 'one' },
      { id: 2, note: null },
      { id: 3, note: 'tab\there é' },
    ]);
  });

  it('runs the statements before the COPY in its transaction, and skips the COPY when one fails', async () => {
    expect(await pipelinedCopy(client, 'SELECT 1; COPY copied (id) FROM STDIN', '1\n')).toBe(1);
    await expect(
      pipelinedCopy(
        client,
        'SELECT tracking_expect_identity_version(-1); COPY copied (id) FROM STDIN',
        '2\n3\n',
      ),
    ).rejects.toMatchObject({ code: 'CY001' });
    expect(await rows()).toEqual([{ id: 1, note: null }]);
    // The CopyData and CopyDone sent after the failed guard were ignored; the connection answers.
    expect((await client.query<{ answer: number }>('SELECT 42 AS answer')).rows).toEqual([{ answer: 42 }]);
    expect(await pipelinedCopy(client, 'COPY copied (id) FROM STDIN', '4\n')).toBe(1);
    expect((await rows()).map((row) => row.id)).toEqual([1, 4]);
  });

  it('stores nothing when a row fails, and the connection stays usable', async () => {
    await pipelinedCopy(client, 'COPY copied (id) FROM STDIN', '1\n');
    await expect(pipelinedCopy(client, 'COPY copied (id) FROM STDIN', '2\n1\n3\n')).rejects.toMatchObject({
      code: '23505',
    });
    await expect(pipelinedCopy(client, 'COPY copied (id) FROM STDIN', '5\nfive\n')).rejects.toMatchObject({
      code: '22P02',
    });
    expect((await rows()).map((row) => row.id)).toEqual([1]);
    expect((await client.query<{ answer: number }>('SELECT 42 AS answer')).rows).toEqual([{ answer: 42 }]);
  });

  it('joins an open transaction, so a rollback takes the rows back', async () => {
    await client.query('BEGIN');
    expect(await pipelinedCopy(client, 'COPY copied (id) FROM STDIN', '7\n8\n')).toBe(2);
    expect((await rows()).map((row) => row.id)).toEqual([7, 8]);
    await client.query('ROLLBACK');
    expect(await rows()).toEqual([]);
  });

  it('sends a large COPY whole', async () => {
    const many = Array.from({ length: 20_000 }, (_, index) => `${index}\t${'x'.repeat(100)}\n`).join('');
    expect(await pipelinedCopy(client, 'COPY copied (id, note) FROM STDIN', many)).toBe(20_000);
    expect((await client.query<{ n: number }>('SELECT count(*)::int AS n FROM copied')).rows).toEqual([
      { n: 20_000 },
    ]);
  });
});
