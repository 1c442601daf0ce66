/**
 * Portfolio read benchmark (DESIGN.md §8: API reads — Account 360 and a portfolio page — p99 < 50 ms
 * at 100,000 accounts with 50 concurrent clients): on a throwaway embedded PostgreSQL cluster, for
 * 10,000 and 100,000 demo accounts,
 * 1. loads the demo workspace (timed apart; it scores every account, so account_health is full),
 * 2. starts the real HTTP server in a child process on 127.0.0.1 (so the clients' own work does not
 *    slow the server's event loop), signs in every demo user and shares the sessions among 50 clients,
 * 3. for each read, runs 50 clients back to back (each sends its next request when the last answered)
 *    until `--requests` answers, after 50 warm-up requests, and reports p50/p99/max:
 *    the ratio base `GET /api/v1/auth/me` (session check, one tiny query), the default portfolio page,
 *    band filter + sort by health, owner=me, text search, sort by MRR descending, page 20, and
 *    Account 360 (`GET /accounts/:id` of seeded random accounts),
 * 4. times the CSV export of every account (one client, default columns), bytes and rows checked.
 * Ratio = p99 ÷ the ratio base's p99 in the same run. Nothing here asserts a time.
 *
 * Run: npx tsx bench/portfolio.bench.ts [--sizes 10000,100000] [--months 24] [--usage-days 30] [--requests 500] [--clients 50]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemoPeople } from '../src/domain/demo/demo-people';
import { SeededRandom } from '../src/domain/demo/seeded-random';
import { buildApp } from '../src/server/app';
import { type Database, openDatabase } from '../src/server/db/database';
import { openEmbeddedCluster } from '../src/server/db/embedded-cluster';
import { migrateDatabase } from '../src/server/db/migrate';
import { DEMO_USER_PASSWORD, loadDemoWorkspace } from '../src/server/features/demo/demo.service';

const SEED = 20_240_601;
const TARGET_P99_MS = 50;
const WARM_UP_REQUESTS = 50;

function argument(name: string): string | undefined {
  const position = process.argv.indexOf(`--${name}`);
  return position > 0 ? process.argv[position + 1] : undefined;
}

const log = (message: string) => process.stderr.write(`  ${message}\n`);

/** Nearest-rank percentile (p in 0–100) of a non-empty list. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Child-process mode: serve the API on 127.0.0.1 from the given database and print the port. */
async function serve(databaseUrl: string): Promise<void> {
  const database = await openDatabase({ databaseUrl, dataDir: '', role: 'cli' });
  const app = await buildApp({ database, config: { secureCookies: false } }, { logLevel: 'warn' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  process.stdout.write(`PORT ${typeof address === 'object' && address ? address.port : 0}\n`);
  process.on('SIGTERM', () => {
    void app.close().then(() => database.close().then(() => process.exit(0)));
  });
}

/** Starts this file in server mode and resolves with its base URL once it listens. */
async function startServerProcess(databaseUrl: string): Promise<{ baseUrl: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', databaseUrl],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, TZ: 'UTC' },
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /PORT (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`the benchmark server exited early (code ${code})`)));
  });
  return { baseUrl: `http://127.0.0.1:${port}`, child };
}

interface Session {
  cookie: string;
  role: string;
}

async function signInDemoUsers(baseUrl: string): Promise<Session[]> {
  const sessions: Session[] = [];
  for (const user of buildDemoPeople(SEED).users) {
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: DEMO_USER_PASSWORD }),
    });
    if (response.status !== 200)
      throw new Error(`sign-in as ${user.email} failed: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    sessions.push({ cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]!, role: user.role });
  }
  return sessions;
}

interface Latency {
  p50: number;
  p99: number;
  max: number;
  requests: number;
  perSecond: number;
}

/**
 * `clients` loops, each sending the next request as soon as the last one answered, until `total`
 * answers (after the warm-up); every answer must be 200.
 */
async function measure(
  baseUrl: string,
  sessions: Session[],
  path: (client: number, request: number) => string,
  clients: number,
  total: number,
): Promise<Latency> {
  const run = async (count: number, record: number[]) => {
    let next = 0;
    const loop = async (client: number) => {
      const session = sessions[client % sessions.length]!;
      while (next < count) {
        const request = next;
        next += 1;
        const started = performance.now();
        const response = await fetch(`${baseUrl}${path(client, request)}`, {
          headers: { cookie: session.cookie },
        });
        const body = await response.arrayBuffer();
        if (response.status !== 200)
          throw new Error(`GET ${path(client, request)}: ${response.status} ${Buffer.from(body).toString()}`);
        record.push(performance.now() - started);
      }
    };
    await Promise.all(Array.from({ length: clients }, (_, client) => loop(client)));
  };
  await run(WARM_UP_REQUESTS, []);
  const latencies: number[] = [];
  const started = performance.now();
  await run(total, latencies);
  const seconds = (performance.now() - started) / 1000;
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    requests: latencies.length,
    perSecond: latencies.length / seconds,
  };
}

interface SizeResult {
  accounts: number;
  loadSeconds: number;
  reads: { label: string; latency: Latency }[];
  export: { seconds: number; rows: number; megabytes: number };
}

async function runSize(
  accounts: number,
  options: { months: number; usageDays: number; requests: number; clients: number },
): Promise<SizeResult> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cycle-bench-portfolio-'));
  fs.chmodSync(workDir, 0o755);
  const dataDir = path.join(workDir, 'data');
  fs.mkdirSync(dataDir, { mode: 0o755 });
  const cluster = await openEmbeddedCluster(dataDir, { role: 'cli' });
  let database: Database | undefined;
  let server: ChildProcess | undefined;
  try {
    database = await openDatabase({
      databaseUrl: cluster.connectionString,
      dataDir: '',
      role: 'cli',
      poolSize: 4,
    });
    const opened = database;
    await migrateDatabase(opened.pool);
    log(`${accounts.toLocaleString('en-US')} accounts: loading the demo workspace…`);
    const loadStarted = performance.now();
    await loadDemoWorkspace(opened, {
      accounts,
      months: options.months,
      usageDays: options.usageDays,
      seed: SEED,
      now: new Date(),
    });
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    log('VACUUM ANALYZE and CHECKPOINT after the load…');
    await opened.pool.query('VACUUM (ANALYZE)');
    await opened.pool.query('CHECKPOINT');

    const worstBand = await opened.pool.query<{ band: string }>(
      'SELECT band FROM account_health WHERE band_index = 0 LIMIT 1',
    );
    const band = worstBand.rows[0]?.band;
    if (!band) throw new Error('No account has a health score; the demo load should have scored them.');
    const idRows = await opened.pool.query<{ id: string }>('SELECT id FROM accounts ORDER BY id');
    const random = new SeededRandom(SEED, 11);
    const accountIds = Array.from(
      { length: 1000 },
      () => idRows.rows[random.integer(0, idRows.rows.length - 1)]!.id,
    );
    // A word that occurs in many names (the demo names companies "<Word> <Word> …"): the first word of a seeded account.
    const searchWord = (
      await opened.pool.query<{ word: string }>(
        `SELECT lower(split_part(name, ' ', 1)) AS word FROM accounts WHERE id = $1`,
        [accountIds[0]],
      )
    ).rows[0]!.word;

    const started = await startServerProcess(cluster.connectionString);
    server = started.child;
    const { baseUrl } = started;
    const sessions = await signInDemoUsers(baseUrl);
    const csmSessions = sessions.filter((session) => session.role === 'csm');

    const reads: SizeResult['reads'] = [];
    const read = async (
      label: string,
      pathOf: (client: number, request: number) => string,
      who: Session[] = sessions,
    ) => {
      log(`${label}…`);
      reads.push({ label, latency: await measure(baseUrl, who, pathOf, options.clients, options.requests) });
    };
    await read('ratio base: GET /auth/me', () => '/api/v1/auth/me');
    await read('portfolio: default view (name, page 1 of 50)', () => '/api/v1/accounts?pageSize=50');
    await read(
      `portfolio: band=${band}, sort by health`,
      () => `/api/v1/accounts?pageSize=50&band=${encodeURIComponent(band)}&sort=health`,
    );
    await read('portfolio: owner=me (CSMs)', () => '/api/v1/accounts?pageSize=50&owner=me', csmSessions);
    await read(
      `portfolio: text search "${searchWord}"`,
      () => `/api/v1/accounts?pageSize=50&q=${encodeURIComponent(searchWord)}`,
    );
    await read('portfolio: sort by MRR descending', () => '/api/v1/accounts?pageSize=50&sort=-mrr');
    await read('portfolio: page 20', () => '/api/v1/accounts?pageSize=50&page=20');
    await read(
      'Account 360: GET /accounts/:id',
      (client, request) => `/api/v1/accounts/${accountIds[(client * 31 + request) % accountIds.length]}`,
    );

    log('CSV export of every account…');
    const exportStarted = performance.now();
    const response = await fetch(`${baseUrl}/api/v1/accounts/export.csv`, {
      headers: { cookie: sessions[0]!.cookie },
    });
    if (response.status !== 200) throw new Error(`export: ${response.status} ${await response.text()}`);
    let bytes = 0;
    let lines = 0;
    const reader = response.body!.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      bytes += chunk.value.byteLength;
      for (const byte of chunk.value) if (byte === 10) lines += 1;
    }
    const exportSeconds = (performance.now() - exportStarted) / 1000;
    if (lines - 1 !== accounts) throw new Error(`export wrote ${lines - 1} rows for ${accounts} accounts`);
    return {
      accounts,
      loadSeconds,
      reads,
      export: { seconds: exportSeconds, rows: lines - 1, megabytes: bytes / 1_048_576 },
    };
  } finally {
    if (server) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await database?.pool.end().catch(() => {});
    await cluster.release();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function printResults(results: SizeResult[], options: { clients: number; requests: number }): void {
  const out = (text: string) => process.stdout.write(`${text}\n`);
  const line = (cells: string[]) => out(`| ${cells.join(' | ')} |`);
  out(
    `\nPortfolio read benchmark: demo workspace, ${options.clients} concurrent clients over HTTP on 127.0.0.1 (server in its own process), ${options.requests} requests per read after ${WARM_UP_REQUESTS} warm-up`,
  );
  out(
    `Ratio = p99 ÷ p99 of GET /auth/me in the same run; target from DESIGN.md §8: p99 < ${TARGET_P99_MS} ms.\n`,
  );
  line(['accounts', 'read', 'p50 ms', 'p99 ms', 'max ms', 'req/s', 'ratio (p99)', 'target', 'met?']);
  line(['---:', '---', '---:', '---:', '---:', '---:', '---:', '---', '---']);
  for (const result of results) {
    const base = result.reads[0]!.latency.p99;
    for (const { label, latency } of result.reads) {
      const isBase = label.startsWith('ratio base');
      line([
        result.accounts.toLocaleString('en-US'),
        label,
        latency.p50.toFixed(1),
        latency.p99.toFixed(1),
        latency.max.toFixed(1),
        latency.perSecond.toFixed(0),
        isBase ? '1.0' : (latency.p99 / base).toFixed(1),
        isBase ? '—' : `< ${TARGET_P99_MS} ms`,
        isBase ? '—' : latency.p99 < TARGET_P99_MS ? 'met' : 'MISSED',
      ]);
    }
    line([
      result.accounts.toLocaleString('en-US'),
      `CSV export, every account (${result.export.rows.toLocaleString('en-US')} rows, ${result.export.megabytes.toFixed(1)} MB)`,
      `${(result.export.seconds * 1000).toFixed(0)} total`,
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
    ]);
  }
  out('');
  for (const result of results)
    out(
      `${result.accounts.toLocaleString('en-US')} accounts: demo load ${result.loadSeconds.toFixed(1)} s (apart)`,
    );
}

if (process.argv.includes('--serve')) {
  await serve(argument('serve')!);
} else {
  const sizes = (argument('sizes') ?? '10000,100000').split(',').map((value) => Number(value.trim()));
  const options = {
    months: Number(argument('months') ?? 24),
    usageDays: Number(argument('usage-days') ?? 30),
    requests: Number(argument('requests') ?? 500),
    clients: Number(argument('clients') ?? 50),
  };
  if (
    sizes.some((size) => !Number.isInteger(size) || size < 1) ||
    Object.values(options).some((value) => !Number.isInteger(value) || value < 1)
  ) {
    process.stderr.write(
      'usage: npx tsx bench/portfolio.bench.ts [--sizes 10000,100000] [--months 24] [--usage-days 30] [--requests 500] [--clients 50]\n',
    );
    process.exit(2);
  }
  const results: SizeResult[] = [];
  for (const accounts of sizes) results.push(await runSize(accounts, options));
  printResults(results, options);
}
