import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { TEST_PASSWORD } from '../../helpers/test-server';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the browser suite can run here. In CI a missing browser fails the run instead of skipping it. */
export const hasChromium = fs.existsSync(chromiumPath);
if (!hasChromium && process.env.CI) {
  throw new Error(
    `Chromium was not found at ${chromiumPath}, and CI is set: the browser journeys must run in CI. ` +
      'Install Chromium (apt-get install chromium) or point CHROMIUM_PATH at a Chromium binary.',
  );
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const screenshotDir = path.join(root, 'test-results/screenshots');

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

/** A fresh browser profile pointed at the test server: US English, UTC, a laptop-sized window. */
export async function newContext(browser: Browser, baseURL: string, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1360, height: 860 },
    colorScheme: options.colorScheme ?? 'light',
  });
  context.setDefaultTimeout(15_000);
  return context;
}

/** Signs in through the API; the session cookie lands in the context's cookie jar. */
export async function signInThroughApi(context: BrowserContext, baseURL: string, email: string, password = TEST_PASSWORD): Promise<void> {
  const response = await context.request.post(`${baseURL}/api/v1/auth/login`, { data: { email, password } });
  if (!response.ok()) throw new Error(`sign-in for ${email} failed: ${response.status()} ${await response.text()}`);
}

/** Saves a full-page screenshot to test-results/screenshots/<name>.png, after fonts and animations settle. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.mouse.move(0, 0); // no stray hover tooltips in the picture
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** Collects uncaught page errors and console errors, so a journey can assert the app stayed healthy. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // Expected 401s (signed-out checks, wrong password) and 404s are logged by the browser as failed loads.
    if (/status of (401|404)/.test(text)) return;
    errors.push(`console: ${text}`);
  });
  return errors;
}
