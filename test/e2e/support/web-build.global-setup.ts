import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of the production web build the e2e servers serve. */
    webRoot: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Builds the web app once per run, with the real Vite config, into .tmp/ so dist/web is left alone. */
export default async function setup(project: TestProject) {
  // CYCLE_E2E_WEB_DIR lets two e2e runs in one checkout build into separate folders.
  const webRoot = path.join(root, process.env.CYCLE_E2E_WEB_DIR ?? '.tmp/e2e-web');
  await build({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: webRoot, emptyOutDir: true },
  });
  await fs.access(path.join(webRoot, 'index.html'));
  project.provide('webRoot', webRoot);
  return async () => {
    await fs.rm(webRoot, { recursive: true, force: true });
  };
}
