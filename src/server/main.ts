import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { Config } from './config';
import { type Database, openDatabase } from './db/database';
import { migrateDatabase } from './db/migrate';
import { countAccounts } from './features/accounts/account.repository';
import { scheduleDailyHealth } from './features/health-scoring/daily-health';
import { DEMO_USER_PASSWORD, loadDemoWorkspace } from './features/demo/demo.service';
import { ensureFirstAdmin } from './features/users/user.service';

export const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** A start-up failure the person who started Cycle can fix; printed as one line, no stack. */
export class StartupError extends Error {}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  database: Database;
  /** Stops accepting requests, lets in-flight requests finish, closes the database. */
  stop(): Promise<void>;
}

/**
 * config → database → migrate → first admin → demo workspace (empty embedded database only) → listen.
 * `say` receives the lines meant for the person who started Cycle.
 */
export async function startServer(config: Config, say: (line: string) => void): Promise<RunningServer> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    role: 'server',
    log: say,
  });
  try {
    await migrateDatabase(database.pool);
    const admin = await ensureFirstAdmin(database.db, { email: config.adminEmail, password: config.adminPassword });
    let demoLoaded = false;
    if (database.mode === 'embedded' && config.loadDemo && (await countAccounts(database.db)) === 0) {
      say('Loading the demo workspace (first start on an empty database; CYCLE_DEMO=0 skips this)…');
      const summary = await loadDemoWorkspace(database, {});
      say(`Demo workspace loaded: ${summary.accounts} accounts, ${summary.users} users.`);
      demoLoaded = true;
    }
    const app = await buildApp({ database, config }, { logLevel: config.logLevel, webRoot });
    try {
      await app.listen({ host: config.host, port: config.port });
    } catch (error) {
      await app.close();
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new StartupError(`Port ${config.port} on ${config.host} is in use (is Cycle already running?). Set PORT to use another port.`);
      }
      throw error;
    }
    const stopDailyHealth = scheduleDailyHealth(database, (error) => app.log.error({ err: error }, 'daily health recompute failed'));
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

    say('');
    say(`Cycle is running at ${url}`);
    if (admin) {
      say(`Sign in as ${admin.email} with password ${admin.generated ? admin.password : '(from CYCLE_ADMIN_PASSWORD)'}`);
      if (admin.generated) say('This password is shown only once; change it with `npx cycle users set-password`.');
    } else {
      say('Sign in with your Cycle account (forgot it? `npx cycle users set-password --email … --password …`).');
    }
    if (demoLoaded || (await hasDemoUsers(database))) {
      say(`Demo users (e.g. the CSM maya.patel@demo.cycle) sign in with the password "${DEMO_USER_PASSWORD}".`);
    }
    say(`API docs: ${url}/api/docs    Stop: Ctrl+C`);

    return {
      url,
      app,
      database,
      async stop() {
        await stopDailyHealth();
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function hasDemoUsers(database: Database): Promise<boolean> {
  const result = await database.pool.query("SELECT 1 FROM workspace_settings WHERE key = 'demo'");
  return (result.rowCount ?? 0) > 0;
}
