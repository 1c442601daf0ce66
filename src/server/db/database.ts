import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { type ClusterRole, openEmbeddedCluster } from './embedded-cluster';
import * as schema from './schema';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle; repositories that may run inside one accept `Db | Tx`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** An open connection pool, in embedded or external mode. */
export interface Database {
  mode: 'embedded' | 'external';
  pool: pg.Pool;
  db: Db;
  /** The connection string, for tools that need their own connection (COPY, tests). */
  connectionString: string;
  /** Closes the pool and, in embedded mode, stops the cluster when this process owns it. */
  close(): Promise<void>;
}

/** Thrown when the database cannot be reached or is too old; the message says how to fix it. */
export class DatabaseUnavailableError extends Error {}

const MINIMUM_SERVER_VERSION = 150000;

// Return `date` columns as 'YYYY-MM-DD' strings (calendar days, no time zone shift) and int8 as numbers.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * Opens the database: the server at `databaseUrl` when given, otherwise the embedded server on
 * `dataDir` (found running or started). Checks the server answers and is PostgreSQL 15 or later.
 */
export async function openDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  role: ClusterRole;
  poolSize?: number;
  log?: (message: string) => void;
}): Promise<Database> {
  const cluster = options.databaseUrl
    ? undefined
    : await openEmbeddedCluster(options.dataDir, { role: options.role, log: options.log });
  const connectionString = options.databaseUrl ?? cluster!.connectionString;
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 20 });
  pool.on('error', () => {}); // idle-client errors (server restart) surface on the next query instead
  try {
    await checkServer(pool, options.databaseUrl);
  } catch (error) {
    await pool.end().catch(() => {});
    await cluster?.release();
    throw error;
  }
  return {
    mode: cluster ? 'embedded' : 'external',
    pool,
    db: drizzle(pool, { schema }),
    connectionString,
    async close() {
      await pool.end();
      await cluster?.release();
    },
  };
}

async function checkServer(pool: pg.Pool, databaseUrl: string | undefined): Promise<void> {
  let version: number;
  try {
    const result = await pool.query<{ version: string }>("SELECT current_setting('server_version_num') AS version");
    version = Number(result.rows[0]?.version);
  } catch (error) {
    if (!databaseUrl) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(
      `Cannot connect to the PostgreSQL server at ${redactUrl(databaseUrl)}: ${reason}\n` +
        'Check that the server is running and DATABASE_URL is right, or unset DATABASE_URL to use the embedded server.',
    );
  }
  if (version < MINIMUM_SERVER_VERSION) {
    throw new DatabaseUnavailableError(
      `Cycle needs PostgreSQL 15 or later; the server reports version ${Math.floor(version / 10000)}.`,
    );
  }
}

/** The URL with its password replaced, safe to print. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
