/**
 * Health recompute benchmark (DESIGN.md §8: < 5 s full at 100,000 accounts, < 1 s from an event to
 * the new score): on a throwaway embedded PostgreSQL cluster, for 10,000 and 100,000 demo accounts,
 * 1. loads the demo workspace (timed apart; it installs the recommended scorecard and scores today),
 * 2. times the ratio base, `SELECT count(*) FROM usage_daily WHERE day > current_date - 30`, and the
 *    scoring SELECT alone (buildScoringQuery over every scored account, no writes) — medians of
 *    `--runs` after a warm-up,
 * 3. times three kinds of full `recomputeHealth(trigger 'recompute')` run, median of `--runs` each: first scoring (account_health
 *    emptied: every account inserted), nothing changed (no snapshot written), and a new day
 *    (account_health moved back a day: every account writes its daily snapshot, account_health updated),
 * 4. starts the HTTP server on 127.0.0.1, signs in as the demo manager and, for 200 seeded random
 *    scored accounts, POSTs an activity and polls GET /accounts/:id/health until the current snapshot
 *    was computed after the POST (the POST rescores synchronously, so one GET should do).
 * Targets: each full recompute < 5 s; every event → score < 1,000 ms.
 *
 * Run: npx tsx bench/health.bench.ts [--sizes 10000,100000] [--months 24] [--usage-days 60] [--runs 3] [--events 200]
 * Usage days default to the longest usage window the recommended scorecard reads (usage change:
 * 30 days against the 30 before), so every measure has its data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SeededRandom } from '../src/domain/demo/seeded-random';
import { buildDemoPeople } from '../src/domain/demo/demo-people';
import { buildApp } from '../src/server/app';
import { type Database, openDatabase } from '../src/server/db/database';
import { openEmbeddedCluster } from '../src/server/db/embedded-cluster';
import { migrateDatabase } from '../src/server/db/migrate';
import { DEMO_USER_PASSWORD, loadDemoWorkspace } from '../src/server/features/demo/demo.service';
import {
  inScoringTransaction,
  recomputeHealth,
  type RecomputeResult,
} from '../src/server/features/health-scoring/health-recompute.service';
import { RECOMMENDED_SCORECARD } from '../src/server/features/health-scoring/recommended-scorecard';
import {
  assignmentSql,
  listActiveScorecards,
  SCORED_ACCOUNTS,
} from '../src/server/features/health-scoring/scorecard.repository';
import { buildScoringQuery } from '../src/server/features/health-scoring/scoring-sql';

const SEED = 20_240_601;
const FULL_TARGET_SECONDS = 5;
const EVENT_TARGET_MS = 1_000;
/** Events sent before the measured ones (first requests compile routes and warm the pool). */
const WARM_UP_EVENTS = 5;
/** A GET that still shows the old score is retried for this long before the event counts as lost. */
const EVENT_GIVE_UP_MS = 10_000;

/** The longest span of usage the recommended scorecard reads, in days (usage change reads twice its window). */
const SCORECARD_USAGE_DAYS = Math.max(
  ...RECOMMENDED_SCORECARD.measures.map(({ input, windowDays }) =>
    input.kind === 'usage_change'
      ? 2 * windowDays
      : ['active_users', 'events', 'event_count', 'seat_utilisation'].includes(input.kind)
        ? windowDays
        : 0,
  ),
);

function argument(name: string): string | undefined {
  const position = process.argv.indexOf(`--${name}`);
  return position > 0 ? process.argv[position + 1] : undefined;
}

const sizes = (argument('sizes') ?? '10000,100000').split(',').map((value) => Number(value.trim()));
const months = Number(argument('months') ?? 24);
const usageDays = Number(argument('usage-days') ?? SCORECARD_USAGE_DAYS);
const runs = Number(argument('runs') ?? 3);
const events = Number(argument('events') ?? 200);
if (
  sizes.some((size) => !Number.isInteger(size) || size < 1) ||
  !Number.isInteger(months) ||
  !Number.isInteger(usageDays) ||
  !(runs >= 1) ||
  !Number.isInteger(events) ||
  events < 1
) {
  process.stderr.write(
    'usage: npx tsx bench/health.bench.ts [--sizes 10000,100000] [--months 24] [--usage-days 60] [--runs 3] [--events 200]\n',
  );
  process.exit(2);
}

const log = (message: string) => process.stderr.write(`  ${message}\n`);

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank percentile (p in 0–100) of a non-empty list. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** A warm-up, then `runs` timed runs: the median in milliseconds and every run. */
async function medianOf(work: () => Promise<unknown>): Promise<{ medianMs: number; all: number[] }> {
  await work();
  const all: number[] = [];
  for (let run = 0; run < runs; run += 1) all.push((await timed(work)).ms);
  return { medianMs: median(all), all };
}

/**
 * The scoring SELECT of a full recompute without its writes: for each active scorecard, the query
 * recomputeHealth builds (same target: scored accounts assigned to that scorecard), materialised
 * the way the recompute's `scored` CTE is, counted. Returns the accounts scored.
 */
async function scoreEveryAccountWithoutWriting(database: Database, asOf: Date): Promise<number> {
  const ordered = await listActiveScorecards(database.db);
  let accounts = 0;
  for (let index = 0; index < ordered.length; index += 1) {
    const query = buildScoringQuery({
      definition: ordered[index]!.definition,
      asOf,
      target: (parameters) =>
        `SELECT a.id AS account_id FROM accounts a WHERE ${SCORED_ACCOUNTS} AND ${assignmentSql(ordered, index, parameters)}`,
      wholeWorkspace: true,
    });
    const result = await inScoringTransaction(database, (client) =>
      client.query<{ accounts: number }>(
        `WITH scored AS MATERIALIZED (${query.text}) SELECT count(*)::int AS accounts FROM scored`,
        query.values,
      ),
    );
    accounts += result.rows[0]?.accounts ?? 0;
  }
  return accounts;
}

type PlanNode = {
  'Node Type': string;
  Alias?: string;
  'Subplan Name'?: string;
  'Hash Cond'?: string;
  'Merge Cond'?: string;
  'Actual Total Time': number;
  'Actual Loops': number;
  Plans?: PlanNode[];
};

/** Where the scoring SELECT spends its time, from one EXPLAIN ANALYZE (timing adds some overhead). */
interface ScoringBreakdown {
  executionMs: number;
  /** Each measure input (a CTE of buildScoringQuery) joined into `raw`: its scans, semi-join on the target and aggregation. */
  inputs: { name: string; ms: number }[];
  /** The rest of the `raw` CTE: reading the target, the joins themselves and the EXISTS subplans. */
  rawJoinsMs: number;
  /** After `raw`: the materialised arithmetic steps (scored, totals, summed) and the final projection (pipelined, so approximate). */
  arithmeticMs: number;
}

/**
 * Aliases on the target's side of the joins into `raw`: `t` (`FROM target t JOIN accounts a`), or
 * `a_1`/`a` when PostgreSQL inlines the target CTE (it does when the inputs do not refer to it).
 */
const TARGET_ALIASES = ['t', 'a_1', 'a'];

function hasAlias(node: PlanNode, alias: string): boolean {
  return node.Alias === alias || (node.Plans ?? []).some((child) => hasAlias(child, alias));
}

/**
 * EXPLAIN (ANALYZE, FORMAT JSON) of the default scorecard's scoring SELECT. An input is the side of
 * a join into `raw` that does not hold the target; its name is the CTE named in the join condition.
 */
async function explainScoring(database: Database, asOf: Date): Promise<ScoringBreakdown> {
  const ordered = await listActiveScorecards(database.db);
  const index = ordered.length - 1;
  const query = buildScoringQuery({
    definition: ordered[index]!.definition,
    asOf,
    target: (parameters) =>
      `SELECT a.id AS account_id FROM accounts a WHERE ${SCORED_ACCOUNTS} AND ${assignmentSql(ordered, index, parameters)}`,
    wholeWorkspace: true,
  });
  const result = await inScoringTransaction(database, (client) =>
    client.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${query.text}`,
      query.values,
    ),
  );
  const [{ Plan: plan, 'Execution Time': executionMs }] = result.rows[0]!['QUERY PLAN'];
  const inputs: { name: string; ms: number }[] = [];
  let rawMs = 0;
  const visit = (node: PlanNode) => {
    if (node['Subplan Name'] === 'CTE raw') rawMs = node['Actual Total Time'];
    const condition = node['Hash Cond'] ?? node['Merge Cond'];
    const children = node.Plans ?? [];
    const withTarget = children.filter((child) => TARGET_ALIASES.some((alias) => hasAlias(child, alias)));
    const name = [...(condition ?? '').matchAll(/(\w+)\.account_id/g)]
      .map((match) => match[1]!)
      .find((alias) => !TARGET_ALIASES.includes(alias));
    if (name !== undefined && children.length === 2 && withTarget.length === 1) {
      const input = children.find((child) => child !== withTarget[0])!;
      inputs.push({ name, ms: input['Actual Total Time'] * input['Actual Loops'] });
    }
    for (const child of children) visit(child);
  };
  visit(plan);
  const inputsMs = inputs.reduce((sum, input) => sum + input.ms, 0);
  return {
    executionMs,
    inputs: inputs.sort((left, right) => right.ms - left.ms),
    rawJoinsMs: rawMs - inputsMs,
    arithmeticMs: executionMs - rawMs,
  };
}

/** Steady state between runs: autovacuum would have cleaned and analysed the health tables. */
async function vacuumHealthTables(database: Database): Promise<void> {
  await database.pool.query('VACUUM (ANALYZE) account_health, health_snapshots');
}

interface EventLatency {
  latenciesMs: number[];
  postMs: number[];
  getMs: number[];
  /** GETs needed before the new score showed, at most over all events. */
  maxPolls: number;
  lost: number;
  candidates: number;
}

/**
 * Accounts an activity must rescore: scored accounts whose stored "days since last touch" is not 0
 * (an activity today changes it, so the recompute writes a new snapshot), in id order (the demo's ids
 * come from its seed), then `count` of them drawn without replacement by a seeded generator.
 */
async function pickEventAccounts(
  database: Database,
  count: number,
): Promise<{ ids: string[]; candidates: number }> {
  const touch = RECOMMENDED_SCORECARD.measures.findIndex(
    (measure) => measure.input.kind === 'days_since_activity',
  );
  if (touch < 0)
    throw new Error(
      'The recommended scorecard has no "days since activity" measure; the event benchmark posts activities to move it.',
    );
  const result = await database.pool.query<{ account_id: string }>(
    `SELECT h.account_id FROM account_health h JOIN health_snapshots s ON s.id = h.snapshot_id WHERE s.raw_values[${touch + 1}] IS DISTINCT FROM '0' ORDER BY h.account_id`,
  );
  const ids = result.rows.map((row) => row.account_id);
  const random = new SeededRandom(SEED, 7);
  for (let index = 0; index < Math.min(count, ids.length); index += 1) {
    const swap = random.integer(index, ids.length - 1);
    [ids[index], ids[swap]] = [ids[swap]!, ids[index]!];
  }
  return { ids: ids.slice(0, count), candidates: result.rows.length };
}

/** Event → score latency over HTTP, against a server built the way main.ts and the integration tests build it. */
async function measureEventLatency(database: Database): Promise<EventLatency> {
  const app = await buildApp({ database, config: { secureCookies: false } }, { logLevel: 'warn' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const address = app.server.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const manager = buildDemoPeople(SEED).leader;
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: manager.email, password: DEMO_USER_PASSWORD }),
    });
    if (login.status !== 200)
      throw new Error(`sign-in as ${manager.email} failed: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;

    const { ids, candidates } = await pickEventAccounts(database, events + WARM_UP_EVENTS);
    const measured: EventLatency = {
      latenciesMs: [],
      postMs: [],
      getMs: [],
      maxPolls: 0,
      lost: 0,
      candidates,
    };
    for (const [position, accountId] of ids.entries()) {
      const sentAt = Date.now();
      const started = performance.now();
      const post = await fetch(`${baseUrl}/api/v1/accounts/${accountId}/activities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ kind: 'call', subject: 'Health benchmark check-in' }),
      });
      if (post.status !== 201)
        throw new Error(`POST activity on ${accountId}: ${post.status} ${await post.text()}`);
      await post.arrayBuffer();
      const posted = performance.now();
      let polls = 0;
      let shown = false;
      let getMs = 0;
      while (!shown && performance.now() - started < EVENT_GIVE_UP_MS) {
        const getStarted = performance.now();
        const response = await fetch(`${baseUrl}/api/v1/accounts/${accountId}/health`, {
          headers: { cookie },
        });
        if (response.status !== 200)
          throw new Error(`GET health of ${accountId}: ${response.status} ${await response.text()}`);
        const health = (await response.json()) as { current: { computedAt: string; trigger: string } | null };
        getMs = performance.now() - getStarted;
        polls += 1;
        shown = health.current !== null && Date.parse(health.current.computedAt) >= sentAt;
      }
      if (position < WARM_UP_EVENTS) continue;
      if (!shown) {
        measured.lost += 1;
        continue;
      }
      measured.latenciesMs.push(performance.now() - started);
      measured.postMs.push(posted - started);
      measured.getMs.push(getMs);
      measured.maxPolls = Math.max(measured.maxPolls, polls);
    }
    return measured;
  } finally {
    await app.close();
  }
}

interface SizeResult {
  accounts: number;
  scoredAccounts: number;
  usageRows: number;
  loadSeconds: number;
  baselineMs: number;
  baselineRuns: number[];
  selectMs: number;
  selectRuns: number[];
  selectAccounts: number;
  breakdown: ScoringBreakdown;
  full: { label: string; result: RecomputeResult; runs: number[] }[];
  events: EventLatency;
}

async function runSize(accounts: number): Promise<SizeResult> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cycle-bench-health-'));
  fs.chmodSync(workDir, 0o755);
  const dataDir = path.join(workDir, 'data');
  fs.mkdirSync(dataDir, { mode: 0o755 });
  const cluster = await openEmbeddedCluster(dataDir, { role: 'cli' });
  let database: Database | undefined;
  try {
    database = await openDatabase({
      databaseUrl: cluster.connectionString,
      dataDir: '',
      role: 'cli',
      poolSize: 4,
    });
    const opened = database;
    const { pool } = opened;
    await migrateDatabase(pool);

    log(
      `${accounts.toLocaleString('en-US')} accounts × ${months} months, ${usageDays} usage days: loading the demo workspace…`,
    );
    let lastReport = performance.now();
    const load = await timed(() =>
      loadDemoWorkspace(opened, {
        accounts,
        months,
        usageDays,
        seed: SEED,
        now: new Date(),
        onProgress: (done, total) => {
          if (performance.now() - lastReport < 10_000 && done !== total) return;
          lastReport = performance.now();
          log(`${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} accounts`);
        },
      }),
    );
    // The load wrote gigabytes: let vacuum and the checkpoint it caused finish before timing anything.
    log('VACUUM ANALYZE and CHECKPOINT after the load…');
    await pool.query('VACUUM (ANALYZE)');
    await pool.query('CHECKPOINT');
    const counts = await pool.query<{ scored: number; usage: number }>(
      `SELECT (SELECT count(*) FROM accounts a WHERE ${SCORED_ACCOUNTS})::int AS scored, (SELECT count(*) FROM usage_daily)::int AS usage`,
    );

    log('ratio base: count of the last 30 days of usage…');
    const baseline = await medianOf(() =>
      pool.query('SELECT count(*) FROM usage_daily WHERE day > current_date - 30'),
    );
    log('scoring SELECT alone…');
    let selectAccounts = 0;
    const select = await medianOf(async () => {
      selectAccounts = await scoreEveryAccountWithoutWriting(opened, new Date());
    });

    const breakdown = await explainScoring(opened, new Date());

    // Each case `runs` times from the same starting state, the median reported: before each run the
    // health tables are vacuumed and a CHECKPOINT flushes the previous run's writes, as a server at
    // rest between daily runs would be.
    const full: SizeResult['full'] = [];
    const fullCase = async (label: string, prepare: () => Promise<unknown>) => {
      const results: RecomputeResult[] = [];
      for (let run = 0; run < runs; run += 1) {
        await prepare();
        await vacuumHealthTables(opened);
        await pool.query('CHECKPOINT');
        results.push(await recomputeHealth(opened, { trigger: 'recompute' }));
      }
      const sorted = [...results].sort((left, right) => left.seconds - right.seconds);
      full.push({
        label,
        result: sorted[Math.floor((sorted.length - 1) / 2)]!,
        runs: results.map((r) => r.seconds),
      });
    };
    log('full recompute: first scoring (account_health empty)…');
    await fullCase('first scoring: every account inserted', () => pool.query('DELETE FROM account_health'));
    log('full recompute: nothing changed…');
    await fullCase('nothing changed: no snapshot', async () => {
      await pool.query('DELETE FROM account_health');
      await recomputeHealth(opened, { trigger: 'recompute' });
    });
    log('full recompute: a new day (account_health from yesterday)…');
    await fullCase('new day: every account updated', async () => {
      await pool.query('DELETE FROM account_health');
      await recomputeHealth(opened, { trigger: 'recompute' });
      await pool.query(`UPDATE account_health SET as_of_date = as_of_date - 1`);
    });
    await vacuumHealthTables(opened);

    log(`event → score over HTTP, ${events} accounts…`);
    const eventLatency = await measureEventLatency(opened);
    return {
      accounts,
      scoredAccounts: counts.rows[0]!.scored,
      usageRows: counts.rows[0]!.usage,
      loadSeconds: load.ms / 1000,
      baselineMs: baseline.medianMs,
      baselineRuns: baseline.all,
      selectMs: select.medianMs,
      selectRuns: select.all,
      selectAccounts,
      breakdown,
      full,
      events: eventLatency,
    };
  } finally {
    await database?.pool.end().catch(() => {});
    await cluster.release();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function printResults(results: SizeResult[]): void {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const integer = (value: number) => Math.round(value).toLocaleString('en-US');
  const out = (text: string) => process.stdout.write(`${text}\n`);
  out(
    `\nHealth recompute benchmark: demo workspace × ${months} months, ${usageDays} usage days, recommended scorecard, PostgreSQL (embedded)`,
  );
  out(
    'Ratio = time ÷ `SELECT count(*) FROM usage_daily WHERE day > current_date - 30` (median of ' +
      `${runs} after a warm-up) in the same run; targets from DESIGN.md §8: full recompute < ${FULL_TARGET_SECONDS} s, every event → new score < ${EVENT_TARGET_MS} ms.`,
  );
  out(
    'Full recomputes: median of --runs runs, each from the same state after VACUUM ANALYZE of account_health and health_snapshots and a CHECKPOINT (a server at rest between daily runs). ' +
      `Event → score: POST /accounts/:id/activities, then GET /accounts/:id/health until its current snapshot is newer than the POST (${WARM_UP_EVENTS} warm-up events first).\n`,
  );
  out(line(['accounts', 'work', 'figure', 'ratio', 'target', 'met?']));
  out(line(['---:', '---', '---:', '---:', '---', '---']));
  for (const result of results) {
    const row = (work: string, figure: string, ratio: string, target: string, met: string) =>
      out(line([integer(result.accounts), work, figure, ratio, target, met]));
    const ratio = (ms: number) => (ms / result.baselineMs).toFixed(1);
    row('demo load (apart)', `${result.loadSeconds.toFixed(1)} s`, '—', '—', '—');
    row(
      'ratio base: count(usage_daily, last 30 days)',
      `${result.baselineMs.toFixed(1)} ms`,
      '1.0',
      '—',
      '—',
    );
    row(
      `scoring SELECT alone (${integer(result.selectAccounts)} accounts, no writes)`,
      `${(result.selectMs / 1000).toFixed(2)} s`,
      ratio(result.selectMs),
      '—',
      '—',
    );
    for (const { label, result: run } of result.full) {
      row(
        `full recompute, ${label} (${integer(run.snapshots)} snapshots)`,
        `${run.seconds.toFixed(2)} s · ${integer(run.accounts / run.seconds)} accounts/s`,
        ratio(run.seconds * 1000),
        `< ${FULL_TARGET_SECONDS} s`,
        run.seconds < FULL_TARGET_SECONDS ? 'met' : 'MISSED',
      );
    }
    const latency = result.events.latenciesMs;
    if (latency.length === 0) {
      row(
        'event → score',
        `no event showed within ${EVENT_GIVE_UP_MS} ms`,
        '—',
        `< ${EVENT_TARGET_MS} ms`,
        'MISSED',
      );
      continue;
    }
    const worst = Math.max(...latency);
    row(
      `event → score, ${latency.length} accounts (p50 / p95 / p99 / max)`,
      `${[50, 95, 99].map((p) => percentile(latency, p).toFixed(1)).join(' / ')} / ${worst.toFixed(1)} ms`,
      '—',
      `< ${EVENT_TARGET_MS} ms (max)`,
      worst < EVENT_TARGET_MS && result.events.lost === 0 ? 'met' : 'MISSED',
    );
  }
  out('');
  for (const result of results) {
    const { events: latency } = result;
    out(`${integer(result.accounts)} accounts:`);
    out(
      `  data: ${integer(result.scoredAccounts)} scored accounts (active or onboarding), ${integer(result.usageRows)} usage_daily rows`,
    );
    out(
      `  ratio base runs ${result.baselineRuns.map((ms) => ms.toFixed(1)).join(', ')} ms; scoring SELECT runs ${result.selectRuns.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s`,
    );
    for (const { label, runs: seconds } of result.full) {
      out(`  full recompute, ${label}: runs ${seconds.map((value) => value.toFixed(2)).join(', ')} s`);
    }
    const { breakdown } = result;
    out(
      `  scoring SELECT under EXPLAIN ANALYZE ${integer(breakdown.executionMs)} ms: ` +
        `${breakdown.inputs.map(({ name, ms }) => `${name} ${integer(ms)}`).join(', ')}; ` +
        `joins into raw ${integer(breakdown.rawJoinsMs)}; arithmetic steps and projection ${integer(breakdown.arithmeticMs)} (ms)`,
    );
    if (latency.latenciesMs.length === 0) continue;
    out(
      `  event → score: POST p50 ${median(latency.postMs).toFixed(1)} ms (includes the synchronous single-account recompute), ` +
        `GET p50 ${median(latency.getMs).toFixed(1)} ms, at most ${latency.maxPolls} GET per event, ${latency.lost} lost; ` +
        `drawn from ${integer(latency.candidates)} scored accounts whose days since last touch is not 0`,
    );
  }
}

const results: SizeResult[] = [];
for (const accounts of sizes) results.push(await runSize(accounts));
printResults(results);
