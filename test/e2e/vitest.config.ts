import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Browser journeys: `npm run test:e2e`. Builds the web app once, starts a real Cycle server per
 * test file on 127.0.0.1 and drives Chromium through playwright-core. Files run one at a time.
 */
export default defineConfig({
  root,
  test: {
    name: 'e2e',
    root,
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts', 'test/e2e/support/web-build.global-setup.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
