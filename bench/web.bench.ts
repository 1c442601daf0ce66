/**
 * Web app benchmark (DESIGN.md §8: initial JS ≤ 400 KB gzip, first meaningful paint < 1 s on localhost):
 * 1. runs the production Vite build (the real vite.config.ts) into a temporary folder, with a manifest;
 * 2. reads index.html for the initial JS — the entry script and every `modulepreload` — and gzips each
 *    file (level 9, what a compressing proxy sends at best; the raw size is shown too), against 400 KB;
 * 3. lists each page's own chunks (a lazy page and the static imports it adds beyond the initial JS);
 * 4. starts Cycle on 127.0.0.1 with a demo workspace (throwaway embedded PostgreSQL) serving that
 *    build, and in Chromium (playwright-core) opens `/login` signed out and `/` (Home) as the demo CSM
 *    and as the demo manager, each in a fresh profile (cold cache) `--runs` times: FCP and LCP from a
 *    PerformanceObserver (buffered), and for Home the moment its first figure is on screen.
 * Targets: initial JS ≤ 400 KB gzip; FCP and LCP < 1,000 ms (median).
 *
 * Run: npx tsx bench/web.bench.ts [--accounts 1000] [--runs 5]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { type Browser, chromium } from 'playwright-core';
import { build } from 'vite';
import { buildDemoPeople } from '../src/domain/demo/demo-people';
import { buildApp } from '../src/server/app';
import { type Database, openDatabase } from '../src/server/db/database';
import { openEmbeddedCluster } from '../src/server/db/embedded-cluster';
import { migrateDatabase } from '../src/server/db/migrate';
import { DEMO_USER_PASSWORD, loadDemoWorkspace } from '../src/server/features/demo/demo.service';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const INITIAL_JS_TARGET_KB = 400;
const PAINT_TARGET_MS = 1_000;
const SEED = 42;
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function argument(name: string): string | undefined {
  const position = process.argv.indexOf(`--${name}`);
  return position > 0 ? process.argv[position + 1] : undefined;
}

const accounts = Number(argument('accounts') ?? 1000);
const runs = Number(argument('runs') ?? 5);
if (!Number.isInteger(accounts) || accounts < 1 || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write('Usage: npx tsx bench/web.bench.ts [--accounts <n ≥ 1>] [--runs <n ≥ 1>]\n');
  process.exit(2);
}

const log = (message: string) => process.stderr.write(`[web bench] ${message}\n`);
const out = (text: string) => process.stdout.write(`${text}\n`);
const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

function sizeOf(outDir: string, file: string): FileSize {
  const content = fs.readFileSync(path.join(outDir, file));
  return { file, raw: content.length, gzip: zlib.gzipSync(content, { level: 9 }).length };
}

/** The JS the browser fetches before anything shows: index.html's module script and its modulepreloads. */
function initialScripts(indexHtml: string): string[] {
  const files = new Set<string>();
  for (const match of indexHtml.matchAll(/<script[^>]*type="module"[^>]*src="\/?([^"]+)"/g))
    files.add(match[1]!);
  for (const match of indexHtml.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/?([^"]+)"/g))
    files.add(match[1]!);
  return [...files];
}

/** The files a manifest key loads statically (itself and its imports, transitively). */
function staticClosure(
  manifest: Record<string, ManifestChunk>,
  key: string,
  seen = new Set<string>(),
): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

async function buildWebApp(
  outDir: string,
): Promise<{ initial: FileSize[]; css: FileSize[]; pages: { page: string; files: FileSize[] }[] }> {
  await build({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true },
  });
  const indexHtml = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const initialFiles = initialScripts(indexHtml);
  const initial = initialFiles.map((file) => sizeOf(outDir, file));
  const css = [...indexHtml.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/?([^"]+)"/g)].map((match) =>
    sizeOf(outDir, match[1]!),
  );
  const manifest = JSON.parse(fs.readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const initialSet = new Set(initialFiles);
  const pages = Object.entries(manifest)
    .filter(
      ([key, chunk]) =>
        chunk.isDynamicEntry &&
        /src\/web\/(pages\/.*Page|components\/search\/SearchDialog)\.tsx$/.test(chunk.src ?? key),
    )
    .map(([key, chunk]) => {
      const files = [...staticClosure(manifest, key)]
        .map((member) => manifest[member]!.file)
        .filter((file) => !initialSet.has(file));
      return {
        page: (chunk.src ?? key).replace('src/web/', ''),
        files: files.map((file) => sizeOf(outDir, file)),
      };
    })
    .sort((a, b) => a.page.localeCompare(b.page));
  return { initial, css, pages };
}

interface PaintRun {
  fcp: number;
  lcp: number;
  /** Home only: when its first key figure was on screen, from navigation start. */
  ready: number | null;
}

/** Opens `path` in a fresh profile (cold cache), signed in as `email` when given, and reads its paint timings. */
async function measurePaint(
  browser: Browser,
  baseURL: string,
  pagePath: string,
  email: string | null,
): Promise<PaintRun> {
  const context = await browser.newContext({
    baseURL,
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1360, height: 860 },
  });
  try {
    if (email) {
      const response = await context.request.post('/api/v1/auth/login', {
        data: { email, password: DEMO_USER_PASSWORD },
      });
      if (!response.ok())
        throw new Error(`sign-in as ${email} failed: ${response.status()} ${await response.text()}`);
    }
    const page = await context.newPage();
    await page.addInitScript(() => {
      const timings = { fcp: -1, lcp: -1 };
      (window as unknown as { __paint: typeof timings }).__paint = timings;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          if (entry.name === 'first-contentful-paint') timings.fcp = entry.startTime;
      }).observe({ type: 'paint', buffered: true });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) timings.lcp = entry.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(pagePath);
    let ready: number | null = null;
    if (pagePath === '/') {
      await page
        .getByRole('group', { name: /^(ARR|NRR)$/ })
        .first()
        .waitFor({ timeout: 30_000 });
      ready = await page.evaluate(() => performance.now());
    } else {
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
    }
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const timings = await page.evaluate(
      () => (window as unknown as { __paint: { fcp: number; lcp: number } }).__paint,
    );
    return { ...timings, ready };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cycle-bench-web-'));
  fs.chmodSync(workDir, 0o755);
  const outDir = path.join(workDir, 'web');
  log('building the web app (vite build)…');
  const built = await buildWebApp(outDir);

  const dataDir = path.join(workDir, 'data');
  fs.mkdirSync(dataDir, { mode: 0o755 });
  const cluster = await openEmbeddedCluster(dataDir, { role: 'cli' });
  let database: Database | undefined;
  let browser: Browser | undefined;
  const paints: { label: string; runs: PaintRun[] }[] = [];
  try {
    database = await openDatabase({
      databaseUrl: cluster.connectionString,
      dataDir: '',
      role: 'cli',
      poolSize: 8,
    });
    await migrateDatabase(database.pool);
    log(`loading a ${accounts.toLocaleString('en-US')}-account demo workspace…`);
    await loadDemoWorkspace(database, { accounts, months: 12, usageDays: 60, seed: SEED, now: new Date() });
    const app = await buildApp(
      { database, config: { secureCookies: false } },
      { logLevel: 'warn', webRoot: outDir },
    );
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const baseURL = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const people = buildDemoPeople(SEED).users;
    const csm = people.find((user) => user.role === 'csm')!;
    const manager = people.find((user) => user.role === 'manager')!;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const targets = [
      { label: 'sign-in page (/login, signed out)', path: '/login', email: null },
      { label: `Home as the CSM (${csm.name}'s book)`, path: '/', email: csm.email },
      { label: `Home as the manager (${manager.name}, team view)`, path: '/', email: manager.email },
    ];
    for (const target of targets) {
      log(`measuring ${target.label}, ${runs} runs after a warm-up…`);
      await measurePaint(browser, baseURL, target.path, target.email); // the server's first requests compile routes
      const results: PaintRun[] = [];
      for (let run = 0; run < runs; run += 1)
        results.push(await measurePaint(browser, baseURL, target.path, target.email));
      paints.push({ label: target.label, runs: results });
    }
    await app.close();
  } finally {
    await browser?.close().catch(() => {});
    await database?.pool.end().catch(() => {});
    await cluster.release();
    fs.rmSync(workDir, { recursive: true, force: true });
  }

  const initialGzip = built.initial.reduce((sum, file) => sum + file.gzip, 0);
  const initialRaw = built.initial.reduce((sum, file) => sum + file.raw, 0);
  out(
    '\nWeb app benchmark: production Vite build (vite.config.ts), sizes gzip level 9 (raw in brackets); targets from DESIGN.md §8.\n',
  );
  out(line(['initial JS (index.html: entry + modulepreload)', 'gzip', 'raw']));
  out(line(['---', '---:', '---:']));
  for (const file of built.initial) out(line([file.file, kilobytes(file.gzip), kilobytes(file.raw)]));
  out(line(['**total**', `**${kilobytes(initialGzip)}**`, kilobytes(initialRaw)]));
  for (const file of built.css)
    out(line([`${file.file} (CSS, not counted)`, kilobytes(file.gzip), kilobytes(file.raw)]));
  out(
    `\nInitial JS: ${kilobytes(initialGzip)} gzip against ≤ ${INITIAL_JS_TARGET_KB} KB → ${initialGzip / 1024 <= INITIAL_JS_TARGET_KB ? 'met' : 'MISSED'} (ratio ${(initialGzip / 1024 / INITIAL_JS_TARGET_KB).toFixed(2)}).\n`,
  );
  out(line(['lazy chunk (loaded on first visit)', 'its own files beyond the initial JS', 'gzip', 'raw']));
  out(line(['---', '---', '---:', '---:']));
  for (const page of built.pages) {
    const gzip = page.files.reduce((sum, file) => sum + file.gzip, 0);
    const raw = page.files.reduce((sum, file) => sum + file.raw, 0);
    out(line([page.page, String(page.files.length), kilobytes(gzip), kilobytes(raw)]));
  }
  out(
    `\nPaint on 127.0.0.1, ${accounts.toLocaleString('en-US')}-account demo, fresh profile each run (cold cache), median of ${runs} (min–max):\n`,
  );
  out(line(['page', 'FCP', 'LCP', 'first figure on screen', 'target', 'met?']));
  out(line(['---', '---:', '---:', '---:', '---', '---']));
  for (const { label, runs: results } of paints) {
    const spread = (values: number[]) =>
      `${median(values).toFixed(0)} ms (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
    const fcp = results.map((result) => result.fcp);
    const lcp = results.map((result) => result.lcp);
    const ready = results.flatMap((result) => (result.ready === null ? [] : [result.ready]));
    const met = median(fcp) < PAINT_TARGET_MS && median(lcp) < PAINT_TARGET_MS;
    out(
      line([
        label,
        spread(fcp),
        spread(lcp),
        ready.length > 0 ? spread(ready) : '—',
        `FCP, LCP < ${PAINT_TARGET_MS} ms`,
        met ? 'met' : 'MISSED',
      ]),
    );
  }
}

await main();
