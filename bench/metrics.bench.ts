/**
 * Revenue metrics benchmark (issue 3, DESIGN.md §8): on a throwaway embedded PostgreSQL cluster,
 * for 10,000 and 100,000 demo accounts × 36 months,
 * 1. loads the demo workspace (timed apart),
 * 2. times `rebuildMrrFacts` (account_mrr_monthly and mrr_monthly_totals from scratch),
 * 3. times the dashboard read of the last 12 months (median of 5 after a warm-up),
 * 4. copies subscriptions and exchange rates into DuckDB (timed apart) and times DuckDB recomputing
 *    the per-account month-end MRR, the movements and the monthly roll-up from scratch (median of 5
 *    after a warm-up),
 * 5. compares DuckDB's rows with account_mrr_monthly and mrr_monthly_totals row for row.
 * Target: dashboard read ≤ DuckDB recompute (ratio ≤ 1.0). Exits non-zero on any mismatch.
 *
 * Run: npx tsx bench/metrics.bench.ts [--sizes 10000,100000] [--months 36] [--runs 5] [--plain]
 * `--plain` keeps the demo data as generated; by default a few variations are added so the
 * comparison also covers the edge cases of docs/metrics.md (see `addDataVariations`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { currencyDecimals } from '../src/domain/imports/currency-codes';
import { type Database, openDatabase } from '../src/server/db/database';
import { openEmbeddedCluster } from '../src/server/db/embedded-cluster';
import { migrateDatabase } from '../src/server/db/migrate';
import { REPORTING_CURRENCY } from '../src/server/features/accounts/current-mrr.sql';
import { loadDemoWorkspace } from '../src/server/features/demo/demo.service';
import { currentMonthStart, rebuildMrrFacts } from '../src/server/features/revenue/mrr-facts.repository';
import { dashboardLabel, readDashboard } from './metrics-dashboard-read';
import {
  comparedFactColumns,
  comparedTotalsColumns,
  duckRecomputeSql,
  duckTablesDdl,
  factMismatchesSql,
  PICO_DIGITS,
  RATE_DIGITS,
} from './duckdb-mrr.sql';

const SEED = 20_240_601;

function argument(name: string): string | undefined {
  const position = process.argv.indexOf(`--${name}`);
  return position > 0 ? process.argv[position + 1] : undefined;
}

const sizes = (argument('sizes') ?? '10000,100000').split(',').map((value) => Number(value.trim()));
const months = Number(argument('months') ?? 36);
const runs = Number(argument('runs') ?? 5);
const plain = process.argv.includes('--plain');
if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(months) || !(runs >= 1)) {
  process.stderr.write(
    'usage: npx tsx bench/metrics.bench.ts [--sizes 10000,100000] [--months 36] [--runs 5] [--plain]\n',
  );
  process.exit(2);
}

const log = (message: string) => process.stderr.write(`  ${message}\n`);

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** A warm-up, then `runs` timed runs: the median in milliseconds, every run, the warm-up's value. */
async function medianOf<T>(work: () => Promise<T>): Promise<{ medianMs: number; all: number[]; value: T }> {
  const value = await work();
  const all: number[] = [];
  for (let run = 0; run < runs; run += 1) all.push((await timed(work)).ms);
  return { medianMs: median(all), all, value };
}

/** 'YYYY-MM' of the month `offset` months from the month of `monthStart` ('YYYY-MM-01'). */
function shiftMonth(monthStart: string, offset: number): string {
  const index = Number(monthStart.slice(0, 4)) * 12 + Number(monthStart.slice(5, 7)) - 1 + offset;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Variations on the demo data, so the comparison covers what the demo generator never produces
 * (all its revenue changes fall on the 1st, in USD, EUR and GBP with one rate each). Accounts are
 * picked by a hash of their id (deterministic):
 * - EUR and GBP get a rate for most months of the last four years, with gaps (the rate of the
 *   latest earlier month applies);
 * - 1.5% of USD accounts are re-priced in JPY (0 decimals, monthly rates), 0.5% in KWD
 *   (3 decimals, rates for the last 24 months only: earlier months have no rate), 0.05% in CHF
 *   (no rate at all);
 * - 3% of accounts have all their dates moved to mid-month (start and end shifted by 1–27 days);
 * - 1% of accounts end their subscriptions the day before the 1st (e.g. 31 March, not 1 April);
 * - 2% of accounts have annual prices ≡ 6 mod 12, so their monthly MRR ends in exactly half a
 *   minor unit (the demo's prices are multiples of 100, which never do).
 */
async function addDataVariations(pool: pg.Pool, throughMonth: string): Promise<string> {
  const bucket = `(('x' || substr(md5(account_id::text), 1, 8))::bit(32)::bigint % 10000)`;
  await pool.query(
    `
    INSERT INTO exchange_rates (currency, valid_from, rate_to_reporting)
    SELECT c.currency, (date_trunc('month', $1::date) - make_interval(months => i))::date,
           round((c.base * (1 + 0.04 * sin(i * c.phase)))::numeric, 10)
    FROM (VALUES ('EUR', 1.08::float8, 0.7::float8, 48, 4), ('GBP', 1.27, 1.3, 48, 4),
                 ('JPY', 0.0067, 0.9, 48, 5), ('KWD', 3.2543, 0.5, 23, 0)) AS c(currency, base, phase, months, gap),
         generate_series(0, c.months) AS i
    WHERE c.gap = 0 OR i % c.gap <> 3
    ON CONFLICT (currency, valid_from) DO NOTHING`,
    [throughMonth],
  );
  const jpy =
    await pool.query(`UPDATE subscriptions SET currency = 'JPY', amount_minor = round(amount_minor * 1.49)
    WHERE currency = 'USD' AND ${bucket} < 150`);
  const kwd =
    await pool.query(`UPDATE subscriptions SET currency = 'KWD', amount_minor = round(amount_minor * 3.07)
    WHERE currency = 'USD' AND ${bucket} BETWEEN 150 AND 199`);
  const chf =
    await pool.query(`UPDATE subscriptions SET currency = 'CHF', amount_minor = round(amount_minor * 0.88)
    WHERE currency = 'USD' AND ${bucket} BETWEEN 200 AND 204`);
  const midMonth =
    await pool.query(`UPDATE subscriptions SET start_date = start_date + (1 + ${bucket} % 27)::int,
      end_date = end_date + (1 + ${bucket} % 27)::int
    WHERE ${bucket} BETWEEN 1000 AND 1299`);
  const dayBefore = await pool.query(`UPDATE subscriptions SET end_date = end_date - 1
    WHERE ${bucket} BETWEEN 1300 AND 1399 AND end_date - 1 > start_date`);
  const halves =
    await pool.query(`UPDATE subscriptions SET amount_minor = amount_minor - amount_minor % 12 + 6
    WHERE billing_interval = 'year' AND ${bucket} BETWEEN 1400 AND 1599`);
  const count = (result: pg.QueryResult) => (result.rowCount ?? 0).toLocaleString('en-US');
  return (
    `variations: subscriptions re-priced in JPY ${count(jpy)}, KWD ${count(kwd)} (no rate before ${shiftMonth(throughMonth, -23)}), ` +
    `CHF ${count(chf)} (no rate); moved to mid-month ${count(midMonth)}; ending the day before the 1st ${count(dayBefore)}; ` +
    `annual prices ≡ 6 mod 12 (exact half minor units a month) ${count(halves)}; ` +
    'monthly EUR/GBP/JPY rates with gaps'
  );
}

/** Streams the rows of a `COPY (query) TO STDOUT` (text format) line by line. */
async function copyRows(pool: pg.Pool, query: string, onRow: (fields: string[]) => void): Promise<void> {
  const client = await pool.connect();
  try {
    const stream = client.query(copyTo(`COPY (${query}) TO STDOUT`));
    let rest = '';
    for await (const chunk of stream) {
      const lines = (rest + (chunk as Buffer).toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) onRow(line.split('\t'));
    }
    if (rest !== '') onRow(rest.split('\t'));
  } finally {
    client.release();
  }
}

/** Copies subscriptions and exchange rates into DuckDB through appenders. */
async function transferToDuckDb(
  pool: pg.Pool,
  duck: DuckDBConnection,
): Promise<{ subscriptions: number; rates: number }> {
  await duck.run(duckTablesDdl);
  const subscriptions = await duck.createAppender('subscriptions');
  let subscriptionRows = 0;
  await copyRows(
    pool,
    'SELECT account_id, amount_minor, currency, billing_interval, start_date, end_date FROM subscriptions',
    (fields) => {
      const [accountId, amountMinor, currency, interval, startDate, endDate] = fields as [
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      subscriptions.appendVarchar(accountId);
      subscriptions.appendBigInt(BigInt(amountMinor));
      subscriptions.appendVarchar(currency);
      subscriptions.appendVarchar(interval);
      subscriptions.appendVarchar(startDate);
      if (endDate === '\\N') subscriptions.appendNull();
      else subscriptions.appendVarchar(endDate);
      subscriptions.endRow();
      subscriptionRows += 1;
    },
  );
  subscriptions.closeSync();

  const rates = await duck.createAppender('exchange_rates');
  let rateRows = 0;
  await copyRows(
    pool,
    'SELECT currency, valid_from, rate_to_reporting FROM exchange_rates',
    ([currency, validFrom, rate]) => {
      rates.appendVarchar(currency!);
      rates.appendVarchar(validFrom!);
      rates.appendVarchar(rate!);
      rates.endRow();
      rateRows += 1;
    },
  );
  rates.closeSync();

  // Decimals of each currency, from the same list the product uses (unknown codes: 2).
  const reportingDecimals = currencyDecimals(REPORTING_CURRENCY) ?? 2;
  const currencies = await duck.runAndReadAll(
    'SELECT DISTINCT currency FROM subscriptions UNION SELECT DISTINCT currency FROM exchange_rates',
  );
  const scales = await duck.createAppender('currency_scales');
  for (const [currency] of currencies.getRowsJS()) {
    // 10^(reporting decimals − currency decimals) × 10¹² (PICO) ÷ 10¹⁰ (RATE_SCALE), an integer
    const exponent =
      reportingDecimals - (currencyDecimals(String(currency)) ?? 2) + (PICO_DIGITS - RATE_DIGITS);
    if (exponent < 0)
      throw new Error(`currency ${String(currency)}: too many decimals for the exact integer conversion`);
    scales.appendVarchar(String(currency));
    scales.appendHugeInt(10n ** BigInt(exponent));
    scales.endRow();
  }
  scales.closeSync();
  return { subscriptions: subscriptionRows, rates: rateRows };
}

interface Comparison {
  factRows: number;
  factMismatches: number;
  totalRows: number;
  totalMismatches: number;
  examples: string[];
}

/** Loads account_mrr_monthly into DuckDB (CSV export) and compares it and the totals with DuckDB's. */
async function compareWithCycle(pool: pg.Pool, duck: DuckDBConnection, workDir: string): Promise<Comparison> {
  const file = path.join(workDir, 'account_mrr_monthly.csv');
  const client = await pool.connect();
  try {
    const stream = client.query(
      copyTo(`COPY (SELECT account_id, month, mrr_minor, movement, previous_mrr_minor, paid_before::int, base12_minor,
                      array_to_string(ARRAY(SELECT unnest(missing_rate_currencies) ORDER BY 1), ',')
               FROM account_mrr_monthly) TO STDOUT (FORMAT csv)`),
    );
    await pipeline(stream, fs.createWriteStream(file));
  } finally {
    client.release();
  }
  await duck.run(`
    CREATE OR REPLACE TABLE pg_facts AS
    SELECT account_id, month, mrr_minor, movement, previous_mrr_minor, paid_before::BOOLEAN AS paid_before, base12_minor,
           coalesce(missing, '') AS missing
    FROM read_csv('${file}', header = false, quote = '"', columns = {
      'account_id': 'UUID', 'month': 'DATE', 'mrr_minor': 'BIGINT', 'movement': 'VARCHAR', 'previous_mrr_minor': 'BIGINT',
      'paid_before': 'INTEGER', 'base12_minor': 'BIGINT', 'missing': 'VARCHAR'})`);
  fs.rmSync(file, { force: true });
  await duck.run(factMismatchesSql);
  const factCounts = await duck.runAndReadAll(
    'SELECT count(*)::INTEGER, count(*) FILTER (WHERE mismatch)::INTEGER FROM fact_diff',
  );
  const [factRows, factMismatches] = factCounts.getRowsJS()[0] as [number, number];
  const examples: string[] = [];
  if (factMismatches > 0) {
    const rows = await duck.runAndReadAll(
      `SELECT * FROM fact_diff WHERE mismatch ORDER BY account_id, month LIMIT 8`,
    );
    for (const row of rows.getRowObjectsJson()) examples.push(`account-month ${JSON.stringify(row)}`);
  }

  const cycleTotals = await pool.query<Record<string, string>>(
    `SELECT to_char(month, 'YYYY-MM') AS month, ${comparedTotalsColumns.map((column) => `${column}::text`).join(', ')} FROM mrr_monthly_totals`,
  );
  const duckTotals = await duck.runAndReadAll(
    `SELECT strftime(month, '%Y-%m') AS month, ${comparedTotalsColumns.map((column) => `${column}::VARCHAR AS ${column}`).join(', ')} FROM duck_totals`,
  );
  const byMonth = new Map<string, { cycle?: Record<string, string>; duck?: Record<string, string> }>();
  for (const row of cycleTotals.rows) byMonth.set(row.month!, { cycle: row });
  for (const row of duckTotals.getRowObjectsJS() as Record<string, string>[]) {
    byMonth.set(row.month!, { ...byMonth.get(row.month!), duck: row });
  }
  let totalMismatches = 0;
  for (const [month, { cycle, duck: duckRow }] of [...byMonth].sort(([left], [right]) =>
    left.localeCompare(right),
  )) {
    const differing = comparedTotalsColumns.filter((column) => cycle?.[column] !== duckRow?.[column]);
    if (differing.length === 0) continue;
    totalMismatches += 1;
    if (examples.length < 16) {
      examples.push(
        `totals ${month}: ${differing.map((column) => `${column} cycle=${cycle?.[column] ?? 'missing'} duckdb=${duckRow?.[column] ?? 'missing'}`).join(', ')}`,
      );
    }
  }
  return { factRows, factMismatches, totalRows: byMonth.size, totalMismatches, examples };
}

interface SizeResult {
  accounts: number;
  subscriptions: number;
  accountMonths: number;
  loadSeconds: number;
  rebuildSeconds: number;
  readMs: number;
  readRuns: number[];
  transferSeconds: number;
  duckMs: number;
  duckRuns: number[];
  duckThreads: string;
  comparison: Comparison;
  period: string;
  variations: string;
  peakRssMb: number;
}

async function runSize(accounts: number): Promise<SizeResult> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cycle-bench-metrics-'));
  fs.chmodSync(workDir, 0o755);
  const dataDir = path.join(workDir, 'data');
  fs.mkdirSync(dataDir, { mode: 0o755 });
  const cluster = await openEmbeddedCluster(dataDir, { role: 'cli' });
  let database: Database | undefined;
  let duckInstance: DuckDBInstance | undefined;
  try {
    database = await openDatabase({
      databaseUrl: cluster.connectionString,
      dataDir: '',
      role: 'cli',
      poolSize: 4,
    });
    const { pool } = database;
    await migrateDatabase(pool);
    const now = new Date();
    const throughMonth = currentMonthStart(now);

    log(`${accounts.toLocaleString('en-US')} accounts × ${months} months: loading the demo workspace…`);
    const load = await timed(() =>
      loadDemoWorkspace(database!, { accounts, months, seed: SEED, usageDays: 1, now }),
    );
    const variations = plain
      ? 'demo data as generated (--plain)'
      : await addDataVariations(pool, throughMonth);

    log('rebuilding the MRR facts…');
    const rebuild = await timed(() => rebuildMrrFacts(database!.db, now));
    // The steady state of a workspace: autovacuum has run on the freshly written facts.
    await pool.query('VACUUM (ANALYZE) account_mrr_monthly, mrr_monthly_totals');
    const counts = await pool.query<{ subscriptions: number; account_months: number }>(
      'SELECT (SELECT count(*) FROM subscriptions)::int AS subscriptions, (SELECT count(*) FROM account_mrr_monthly)::int AS account_months',
    );

    log('dashboard read…');
    const read = await medianOf(() => readDashboard(database!, now));
    log('DuckDB: copying subscriptions and exchange rates…');
    duckInstance = await DuckDBInstance.create(':memory:');
    const duck = await duckInstance.connect();
    const transfer = await timed(() => transferToDuckDb(pool, duck));
    log('DuckDB: recomputing…');
    const recomputeSql = duckRecomputeSql({ throughMonth, reportingCurrency: REPORTING_CURRENCY });
    const recompute = await medianOf(() => duck.run(recomputeSql));
    const threads = await duck.runAndReadAll("SELECT current_setting('threads')::VARCHAR");

    log('comparing row for row…');
    const comparison = await compareWithCycle(pool, duck, workDir);
    duck.closeSync();
    return {
      accounts,
      subscriptions: counts.rows[0]!.subscriptions,
      accountMonths: counts.rows[0]!.account_months,
      loadSeconds: load.ms / 1000,
      rebuildSeconds: rebuild.ms / 1000,
      readMs: read.medianMs,
      readRuns: read.all,
      transferSeconds: transfer.ms / 1000,
      duckMs: recompute.medianMs,
      duckRuns: recompute.all,
      duckThreads: String(threads.getRowsJS()[0]?.[0]),
      comparison,
      period: `${read.value.from} … ${read.value.to}`,
      variations,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    duckInstance?.closeSync();
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
    `\nRevenue metrics benchmark: demo workspace × ${months} months, PostgreSQL (embedded) vs DuckDB (in process), median of ${runs} runs after a warm-up`,
  );
  out('Ratio = Cycle dashboard read ÷ DuckDB recompute from scratch; target ≤ 1.0 (DESIGN.md §8).');
  out(
    'load: loadDemoWorkspace (usage days 1, includes its own facts rebuild); rebuild: one run of rebuildMrrFacts after the data variations, ' +
      'then VACUUM ANALYZE of the facts (as autovacuum would) before the reads; DuckDB recompute: CREATE TABLE of the per-account facts and of the monthly totals.\n',
  );
  out(
    line([
      'accounts',
      'subscriptions',
      'account-months',
      'load s',
      'rebuild s',
      'dashboard read ms (Cycle)',
      'DuckDB recompute ms',
      'ratio',
      'target',
      'rows compared',
      'mismatches',
    ]),
  );
  out(line(['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---', '---:', '---:']));
  for (const result of results) {
    const ratio = result.readMs / result.duckMs;
    const { comparison } = result;
    out(
      line([
        integer(result.accounts),
        integer(result.subscriptions),
        integer(result.accountMonths),
        result.loadSeconds.toFixed(1),
        result.rebuildSeconds.toFixed(2),
        result.readMs.toFixed(1),
        result.duckMs.toFixed(1),
        ratio.toFixed(2),
        ratio <= 1 ? 'met' : 'MISSED',
        `${integer(comparison.factRows)} + ${integer(comparison.totalRows)} months`,
        integer(comparison.factMismatches + comparison.totalMismatches),
      ]),
    );
  }
  out('');
  for (const result of results) {
    out(`${integer(result.accounts)} accounts:`);
    out(
      `  dashboard read: ${dashboardLabel}, ${result.period}; runs ${result.readRuns.map((ms) => ms.toFixed(1)).join(', ')} ms`,
    );
    out(
      `  DuckDB recompute (${result.duckThreads} threads) runs ${result.duckRuns.map((ms) => ms.toFixed(1)).join(', ')} ms; ` +
        `transfer from PostgreSQL ${result.transferSeconds.toFixed(2)} s (not in the ratio)`,
    );
    out(
      `  compared: ${comparedFactColumns.join(', ')} per account-month; ${comparedTotalsColumns.length} columns of mrr_monthly_totals per month`,
    );
    out(`  data: ${result.variations}`);
    out(`  peak RSS of this process so far ${integer(result.peakRssMb)} MB`);
    for (const example of result.comparison.examples) out(`  MISMATCH ${example}`);
  }
  const peak = Math.max(...results.map((result) => result.peakRssMb));
  out(
    `\npeak RSS (this process: Node + DuckDB; PostgreSQL runs apart) ${Math.round(peak).toLocaleString('en-US')} MB`,
  );
}

const results: SizeResult[] = [];
for (const accounts of sizes) results.push(await runSize(accounts));
printResults(results);
const mismatches = results.reduce(
  (sum, result) => sum + result.comparison.factMismatches + result.comparison.totalMismatches,
  0,
);
if (mismatches > 0) {
  process.stderr.write(`\n${mismatches} mismatching rows between DuckDB and Cycle's MRR facts\n`);
  process.exit(1);
}
