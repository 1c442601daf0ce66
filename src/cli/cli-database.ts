import { loadConfig } from '../server/config';
import { type Database, openDatabase } from '../server/db/database';
import { migrateDatabase } from '../server/db/migrate';

/**
 * Runs `work` against the configured database (DATABASE_URL, or the embedded server on the data
 * folder: the running one if `npm start` is up, else started for this command and stopped after).
 * Migrations are applied first, so a CLI command on a fresh data folder works.
 */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    role: 'cli',
    log: (message) => process.stderr.write(`${message}\n`),
  });
  try {
    await migrateDatabase(database.pool);
    return await work(database);
  } finally {
    await database.close();
  }
}

/** An error the CLI prints as one plain message (no stack) before exiting with status 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
