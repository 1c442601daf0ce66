import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';
import {
  hasChromium,
  launchChromium,
  newContext,
  saveScreenshot,
  signInThroughApi,
  watchPageErrors,
} from './support/browser';
import { seedLifecycleStages, seedWorkspace, type SeededWorkspace } from './support/seed';

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  await page.getByRole('tabpanel').waitFor();
}

/** Clicks a filter chip by its label (the checkbox itself is visually hidden). */
async function toggleChip(page: Page, name: string): Promise<void> {
  const id = await page.getByRole('checkbox', { name }).getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
}

describe.skipIf(!hasChromium)('the account page (Account 360)', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let workspace: SeededWorkspace;

  beforeAll(async () => {
    server = await startTestServer({ webRoot: inject('webRoot') });
    workspace = await seedWorkspace(server);
    await seedLifecycleStages(server, workspace);
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

  it('opens from the list with the header facts, the overview numbers and the child accounts', async () => {
    await page.goto('/accounts');
    await page.getByRole('link', { name: 'Acme Corporation' }).click();
    await page.waitForURL(`**/accounts/${workspace.accounts.acme.id}`);
    await page.getByRole('heading', { name: 'Acme Corporation', level: 1 }).waitFor();
    // ARR with MRR beside it: $12,000 platform + $24,000 a year of support = $14,000 MRR.
    await page.locator('main').getByText('$168,000 ($14,000 MRR)').waitFor();
    await page.getByText('in 45 days').first().waitFor();
    await page.getByRole('link', { name: 'acme.example' }).waitFor();
    await page.getByRole('heading', { name: 'Child accounts' }).waitFor();
    const europe = page
      .getByRole('table', { name: 'Child accounts' })
      .locator('tr', { hasText: 'Acme Europe GmbH' });
    await europe.getByText('$42,000').waitFor();
    await europe.getByText('Not scored').waitFor();
    // Roll-up ARR: ($14,000 + $3,500) × 12.
    await page.getByText('$210,000').waitFor();
    expect(await page.title()).toBe('Acme Corporation · Cycle');
    await saveScreenshot(page, '70-account-overview');
  });

  it('shows the journey stage with its days, and moving it by hand adds a manual row to the history', async () => {
    const journey = page.getByRole('region', { name: 'Journey' });
    await journey.getByTestId('journey-current-stage').getByText('Adoption').waitFor();
    await journey.getByText('20 days in stage · expected 120 days').waitFor();
    await journey.getByText('On track').waitFor();
    const stays = journey.getByTestId('stage-stay');
    expect(await stays.count()).toBe(1);
    await page.getByRole('region', { name: 'Team' }).getByText('CSM', { exact: true }).waitFor();

    await journey.getByLabel('Move to stage').click();
    await page.getByRole('option', { name: 'Expansion' }).click();
    await journey.getByTestId('journey-current-stage').getByText('Expansion').waitFor();
    await expect.poll(async () => stays.count()).toBe(2);
    expect(await stays.first().getAttribute('data-source')).toBe('manual');
    expect(await stays.first().textContent()).toContain('by Morgan Lee');
    expect(await stays.nth(1).textContent()).toContain('Adoption');
    // The header's stage refreshes too.
    await page.getByText('Stage', { exact: true }).first().locator('xpath=..').getByText('Expansion').waitFor();
    await saveScreenshot(page, '70b-account-journey-moved');
  });

  it('lists contacts with the exec sponsor and champion first, and edits roles and the advocate flag in place', async () => {
    await openTab(page, 'Contacts');
    expect(new URL(page.url()).searchParams.get('tab')).toBe('contacts');
    const rows = page.getByTestId('contact-row');
    await rows.first().waitFor();
    expect(await rows.allTextContents()).toEqual([
      expect.stringContaining('Dana Whitfield'),
      expect.stringContaining('Leo Martins'),
      expect.stringContaining('Ivy Chen'),
    ]);
    const leo = rows.filter({ hasText: 'Leo Martins' });
    for (const badge of ['Champion', 'Power user', 'Advocate'])
      await leo.getByText(badge, { exact: true }).waitFor();
    await rows.filter({ hasText: 'Dana Whitfield' }).getByText('Exec sponsor').waitFor();

    await page.getByRole('button', { name: 'Edit roles of Ivy Chen' }).click();
    await page.getByRole('checkbox', { name: 'Decision maker' }).check();
    await page.getByRole('switch', { name: /Advocate/ }).check({ force: true });
    await saveScreenshot(page, '71-account-contact-edit');
    await page.getByRole('button', { name: 'Save' }).click();
    const ivy = rows.filter({ hasText: 'Ivy Chen' });
    await ivy.getByText('Decision maker', { exact: true }).waitFor();
    await ivy.getByText('Advocate', { exact: true }).waitFor();
    // A decision maker now ranks above the billing-only contacts, still below sponsor and champion.
    expect(await rows.nth(2).textContent()).toContain('Ivy Chen');
  });

  it('logging a call puts it at the top of the timeline at once, and it stays after a reload', async () => {
    await openTab(page, 'Timeline');
    const entries = page.getByTestId('timeline-entry');
    await entries.first().waitFor();
    // Newest first: the seat-pricing ticket opened half a day ago.
    expect(await entries.first().textContent()).toContain('Ticket opened: Question about seat pricing');
    const kinds = await entries.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-kind')));
    expect(new Set(kinds)).toEqual(new Set(['activity', 'ticket', 'survey', 'revenue']));

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
    await saveScreenshot(page, '72-account-timeline');

    await page.reload();
    await entries.first().waitFor();
    expect(await entries.first().textContent()).toContain('Renewal check-in with Leo');
  });

  it('filters the timeline by kind, with the choice in the URL', async () => {
    const entries = page.getByTestId('timeline-entry');
    for (const kind of ['Activities', 'Tickets', 'Surveys']) {
      await toggleChip(page, kind);
    }
    await expect.poll(() => new URL(page.url()).searchParams.get('kinds')).toBe('health,revenue');
    await expect
      .poll(async () => entries.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-kind'))))
      .toEqual(['revenue', 'revenue']);
    expect(await entries.allTextContents()).toEqual([
      expect.stringContaining('Expansion: +$2,000 MRR'),
      expect.stringContaining('New: +$12,000 MRR'),
    ]);
    await saveScreenshot(page, '73-account-timeline-filtered');

    // The link keeps the filter.
    await page.goto(`/accounts/${workspace.accounts.acme.id}?tab=timeline&kinds=survey`);
    await expect.poll(async () => entries.count()).toBe(3);
    expect(await page.getByRole('checkbox', { name: 'Surveys' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Activities' }).isChecked()).toBe(false);
  });

  it('shows the MRR history with its movements and the subscriptions on the Revenue tab', async () => {
    await openTab(page, 'Revenue');
    expect(new URL(page.url()).searchParams.get('kinds')).toBeNull();
    await page.getByRole('heading', { name: 'Month-end MRR by movement' }).waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    const movements = page.locator('tbody tr', { hasText: /Expansion|New/ });
    await expect.poll(async () => movements.count()).toBe(2);
    await page.locator('tbody tr', { hasText: 'Expansion' }).getByText('+$2,000').waitFor();
    await page.getByText('Premium Support').waitFor();
    await saveScreenshot(page, '74-account-revenue');
  });

  it('charts active users against seats and events on the Usage tab', async () => {
    await openTab(page, 'Usage');
    await page.getByRole('heading', { name: 'Daily active users vs seats' }).waitFor();
    await page.getByText(/of 120 seats/).waitFor();
    await page.getByText('120 seats', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Events per day' }).waitFor();
    await saveScreenshot(page, '75-account-usage');
  });

  it('shows support KPIs and every ticket, open ones first, on the Support tab', async () => {
    await openTab(page, 'Support');
    const tickets = page.getByTestId('support-ticket');
    await tickets.first().waitFor();
    expect(await tickets.allTextContents()).toEqual([
      expect.stringContaining('Question about seat pricing'),
      expect.stringContaining('SSO login fails for new hires'),
      expect.stringContaining('Export to CSV times out on large reports'),
      expect.stringContaining('Password reset email delayed'),
    ]);
    // The one resolved ticket took two days.
    await page.getByText('48 h').first().waitFor();
    await saveScreenshot(page, '76-account-support');

    await openTab(page, 'Surveys');
    await page.getByText('The renewal dashboard saves us hours every week.').waitFor();
    await saveScreenshot(page, '77-account-surveys');
  });

  it('a child account links to its parent', async () => {
    await page.goto(`/accounts/${workspace.accounts.acmeEurope.id}`);
    await page.getByRole('heading', { name: 'Acme Europe GmbH', level: 1 }).waitFor();
    await page.getByText('Child account of').waitFor();
    await saveScreenshot(page, '78-account-child');
    await page.getByRole('link', { name: 'Acme Corporation' }).first().click();
    await page.getByRole('heading', { name: 'Acme Corporation', level: 1 }).waitFor();
  });

  it('looks right in dark mode', async () => {
    await page.goto(`/accounts/${workspace.accounts.acme.id}?tab=timeline`);
    await page.getByRole('button', { name: 'Switch to dark mode' }).click();
    await page.waitForFunction(
      () => document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark',
    );
    await page.getByTestId('timeline-entry').first().waitFor();
    await saveScreenshot(page, '79-account-timeline-dark');
    await page.getByRole('button', { name: 'Switch to light mode' }).click();
  });

  it('an unknown account id shows a not-found page with a way back', async () => {
    await page.goto(`/accounts/${randomUUID()}`);
    await page.getByRole('heading', { name: 'Account not found' }).waitFor();
    await page.getByRole('link', { name: 'Back to accounts' }).click();
    await page.waitForURL('**/accounts');
    expect(errors).toEqual([]);
  });
});
