#!/usr/bin/env node
// `npm test`: the whole suite — unit and integration (vitest.config.ts), then the browser journeys
// (test/e2e/vitest.config.ts), one after the other so they do not compete for CPU.
// Arguments (e.g. a file filter) go to the first run only, and the browser run is then skipped.
// With CYCLE_TEST_REPORT_DIR set, each run also writes a Vitest JSON report there (CI adds them up).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const reportDir = process.env.CYCLE_TEST_REPORT_DIR;
const extraArgs = process.argv.slice(2);
const vitest = path.join('node_modules', 'vitest', 'vitest.mjs');

function run(name, args) {
  const reporters = reportDir
    ? ['--reporter=default', '--reporter=json', `--outputFile=${path.join(reportDir, `${name}.json`)}`]
    : [];
  const result = spawnSync(process.execPath, [vitest, 'run', ...args, ...reporters], { stdio: 'inherit' });
  return result.status ?? 1;
}

let status = run('unit-integration', extraArgs);
if (extraArgs.length === 0) status = run('browser', ['--config', 'test/e2e/vitest.config.ts']) || status;
process.exit(status);
