/**
 * Usage ingestion benchmark (DESIGN.md §8: Segment batches over HTTP at ≥ 50% of PostgreSQL's raw
 * COPY rate measured in the same run, and ≥ 100,000 events/s). On a throwaway embedded cluster:
 * 1. creates `--accounts` accounts with external ids, `--users` users per account and a write key,
 *    starts the real HTTP server (buildApp) on 127.0.0.1 and groups every user into its account
 *    (group calls, batches of 500; timed apart),
 * 2. for batches of 100 and of 500 track events (~450 bytes each: a seeded mix of event names,
 *    properties and a Segment library context), `--events` events in `--rounds` rounds. Each round
 *    sends its share from `--clients` concurrent keep-alive clients (in a worker thread, so that
 *    sending does not take the server's event loop), waits until the usage fold has counted it, then
 *    COPYs the same rows (same columns, same account ids), one stream, into a `LIKE usage_events
 *    INCLUDING ALL` table (same indexes and defaults) that holds what usage_events holds. Every timed
 *    part starts after a checkpoint with no autovacuum running. Reports events/s, p50/p99 batch
 *    latency, the machine's busy CPU per event, how long after the last answer the fold had counted
 *    every event, and the ratio: the median of the rounds' HTTP events/s ÷ COPY rows/s. Pairing each
 *    HTTP part with a COPY seconds later keeps the shared machine's drift out of the ratio. Before
 *    the first size, `--warmup` events in batches of 100 (not timed; 0 for none) warm the server up,
 * 3. (no separate step: the COPY base is measured within the rounds),
 * 4. verifies the effect exactly: usage_events holds each messageId once, and usage_daily's event
 *    counts (total and per name) and active users equal what was sent,
 * 5. durability: a real `cycle start` child on a database of the same cluster, `--durability-events`
 *    events in batches of 500 from the same number of clients, SIGKILL once 40% of the batches were
 *    answered, restart, check every batch answered 2xx is stored exactly once, re-send the rest and
 *    check the set is complete with nothing twice.
 *
 * Run: npx tsx bench/ingest.bench.ts [--events 200000] [--clients 8] [--accounts 1000] [--users 5] [--durability-events 100000] [--batches 100,500] [--rounds 4]
 * (`npm run bench ingest` runs it with the defaults).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { SeededRandom } from '../src/domain/demo/seeded-random';
import { buildApp } from '../src/server/app';
import { type Database, openDatabase } from '../src/server/db/database';
import { openEmbeddedCluster } from '../src/server/db/embedded-cluster';
import { migrateDatabase } from '../src/server/db/migrate';
import { createWriteKey } from '../src/server/features/tracking/write-key.service';
import { childEnvironment, startCycleServer, waitForExit } from '../test/helpers/cli-process';

const SEED = 20_260_302;
const SOURCE = 'bench-app';
const TARGET_RATIO = 0.5;
/** The columns the HTTP path writes (the rest take their defaults), in the order of copyText. */
const COPY_COLUMNS =
  'source, message_id, account_id, contact_id, user_id, anonymous_id, user_key, type, event, occurred_at, received_at, properties, context';
const TARGET_EVENTS_PER_SECOND = 100_000;
/** Durability run: the server is SIGKILLed once this share of its batches was answered. */
const KILL_AT_SHARE = 0.4;
const DURABILITY_BATCH = 500;
/** The day the events happen on and the days before it they spread over. */
const LAST_DAY = Date.UTC(2026, 2, 1);
const DAYS = 14;

function argument(name: string): string | undefined {
  const position = process.argv.indexOf(`--${name}`);
  return position > 0 ? process.argv[position + 1] : undefined;
}
const totalEvents = Number(argument('events') ?? 200_000);
const clients = Number(argument('clients') ?? 8);
const accountCount = Number(argument('accounts') ?? 1_000);
const usersPerAccount = Number(argument('users') ?? 5);
const durabilityEvents = Number(argument('durability-events') ?? 100_000);
const BATCH_SIZES = (argument('batches') ?? '100,500').split(',').map(Number);
/** Each batch size alternates HTTP and COPY this many times, a share of the events each. */
const rounds = Number(argument('rounds') ?? 4);
/** Untimed events sent first, in batches of 100, so the measured rounds meet a server that has been running. */
const warmupEvents = Number(argument('warmup') ?? 20_000);
if (
  [totalEvents, clients, accountCount, usersPerAccount, durabilityEvents, rounds, ...BATCH_SIZES].some(
    (value) => !Number.isInteger(value) || value < 1,
  ) ||
  !Number.isInteger(warmupEvents) ||
  warmupEvents < 0
) {
  process.stderr.write(
    'usage: npx tsx bench/ingest.bench.ts [--events 200000] [--clients 8] [--accounts 1000] [--users 5] [--durability-events 100000] [--batches 100,500] [--rounds 4] [--warmup 20000]\n',
  );
  process.exit(2);
}

const log = (message: string) => process.stderr.write(`  ${message}\n`);
const integer = (value: number) => Math.round(value).toLocaleString('en-US');
const userIdOf = (account: number, user: number) => `user-${account}-${user}`;
const basicAuth = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

/** Nearest-rank percentile (p in 0–100) of a non-empty list. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface TrackEvent {
  messageId: string;
  account: number;
  userId: string;
  event: string;
  timestamp: string;
  properties: Record<string, unknown>;
  context: Record<string, unknown>;
}

const EVENT_WEIGHTS = {
  'Page Viewed': 30,
  'Dashboard Opened': 14,
  'Report Viewed': 12,
  'Search Performed': 10,
  'Record Updated': 9,
  'Comment Added': 7,
  'File Uploaded': 5,
  'Export Created': 4,
  'Invite Sent': 3,
  'Integration Connected': 2,
  'Workflow Run': 3,
  'Settings Changed': 1,
} as const;
const PLANS = ['starter', 'growth', 'pro', 'enterprise'];
const BROWSERS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
];

/** `count` track events of grouped users, seeded: a weighted mix of names, realistic properties and context. */
function buildEvents(label: string, count: number, stream: number): TrackEvent[] {
  const random = new SeededRandom(SEED, stream);
  const events: TrackEvent[] = [];
  for (let n = 0; n < count; n += 1) {
    const account = random.integer(0, accountCount - 1);
    const user = random.integer(0, usersPerAccount - 1);
    const event = random.weighted(EVENT_WEIGHTS);
    const day = random.integer(0, DAYS - 1);
    const time = LAST_DAY - day * 86_400_000 + random.integer(0, 86_399_999);
    const section = random.pick(['reports', 'dashboards', 'projects', 'settings', 'inbox']);
    events.push({
      messageId: `${label}-${n}`,
      account,
      userId: userIdOf(account, user),
      event,
      timestamp: new Date(time).toISOString(),
      properties: {
        path: `/app/${section}/${random.integer(1, 5000)}`,
        title: `${event} · ${section[0]!.toUpperCase()}${section.slice(1)}`,
        plan: random.pick(PLANS),
        durationMs: random.integer(20, 90_000),
        itemCount: random.integer(0, 250),
        ...(random.chance(0.4)
          ? { referrer: `https://www.example.com/${section}?utm_source=newsletter` }
          : {}),
        ...(random.chance(0.3) ? { featureFlags: ['new-editor', 'bulk-actions'] } : {}),
      },
      context: {
        library: { name: 'analytics-node', version: '3.1.0' },
        ip: `10.${random.integer(0, 255)}.${random.integer(0, 255)}.${random.integer(1, 254)}`,
        locale: 'en-US',
        userAgent: random.pick(BROWSERS),
      },
    });
  }
  return events;
}

function trackMessage(event: TrackEvent) {
  return {
    type: 'track',
    messageId: event.messageId,
    userId: event.userId,
    event: event.event,
    timestamp: event.timestamp,
    properties: event.properties,
    context: event.context,
  };
}

/** Request bodies of `size` events each (the last one may be shorter). */
function batchBodies(events: TrackEvent[], size: number): string[] {
  const bodies: string[] = [];
  for (let start = 0; start < events.length; start += size) {
    bodies.push(JSON.stringify({ batch: events.slice(start, start + size).map(trackMessage) }));
  }
  return bodies;
}

/** Group calls putting every user in their account, in batches of 500. */
function groupBodies(): string[] {
  const messages = [];
  for (let account = 0; account < accountCount; account += 1) {
    for (let user = 0; user < usersPerAccount; user += 1) {
      messages.push({
        type: 'group',
        messageId: `group-${account}-${user}`,
        userId: userIdOf(account, user),
        groupId: `bench-${account}`,
      });
    }
  }
  const bodies: string[] = [];
  for (let start = 0; start < messages.length; start += 500) {
    bodies.push(JSON.stringify({ batch: messages.slice(start, start + 500) }));
  }
  return bodies;
}

interface LoadResult {
  seconds: number;
  /** Per batch, in the order of the bodies: milliseconds from sending to the whole answer. */
  latencies: number[];
  stored: number;
  duplicates: number;
  unmatched: number;
  throttled: number;
  failures: string[];
}

/**
 * The load clients, as plain JavaScript for a worker thread: `clients` concurrent loops take the next
 * body and POST it (keep-alive), waiting out a 429's Retry-After and sending again. They use node:http
 * with the bodies encoded once, as an SDK would: `fetch` cost the shared CPUs about 13 µs per event.
 */
const LOAD_WORKER = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { url, authorization, bodies, clients } = workerData;
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
const payloads = bodies.map((body) => Buffer.from(body));
const result = { latencies: new Array(bodies.length), stored: 0, duplicates: 0, unmatched: 0, throttled: 0, failures: [] };
function post(payload) {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': payload.length, authorization } }, (response) => {
      const parts = [];
      response.on('data', (part) => parts.push(part));
      response.on('end', () => resolve({ status: response.statusCode, retryAfter: response.headers['retry-after'], text: Buffer.concat(parts).toString() }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(payload);
  });
}
let next = 0;
async function client() {
  while (next < payloads.length) {
    const index = next++;
    for (;;) {
      const started = performance.now();
      const response = await post(payloads[index]);
      if (response.status === 429) {
        result.throttled += 1;
        await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.retryAfter || 1)));
        continue;
      }
      result.latencies[index] = performance.now() - started;
      if (response.status !== 200) result.failures.push(response.status + ' ' + response.text.slice(0, 300));
      else {
        const answer = JSON.parse(response.text);
        result.stored += answer.stored; result.duplicates += answer.duplicates; result.unmatched += answer.unmatched;
      }
      break;
    }
  }
}
const started = performance.now();
Promise.all(Array.from({ length: clients }, client)).then(() => {
  result.seconds = (performance.now() - started) / 1000;
  agent.destroy();
  parentPort.postMessage(result);
}, (error) => { throw error; });
`;

function sendFromWorker(url: string, key: string, bodies: string[]): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_WORKER, {
      eval: true,
      workerData: { url: `${url}/v1/batch`, authorization: basicAuth(key), bodies, clients },
    });
    worker.once('message', (result: LoadResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** COPY text of the rows the HTTP path stores for these events (tab-separated, `\N` for null). */
function copyText(events: TrackEvent[], accountIds: string[], receivedAt: string): string[] {
  const escape = (value: string) =>
    value.replace(/[\\\t\n\r]/g, (char) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[char]!);
  const chunks: string[] = [];
  for (let start = 0; start < events.length; start += 5_000) {
    chunks.push(
      events
        .slice(start, start + 5_000)
        .map((event) =>
          [
            SOURCE,
            escape(event.messageId),
            accountIds[event.account]!,
            '\\N',
            escape(event.userId),
            '\\N',
            escape(`user:${event.userId}`),
            'track',
            escape(event.event),
            event.timestamp,
            receivedAt,
            escape(JSON.stringify(event.properties)),
            escape(JSON.stringify(event.context)),
          ].join('\t'),
        )
        .join('\n') + '\n',
    );
  }
  return chunks;
}

/**
 * A new `LIKE usage_events INCLUDING ALL` table for the COPY base, holding (untimed) the events the
 * HTTP path's table already held before this batch size: those of the earlier batch sizes, whose
 * message ids start with `earlierLabels`. Each round then COPYs into it the rows its HTTP round
 * stored, so both tables grow the same way.
 */
async function prepareCopyTable(database: Database, earlierLabels: string[]): Promise<void> {
  await database.pool.query('DROP TABLE IF EXISTS bench_copy_events');
  await database.pool.query('CREATE TABLE bench_copy_events (LIKE usage_events INCLUDING ALL)');
  if (earlierLabels.length > 0) {
    await database.pool.query(
      `INSERT INTO bench_copy_events (${COPY_COLUMNS}, fold_txid)
       SELECT ${COPY_COLUMNS}, fold_txid FROM usage_events
       WHERE source = $1 AND split_part(message_id, '-', 1) = ANY($2::text[])`,
      [SOURCE, earlierLabels],
    );
    await database.pool.query('VACUUM ANALYZE bench_copy_events');
  }
}

/** Seconds one COPY of `chunks` into bench_copy_events takes, one stream. */
async function timeCopy(database: Database, chunks: string[]): Promise<number> {
  const client = await database.pool.connect();
  try {
    const started = performance.now();
    await pipeline(
      Readable.from(chunks),
      client.query(copyFrom(`COPY bench_copy_events (${COPY_COLUMNS}) FROM STDIN`)),
    );
    return (performance.now() - started) / 1000;
  } finally {
    client.release();
  }
}

/** Before each timed part, HTTP and COPY alike: no autovacuum worker running, and a fresh checkpoint. */
async function settle(database: Database): Promise<void> {
  const client = await database.pool.connect();
  try {
    await waitForAutovacuum(client);
    await client.query('CHECKPOINT');
  } finally {
    client.release();
  }
}

/** Waits (up to a minute) until no autovacuum worker runs, so the COPY base is taken on a quiet server. */
async function waitForAutovacuum(client: PoolClient): Promise<void> {
  for (let waited = 0; waited < 60_000; waited += 200) {
    const running = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'",
    );
    if (running.rows[0]!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Busy CPU time of the whole machine so far, in microseconds (Linux /proc/stat; 0 elsewhere). */
function machineBusyMicros(): number {
  try {
    const [user, nice, system, , , irq, softirq] = fs
      .readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    return (user! + nice! + system! + irq! + softirq!) * (1_000_000 / 100);
  } catch {
    return 0;
  }
}

/** Accounts `bench-0` … with their ids in that order. */
async function createAccounts(database: Database): Promise<string[]> {
  const result = await database.pool.query<{ id: string }>(
    `INSERT INTO accounts (name, source, external_id)
     SELECT 'Bench account ' || n, 'bench', 'bench-' || n FROM generate_series(0, $1 - 1) n
     ORDER BY n RETURNING id`,
    [accountCount],
  );
  return result.rows.map((row) => row.id);
}

/** Exact check of what the events should have left behind; throws with the difference. */
async function verifyUsage(database: Database, events: TrackEvent[], accountIds: string[]): Promise<string> {
  const expectedNames = new Map<string, number>();
  const dayUsers = new Set<string>();
  for (const event of events) {
    expectedNames.set(event.event, (expectedNames.get(event.event) ?? 0) + 1);
    dayUsers.add(`${accountIds[event.account]}|${event.timestamp.slice(0, 10)}|${event.userId}`);
  }
  const result = await database.pool.query<{
    rows: number;
    ids: number;
    unmatched: number;
    events: number;
    users: number;
    names: Record<string, number>;
  }>(
    `SELECT (SELECT count(*) FROM usage_events WHERE source = $1)::int AS rows,
            (SELECT count(DISTINCT message_id) FROM usage_events WHERE source = $1)::int AS ids,
            (SELECT count(*) FROM usage_events WHERE source = $1 AND account_id IS NULL)::int AS unmatched,
            (SELECT sum(event_count) FROM usage_daily)::int AS events,
            (SELECT sum(active_users) FROM usage_daily)::int AS users,
            (SELECT jsonb_object_agg(key, total) FROM (SELECT key, sum(value::int) AS total FROM usage_daily, jsonb_each_text(event_counts) GROUP BY key) t) AS names`,
    [SOURCE],
  );
  const got = result.rows[0]!;
  const expected = {
    rows: events.length,
    ids: events.length,
    unmatched: 0,
    events: events.length,
    users: dayUsers.size,
    names: Object.fromEntries([...expectedNames].sort()),
  };
  const actual = { ...got, names: Object.fromEntries(Object.entries(got.names ?? {}).sort()) };
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(
      `usage does not match what was sent:\n  expected ${JSON.stringify(expected)}\n  got      ${JSON.stringify(actual)}`,
    );
  }
  return `verified: ${integer(got.rows)} rows in usage_events, each messageId once, all attributed; usage_daily sums ${integer(got.events)} events, ${integer(got.users)} active user-days, per-name counts equal to those sent`;
}

interface Durability {
  batches: number;
  answered: number;
  answeredEvents: number;
  presentOnce: number;
  missing: number;
  duplicated: number;
  inFlightCommitted: number;
  resent: number;
  finalRows: number;
  finalDistinct: number;
  usageEvents: number;
  restartSeconds: number;
}

/** POSTs one body; the parsed answer when 200, null when refused or the connection died. */
async function postBatch(
  url: string,
  key: string,
  body: string,
): Promise<{ stored: number; duplicates: number } | null> {
  try {
    const response = await fetch(`${url}/v1/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basicAuth(key) },
      body,
    });
    const text = await response.text();
    return response.status === 200 ? (JSON.parse(text) as { stored: number; duplicates: number }) : null;
  } catch {
    return null;
  }
}

async function runDurability(clusterUrl: string, workDir: string): Promise<Durability> {
  const admin = await openDatabase({ databaseUrl: clusterUrl, dataDir: '', role: 'cli', poolSize: 1 });
  await admin.pool.query('CREATE DATABASE cycle_durability');
  await admin.pool.end();
  const url = new URL(clusterUrl);
  url.pathname = '/cycle_durability';
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', role: 'cli', poolSize: 4 });
  try {
    await migrateDatabase(database.pool);
    await createAccounts(database);
    const key = (await createWriteKey(database.db, { source: SOURCE, createdBy: null })).key;
    const environment = childEnvironment({
      DATABASE_URL: database.connectionString,
      CYCLE_DATA_DIR: path.join(workDir, 'durability'),
      PORT: '0',
      CYCLE_DEMO: '0',
      CYCLE_SKIP_WEB_BUILD: '1',
      TZ: 'UTC',
    });
    const first = await startCycleServer(environment);
    for (const body of groupBodies()) {
      if ((await postBatch(first.url, key, body)) === null) throw new Error('a group batch was refused');
    }
    const events = buildEvents('durable', durabilityEvents, 3);
    const bodies = batchBodies(events, DURABILITY_BATCH);
    const answers: ({ stored: number; duplicates: number } | null)[] = bodies.map(() => null);
    let next = 0;
    let answered = 0;
    let killed = false;
    const client = async () => {
      while (!killed && next < bodies.length) {
        const index = next++;
        answers[index] = await postBatch(first.url, key, bodies[index]!);
        if (answers[index] !== null) answered += 1;
        if (!killed && answered >= Math.ceil(bodies.length * KILL_AT_SHARE)) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: clients }, client));
    await waitForExit(first.child);

    const answeredIds = events
      .filter((_, position) => answers[Math.floor(position / DURABILITY_BATCH)] !== null)
      .map((event) => event.messageId);
    const present = await database.pool.query<{ once: number; twice: number }>(
      `SELECT count(*) FILTER (WHERE copies = 1)::int AS once, count(*) FILTER (WHERE copies > 1)::int AS twice
       FROM (SELECT count(*) AS copies FROM usage_events WHERE source = $1 AND message_id = ANY($2::text[]) GROUP BY message_id) c`,
      [SOURCE, answeredIds],
    );
    const { once, twice } = present.rows[0]!;

    const restarted = performance.now();
    const second = await startCycleServer(environment);
    const restartSeconds = (performance.now() - restarted) / 1000;
    const unanswered = bodies.flatMap((body, index) => (answers[index] === null ? [body] : []));
    let position = 0;
    let inFlightCommitted = 0;
    const resend = async () => {
      while (position < unanswered.length) {
        const answer = await postBatch(second.url, key, unanswered[position++]!);
        if (answer === null) throw new Error('a batch re-sent after the restart was refused');
        inFlightCommitted += answer.duplicates;
      }
    };
    await Promise.all(Array.from({ length: clients }, resend));
    second.child.kill('SIGTERM');
    await waitForExit(second.child);
    const final = await database.pool.query<{ rows: number; ids: number; usage: number }>(
      `SELECT (SELECT count(*) FROM usage_events WHERE source = $1)::int AS rows,
              (SELECT count(DISTINCT message_id) FROM usage_events WHERE source = $1)::int AS ids,
              (SELECT sum(event_count) FROM usage_daily)::int AS usage`,
      [SOURCE],
    );
    return {
      batches: bodies.length,
      answered,
      answeredEvents: answeredIds.length,
      presentOnce: once,
      missing: answeredIds.length - once - twice,
      duplicated: twice,
      inFlightCommitted,
      resent: unanswered.length,
      finalRows: final.rows[0]!.rows,
      finalDistinct: final.rows[0]!.ids,
      usageEvents: final.rows[0]!.usage,
      restartSeconds,
    };
  } finally {
    await database.pool.end();
  }
}

/** The median over the rounds of HTTP events/s ÷ COPY rows/s (the same rows, so COPY seconds ÷ HTTP seconds). */
function roundRatio(run: SizeRun): number {
  const ratios = run.rounds
    .map((round) => round.copySeconds / round.httpSeconds)
    .sort((left, right) => left - right);
  const middle = Math.floor(ratios.length / 2);
  return ratios.length % 2 === 1 ? ratios[middle]! : (ratios[middle - 1]! + ratios[middle]!) / 2;
}

interface Round {
  httpSeconds: number;
  copySeconds: number;
}

interface SizeRun {
  batchSize: number;
  /** The rounds' loads together: seconds summed, latencies and counts of every batch. */
  load: LoadResult;
  /** Seconds of every round's COPY, summed. */
  copySeconds: number;
  rounds: Round[];
  /** Busy CPU of the whole machine (server, PostgreSQL, load clients) during the load, per event. */
  cpuMicrosPerEvent: number;
  /** From the last answer until the fold had counted every event in usage_daily. */
  foldLagSeconds: number;
}

async function main(): Promise<void> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cycle-bench-ingest-'));
  fs.chmodSync(workDir, 0o755);
  const dataDir = path.join(workDir, 'data');
  fs.mkdirSync(dataDir, { mode: 0o755 });
  const cluster = await openEmbeddedCluster(dataDir, { role: 'cli' });
  let setup: Database | undefined;
  let serving: Database | undefined;
  try {
    setup = await openDatabase({
      databaseUrl: cluster.connectionString,
      dataDir: '',
      role: 'cli',
      poolSize: 4,
    });
    await migrateDatabase(setup.pool);
    const accountIds = await createAccounts(setup);
    const key = (await createWriteKey(setup.db, { source: SOURCE, createdBy: null })).key;

    // The server as main.ts builds it, on its own pool of the default size.
    serving = await openDatabase({ databaseUrl: cluster.connectionString, dataDir: '', role: 'server' });
    const app = await buildApp({ database: serving, config: { secureCookies: false } }, { logLevel: 'warn' });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const groups = groupBodies();
    log(`${integer(accountCount)} accounts × ${usersPerAccount} users: group calls…`);
    const grouped = await sendFromWorker(baseUrl, key, groups);
    if (grouped.failures.length > 0) throw new Error(`group calls failed: ${grouped.failures[0]}`);

    const runs: SizeRun[] = [];
    const allEvents: TrackEvent[] = [];
    // Warm-up: the server's code is compiled and its connections, prepared statements and cache of
    // users are in use before anything is timed, as on a server that has been running.
    if (warmupEvents > 0) {
      log(`warm-up: ${integer(warmupEvents)} events in batches of 100 (not timed)…`);
      const warm = buildEvents('warm', warmupEvents, 9);
      const warmed = await sendFromWorker(baseUrl, key, batchBodies(warm, 100));
      if (warmed.failures.length > 0) throw new Error(`warm-up failed: ${warmed.failures[0]}`);
      await app.usageFolder.flush();
      for (const event of warm) allEvents.push(event);
    }
    let bytes = 0;
    for (const [index, batchSize] of BATCH_SIZES.entries()) {
      const earlierLabels = ['warm', ...BATCH_SIZES.slice(0, index).map((size) => `b${size}`)];
      const events = buildEvents(`b${batchSize}`, totalEvents, 10 + index);
      log(
        `${integer(totalEvents)} events in batches of ${batchSize} from ${clients} clients, and by COPY, in ${rounds} rounds…`,
      );
      await prepareCopyTable(setup, earlierLabels);
      const load: LoadResult = {
        seconds: 0,
        latencies: [],
        stored: 0,
        duplicates: 0,
        unmatched: 0,
        throttled: 0,
        failures: [],
      };
      const sizeRounds: Round[] = [];
      let busyMicros = 0;
      let foldLagSeconds = 0;
      const share = Math.ceil(totalEvents / rounds);
      for (let start = 0; start < events.length; start += share) {
        const part = events.slice(start, start + share);
        const bodies = batchBodies(part, batchSize);
        bytes += bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0);
        await settle(setup);
        const busyBefore = machineBusyMicros();
        const round = await sendFromWorker(baseUrl, key, bodies);
        busyMicros += machineBusyMicros() - busyBefore;
        if (round.failures.length > 0)
          throw new Error(`${round.failures.length} batches failed, first: ${round.failures[0]}`);
        load.seconds += round.seconds;
        for (const latency of round.latencies) load.latencies.push(latency);
        load.stored += round.stored;
        load.duplicates += round.duplicates;
        load.unmatched += round.unmatched;
        load.throttled += round.throttled;
        // The daily usage is folded off the request path: how long after the last answer it is complete.
        const foldStarted = performance.now();
        await app.usageFolder.flush();
        foldLagSeconds += (performance.now() - foldStarted) / 1000;
        // The same rows by COPY, on a server as quiet as the HTTP round found it.
        const chunks = copyText(part, accountIds, new Date().toISOString());
        await settle(setup);
        sizeRounds.push({ httpSeconds: round.seconds, copySeconds: await timeCopy(setup, chunks) });
      }
      await setup.pool.query('DROP TABLE bench_copy_events');
      runs.push({
        batchSize,
        load,
        copySeconds: sizeRounds.reduce((sum, round) => sum + round.copySeconds, 0),
        rounds: sizeRounds,
        foldLagSeconds,
        cpuMicrosPerEvent: busyMicros / totalEvents,
      });
      for (const event of events) allEvents.push(event);
    }
    await app.close();
    const verified = await verifyUsage(setup, allEvents, accountIds);

    log(
      `durability: ${integer(durabilityEvents)} events through a \`cycle start\` child, SIGKILL at ${KILL_AT_SHARE * 100}% answered…`,
    );
    const durability = await runDurability(cluster.connectionString, workDir);

    const out = (text: string) => process.stdout.write(`${text}\n`);
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    out(
      `\nUsage ingestion benchmark: ${integer(accountCount)} accounts × ${usersPerAccount} users, ${integer(totalEvents)} track events per batch size ` +
        `(${integer(bytes / (totalEvents * BATCH_SIZES.length))} bytes per event in the body), ${clients} concurrent keep-alive clients, PostgreSQL (embedded), ${os.cpus().length} CPUs`,
    );
    out(
      `${warmupEvents > 0 ? `After a warm-up of ${integer(warmupEvents)} events (batches of 100, not timed), each` : 'Each'} batch size runs in ${rounds} rounds: a ${rounds === 1 ? 'whole' : `1/${rounds}`} share of the events over HTTP, then the same rows by COPY (one stream) into a \`LIKE usage_events INCLUDING ALL\` table (same indexes and defaults) that holds what usage_events held, each part after a checkpoint with no autovacuum running. ` +
        `Ratio = the median over the rounds of the round's HTTP events/s ÷ its COPY rows/s, so each HTTP part is compared with a COPY run seconds apart on the same machine. ` +
        `"Folded" = events ÷ (load time + the time after the last answer until usage_daily counted them all). ` +
        `Targets (DESIGN.md §8): ratio ≥ ${TARGET_RATIO * 100}%, ≥ ${integer(TARGET_EVENTS_PER_SECOND)} events/s.\n`,
    );
    out(
      line([
        'batch',
        'HTTP events/s',
        'batch p50 / p99',
        'folded events/s',
        'COPY rows/s',
        'HTTP ÷ COPY',
        'folded ÷ COPY',
        '≥ 50%?',
        '≥ 100k/s?',
      ]),
    );
    out(line(['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---', '---']));
    for (const run of runs) {
      const httpRate = totalEvents / run.load.seconds;
      const copyRate = totalEvents / run.copySeconds;
      const ratio = roundRatio(run);
      const foldedRate = totalEvents / (run.load.seconds + run.foldLagSeconds);
      out(
        line([
          String(run.batchSize),
          integer(httpRate),
          `${percentile(run.load.latencies, 50).toFixed(0)} / ${percentile(run.load.latencies, 99).toFixed(0)} ms`,
          integer(foldedRate),
          integer(copyRate),
          `${(ratio * 100).toFixed(0)}%`,
          `${((foldedRate / copyRate) * 100).toFixed(0)}%`,
          ratio >= TARGET_RATIO ? 'met' : 'MISSED',
          httpRate >= TARGET_EVENTS_PER_SECOND ? 'met' : 'MISSED',
        ]),
      );
    }
    out('');
    out(
      `group calls (apart): ${integer(accountCount * usersPerAccount)} in ${grouped.seconds.toFixed(1)} s (${integer((accountCount * usersPerAccount) / grouped.seconds)}/s)`,
    );
    for (const run of runs) {
      out(
        `batches of ${run.batchSize}: ${run.load.seconds.toFixed(1)} s over HTTP (${run.load.latencies.length} requests, ${run.load.throttled} answered 429 and re-sent), ` +
          `stored ${integer(run.load.stored)}, duplicates ${run.load.duplicates}, unmatched ${run.load.unmatched}; all folded ${run.foldLagSeconds.toFixed(2)} s after the last answer; ` +
          `machine CPU ${run.cpuMicrosPerEvent.toFixed(0)} µs per event; rounds (HTTP s / COPY s = ratio): ${run.rounds.map((round) => `${round.httpSeconds.toFixed(2)} / ${round.copySeconds.toFixed(2)} = ${((round.copySeconds / round.httpSeconds) * 100).toFixed(0)}%`).join(', ')} (median taken)`,
      );
    }
    out(verified);
    out(
      `durability: ${integer(durability.answeredEvents)} answered 2xx, ${integer(durability.presentOnce)} present exactly once, ` +
        `${durability.missing} missing, ${durability.duplicated} duplicated`,
    );
    const complete =
      durability.finalRows === durabilityEvents &&
      durability.finalDistinct === durabilityEvents &&
      durability.usageEvents === durabilityEvents;
    out(
      `  (${durability.answered} of ${durability.batches} batches of ${DURABILITY_BATCH} answered before the SIGKILL; restart ${durability.restartSeconds.toFixed(1)} s; ` +
        `re-sent ${durability.resent} unanswered batches, of which ${integer(durability.inFlightCommitted)} events had committed without an answer and came back as duplicates; ` +
        `then ${integer(durability.finalRows)} rows, ${integer(durability.finalDistinct)} distinct messageIds, usage_daily ${integer(durability.usageEvents)} events: ${complete ? 'complete, nothing twice' : 'INCOMPLETE'})`,
    );
    if (durability.missing !== 0 || durability.duplicated !== 0 || !complete) process.exitCode = 1;
  } finally {
    await serving?.pool.end().catch(() => {});
    await setup?.pool.end().catch(() => {});
    await cluster.release();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
