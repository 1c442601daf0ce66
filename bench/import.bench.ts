/**
 * CSV import benchmark: 100,000 account rows through `runImport` (parse, validate, COPY into a
 * temp table, one set-based upsert), against a raw COPY of the same file into a bare table, on a
 * throwaway embedded PostgreSQL cluster. Run with `npx tsx bench/import.bench.ts`.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { formatCsvRow } from '../src/domain/imports/csv-format';
import { parseImportOptions } from '../src/domain/imports/import-options';
import { formatImportSummary } from '../src/domain/imports/import-summary';
import { openDatabase } from '../src/server/db/database';
import { openEmbeddedCluster } from '../src/server/db/embedded-cluster';
import { migrateDatabase } from '../src/server/db/migrate';
import { runImport } from '../src/server/features/imports/import.service';

const ROWS = 100_000;
const TARGET_SECONDS = 10;
const SEED = 20_240_601;

/** mulberry32: a small seeded generator, so every run imports the same file. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const industries = ['Software', 'Manufacturing', 'Healthcare', 'Retail', 'Energy', 'Finance', 'Education', 'Logistics'];
const regions = ['EMEA', 'NA', 'APAC', 'LATAM'];
const statuses = ['active', 'active', 'active', 'onboarding', 'prospect', 'churned'];
const tiers = ['enterprise', 'mid-market', 'smb'];
const words = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent', 'Vandelay', 'Wonka'];
const header = ['external_id', 'name', 'domain', 'industry', 'region', 'status', 'tier', 'renewal_date', 'Employees', 'Plan', 'Health Notes'];

/** Writes the benchmark file: 100,000 accounts with 8 fields and 3 extra (trait) columns. */
async function writeAccountsCsv(file: string): Promise<number> {
  const random = seededRandom(SEED);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const out = fs.createWriteStream(file);
  out.write(`${formatCsvRow(header)}\n`);
  for (let index = 1; index <= ROWS; index += 1) {
    const id = `acct-${String(index).padStart(6, '0')}`;
    const name = `${pick(words)} ${pick(words)} ${index}`;
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const row = [
      id,
      name,
      `${id}.example`,
      pick(industries),
      pick(regions),
      pick(statuses),
      pick(tiers),
      `2025-${month}-${day}`,
      String(Math.floor(random() * 5000) + 5),
      pick(['Starter', 'Growth', 'Enterprise']),
      random() < 0.3 ? `Renewal risk, "${pick(words)}" champion left` : '',
    ];
    if (!out.write(`${formatCsvRow(row)}\n`)) await once(out, 'drain');
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return fs.statSync(file).size;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cycle-bench-import-'));
  fs.chmodSync(dataDir, 0o755);
  const csvDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cycle-bench-csv-'));
  const file = path.join(csvDir, 'accounts.csv');
  const bytes = await writeAccountsCsv(file);
  const cluster = await openEmbeddedCluster(dataDir, { role: 'cli' });
  const database = await openDatabase({ databaseUrl: cluster.connectionString, dataDir: '', role: 'cli' });
  try {
    await migrateDatabase(database.pool);
    const options = parseImportOptions({ kind: 'accounts' });
    const timeImport = async () => {
      const started = performance.now();
      const outcome = await runImport(database.pool, { options, input: fs.createReadStream(file), fileName: 'accounts.csv', userId: null });
      return { seconds: (performance.now() - started) / 1000, summary: formatImportSummary(outcome) };
    };
    const first = await timeImport();
    const second = await timeImport();

    const client = await database.pool.connect();
    let rawSeconds: number;
    try {
      await client.query(`CREATE TABLE bench_raw_accounts (${header.map((_, index) => `c${index} text`).join(', ')})`);
      const started = performance.now();
      await pipeline(fs.createReadStream(file), client.query(copyFrom('COPY bench_raw_accounts FROM STDIN (FORMAT csv, HEADER true)')));
      rawSeconds = (performance.now() - started) / 1000;
    } finally {
      client.release();
    }

    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const row = (label: string, seconds: number, target: string) =>
      line([label, ROWS.toLocaleString('en-US'), seconds.toFixed(2), Math.round(ROWS / seconds).toLocaleString('en-US'), target, `${(seconds / rawSeconds).toFixed(1)}×`]);
    process.stdout.write(`CSV import benchmark: ${ROWS.toLocaleString('en-US')} accounts, ${(bytes / 1024 / 1024).toFixed(1)} MB, PostgreSQL (embedded)\n\n`);
    process.stdout.write(`${line(['run', 'rows', 'seconds', 'rows/s', 'target', 'time vs raw COPY'])}\n`);
    process.stdout.write(`${line(['---', '---:', '---:', '---:', '---', '---:'])}\n`);
    process.stdout.write(`${row('import, new rows', first.seconds, `< ${TARGET_SECONDS} s ${first.seconds < TARGET_SECONDS ? 'met' : 'MISSED'}`)}\n`);
    process.stdout.write(`${row('import again, unchanged', second.seconds, `< ${TARGET_SECONDS} s ${second.seconds < TARGET_SECONDS ? 'met' : 'MISSED'}`)}\n`);
    process.stdout.write(`${row('raw COPY into a bare table', rawSeconds, '(baseline)')}\n\n`);
    process.stdout.write(`first run: ${first.summary}\nsecond run: ${second.summary}\n`);
  } finally {
    await database.close();
    await cluster.release();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(csvDir, { recursive: true, force: true });
  }
}

await main();
