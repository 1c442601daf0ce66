/**
 * Demo workspace load at benchmark scale: 100,000 accounts × 24 months into a throwaway embedded
 * PostgreSQL cluster, through `loadDemoWorkspace` (streamed COPY in one transaction).
 * Run: npx tsx bench/demo.bench.ts [--accounts N] [--months M] [--usage-days D]
 * Prints rows per table, seconds and rows per second. No assertions: it is a measurement.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database } from '../src/server/db/database';
import { openEmbeddedCluster } from '../src/server/db/embedded-cluster';
import { migrateDatabase } from '../src/server/db/migrate';
import * as schema from '../src/server/db/schema';
import { loadDemoWorkspace } from '../src/server/features/demo/demo.service';

const TABLES = [
  'accounts',
  'contacts',
  'subscriptions',
  'churn_events',
  'tickets',
  'survey_responses',
  'activities',
  'usage_daily',
  'users',
  'teams',
  'account_stage_history',
  'account_assignments',
  'tiers',
  'lifecycle_stages',
  'segments',
];

function argument(name: string, fallback: number | undefined): number | undefined {
  const position = process.argv.indexOf(`--${name}`);
  return position > 0 ? Number(process.argv[position + 1]) : fallback;
}

const accounts = argument('accounts', 100_000) as number;
const months = argument('months', 24) as number;
const usageDays = argument('usage-days', undefined);

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cycle-demo-bench-'));
await fs.chmod(dataDir, 0o755);
const cluster = await openEmbeddedCluster(dataDir, { role: 'cli' });
const pool = new pg.Pool({ connectionString: cluster.connectionString, max: 4 });
try {
  await migrateDatabase(pool);
  const database: Database = {
    mode: 'embedded',
    pool,
    db: drizzle(pool, { schema }),
    connectionString: cluster.connectionString,
    close: async () => {},
  };
  let lastReport = 0;
  const started = performance.now();
  const heapBefore = process.memoryUsage().rss;
  let peakRss = heapBefore;
  const summary = await loadDemoWorkspace(database, {
    accounts,
    months,
    usageDays,
    now: new Date(),
    onProgress: (done, total) => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      const now = performance.now();
      if (now - lastReport > 5_000 || done === total) {
        lastReport = now;
        process.stderr.write(
          `  ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} accounts, ${((now - started) / 1000).toFixed(1)} s\n`,
        );
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;

  const rows: [string, number][] = [];
  for (const table of TABLES) {
    const result = await pool.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table}`);
    rows.push([table, result.rows[0]?.count ?? 0]);
  }
  const total = rows.reduce((sum, [, count]) => sum + count, 0);
  const width = Math.max(...rows.map(([table]) => table.length), 'all tables'.length);
  const line = (label: string, value: string) =>
    process.stdout.write(`${label.padEnd(width)}  ${value.padStart(12)}\n`);
  process.stdout.write(
    `\nDemo load: ${accounts.toLocaleString('en-US')} accounts × ${months} months (summary: ${summary.usageDays.toLocaleString('en-US')} usage days)\n\n`,
  );
  line('table', 'rows');
  line('-'.repeat(width), '-'.repeat(12));
  for (const [table, count] of rows) line(table, count.toLocaleString('en-US'));
  line('all tables', total.toLocaleString('en-US'));
  process.stdout.write(
    `\nseconds      ${seconds.toFixed(1)}\nrows/s       ${Math.round(total / seconds).toLocaleString('en-US')}\n`,
  );
  process.stdout.write(
    `accounts/s   ${Math.round(accounts / seconds).toLocaleString('en-US')}\npeak RSS     ${Math.round(peakRss / 1024 / 1024)} MB\n`,
  );
} finally {
  await pool.end();
  await cluster.release();
  await fs.rm(dataDir, { recursive: true, force: true });
}
