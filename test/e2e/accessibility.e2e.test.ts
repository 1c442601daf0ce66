import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { type AxeFinding, describeFindings, findAxeViolations } from './support/axe';
import { hasChromium, launchChromium, newContext, signInThroughApi } from './support/browser';
import { type SeededHome, seedHomeWorkspace } from './support/home-seed';
import { seedJourneyMap } from './support/journey-seed';

type Scheme = 'light' | 'dark';

/** Waits until the page's data has arrived and its lazy parts have painted. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('[role="status"][aria-label="Loading"]')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => {});
  await page.waitForTimeout(400); // transitions (fades, tab indicator) finish before colours are measured
}

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await settle(page);
}

/**
 * axe-core on every page of the app, in light and dark: sign-in, Home (CSM and manager), Accounts,
 * each Account 360 tab, Metrics, each Health tab, the scorecard editor, the open search dialog,
 * Segments (list, builder, members), the journey board with a column open, Team (capacity, people)
 * and Settings → Tiers and Journey stages.
 * Fails on any serious or critical violation, listing rule, elements and the rule's help page.
 */
describe.skipIf(!hasChromium)('accessibility (axe-core)', () => {
  let server: TestServer;
  let browser: Browser;
  let seeded: SeededHome;
  let segmentId: string;

  beforeAll(async () => {
    server = await startTestServer({ webRoot: inject('webRoot') });
    seeded = await seedHomeWorkspace(server);
    ({ segmentId } = await seedJourneyMap(server, seeded.signInAs.email));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedIn(scheme: Scheme, email: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(browser, server.baseUrl, { colorScheme: scheme });
    await signInThroughApi(context, server.baseUrl, email);
    return { context, page: await context.newPage() };
  }

  for (const scheme of (process.env.A11Y_SCHEMES?.split(',') ?? ['light', 'dark']) as Scheme[]) {
    it(`has no serious or critical violation on any page in ${scheme} mode`, async () => {
      const findings: AxeFinding[] = [];
      const check = async (page: Page, label: string) =>
        findings.push(...(await findAxeViolations(page, `${scheme} ${label}`)));

      const anonymous = await newContext(browser, server.baseUrl, { colorScheme: scheme });
      const signInPage = await anonymous.newPage();
      await visit(signInPage, '/login');
      await check(signInPage, 'sign-in');
      await anonymous.close();

      const csm = await signedIn(scheme, seeded.csm.email);
      await visit(csm.page, '/');
      await csm.page.getByRole('region', { name: 'Since yesterday' }).waitFor();
      await check(csm.page, 'Home (CSM)');
      await csm.page.keyboard.press('Control+K');
      const dialog = csm.page.getByRole('dialog', { name: 'Search accounts and contacts' });
      await dialog.getByRole('combobox').fill('acme');
      await dialog.getByRole('option', { name: /Dana Whitfield/ }).waitFor();
      await csm.page.waitForTimeout(300);
      await check(csm.page, 'search dialog');
      await csm.context.close();

      const manager = await signedIn(scheme, seeded.signInAs.email);
      const { page } = manager;
      await visit(page, '/');
      await page.getByRole('region', { name: 'Health by CSM' }).waitFor();
      await check(page, 'Home (manager)');
      await visit(page, '/accounts');
      await check(page, 'Accounts');
      await visit(page, `/accounts/${seeded.accounts.acme.id}`);
      const tabs = page.getByRole('tab');
      const tabNames = await tabs.allInnerTexts();
      expect(tabNames.length).toBeGreaterThan(0);
      for (const [index, name] of tabNames.entries()) {
        await tabs.nth(index).click();
        await settle(page);
        await check(page, `Account 360, ${name.trim()} tab`);
      }
      await visit(page, '/metrics');
      await check(page, 'Metrics');
      await visit(page, '/health');
      await check(page, 'Health overview');
      await visit(page, '/health/scorecards');
      await check(page, 'Health scorecards');
      await visit(page, '/health/backtest');
      await check(page, 'Health backtest');
      await visit(page, `/health/scorecards/${seeded.scorecard.id}`);
      await check(page, 'scorecard editor');
      await visit(page, '/segments');
      await check(page, 'Segments');
      await visit(page, `/segments/${segmentId}`);
      await page.getByTestId('member-row').first().waitFor();
      await check(page, 'segment members');
      await visit(page, `/segments/${segmentId}?tab=rule`);
      await page.getByTestId('preview-count').waitFor();
      await check(page, 'segment rule and live preview');
      await visit(page, '/journey');
      await page.getByRole('button', { name: 'Adoption', exact: true }).click();
      await page.getByTestId('stage-account-row').first().waitFor();
      await settle(page);
      await check(page, 'journey board with a stage open');
      await visit(page, '/team');
      await page.getByTestId('book-row').first().waitFor();
      await settle(page);
      await check(page, 'Team capacity');
      await visit(page, '/team?tab=people');
      await page.getByTestId('person-row').first().waitFor();
      await check(page, 'Team people');
      await visit(page, '/settings?tab=tiers');
      await page.getByTestId('tier-card').first().waitFor();
      await settle(page);
      await check(page, 'Settings tiers');
      await visit(page, '/settings?tab=stages');
      await page.getByTestId('stage-card').first().waitFor();
      await check(page, 'Settings journey stages');
      await manager.context.close();

      expect(findings, `axe found serious or critical violations:\n${describeFindings(findings)}`).toEqual(
        [],
      );
    });
  }
});
