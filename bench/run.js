#!/usr/bin/env node
// Runs every bench/*.bench.ts in turn (each prints its own table and ratios).
// `npm run bench -- import` (or `npm run bench import`) runs only the benchmarks whose file name contains
// "import"; arguments after the name go to each benchmark (`npm run bench ingest -- --events 20000`); new benchmarks are picked up by their `.bench.ts` name (e.g. `npm run bench health`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const benches = fs
  .readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts') && name.includes(filter))
  .sort();
if (benches.length === 0) {
  process.stderr.write(`No bench/*.bench.ts file name contains "${filter}".\n`);
  process.exit(2);
}
let failed = 0;
for (const name of benches) {
  process.stdout.write(`\n## ${name}\n`);
  const result = spawnSync(
    process.execPath,
    // The benchmarks run the server in-process: with the runtime flags `npm start` gives it.
    ['--max-semi-space-size=64', '--import', 'tsx', path.join(here, name), ...process.argv.slice(3)],
    { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } },
  );
  if (result.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
