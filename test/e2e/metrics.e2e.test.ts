import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDemoWorkspace } from '../../src/server/features/demo/demo.service';
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
import { monthFromNow, seedRevenue, type SeededRevenue } from './support/metrics-seed';

const monthName = (offset: number, month: 'short' | 'long' = 'long') =>
  new Intl.DateTimeFormat('en-US', { month, year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${monthFromNow(offset)}-01T00:00:00Z`),
  );

/** The big figure of a headline card. */
function headline(page: Page, label: string) {
  return page.getByRole('group', { name: label, exact: true }).getByTestId('metric-value');
}

/** The figure as seen: "—" for a metric without a value (its reason is there for screen readers and the tooltip). */
async function visibleFigure(page: Page, label: string): Promise<string> {
  const card = headline(page, label);
  const undefinedValue = card.locator('[data-metric-status] [aria-hidden="true"]');
  return (await undefinedValue.count()) > 0 ? undefinedValue.innerText() : card.innerText();
}

/**
 * A full-page screenshot from the top, so the fixed header sits where it belongs; `overlay` takes
 * just the window instead, for a drawer or a dialog (which covers the window, not the page).
 */
async function screenshot(page: Page, name: string, options: { overlay?: boolean } = {}): Promise<void> {
  if (!options.overlay) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, name);
    return;
  }
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.waitForTimeout(400); // the drawer's slide-in
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), animations: 'disabled' });
}

async function waitForHeadlines(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Metrics', level: 1 }).waitFor();
  await headline(page, 'NRR').waitFor();
}

describe.skipIf(!hasChromium)('the metrics page, on a book with known figures', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let seeded: SeededRevenue;

  beforeAll(async () => {
    server = await startTestServer({ webRoot: inject('webRoot') });
    seeded = await seedRevenue(server);
    browser = await launchChromium();
    context = await newContext(browser, server.baseUrl);
    await signInThroughApi(context, server.baseUrl, seeded.signInAs.email);
    page = await context.newPage();
    errors = watchPageErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is in the header, and shows the last 12 months: ARR, NRR, GRR, logo churn and the rest', async () => {
    await page.goto('/accounts');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Metrics' }).click();
    await page.waitForURL('**/metrics');
    await waitForHeadlines(page);
    expect(
      await page
        .getByText(`Revenue and retention, ${monthName(-12, 'short')} – ${monthName(-1, 'short')} · in USD`)
        .count(),
    ).toBe(1);

    expect(await headline(page, 'ARR').textContent()).toBe('$332,400');
    expect(await headline(page, 'NRR').textContent()).toBe('88%');
    expect(await headline(page, 'GRR').textContent()).toBe('80%');
    expect(await headline(page, 'Logo churn').textContent()).toBe('30%');
    expect(await headline(page, 'Net MRR churn').textContent()).toBe('6%');
    expect(await headline(page, 'Quick ratio').textContent()).toBe('1.54');
    const cards = page.getByRole('group', { name: 'Logo churn', exact: true });
    expect(await cards.getByRole('button', { name: '3 of 10 customers lost' }).count()).toBe(1);
    expect(
      await page.getByRole('group', { name: 'ARR' }).getByText('+$32,400 (+10.8%) over the period').count(),
    ).toBe(1);
    expect(
      await page
        .getByRole('group', { name: 'NRR' })
        .getByText(/^102%: Median NRR, private B2B SaaS \(SaaS Capital 2023, public benchmark\)$/)
        .count(),
    ).toBe(1);
    // CRC waits for the CS team's costs.
    const crc = page.getByRole('group', { name: 'CRC' });
    expect(await visibleFigure(page, 'CRC')).toBe('—');
    expect(await crc.locator('[data-metric-status="not-defined"]').count()).toBe(1);
    expect(await crc.getByRole('button', { name: 'Enter CS costs to see CRC' }).count()).toBe(1);

    // The movements chart and its table: churn of Globex in M-3.
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    const churnRow = page.locator(`tr[data-month="${monthFromNow(-3)}"]`);
    expect(await churnRow.locator('td').allInnerTexts()).toEqual([
      monthName(-3, 'short'),
      '$0',
      '$0',
      '$0',
      '$0',
      '−$2,000',
      '−$2,000',
      '$26,200',
      '9',
    ]);
    await screenshot(page, '20-metrics-revenue');
    expect(errors).toEqual([]);
  });

  it('a churn figure opens the churned account with its reason, and the account page from there', async () => {
    await page.getByRole('button', { name: `Churn in ${monthName(-3)}: −$2,000. Show accounts` }).click();
    await page.waitForURL(
      (url) =>
        url.searchParams.get('drill') === 'churn' && url.searchParams.get('drillMonth') === monthFromNow(-3),
    );
    const drawer = page.getByRole('dialog', { name: `Churn · ${monthName(-3)}` });
    await drawer.getByRole('link', { name: 'Globex' }).waitFor();
    expect(await drawer.locator('tbody tr').count()).toBe(1);
    expect(await drawer.locator('tbody tr td').allInnerTexts()).toEqual([
      'Globex\n\nSam Rivera',
      monthName(-3, 'short'),
      'CHURN',
      '$2,000 → $0',
      '−$2,000',
      'Price',
    ]);
    await screenshot(page, '21-metrics-churned-accounts', { overlay: true });

    await drawer.getByRole('link', { name: 'Globex' }).click();
    await page.waitForURL(`**/accounts/${seeded.accounts.globex.id}`);
    await page.getByRole('heading', { name: 'Globex', level: 1 }).waitFor();

    // Back returns to the same figure, drawer open.
    await page.goBack();
    await page
      .getByRole('dialog', { name: `Churn · ${monthName(-3)}` })
      .getByRole('link', { name: 'Globex' })
      .waitFor();
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => !url.searchParams.has('drill'));
  });

  it('clicking a bar of the chart lists the accounts behind it', async () => {
    await page.goto('/metrics?tab=churn');
    await waitForHeadlines(page);
    // The logo churn chart has one bar series: its bars with a height are the months with churn (M-10, M-8, M-3).
    const bars = page.locator('section[aria-label="Logo churn per month"] .recharts-bar-rectangle path');
    await bars.first().waitFor();
    expect(await bars.count()).toBe(3);
    await bars.nth(1).click();
    const drawer = page.getByRole('dialog', { name: `Churn · ${monthName(-8)}` });
    await drawer.getByRole('link', { name: 'Hooli' }).waitFor();
    expect(await drawer.getByText('Product gaps').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => !url.searchParams.has('drill'));
  });

  it('the churn tab shows the reasons pareto, each reason opening its accounts', async () => {
    const reasons = page.locator('section[aria-label="Churned MRR by reason"] tbody tr');
    await reasons.first().waitFor();
    expect(await reasons.allInnerTexts()).toEqual([
      'Price\t1\t$2,000\t50%\t50%',
      'Product gaps\t1\t$1,000\t25%\t75%',
      'Unknown (none recorded)\t1\t$1,000\t25%\t100%',
    ]);
    await screenshot(page, '22-metrics-churn');
    await page
      .getByRole('button', {
        name: 'Unknown (none recorded): show the accounts that churned for this reason',
      })
      .click();
    const drawer = page.getByRole('dialog', { name: /^Churned: Unknown \(none recorded\) · / });
    await drawer.getByRole('link', { name: 'Soylent' }).waitFor();
    expect(await drawer.locator('tbody tr').count()).toBe(1);
    await page.keyboard.press('Escape');
  });

  it('changing the period updates the figures and the URL; "—" explains a figure that cannot be computed', async () => {
    await page.goto('/metrics');
    await waitForHeadlines(page);
    await page.getByRole('combobox', { name: 'Period' }).click();
    await page.getByRole('option', { name: 'Last 24 months' }).click();
    await page.waitForURL(
      (url) =>
        url.searchParams.get('from') === monthFromNow(-24) && url.searchParams.get('to') === monthFromNow(-1),
    );
    // Every subscription starts in M-24: nobody was a customer at the start, so there is no NRR to compute.
    await expect.poll(() => visibleFigure(page, 'NRR')).toBe('—');
    const nrr = page
      .getByRole('group', { name: 'NRR', exact: true })
      .locator('[data-metric-status="not-defined"]');
    expect(await nrr.count()).toBe(1);
    // Keyboard: from the definition button, Tab reaches the figure and its tooltip tells why.
    await page.getByRole('button', { name: 'What is NRR?' }).focus();
    await page.keyboard.press('Tab');
    await page.getByRole('tooltip').filter({ hasText: 'No customers at the start' }).waitFor();
    expect(await headline(page, 'ARR').textContent()).toBe('$332,400');
    await screenshot(page, '23-metrics-last-24-months');

    // A custom period from the URL survives a reload.
    const from = monthFromNow(-6);
    const to = monthFromNow(-4);
    await page.goto(`/metrics?from=${from}&to=${to}`);
    await waitForHeadlines(page);
    expect(await page.getByRole('combobox', { name: 'Period' }).inputValue()).toBe('Custom months…');
    expect(await page.getByRole('combobox', { name: 'From' }).inputValue()).toBe(monthName(-6, 'short'));
    expect(await page.getByRole('combobox', { name: 'To' }).inputValue()).toBe(monthName(-4, 'short'));
    await expect.poll(() => page.locator('tbody tr[data-month]').count()).toBe(3);
  });

  it('a breakdown by tier lives in the URL; a group opens its accounts', async () => {
    await page.goto('/metrics');
    await waitForHeadlines(page);
    await page.getByRole('combobox', { name: 'Break down by' }).click();
    await page.getByRole('option', { name: 'Tier' }).click();
    await page.waitForURL(
      (url) => url.searchParams.get('by') === 'tier' && url.searchParams.get('tab') === 'breakdown',
    );
    const rows = page.locator('section[aria-label="By Tier"] tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.allInnerTexts()).toEqual([
      'Enterprise\t4\t$10,500\t$15,500\t119%\t100%\t0% (0/3)\t−19%',
      'Growth\t5\t$9,000\t$6,500\t55.6%\t55.6%\t50% (2/4)\t27.8%',
      'Starter\t4\t$5,500\t$5,700\t81.8%\t81.8%\t33.3% (1/3)\t18.2%',
    ]);
    await screenshot(page, '24-metrics-breakdown-tier');

    await rows.filter({ hasText: 'Growth' }).getByRole('button', { name: 'Growth: show accounts' }).click();
    await page.waitForURL(
      (url) => url.searchParams.get('drill') === 'all' && url.searchParams.get('drillGroup') === 'Growth',
    );
    const drawer = page.getByRole('dialog', { name: /^All MRR movements · Tier: Growth · / });
    await drawer.getByRole('link', { name: 'Globex' }).waitFor();
    expect(await drawer.locator('tbody tr td:first-child a').allInnerTexts()).toEqual([
      'Globex',
      'Oscorp',
      'Hooli',
      'Initech',
    ]);
    await page.keyboard.press('Escape');
  });

  it('shows the NRR/GRR trend against the public benchmarks, and the cohorts', async () => {
    await page.goto('/metrics?tab=retention');
    await waitForHeadlines(page);
    const benchmarkLabels = page.locator(
      'section[aria-label^="Net and gross revenue retention"] text.recharts-label',
    );
    await benchmarkLabels.first().waitFor();
    expect(await benchmarkLabels.allTextContents()).toEqual([
      '102%: Median NRR, private B2B SaaS (SaaS Capital 2023, public benchmark)',
      '91%: Median GRR, private B2B SaaS (SaaS Capital 2023, public benchmark)',
    ]);
    await screenshot(page, '25-metrics-retention');

    await page.getByRole('tab', { name: 'Cohorts' }).click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'cohorts');
    const cohortRows = page.locator('table[aria-label="Cohort retention by customers"] tbody tr');
    await expect.poll(() => cohortRows.count()).toBe(2);
    await page
      .locator('section[aria-label="Cohort retention"]')
      .getByText('Revenue', { exact: true })
      .click();
    await page.waitForURL((url) => url.searchParams.get('cohorts') === 'revenue');
    await page.locator('table[aria-label="Cohort retention by revenue"]').waitFor();
    await screenshot(page, '26-metrics-cohorts');
  });

  it('CS costs entered for a month give the CRC', async () => {
    await page.goto('/metrics');
    await waitForHeadlines(page);
    await page.getByRole('button', { name: 'Enter CS costs to see CRC' }).click();
    const dialog = page.getByRole('dialog', { name: 'CS costs, USD' });
    await dialog.getByRole('textbox', { name: monthName(-1) }).waitFor();
    await dialog.getByRole('textbox', { name: 'Same cost every month' }).fill('700');
    await dialog.getByRole('button', { name: 'Fill all 12 months' }).click();
    expect(await dialog.getByRole('textbox', { name: monthName(-12) }).inputValue()).toBe('700');
    await screenshot(page, '27-metrics-cs-costs', { overlay: true });
    await dialog.getByRole('button', { name: 'Save 12 months' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // 12 × $700 ÷ the 7 customers retained from the start of the period.
    await expect.poll(() => headline(page, 'CRC').textContent()).toBe('$1,200');
    expect(await page.getByRole('group', { name: 'CRC' }).getByText('CS cost $8,400').count()).toBe(1);
  });

  it('a period without revenue says how to get data in', async () => {
    await page.goto('/metrics?from=2015-01&to=2015-12');
    await page.getByRole('heading', { name: 'No recurring revenue in this period' }).waitFor();
    expect(await page.getByText('cycle import subscriptions billing.csv').count()).toBe(1);
    await screenshot(page, '28-metrics-no-revenue');
    await page.getByRole('button', { name: 'Show the last 12 months' }).click();
    await page.waitForURL((url) => url.search === '');
    await waitForHeadlines(page);
    expect(errors).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('the metrics page, on the demo workspace', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await startTestServer({ webRoot: inject('webRoot') });
    await loadDemoWorkspace(server.database, { accounts: 300, months: 24, seed: 42, usageDays: 7 });
    const manager = await server.signIn('manager');
    browser = await launchChromium();
    const context = await newContext(browser, server.baseUrl);
    await signInThroughApi(context, server.baseUrl, manager.email);
    page = await context.newPage();
    errors = watchPageErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows plausible figures on every tab', async () => {
    await page.goto('/metrics');
    await waitForHeadlines(page);
    for (const label of ['NRR', 'GRR', 'Logo churn'])
      expect(await headline(page, label).innerText()).toMatch(/^\d+(\.\d)?%$/);
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await screenshot(page, '29-metrics-demo-revenue');
    for (const [tab, name] of [
      ['Retention', '30-metrics-demo-retention'],
      ['Churn', '31-metrics-demo-churn'],
      ['Cohorts', '32-metrics-demo-cohorts'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForURL((url) => url.searchParams.get('tab') === tab.toLowerCase());
      await page.waitForFunction(
        () => !document.querySelector('[aria-busy="true"], [aria-label="Loading chart"]'),
      );
      await page.waitForTimeout(300);
      await screenshot(page, name);
    }
    await page.goto('/metrics?by=owner&tab=breakdown');
    await page.locator('section[aria-label="By Owner (CSM)"] tbody tr').first().waitFor();
    await screenshot(page, '33-metrics-demo-breakdown-owner');
    expect(errors).toEqual([]);
  });

  it('reads as well in the dark colour scheme', async () => {
    const dark = await newContext(browser, server.baseUrl, { colorScheme: 'dark' });
    const manager = await server.signIn('viewer');
    await signInThroughApi(dark, server.baseUrl, manager.email);
    const darkPage = await dark.newPage();
    const darkErrors = watchPageErrors(darkPage);
    await darkPage.goto('/metrics?tab=cohorts&cohorts=revenue');
    await waitForHeadlines(darkPage);
    // A viewer may read CRC but not enter CS costs.
    expect(
      await darkPage
        .getByRole('group', { name: 'CRC' })
        .getByText('No CS costs entered yet (a manager or admin enters them)')
        .count(),
    ).toBe(1);
    await darkPage.locator('table[aria-label="Cohort retention by revenue"]').waitFor();
    await screenshot(darkPage, '34-metrics-demo-dark-cohorts');
    await darkPage.goto('/metrics?tab=retention');
    await darkPage.locator('.recharts-line').first().waitFor();
    await screenshot(darkPage, '35-metrics-demo-dark-retention');
    expect(darkErrors).toEqual([]);
    await dark.close();
  });
});
