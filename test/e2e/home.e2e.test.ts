import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';
import {
  hasChromium,
  launchChromium,
  newContext,
  saveScreenshot,
  screenshotDir,
  signInThroughApi,
  watchPageErrors,
} from './support/browser';
import { type SeededHome, seedHomeWorkspace } from './support/home-seed';

/** The headline number of a Home key figure, found by its label. */
async function figure(page: Page, label: string): Promise<string> {
  return (
    (await page.getByRole('group', { name: label, exact: true }).locator('p').nth(1).textContent()) ?? ''
  );
}

/** The window only (a full-page picture would cut the dialog's backdrop off at the window's height). */
async function saveDialogScreenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.waitForTimeout(300); // the dialog's fade-in
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), animations: 'disabled' });
}

/** Each row's cells as text, for a table inside the section titled `section`. */
async function rowsOf(page: Page, section: string, testId: string): Promise<string[][]> {
  const rows = page.getByRole('region', { name: section }).getByTestId(testId);
  await rows.first().waitFor();
  return rows.evaluateAll((elements) =>
    elements.map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => (cell.textContent ?? '').trim()),
    ),
  );
}

describe.skipIf(!hasChromium)('Home, global search and theme', () => {
  let server: TestServer;
  let browser: Browser;
  let seeded: SeededHome;

  beforeAll(async () => {
    server = await startTestServer({ webRoot: inject('webRoot') });
    seeded = await seedHomeWorkspace(server);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("signs a CSM in to Home and shows their book with the seed's exact figures", async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto('/login');
    await page.getByLabel('Email').fill(seeded.csm.email);
    await page.getByLabel(/^Password/).fill(seeded.csm.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { level: 1, name: /, Sam$/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Home', exact: true }).getAttribute('aria-current')).toBe(
      'page',
    );

    // Acme Europe 3,500 + Globex 4,200 + Wayne 9,000 a month.
    expect(await figure(page, 'ARR')).toBe('$200,400');
    expect(await figure(page, 'Accounts')).toBe('3');
    expect(await figure(page, 'Renewals in 90 days')).toBe('1');
    expect(await figure(page, 'At risk')).toBe('1');
    expect(await page.getByTestId('band-legend').allTextContents()).toEqual([
      'Red 1 account · $42,000 ARR',
      'Yellow 1 account · $50,400 ARR',
      'Green 1 account · $108,000 ARR',
    ]);
    expect(await rowsOf(page, 'Renewals in the next 90 days', 'renewal-row')).toEqual([
      ['Acme Europe GmbH', expect.stringMatching(/in 45 days$/), '$42,000', 'Red25.00'],
    ]);
    const atRisk = page.getByTestId('at-risk-row');
    expect(await atRisk.count()).toBe(1);
    expect(await atRisk.first().textContent()).toContain('Acme Europe GmbH');
    expect(await atRisk.first().textContent()).toContain('Costing most: Adoption: 25');
    const changes = await page
      .getByTestId('change-row')
      .evaluateAll((rows) => rows.map((row) => row.querySelector('p')?.textContent ?? ''));
    expect(changes).toEqual([
      'Acme Europe GmbH — Health moved from Green to Red (78.00 → 25.00)',
      'Acme Europe GmbH — NPS 4: "Too many clicks to export."',
      'Globex — Escalated ticket opened: "Cannot invite new users" (urgent priority)',
    ]);
    await saveScreenshot(page, '80-home-csm-book');

    await page.getByRole('link', { name: 'Acme Europe GmbH' }).first().click();
    await page.waitForURL(`**/accounts/${seeded.accounts.acmeEurope.id}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a manager the team: retention, health by CSM and renewals across the team', async () => {
    const context = await newContext(browser, server.baseUrl);
    await signInThroughApi(context, server.baseUrl, seeded.signInAs.email);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: /, Morgan$/ }).waitFor();
    await page.getByRole('region', { name: 'Health by CSM' }).waitFor();
    for (const label of ['NRR', 'GRR', 'Logo churn', 'ARR']) expect(await figure(page, label)).not.toBe('');
    expect(await rowsOf(page, 'Health by CSM', 'owner-row')).toEqual([
      ['Morgan Lee', '2', '1', '0', '1', '0', ''],
      ['Priya Shah', '1', '0', '1', '0', '0', ''],
      ['Sam Rivera', '3', '1', '1', '1', '0', ''],
    ]);
    const renewals = await rowsOf(page, 'Renewals in the next 90 days', 'renewal-row');
    expect(renewals.map((cells) => cells.slice(0, 2).concat(cells[3]!))).toEqual([
      ['Hooli', 'Priya Shah', '$33,600'],
      ['Acme Corporation', 'Morgan Lee', '$168,000'],
      ['Acme Europe GmbH', 'Sam Rivera', '$42,000'],
    ]);
    await saveScreenshot(page, '81-home-manager-team');

    // The manager's own book is one click away, and the choice is in the URL.
    await page.getByText('My book', { exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'book');
    await page.getByRole('group', { name: 'ARR', exact: true }).waitFor();
    expect(await figure(page, 'Accounts')).toBe('2');
    await saveScreenshot(page, '82-home-manager-book');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds an account with Ctrl+K, opens it with the arrow keys and Enter, and remembers it', async () => {
    const context = await newContext(browser, server.baseUrl);
    await signInThroughApi(context, server.baseUrl, seeded.csm.email);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto('/?view=team');
    await page.getByRole('region', { name: 'Health by CSM' }).waitFor();
    await page.keyboard.press('Control+K');
    const dialog = page.getByRole('dialog', { name: 'Search accounts and contacts' });
    await dialog.waitFor();
    const input = dialog.getByRole('combobox', { name: 'Search accounts and contacts' });
    expect(await input.evaluate((element) => element === document.activeElement)).toBe(true);
    await input.fill('acme');
    const options = dialog.getByRole('option');
    await dialog.getByRole('option', { name: /Dana Whitfield/ }).waitFor();
    expect(
      await options.evaluateAll((elements) =>
        elements.map((element) => element.querySelector('p')?.textContent),
      ),
    ).toEqual(['Acme Corporation', 'Acme Europe GmbH', 'Ivy Chen', 'Leo Martins', 'Dana Whitfield']);
    expect(await options.nth(0).getAttribute('aria-selected')).toBe('true');
    await input.press('ArrowDown');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await options.nth(1).getAttribute('id'));
    await saveDialogScreenshot(page, '83-search-results');
    await input.press('Enter');
    await page.waitForURL(`**/accounts/${seeded.accounts.acmeEurope.id}`);
    await dialog.waitFor({ state: 'hidden' });

    await page.keyboard.press('Control+K');
    await dialog.waitFor();
    await dialog.getByRole('listbox', { name: 'Recently opened' }).waitFor();
    expect(await dialog.getByRole('option').allInnerTexts()).toEqual([
      expect.stringContaining('Acme Europe GmbH'),
    ]);
    await saveDialogScreenshot(page, '84-search-recent');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Search… accounts and contacts' }).click();
    await dialog.getByRole('combobox').fill('zzzz');
    await dialog.getByText('Nothing matches “zzzz”. Try part of a name, a domain or an email.').waitFor();
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches to dark mode and keeps it after a reload', async () => {
    const context = await newContext(browser, server.baseUrl);
    await signInThroughApi(context, server.baseUrl, seeded.csm.email);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('group', { name: 'ARR', exact: true }).waitFor();
    const scheme = () =>
      page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
    expect(await scheme()).toBe('light');
    await page.getByRole('button', { name: 'Switch to dark mode' }).click();
    expect(await scheme()).toBe('dark');
    await page.reload();
    await page.getByRole('group', { name: 'ARR', exact: true }).waitFor();
    expect(await scheme()).toBe('dark');
    await page.getByRole('button', { name: 'Switch to light mode' }).waitFor();
    await saveScreenshot(page, '85-home-csm-dark');
    await page.keyboard.press('Control+K');
    await page.getByRole('dialog').getByRole('combobox').fill('glob');
    await page.getByRole('option', { name: /Globex/ }).waitFor();
    await saveDialogScreenshot(page, '86-search-dark');
    await context.close();
  });
});
