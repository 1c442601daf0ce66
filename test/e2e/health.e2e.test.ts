import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type {
  AccountHealth,
  BacktestResult,
  HealthSummary,
  ScorecardDto,
} from '../../src/shared/api/health.contract';
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
import { createScorecardWithHistory, type SeededHealth, seedHealthBook } from './support/health-seed';

/** A full-page screenshot from the top, or just the window for a dialog or a notification (`overlay`). */
async function screenshot(page: Page, name: string, options: { overlay?: boolean } = {}): Promise<void> {
  if (!options.overlay) {
    // Notifications sit fixed at the window's corner, which a full-page picture puts mid-page.
    const hidden = await page.addStyleTag({
      content: '.mantine-Notifications-root { display: none !important; }',
    });
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, name);
    await hidden.evaluate((element) => (element as HTMLStyleElement).remove());
    return;
  }
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.waitForTimeout(400); // the dialog's fade-in
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), animations: 'disabled' });
}

/** Picks an option of a segmented control by clicking its label (the radio itself is visually hidden). */
async function choose(scope: Page | Locator, name: string): Promise<void> {
  const id = await scope.getByRole('radio', { name, exact: true }).getAttribute('id');
  await scope.locator(`label[for="${id}"]`).click();
}

/** "72.50" → 72.5; "−1.05" → −1.05. */
function numberOf(text: string | null): number {
  return Number((text ?? '').replace('−', '-').replace(/[^0-9.-]/g, ''));
}

async function getJson<T>(context: BrowserContext, url: string): Promise<T> {
  const response = await context.request.get(url);
  expect(response.ok(), `${url} answered ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

async function postJson<T>(context: BrowserContext, url: string, data: unknown): Promise<T> {
  const response = await context.request.post(url, { data });
  expect(response.ok(), `${url} answered ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

describe.skipIf(!hasChromium)('health scoring in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let seeded: SeededHealth;
  let scorecard: ScorecardDto;

  beforeAll(async () => {
    server = await startTestServer({ webRoot: inject('webRoot') });
    seeded = await seedHealthBook(server);
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

  it('before any scorecard, Health and the account say how scores start', async () => {
    await page.goto('/accounts');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Health' }).click();
    await page.waitForURL('**/health');
    await page.getByRole('heading', { name: 'No health scores yet' }).waitFor();
    await page.getByRole('link', { name: 'Create a scorecard' }).waitFor();
    await screenshot(page, '40-health-no-scorecard');

    await page.goto(`/accounts/${seeded.acme.id}`);
    const card = page.getByRole('region', { name: 'Health' });
    await card.getByRole('heading', { name: 'No health score yet' }).waitFor();
    await card.getByText('a scorecard under Health').waitFor();
    await screenshot(page, '40b-account-no-health-score');

    scorecard = await createScorecardWithHistory(server, seeded);
  });

  it('Account 360 shows the score, band, trend and an explanation whose contributions add up to the score', async () => {
    const health = await getJson<AccountHealth>(context, `/api/v1/accounts/${seeded.acme.id}/health`);
    await page.goto(`/accounts/${seeded.acme.id}`);
    const card = page.getByRole('region', { name: 'Health' });
    const score = card.getByTestId('health-score');
    await score.waitFor();
    expect(numberOf(await score.textContent())).toBe(health.current!.score);
    expect(await card.getByTestId('health-band').textContent()).toBe(health.current!.band);
    expect(await page.getByTestId('header-health').textContent()).toContain(
      health.current!.score!.toFixed(2),
    );
    expect(await card.getByTestId('health-scorecard').textContent()).toContain('Standard health v1');

    // Two tickets since last week: the 7-day change is known and negative, and "open tickets" moved.
    expect(health.trend.days7.status).toBe('known');
    await card.getByText('vs 7 days').waitFor();
    const moved = card.getByTestId('moved-item');
    expect(await moved.first().textContent()).toContain('Open tickets');
    expect(await moved.first().textContent()).toContain('−');

    const rows = card.getByTestId('explanation-row');
    expect(await rows.count()).toBe(5);
    const contributions = (await card.getByTestId('contribution').allTextContents()).map(numberOf);
    const sum = contributions.reduce((total, value) => total + value, 0);
    // Each contribution is shown to 2 decimals, so the shown ones add up to the score within rounding.
    expect(Math.abs(sum - health.current!.score!)).toBeLessThanOrEqual(0.01 * contributions.length);
    expect(numberOf(await card.getByTestId('contribution-total').textContent())).toBe(health.current!.score);
    // Nobody has set a sentiment yet: that measure is excluded, with the reason in words.
    const excluded = card.locator('[data-testid="explanation-row"][data-treatment="excluded"]');
    expect(await excluded.textContent()).toContain('No CSM sentiment, or it has expired');
    await screenshot(page, '41-account-health');
  });

  it('a sentiment with a note is saved, shown with who set it, and counts in the score', async () => {
    const card = page.getByRole('region', { name: 'Health' });
    await card.getByRole('button', { name: 'Set sentiment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Set sentiment' });
    await dialog.waitFor();
    await choose(dialog, 'Negative');
    await dialog.getByLabel('Note').fill('Champion left last week; the new VP is reviewing every tool.');
    expect(await dialog.getByLabel('Counts until').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await screenshot(page, '42-account-sentiment-form', { overlay: true });
    await dialog.getByRole('button', { name: 'Save sentiment' }).click();
    await dialog.waitFor({ state: 'detached' });

    const sentiment = card.getByTestId('current-sentiment');
    await sentiment.getByText('Negative').waitFor();
    expect(await sentiment.textContent()).toContain('Champion left last week');
    expect(await sentiment.textContent()).toContain(seeded.signInAs.name);
    const scored = card.locator('[data-testid="explanation-row"]', { hasText: 'CSM sentiment' });
    await expect.poll(() => scored.getAttribute('data-treatment')).toBe('scored');
    // Sentiment now takes a share of the weight, so the other measures' contributions move, and
    // what moved adds up to the change in the score.
    const health = await getJson<AccountHealth>(context, `/api/v1/accounts/${seeded.acme.id}/health`);
    expect(numberOf(await card.getByTestId('health-score').textContent())).toBe(health.current!.score);
    const moved = (await card.getByTestId('moved-points').allTextContents()).map(numberOf);
    const change = health.current!.score! - health.previous!.score!;
    expect(Math.abs(moved.reduce((total, value) => total + value, 0) - change)).toBeLessThanOrEqual(
      0.01 * moved.length + 0.01,
    );
    await card.getByText('Same measure score; its share of the weight changed').first().waitFor();
    await screenshot(page, '43-account-health-with-sentiment');
  });

  it('the Health overview shows accounts and ARR per band, the lowest scores and each owner, for everyone or just me', async () => {
    const summary = await getJson<HealthSummary>(context, '/api/v1/health/summary');
    await page.goto('/health');
    const cards = page.getByTestId('band-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(3);
    for (const band of summary.bands) {
      const card = page.getByRole('group', { name: `Band ${band.band}` });
      expect(numberOf(await card.getByTestId('band-accounts').textContent())).toBe(band.accounts);
    }
    expect(summary.bands.reduce((total, band) => total + band.accounts, 0)).toBe(seeded.accounts.length);
    expect(numberOf(await page.getByTestId('average-score').textContent())).toBe(summary.averageScore);
    const lowest = page.getByRole('table', { name: 'Lowest scores' });
    expect(await lowest.locator('tbody tr').count()).toBe(10);
    await lowest.getByRole('link', { name: summary.lowest[0]!.name }).waitFor();
    await page.getByRole('table', { name: 'Health by owner' }).getByText('Sam Rivera').waitFor();
    await page.getByText('Last computed').waitFor();
    await screenshot(page, '44-health-overview');

    await choose(page, 'My accounts');
    await page.waitForURL('**/health?owner=me');
    const mine = await getJson<HealthSummary>(
      context,
      `/api/v1/health/summary?ownerId=${seeded.users.morgan}`,
    );
    await expect
      .poll(async () =>
        numberOf(
          await page.getByRole('group', { name: 'Band Red' }).getByTestId('band-accounts').textContent(),
        ),
      )
      .toBe(mine.bands[0]!.accounts);
    expect(mine.accounts).toBe(16);

    await choose(page, 'All accounts');
    await page.getByRole('button', { name: 'Recompute now' }).click();
    await page.getByText('Scores recomputed').waitFor();
    await page.getByText(`${seeded.accounts.length} accounts scored`).waitFor();
    await screenshot(page, '44b-health-recomputed', { overlay: true });
  });

  it('editing a measure weight changes the live preview; saving makes version 2', async () => {
    await page.goto('/health/scorecards');
    const row = page.getByTestId('scorecard-row');
    await row.getByText('Default').waitFor();
    expect(await row.textContent()).toContain('Every account no other scorecard claims');
    await screenshot(page, '45-health-scorecards');
    await row.getByRole('link', { name: 'Standard health' }).click();
    await page.waitForURL(`**/health/scorecards/${scorecard.id}`);
    await page.getByTestId('scorecard-version').getByText('Version 1').waitFor();

    const average = page.getByTestId('preview-average');
    await average.waitFor();
    const before = await average.textContent();
    expect(numberOf(before)).toBe(
      (await getJson<HealthSummary>(context, '/api/v1/health/summary')).averageScore,
    );
    await screenshot(page, '46-scorecard-editor');

    // Sentiment from 10 to 400: the one negative sentiment now weighs most of Acme's score, and the preview follows.
    const weight = page.getByRole('textbox', { name: 'CSM sentiment: weight' });
    await weight.fill('400');
    await expect.poll(() => average.textContent(), { timeout: 10_000 }).not.toBe(before);
    await page.getByTestId('save-state').getByText('Unsaved changes').waitFor();

    // An impossible band edge: the server's problem shows beside the form instead of the preview.
    const lower = page.getByRole('textbox', { name: 'Band 2 lower edge' });
    await lower.fill('55');
    const problems = page.getByTestId('draft-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('Band');
    await screenshot(page, '47-scorecard-editor-problems');
    await lower.fill('50');
    await problems.waitFor({ state: 'detached' });

    await page.getByLabel('Note for this version').fill('Sentiment weighs more: the CSMs know first');
    await page.getByRole('button', { name: 'Save as version 2' }).click();
    await page.getByTestId('scorecard-version').getByText('Version 2').waitFor();
    const versions = page.getByTestId('version-entry');
    expect(await versions.count()).toBe(2);
    expect(await versions.first().textContent()).toContain('Sentiment weighs more: the CSMs know first');
    expect(await versions.first().textContent()).toContain(seeded.signInAs.name);
    expect(await page.getByRole('textbox', { name: 'CSM sentiment: weight' }).inputValue()).toBe('400');
    await screenshot(page, '48-scorecard-saved-version-2');
  });

  it('a backtest by churn column shows the verdict, AUC, lift, ROC, churn by band and each measure', async () => {
    await page.goto('/health');
    await page.getByRole('tab', { name: 'Backtest' }).click();
    await page.waitForURL('**/health/backtest');
    await page.getByText('Does the score predict churn?').waitFor();
    await choose(page, 'A churn column');
    await page.getByRole('textbox', { name: 'Churn column' }).fill('Churn');
    await page.getByRole('textbox', { name: 'Value meaning churned' }).fill('Yes');
    await page.getByRole('button', { name: 'Run backtest' }).click();
    await page.waitForURL(/outcome=column&field=Churn&value=Yes&run=1/);

    const result = await postJson<BacktestResult>(context, '/api/v1/health/backtest', {
      scorecardId: scorecard.id,
      outcomeField: 'Churn',
      outcomeValue: 'Yes',
    });
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor();
    expect(await verdict.textContent()).toBe(result.report.verdict.sentence);
    expect(result.report.auc.status).toBe('defined');
    if (result.report.auc.status === 'defined')
      expect(await page.getByTestId('auc').textContent()).toBe(result.report.auc.value.toFixed(2));
    expect(numberOf(await page.getByTestId('backtest-accounts').textContent())).toBe(seeded.accounts.length);
    expect(result.report.churned).toBe([...seeded.churned.values()].filter(Boolean).length);
    expect(await page.getByTestId('measure-auc-row').count()).toBe(5);
    await page.getByRole('table', { name: 'Churn rate by band' }).waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    await screenshot(page, '49-health-backtest');

    // The same link opens the same result.
    await page.reload();
    await page.getByTestId('verdict').waitFor();
  });

  it('calibrating shows held-out AUC before and after, weights and breakpoints; accepting saves version 3', async () => {
    await page.getByRole('button', { name: 'Calibrate' }).click();
    const calibration = page.getByTestId('calibration-result');
    await calibration.waitFor({ timeout: 30_000 });
    await page.getByTestId('auc-before').waitFor();
    await page.getByTestId('auc-after').waitFor();
    expect(await page.getByTestId('fitted-weight-row').count()).toBe(5);
    await page.getByRole('table', { name: 'Breakpoint changes' }).waitFor();
    await page.getByRole('table', { name: 'Held-out backtest before and after' }).waitFor();
    await screenshot(page, '50-health-calibration');

    await page.getByRole('button', { name: 'Accept as version 3' }).click();
    const accepted = page.getByTestId('calibration-accepted');
    await accepted.waitFor();
    expect(await accepted.textContent()).toContain('Saved as version 3 of Standard health');
    const saved = await getJson<ScorecardDto>(context, `/api/v1/health/scorecards/${scorecard.id}`);
    expect(saved.version).toBe(3);
    expect(saved.versions.find((version) => version.version === 3)?.note).toMatch(
      /^Calibrated on "Churn" is "Yes": held-out AUC /,
    );
    await accepted.scrollIntoViewIfNeeded();
    await screenshot(page, '51-health-calibration-accepted');
  });

  it('a backtest whose horizon saw no churn says why it cannot judge, instead of a number', async () => {
    await page.goto('/health/backtest?horizon=30&run=1');
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor();
    expect(await verdict.textContent()).toMatch(/^The backtest cannot judge the score: /);
    expect(
      await page.getByRole('group', { name: 'AUC' }).locator('[data-metric-status="not-defined"]').count(),
    ).toBe(1);
    await screenshot(page, '52-health-backtest-cannot-judge');
  });

  it('looks right in dark mode', async () => {
    await page.goto(`/accounts/${seeded.acme.id}`);
    await page.getByRole('button', { name: 'Switch to dark mode' }).click();
    await page.waitForFunction(
      () => document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark',
    );
    await page.getByTestId('health-score').waitFor();
    await screenshot(page, '53-account-health-dark');
    await page.goto('/health');
    await page.getByTestId('band-card').first().waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    await screenshot(page, '54-health-overview-dark');
    await page.getByRole('button', { name: 'Switch to light mode' }).click();
    // The invalid draft's preview answered 400 on purpose (the browser logs it); nothing else may fail.
    expect(errors.filter((error) => !error.includes('status of 400'))).toEqual([]);
  });

  it('a CSM reads everything but cannot recompute, edit scorecards, calibrate, or set the sentiment of accounts they do not own', async () => {
    const csmContext = await newContext(browser, server.baseUrl);
    await signInThroughApi(csmContext, server.baseUrl, seeded.csm.email);
    const csm = await csmContext.newPage();
    const csmErrors = watchPageErrors(csm);

    await csm.goto('/health');
    await csm.getByTestId('band-card').first().waitFor();
    expect(await csm.getByRole('button', { name: 'Recompute now' }).count()).toBe(0);

    await csm.goto(`/health/scorecards/${scorecard.id}`);
    await csm.getByText('Only managers and admins edit scorecards.').waitFor();
    await csm.getByTestId('preview-average').waitFor();
    const current = await getJson<ScorecardDto>(csmContext, `/api/v1/health/scorecards/${scorecard.id}`);
    expect(await csm.getByTestId('read-only-measure').count()).toBe(current.definition.measures.length);
    expect(await csm.getByRole('button', { name: /^Save/ }).count()).toBe(0);
    expect(await csm.getByRole('textbox').count()).toBe(0);
    await screenshot(csm, '55-scorecard-read-only');

    await csm.goto('/health/backtest?outcome=column&field=Churn&value=Yes&run=1');
    await csm.getByTestId('verdict').waitFor();
    expect(await csm.getByRole('button', { name: 'Calibrate' }).count()).toBe(0);

    // Sam owns Acme (may set its sentiment) but not Globex.
    await csm.goto(`/accounts/${seeded.acme.id}`);
    await csm
      .getByRole('region', { name: 'Health' })
      .getByRole('button', { name: 'Set sentiment' })
      .waitFor();
    const globex = seeded.accounts.find((account) => account.name === 'Globex')!;
    await csm.goto(`/accounts/${globex.id}`);
    await csm.getByRole('region', { name: 'Health' }).getByTestId('health-score').waitFor();
    expect(await csm.getByRole('button', { name: 'Set sentiment' }).count()).toBe(0);
    expect(csmErrors).toEqual([]);
    await csmContext.close();
  });

  it('a manager creates a scorecard for Enterprise accounts from one measure, and it takes them over', async () => {
    await page.goto('/health/scorecards');
    await page.getByRole('link', { name: 'New scorecard' }).click();
    await page.waitForURL('**/health/scorecards/new');
    await page.getByRole('heading', { name: 'New scorecard', level: 1 }).waitFor();
    // A second scorecard needs criteria: the form says so instead of previewing.
    const problems = page.getByTestId('draft-problems');
    await problems.getByText('add a criterion').waitFor();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Enterprise health');
    await page.getByRole('button', { name: 'Add criterion' }).click();
    await page.getByRole('textbox', { name: 'Criterion 1 values' }).fill('Enterprise, Strategic');
    await problems.waitFor({ state: 'detached' });
    await page.getByTestId('preview-average').waitFor();
    expect(await page.getByTestId('coverage-row').count()).toBe(1);
    expect(await page.getByTestId('coverage-row').textContent()).toContain('of 16');
    await screenshot(page, '56-scorecard-new');

    await page.getByRole('button', { name: 'Create scorecard' }).click();
    await page.waitForURL(/\/health\/scorecards\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Enterprise health', level: 1 }).waitFor();
    await page.getByTestId('scorecard-version').getByText('Version 1').waitFor();

    // Someone else saves version 2 while this form is open: saving here is refused, and Reload shows theirs.
    const id = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('textbox', { name: 'Days since the last touch: weight' }).fill('20');
    const theirs = await getJson<ScorecardDto>(context, `/api/v1/health/scorecards/${id}`);
    const response = await context.request.put(`/api/v1/health/scorecards/${id}`, {
      data: {
        definition: {
          ...theirs.definition,
          measures: theirs.definition.measures.map((measure) => ({ ...measure, windowDays: 60 })),
        },
        baseVersion: 1,
        note: 'Shorter window',
      },
    });
    expect(response.status()).toBe(200);
    await page.getByRole('button', { name: 'Save as version 2' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Someone saved this scorecard meanwhile' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('version 2');
    await screenshot(page, '58-scorecard-saved-meanwhile');
    await conflict.getByRole('button', { name: /Reload the saved version/ }).click();
    await page.getByTestId('scorecard-version').getByText('Version 2').waitFor();
    expect(await page.getByRole('textbox', { name: 'Days since the last touch: weight' }).inputValue()).toBe(
      '10',
    );
    expect(
      await page.getByRole('textbox', { name: 'Days since the last touch: window in days' }).inputValue(),
    ).toBe('60');

    await page.goto('/health/scorecards');
    const rows = page.getByTestId('scorecard-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('Tier is Enterprise or Strategic');
    expect(await rows.first().textContent()).toContain('16');
    expect(await rows.first().textContent()).toContain('v2');
    expect(await rows.last().textContent()).toContain('Default');
    await screenshot(page, '57-health-two-scorecards');
  });
});
