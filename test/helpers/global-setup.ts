import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openEmbeddedCluster, type EmbeddedCluster } from '../../src/server/db/embedded-cluster';
import { migrateDatabase } from '../../src/server/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection to a database on the test server with rights to CREATE DATABASE. */
    adminUrl: string;
    /** The migrated template each test file clones its own database from. */
    templateDatabase: string;
  }
}

/**
 * Starts the database the integration suite runs on: the server at DATABASE_URL when set,
 * otherwise a throwaway embedded cluster. Builds one migrated template database per run.
 */
export default async function setup(project: TestProject) {
  let cluster: EmbeddedCluster | undefined;
  let dataDir: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cycle-test-'));
    await fs.chmod(dataDir, 0o755);
    cluster = await openEmbeddedCluster(dataDir, { role: 'cli' });
    adminUrl = cluster.connectionString;
  }
  const templateDatabase = `cycle_test_template_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${templateDatabase}`);
  const pool = new pg.Pool({ connectionString: withDatabase(adminUrl, templateDatabase), max: 2 });
  await migrateDatabase(pool);
  await pool.end();

  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`).catch(() => {});
    await admin.end();
    if (cluster) await cluster.release();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
