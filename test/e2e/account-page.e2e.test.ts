import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { hasChromium, launchChromium, newContext, saveScreenshot, signInThroughApi, watchPageErrors } from './support/browser';
import { seedWorkspace, type SeededWorkspace } from './support/seed';

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  await page.getByRole('tabpanel').waitFor();
}

describe.skipIf(!hasChromium)('the account page', () => {
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

  it('opens from the list and shows the header facts and the overview numbers', async () => {
    await page.goto('/accounts');
    await page.getByRole('link', { name: 'Acme Corporation' }).click();
    await page.waitForURL(`**/accounts/${workspace.accounts.acme.id}`);
    await page.getByRole('heading', { name: 'Acme Corporation', level: 1 }).waitFor();
    const header = page.locator('main').getByText('$14,000 / $168,000');
    await header.waitFor();
    await page.getByText('in 45 days').first().waitFor();
    await page.getByRole('link', { name: 'acme.example' }).waitFor();
    // Roll-up MRR: Acme's $14,000 plus its child Acme Europe's $3,500.
    await page.getByText('$17,500').waitFor();
    await page.getByRole('link', { name: 'Acme Europe GmbH' }).waitFor();
    expect(await page.title()).toBe('Acme Corporation · Cycle');
    await saveScreenshot(page, '06-account-overview');
  });

  it('lists contacts with role badges and the advocate flag', async () => {
    await openTab(page, 'Contacts');
    expect(new URL(page.url()).searchParams.get('tab')).toBe('contacts');
    const leo = page.locator('tbody tr', { hasText: 'Leo Martins' });
    for (const badge of ['Champion', 'Power user', 'Advocate']) await leo.getByText(badge, { exact: true }).waitFor();
    await page.locator('tbody tr', { hasText: 'Dana Whitfield' }).getByText('Exec sponsor').waitFor();
    await saveScreenshot(page, '07-account-contacts');
  });

  it('shows subscriptions, open tickets and survey answers', async () => {
    await openTab(page, 'Subscriptions');
    await page.getByText('Premium Support').waitFor();
    await saveScreenshot(page, '08-account-subscriptions');

    await openTab(page, 'Tickets');
    await page.getByText('SSO login fails for new hires').waitFor();
    expect(await page.getByText('Password reset email delayed').count()).toBe(0);
    await saveScreenshot(page, '09-account-tickets');

    await openTab(page, 'Surveys');
    await page.getByText('The renewal dashboard saves us hours every week.').waitFor();
    await saveScreenshot(page, '10-account-surveys');
  });

  it('logging a call puts it at the top of the activity timeline, and it stays after a reload', async () => {
    await openTab(page, 'Activity');
    const entries = page.getByTestId('activity-entry');
    await entries.first().waitFor();
    expect(await entries.first().textContent()).toContain('Sent the renewal proposal');

    await page.getByRole('radio', { name: 'Call' }).check({ force: true });
    await page.getByLabel('Subject').fill('Renewal check-in with Leo');
    await page.getByLabel('Notes').fill('Leo confirmed budget for next year.\nWants SSO fixed first.');
    await page.getByLabel('Outcome').fill('Verbal yes to renew');
    await page.getByRole('button', { name: 'Log call' }).click();

    await expect.poll(async () => entries.first().textContent()).toContain('Renewal check-in with Leo');
    const newest = await entries.first().textContent();
    expect(newest).toContain('Call');
    expect(newest).toContain('Morgan Lee');
    expect(newest).toContain('Outcome: Verbal yes to renew');
    expect(await page.getByLabel('Subject').inputValue()).toBe('');
    await saveScreenshot(page, '11-account-activity');

    await page.reload();
    await page.getByTestId('activity-entry').first().waitFor();
    expect(await page.getByTestId('activity-entry').first().textContent()).toContain('Renewal check-in with Leo');
  });

  it('looks right in dark mode', async () => {
    await page.goto(`/accounts/${workspace.accounts.acme.id}`);
    await page.getByRole('button', { name: 'Switch to dark mode' }).click();
    await page.waitForFunction(() => document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark');
    await saveScreenshot(page, '12-account-overview-dark');
    await page.goto('/accounts');
    await page.locator('table[aria-busy="false"]').waitFor();
    await saveScreenshot(page, '13-accounts-list-dark');
    await page.getByRole('button', { name: 'Switch to light mode' }).click();
  });

  it('an unknown account id shows a not-found page with a way back', async () => {
    await page.goto(`/accounts/${randomUUID()}`);
    await page.getByRole('heading', { name: 'Account not found' }).waitFor();
    await saveScreenshot(page, '14-account-not-found');
    await page.getByRole('link', { name: 'Back to accounts' }).click();
    await page.waitForURL('**/accounts');
    expect(errors).toEqual([]);
  });
});
