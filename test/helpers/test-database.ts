import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/server/db/database';
import { withDatabase } from './global-setup';

/** A fresh, migrated database of its own for one test file; `close` drops it. */
export async function createTestDatabase(): Promise<Database & { name: string }> {
  const adminUrl = inject('adminUrl');
  const template = inject('templateDatabase');
  const name = `cycle_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ databaseUrl: withDatabase(adminUrl, name), dataDir: '', role: 'cli', poolSize: 10 });
  return {
    ...database,
    name,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await dropper.end();
    },
  };
}

/** Row count of a table, to prove a failed request changed nothing. */
export async function countRows(database: Database, table: string): Promise<number> {
  const result = await database.pool.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table}`);
  return result.rows[0]!.count;
}
