import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { hasChromium, launchChromium, newContext, saveScreenshot, signInThroughApi, watchPageErrors } from './support/browser';
import { seedWorkspace, type SeededWorkspace } from './support/seed';

/** The account names in the table, top to bottom; ['(loading)'] while a page of results is on its way. */
async function accountNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    if (document.querySelector('table[aria-busy="true"]')) return ['(loading)'];
    return [...document.querySelectorAll('tbody tr td:first-child a')].map((link) => link.textContent ?? '');
  });
}

async function waitForNames(page: Page, expected: string[]): Promise<void> {
  await expect.poll(() => accountNames(page), { timeout: 10_000 }).toEqual(expected);
}

describe.skipIf(!hasChromium)('the accounts list', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let workspace: SeededWorkspace;

  beforeAll(async () => {
    server = await startTestServer({ webRoot: inject('webRoot') });
    workspace = await seedWorkspace(server);
    browser = await launchChromium();
    context = await newContext(browser, server.baseUrl);
    await signInThroughApi(context, server.baseUrl, workspace.signInAs.email);
    page = await context.newPage();
    errors = watchPageErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows every account with status, tier, owner, MRR, renewal and stage, sorted by name', async () => {
    await page.goto('/');
    await page.waitForURL('**/accounts');
    await waitForNames(page, [
      'Acme Corporation',
      'Acme Europe GmbH',
      'Globex',
      'Hooli',
      'Initech',
      'Stark Industries',
      'Umbrella Health',
      'Wayne Enterprises',
    ]);
    const acmeRow = page.locator('tbody tr', { hasText: 'Acme Corporation' });
    const cells = await acmeRow.locator('td').allTextContents();
    expect(cells.slice(1)).toEqual([
      'Active',
      'Enterprise',
      'Morgan Lee',
      '$14,000',
      expect.stringMatching(/^[A-Z][a-z]{2} \d{1,2}, \d{4}in 45 days$/),
      'Adoption',
    ]);
    expect(await page.getByText('8 accounts').count()).toBe(1);
    await saveScreenshot(page, '03-accounts-list');
  });

  it('search and status filters narrow the list, live in the URL, and survive a reload and Back', async () => {
    await page.getByLabel('Search').fill('acme');
    await page.waitForURL((url) => url.searchParams.get('q') === 'acme');
    await waitForNames(page, ['Acme Corporation', 'Acme Europe GmbH']);

    await page.getByRole('group', { name: 'Status' }).getByText('Onboarding', { exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'onboarding');
    await waitForNames(page, []);
    await page.getByRole('heading', { name: 'No accounts match' }).waitFor();
    await saveScreenshot(page, '04-accounts-no-match');

    await page.getByLabel('Search').fill('');
    await page.waitForURL((url) => !url.searchParams.has('q'));
    await waitForNames(page, ['Globex', 'Wayne Enterprises']);
    expect(new URL(page.url()).search).toBe('?status=onboarding');

    // A shared link: search "o" among active and onboarding accounts (Stark and Wayne have no "o").
    await page.goto('/accounts?q=o&status=active,onboarding');
    await waitForNames(page, ['Acme Corporation', 'Acme Europe GmbH', 'Globex', 'Hooli']);
    await page.reload();
    await waitForNames(page, ['Acme Corporation', 'Acme Europe GmbH', 'Globex', 'Hooli']);
    expect(await page.getByLabel('Search').inputValue()).toBe('o');
    expect(await page.getByText('4 accounts match').count()).toBe(1);
    await saveScreenshot(page, '05-accounts-filtered');

    await page.goBack();
    await page.waitForURL((url) => url.search === '?status=onboarding');
    await waitForNames(page, ['Globex', 'Wayne Enterprises']);
    expect(await page.getByLabel('Search').inputValue()).toBe('');
  });

  it('the owner filter offers Me and the team; Clear filters resets everything', async () => {
    await page.goto('/accounts');
    await page.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: 'Me', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('owner') === 'me');
    await waitForNames(page, ['Acme Corporation', 'Stark Industries']);

    await page.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: 'Sam Rivera' }).click();
    await waitForNames(page, ['Acme Europe GmbH', 'Globex', 'Wayne Enterprises']);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL((url) => url.search === '');
    await expect.poll(async () => (await accountNames(page)).length).toBe(8);
  });

  it('clicking a column header sorts on the server, and again reverses it', async () => {
    await page.goto('/accounts');
    await page.getByRole('button', { name: 'MRR' }).click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'mrr');
    await page.locator('th[aria-sort="ascending"]', { hasText: 'MRR' }).waitFor();
    await page.getByRole('button', { name: 'MRR' }).click();
    await page.waitForURL((url) => url.searchParams.get('sort') === '-mrr');
    await expect.poll(async () => (await accountNames(page)).slice(0, 3)).toEqual(['Stark Industries', 'Acme Corporation', 'Wayne Enterprises']);
    await page.locator('th[aria-sort="descending"]', { hasText: 'MRR' }).waitFor();
  });

  it('a row opens the account page, and Back returns to the same view', async () => {
    await page.goto('/accounts?status=active');
    await page.locator('tbody tr', { hasText: 'Hooli' }).locator('td').nth(3).click();
    await page.waitForURL(`**/accounts/${workspace.accounts.hooli.id}`);
    await page.getByRole('heading', { name: 'Hooli', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Accounts' }).first().waitFor();
    await page.goBack();
    await page.waitForURL((url) => url.search === '?status=active');
    expect(errors).toEqual([]);
  });
});
