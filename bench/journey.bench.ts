/**
 * Customer journey benchmark (issue #7): the journey board, its drill-down, tier cadences, segment
 * previews, capacity books, a rebalancing preview and the journey refresh, at scale. On a throwaway
 * embedded PostgreSQL cluster:
 * 1. loads the demo workspace with `--accounts` accounts (timed apart; it brings tiers, stages with
 *    stage history, segments and the team),
 * 2. starts the real HTTP server (buildApp) on 127.0.0.1 and signs in the demo manager,
 * 3. sends each read `--requests` times from one client, after 3 warm-up requests, and reports
 *    p50 / p99 / max and the ratio of p50 to the ratio base `GET /api/v1/auth/me` in the same run,
 * 4. times `refreshJourney` (tiers, stage rules, dynamic segments) with nothing changed, median of 3.
 * Nothing here asserts a time.
 *
 * Run: npx tsx bench/journey.bench.ts [--accounts 100000] [--months 24] [--usage-days 30] [--requests 20]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app';
import { openDatabase } from '../src/server/db/database';
import { openEmbeddedCluster } from '../src/server/db/embedded-cluster';
import { migrateDatabase } from '../src/server/db/migrate';
import { DEMO_USER_PASSWORD, loadDemoWorkspace } from '../src/server/features/demo/demo.service';
import { refreshJourney } from '../src/server/features/segments/journey-refresh';

const SEED = 42;

function argument(name: string, fallback: number): number {
  const position = process.argv.indexOf(`--${name}`);
  const value = position > 0 ? Number(process.argv[position + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a whole number above 0`);
  return value;
}
const accounts = argument('accounts', 100_000);
const months = argument('months', 24);
const usageDays = argument('usage-days', 30);
const requests = argument('requests', 20);

const percentile = (values: number[], share: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((share / 100) * sorted.length) - 1)]!;
};
const median = (values: number[]) => percentile(values, 50);
const log = (text: string) => process.stderr.write(`${text}\n`);

async function main(): Promise<void> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cycle-bench-journey-'));
  fs.chmodSync(workDir, 0o755);
  const dataDir = path.join(workDir, 'data');
  fs.mkdirSync(dataDir, { mode: 0o755 });
  const cluster = await openEmbeddedCluster(dataDir, { role: 'cli' });
  const database = await openDatabase({ databaseUrl: cluster.connectionString, dataDir: '', role: 'server' });
  try {
    await migrateDatabase(database.pool);
    log(`loading the demo workspace: ${accounts.toLocaleString('en-US')} accounts × ${months} months…`);
    const loadStarted = performance.now();
    await loadDemoWorkspace(database, { accounts, months, usageDays, seed: SEED, now: new Date() });
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    await database.pool.query('VACUUM ANALYZE');

    const app = await buildApp({ database, config: { secureCookies: false } }, { logLevel: 'warn' });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'elena.rossi@demo.cycle', password: DEMO_USER_PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;

    const call = async (method: string, url: string, body?: unknown) => {
      const response = await fetch(`${baseUrl}${url}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 300)}`);
      return JSON.parse(text) as Record<string, unknown>;
    };
    const board = (await call('GET', '/api/v1/journey/board')) as {
      columns: { stage: { id: string; name: string } }[];
    };
    const adoption = (board.columns.find((column) => column.stage.name === 'Adoption') ?? board.columns[0]!).stage;

    const reads: [string, string, string, unknown?][] = [
      ['ratio base: GET /auth/me', 'GET', '/api/v1/auth/me'],
      ['journey board, figures only (metrics=skip: the first paint)', 'GET', '/api/v1/journey/board?metrics=skip'],
      ['journey board with the stage metrics', 'GET', '/api/v1/journey/board'],
      [`board drill-down (${adoption.name}, page 1)`, 'GET', `/api/v1/journey/board/${adoption.id}/accounts`],
      ['tier cadences (overdue counts)', 'GET', '/api/v1/tiers/cadence'],
      [
        'segment preview: ARR ≥ $50k and Red or Yellow',
        'POST',
        '/api/v1/segments/preview',
        {
          rule: {
            kind: 'group',
            combinator: 'and',
            rules: [
              { kind: 'condition', field: 'arr', operator: 'gte', value: 50_000 },
              { kind: 'condition', field: 'health_band', operator: 'in', value: ['Red', 'Yellow'] },
            ],
          },
        },
      ],
      [
        'segment preview: seat utilisation < 25%',
        'POST',
        '/api/v1/segments/preview',
        { rule: { kind: 'condition', field: 'seat_utilisation', operator: 'lt', value: 25 } },
      ],
      ['capacity books', 'GET', '/api/v1/capacity'],
      ['rebalancing preview', 'POST', '/api/v1/capacity/rebalance/preview', {}],
    ];
    const results: { label: string; p50: number; p99: number; max: number }[] = [];
    for (const [label, method, url, body] of reads) {
      log(`${label}…`);
      for (let warm = 0; warm < 3; warm += 1) await call(method, url, body);
      const times: number[] = [];
      for (let index = 0; index < requests; index += 1) {
        const started = performance.now();
        await call(method, url, body);
        times.push(performance.now() - started);
      }
      results.push({ label, p50: median(times), p99: percentile(times, 99), max: Math.max(...times) });
    }
    await app.close();

    log('journey refresh with nothing changed…');
    const refreshTimes: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      await refreshJourney(database);
      refreshTimes.push(performance.now() - started);
    }

    const base = results[0]!.p50;
    const out = (text: string) => process.stdout.write(`${text}\n`);
    out(
      `\nJourney benchmark: demo workspace of ${accounts.toLocaleString('en-US')} accounts × ${months} months (loaded in ${loadSeconds.toFixed(0)} s), ` +
        `one client over HTTP on 127.0.0.1, ${requests} requests per read after 3 warm-ups, PostgreSQL (embedded), ${os.cpus().length} CPUs\n`,
    );
    out('| read | p50 ms | p99 ms | max ms | p50 ÷ base |');
    out('|---|---:|---:|---:|---:|');
    for (const row of results) {
      out(`| ${row.label} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)} | ${row.max.toFixed(1)} | ${(row.p50 / base).toFixed(1)} |`);
    }
    out(`\njourney refresh, nothing changed (tiers, stage rules, dynamic segments): median ${(median(refreshTimes) / 1000).toFixed(2)} s of 3`);
  } finally {
    await database.pool.end().catch(() => {});
    await cluster.release();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
