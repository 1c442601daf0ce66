import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { describeFindings, findAxeViolations } from './support/axe';
import {
  hasChromium,
  launchChromium,
  newContext,
  saveScreenshot,
  signInThroughApi,
  watchPageErrors,
} from './support/browser';
import { dayFromToday, seedPortfolioHealth, seedWorkspace, type SeededWorkspace } from './support/seed';

/** The account names in the table, top to bottom; ['(loading)'] while a page of results is on its way. */
async function accountNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    if (document.querySelector('table[aria-busy="true"]')) return ['(loading)'];
    // The first link of each row is the account name (managers also get a checkbox cell before it).
    return [...document.querySelectorAll('tbody tr')].map(
      (row) => row.querySelector('td a')?.textContent ?? '',
    );
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
    await seedPortfolioHealth(server, workspace);
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

  it('shows every account with status, tier, owner, health, MRR, renewal and stage, sorted by name', async () => {
    await page.goto('/accounts');
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
    // Cell 0 is the manager's selection checkbox, cell 1 the name.
    expect(cells.slice(2)).toEqual([
      'Active',
      'Enterprise',
      'Morgan Lee',
      '82.50Green',
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
    await expect
      .poll(async () => (await accountNames(page)).slice(0, 3))
      .toEqual(['Stark Industries', 'Acme Corporation', 'Wayne Enterprises']);
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

  it('filters by health band and renewal window, sorts by health, and a copied link opens the same view', async () => {
    await page.goto('/accounts');
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
    await page.getByRole('combobox', { name: 'Health' }).click();
    await page.getByRole('option', { name: 'Red', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('band') === 'Red');
    await waitForNames(page, ['Globex', 'Hooli']);
    await page.getByRole('option', { name: 'Yellow', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.searchParams.get('band') === 'Red,Yellow');
    await waitForNames(page, ['Acme Europe GmbH', 'Globex', 'Hooli', 'Wayne Enterprises']);

    await page.getByRole('button', { name: 'Health' }).click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'health');
    await waitForNames(page, ['Hooli', 'Globex', 'Wayne Enterprises', 'Acme Europe GmbH']);
    await page.getByRole('button', { name: 'Health' }).click();
    await page.waitForURL((url) => url.searchParams.get('sort') === '-health');
    await waitForNames(page, ['Acme Europe GmbH', 'Wayne Enterprises', 'Globex', 'Hooli']);

    await page.getByRole('combobox', { name: 'Renewal' }).click();
    await page.getByRole('option', { name: 'Next 60 days' }).click();
    await page.waitForURL((url) => url.searchParams.get('renewalWithin') === '60');
    await waitForNames(page, ['Acme Europe GmbH', 'Hooli']);
    expect(await page.getByText('2 accounts match').count()).toBe(1);
    await saveScreenshot(page, '60-portfolio-band-and-renewal-filters');

    const shared = await context.newPage();
    await shared.goto(page.url());
    await waitForNames(shared, ['Acme Europe GmbH', 'Hooli']);
    expect(await shared.getByRole('combobox', { name: 'Renewal' }).inputValue()).toBe('Next 60 days');
    expect(await shared.locator('th[aria-sort="descending"]').textContent()).toBe('Health');
    await saveScreenshot(shared, '61-portfolio-shared-link');
    await shared.close();
  });

  it('the column chooser shows and hides columns, held in the URL', async () => {
    await page.getByRole('button', { name: 'Columns' }).click();
    // The boxes follow the URL, which the router updates in a transition: click, then wait for the URL.
    await page.getByRole('checkbox', { name: 'Tier' }).click();
    await page.waitForURL(
      (url) => url.searchParams.get('cols') === 'name,status,owner,health,mrr,renewalDate,stage',
    );
    // The boxes re-render from the new URL before the next click counts on them.
    await page.getByRole('checkbox', { name: 'Tier', checked: false }).waitFor();
    await page.getByRole('checkbox', { name: 'ARR' }).click();
    await page.waitForURL(
      (url) => url.searchParams.get('cols') === 'name,status,owner,health,mrr,arr,renewalDate,stage',
    );
    await saveScreenshot(page, '62-portfolio-column-chooser');
    await page.keyboard.press('Escape');
    const headers = await page.locator('thead th').allTextContents();
    expect(headers).toEqual([
      'Selection',
      'Account',
      'Status',
      'Owner',
      'Health',
      'MRR',
      'ARR',
      'Renewal',
      'Stage',
    ]);
    expect(await page.locator('tbody tr', { hasText: 'Hooli' }).locator('td').nth(6).textContent()).toBe(
      '$33,600',
    );
  });

  it('saves the current view, reopens it from the menu, renames and deletes it', async () => {
    const savedSearch = new URL(page.url()).search;
    await page.getByRole('button', { name: 'Saved views' }).click();
    await page.getByRole('menuitem', { name: 'Save current view…' }).click();
    await page.getByLabel('View name').fill('Renewals at risk');
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByRole('button', { name: 'View: Renewals at risk' }).waitFor();
    await saveScreenshot(page, '63-portfolio-view-saved');

    await page.goto('/accounts');
    await expect.poll(async () => (await accountNames(page)).length).toBe(8);
    await page.getByRole('button', { name: 'Saved views' }).click();
    await page.getByRole('menuitem', { name: 'Renewals at risk' }).waitFor();
    await saveScreenshot(page, '64-portfolio-saved-views-menu');
    await page.getByRole('menuitem', { name: 'Renewals at risk' }).click();
    await page.waitForURL((url) => url.search === savedSearch);
    await waitForNames(page, ['Acme Europe GmbH', 'Hooli']);

    await page.getByRole('button', { name: 'View: Renewals at risk' }).click();
    await page.getByRole('menuitem', { name: 'Rename or delete views…' }).click();
    await page.getByLabel('Name of “Renewals at risk”').fill('Red and yellow, 60 days');
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('Name of “Red and yellow, 60 days”').waitFor();
    await page.getByRole('button', { name: 'Delete the view “Red and yellow, 60 days”' }).click();
    await page.getByText('No saved views left.').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Saved views' }).waitFor();
  });

  it('a manager selects accounts and reassigns them to another owner after confirming', async () => {
    await page.goto('/accounts?band=Red');
    await waitForNames(page, ['Globex', 'Hooli']);
    await page.getByRole('checkbox', { name: 'Select Globex' }).check();
    await page.getByRole('checkbox', { name: 'Select Hooli' }).check();
    await page.getByRole('region', { name: 'Selected accounts' }).getByText('2 accounts selected').waitFor();
    await page.getByRole('button', { name: 'Reassign owner' }).click();
    await page.getByRole('combobox', { name: 'New owner' }).click();
    await page.getByRole('option', { name: 'Priya Shah (csm)' }).click();
    await page.getByText('2 accounts will move to').waitFor();
    await saveScreenshot(page, '65-portfolio-reassign-confirm');
    await page.getByRole('button', { name: 'Reassign 2 accounts' }).click();
    await page.getByText('Reassigned 1 account (1 already had this owner).').waitFor();
    await expect
      .poll(() =>
        page
          .locator('tbody tr')
          .evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[4]?.textContent)),
      )
      .toEqual(['Priya Shah', 'Priya Shah']);
    expect(await page.getByRole('region', { name: 'Selected accounts' }).count()).toBe(0);
    await saveScreenshot(page, '66-portfolio-reassigned');
  });

  it('exports the current view as CSV: its filters, sort and visible columns', async () => {
    await page.goto('/accounts?band=Red,Yellow&sort=-health&cols=name,owner,health,arr');
    await waitForNames(page, ['Acme Europe GmbH', 'Wayne Enterprises', 'Globex', 'Hooli']);
    await saveScreenshot(page, '67-portfolio-export-view');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`accounts-${dayFromToday(0)}.csv`);
    const content = fs.readFileSync(await download.path(), 'utf8');
    expect(content).toBe(
      '\uFEFFAccount,Owner,Owner email,Health score,Health band,ARR (USD)\r\n' +
        'Acme Europe GmbH,Sam Rivera,sam.rivera@example.test,61.00,Yellow,42000.00\r\n' +
        'Wayne Enterprises,Sam Rivera,sam.rivera@example.test,55.00,Yellow,108000.00\r\n' +
        'Globex,Priya Shah,priya.shah@example.test,35.50,Red,50400.00\r\n' +
        'Hooli,Priya Shah,priya.shah@example.test,22.25,Red,33600.00\r\n',
    );
  });

  it('a CSM sees the portfolio without selection or reassign', async () => {
    const csmContext = await newContext(browser, server.baseUrl);
    await signInThroughApi(csmContext, server.baseUrl, 'sam.rivera@example.test');
    const csmPage = await csmContext.newPage();
    await csmPage.goto('/accounts?owner=me&cols=name,health,mrr,renewalDate');
    await waitForNames(csmPage, ['Acme Europe GmbH', 'Wayne Enterprises']);
    expect(await csmPage.getByRole('checkbox', { name: /^Select / }).count()).toBe(0);
    expect(await csmPage.getByRole('button', { name: 'Reassign owner' }).count()).toBe(0);
    await saveScreenshot(csmPage, '68-portfolio-csm-book');
    await csmContext.close();
    expect(errors).toEqual([]);
  });

  it('has no serious or critical axe-core violation with filters, health, selection and the column chooser open', async () => {
    await page.goto('/accounts?band=Red,none&renewalWithin=400&sort=-health&cols=name,owner,health,mrr,arr');
    await waitForNames(page, ['Globex', 'Hooli']);
    await page.getByRole('checkbox', { name: 'Select Hooli' }).check();
    const findings = await findAxeViolations(page, 'Accounts (portfolio)');
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Domain' }).waitFor();
    await page.waitForTimeout(400); // the popover's fade-in ends before colours are measured
    findings.push(...(await findAxeViolations(page, 'Accounts (column chooser)')));
    await page.keyboard.press('Escape');
    expect(findings, describeFindings(findings)).toEqual([]);
  });
});
