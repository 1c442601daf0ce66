// Adds up Vitest JSON reports and prints one closing line: "tests: N passed, N failed, N skipped".
// Exits non-zero when any test failed, or when a suite ran no test at all.
import fs from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const suitePassed = report.numPassedTests ?? 0;
  passed += suitePassed;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`${file}: ${suitePassed} passed, ${report.numFailedTests ?? 0} failed, ${report.numPendingTests ?? 0} skipped`);
  if (suitePassed === 0) {
    console.log(`${file}: ran no test`);
    failed += 1;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || skipped > 0 ? 1 : 0);
