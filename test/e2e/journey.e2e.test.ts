import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { type AxeFinding, describeFindings, findAxeViolations } from './support/axe';
import {
  hasChromium,
  launchChromium,
  newContext,
  saveScreenshot,
  signInThroughApi,
  watchPageErrors,
} from './support/browser';
import { apiAs, journeyPeople, type SeededJourney, seedJourneyWorkspace } from './support/journey-seed';

/** Picks an option of a radio group or segmented control by clicking its label (Mantine hides some inputs). */
async function choose(scope: Locator | Page, name: string): Promise<void> {
  const id = await scope.getByRole('radio', { name, exact: true }).getAttribute('id');
  await scope.locator(`label[for="${id}"]`).click();
}

/** The trimmed texts of the cells of each row matched by `rows`. */
async function rowTexts(rows: Locator): Promise<string[][]> {
  return rows.evaluateAll((elements) =>
    elements.map((row) => [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim())),
  );
}

/**
 * The customer journey and people, as a CS manager walks them in the browser (issue #7): define three
 * tiers by ARR, see the overloaded CSM on Team, preview and accept a rebalancing (once refused because
 * the books changed meanwhile), see the journey board with time in stage, and build a segment whose
 * live count matches its members. Seed: test/e2e/support/journey-seed.ts.
 */
describe.skipIf(!hasChromium)('customer journey and capacity in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let seeded: SeededJourney;
  const findings: AxeFinding[] = [];
  /**
   * Runs axe once notifications are gone (one fading out is half transparent and reads as low
   * contrast) and dialogs and drawers have faded in.
   */
  const checkAccessibility = async (label: string) => {
    await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached', timeout: 10_000 });
    await page.waitForTimeout(350);
    findings.push(...(await findAxeViolations(page, label)));
  };

  beforeAll(async () => {
    server = await startTestServer({ webRoot: inject('webRoot') });
    seeded = await seedJourneyWorkspace(server);
    browser = await launchChromium();
    const context = await newContext(browser, server.baseUrl);
    await signInThroughApi(context, server.baseUrl, seeded.signInAs.email);
    page = await context.newPage();
    errors = watchPageErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a manager defines three tiers by ARR in Settings → Tiers, counted live as the rule is typed', async () => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Tiers' }).click();
    await page.getByRole('heading', { name: 'No tiers yet' }).waitFor();

    await page.getByRole('button', { name: 'Add the default tier' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add the default tier' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Self-serve');
    await choose(dialog, 'Tech touch');
    await dialog.getByRole('button', { name: 'Add default tier' }).click();
    await dialog.waitFor({ state: 'detached' });

    const addTier = async (
      name: string,
      touch: string,
      min: number,
      ebr: string,
      checkIn: string,
      matches: string,
    ) => {
      await page.getByRole('button', { name: 'Add tier', exact: true }).click();
      dialog = page.getByRole('dialog', { name: 'Add tier' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
      await choose(dialog, touch);
      await dialog.getByRole('textbox', { name: 'EBR every' }).fill(ebr);
      await dialog.getByRole('textbox', { name: 'Check-in every' }).fill(checkIn);
      await dialog.getByRole('button', { name: 'Add condition' }).click();
      expect(await dialog.getByRole('combobox', { name: 'Condition 1 field' }).inputValue()).toBe('ARR');
      expect(await dialog.getByRole('combobox', { name: 'Condition 1 operator' }).inputValue()).toBe(
        'is at least',
      );
      await dialog.getByRole('textbox', { name: 'Condition 1 value' }).fill(String(min));
      await dialog.getByTestId('rule-match-count').getByText(matches, { exact: false }).waitFor();
      if (name === 'Enterprise') {
        await checkAccessibility('tier dialog with a rule');
        await saveScreenshot(page, '110-tier-dialog');
      }
      await dialog.getByRole('button', { name: 'Add tier' }).click();
      await dialog.waitFor({ state: 'detached' });
    };
    await addTier('Enterprise', 'High touch', 100_000, '90', '30', 'Matches 3 of 8 accounts now');
    await addTier('Mid-market', 'Low touch', 20_000, '180', '60', 'Matches 6 of 8 accounts now');

    const cards = page.getByTestId('tier-card');
    await expect.poll(() => cards.count()).toBe(3);
    await page.getByRole('button', { name: '2 overdue EBR' }).waitFor();
    const summary = await cards.evaluateAll((elements) =>
      elements.map((card) => [
        card.querySelector('h3')?.textContent,
        card.querySelector('[data-testid="tier-account-count"]')?.textContent,
      ]),
    );
    expect(summary).toEqual([
      ['Enterprise', '3 accounts'],
      ['Mid-market', '3 accounts'],
      ['Self-serve', '2 accounts'],
    ]);
    const enterprise = page.getByRole('article', { name: 'Tier Enterprise' });
    expect(await enterprise.innerText()).toContain('ARR is at least $100,000');
    expect(await enterprise.innerText()).toContain('EBR every 90 days · check-in every 30 days');
    expect(await page.getByRole('article', { name: 'Tier Self-serve' }).innerText()).toContain('DEFAULT');
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, '111-tiers');

    // Acme had its EBR ten days ago; the other two Enterprise accounts never had one.
    await enterprise.getByRole('button', { name: '2 overdue EBR' }).click();
    const drawer = page.getByRole('dialog', { name: 'Overdue accounts · Enterprise' });
    await drawer.getByTestId('overdue-row').first().waitFor();
    const overdue = (await rowTexts(drawer.getByTestId('overdue-row'))).map((cells) => [cells[0], cells[1]]);
    expect(overdue.sort()).toEqual([
      ['Globex', 'Ann Ortiz'],
      ['Stark Industries', 'Ben Carter'],
    ]);
    await checkAccessibility('overdue drawer');
    await drawer.getByRole('button', { name: 'Close' }).click();
    await drawer.waitFor({ state: 'detached' });
  });

  it('Team flags the overloaded CSM, previews a rebalancing, survives a conflict and applies it', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
    await page.getByRole('tab', { name: 'Capacity', selected: true }).waitFor();
    const book = (name: string) => page.locator(`[data-testid="book-row"][data-csm="${name}"]`);
    await book('Ann Ortiz').waitFor();
    const books = async () =>
      (await rowTexts(page.getByTestId('book-row'))).map((cells) => [
        cells[0],
        cells[1],
        cells[2],
        cells[3],
        cells[5],
      ]);
    expect(await books()).toEqual([
      ['Ann OrtizCovers every tier', '52 high · 2 low · 1 tech', '3.25 of 3units', '108%', 'Overloaded'],
      ['Ben CarterCovers Enterprise', '11 high · 0 low · 0 tech', '1 of 3units', '33%', 'Underloaded'],
      ['Cleo ParkCovers every tier', '10 high · 1 low · 0 tech', '0.5 of 3units', '17%', 'Underloaded'],
    ]);
    expect(await page.getByTestId('benchmarks').innerText()).toContain('PUBLIC BENCHMARK');
    await page.getByRole('group', { name: 'CSMs' }).getByText('1 overloaded · 2 underloaded').waitFor();

    await page.getByRole('button', { name: 'Preview rebalancing' }).click();
    await page.getByTestId('move-row').first().waitFor();
    const moves = async () =>
      (await rowTexts(page.getByTestId('move-row'))).map((cells) => cells.slice(0, 3));
    expect(await moves()).toEqual([['Soylent', 'Ann Ortiz → Cleo Park', '0.25']]);
    const loads = async () => rowTexts(page.getByTestId('load-row'));
    expect(await loads()).toEqual([
      ['Ann Ortiz', '3.25 / 3 · 108%', '3 / 3 · 100%'],
      ['Ben Carter', '1 / 3 · 33%', '1 / 3 · 33%'],
      ['Cleo Park', '0.5 / 3 · 17%', '0.75 / 3 · 25%'],
    ]);
    await checkAccessibility('rebalancing preview');
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, '112-rebalance-preview');

    // Someone gives Ben the unowned Umbrella meanwhile: accepting the stale preview is refused, nothing moves.
    const api = await apiAs(server, journeyPeople.morgan.email);
    await api('PATCH', `/accounts/${seeded.accounts.umbrella.id}`, { ownerId: seeded.users.ben.id });
    await page.getByRole('button', { name: 'Accept and move 1 account' }).click();
    const stale = page.getByRole('alert').filter({ hasText: 'The books changed since this preview' });
    await stale.waitFor();
    expect(await stale.innerText()).toContain('Nothing was moved');
    await stale.getByRole('button', { name: 'Preview again' }).click();
    await stale.waitFor({ state: 'detached' });
    await expect.poll(loads).toEqual([
      ['Ann Ortiz', '3.25 / 3 · 108%', '3 / 3 · 100%'],
      ['Ben Carter', '1.25 / 3 · 42%', '1.25 / 3 · 42%'],
      ['Cleo Park', '0.5 / 3 · 17%', '0.75 / 3 · 25%'],
    ]);
    expect(await moves()).toEqual([['Soylent', 'Ann Ortiz → Cleo Park', '0.25']]);

    await page.getByRole('button', { name: 'Accept and move 1 account' }).click();
    await page.getByText('Moved 1 account; the books are updated.').waitFor();
    await page.getByTestId('rebalance-preview').waitFor({ state: 'detached' });
    await expect.poll(books).toEqual([
      ['Ann OrtizCovers every tier', '42 high · 2 low · 0 tech', '3 of 3units', '100%', 'Balanced'],
      ['Ben CarterCovers Enterprise', '21 high · 0 low · 1 tech', '1.25 of 3units', '42%', 'Underloaded'],
      ['Cleo ParkCovers every tier', '20 high · 1 low · 1 tech', '0.75 of 3units', '25%', 'Underloaded'],
    ]);
    const owner = await server.database.pool.query('SELECT owner_id FROM accounts WHERE id = $1', [
      seeded.accounts.soylent.id,
    ]);
    expect(owner.rows[0].owner_id).toBe(seeded.users.cleo.id);
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, '113-team-after-rebalance');

    // People: the manager creates a team, renames it and changes its kind, then deletes it.
    await page.getByRole('tab', { name: 'People' }).click();
    await page.getByRole('region', { name: 'Customer Success' }).waitFor();
    await page.getByRole('button', { name: 'New team' }).click();
    const newTeam = page.getByRole('dialog', { name: 'New team' });
    await newTeam.getByRole('textbox', { name: 'Name' }).fill('Renewals desk');
    await newTeam.getByRole('button', { name: 'Create team' }).click();
    await newTeam.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Renewals desk' }).waitFor();
    await page.getByRole('button', { name: 'Edit team Renewals desk' }).click();
    const editTeam = page.getByRole('dialog', { name: 'Edit team Renewals desk' });
    expect(await editTeam.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Renewals desk');
    await editTeam.getByRole('textbox', { name: 'Name' }).fill('Renewals');
    await editTeam.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Support', exact: true }).click();
    await checkAccessibility('edit team dialog');
    await editTeam.getByRole('button', { name: 'Save team' }).click();
    await editTeam.waitFor({ state: 'detached' });
    const renamed = page.getByRole('region', { name: 'Renewals' });
    await renamed.getByText('Support', { exact: true }).waitFor();
    expect(await page.getByRole('region', { name: 'Renewals desk' }).count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, '113b-team-people');
    const teams = await api<{ items: { name: string; kind: string }[] }>('GET', '/teams');
    expect(teams.items.filter((team) => team.name.startsWith('Renewals'))).toEqual([
      expect.objectContaining({ name: 'Renewals', kind: 'support' }),
    ]);
    await page.getByRole('button', { name: 'Delete team Renewals' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete team' });
    expect(await confirm.innerText()).toContain('Its 0 people stay, without a team');
    await confirm.getByRole('button', { name: 'Delete team' }).click();
    await confirm.waitFor({ state: 'detached' });
    await renamed.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Customer Success' }).waitFor();
    await page.getByRole('tab', { name: 'Capacity' }).click();
  });

  it('the journey board shows the accounts across stages with their days in stage, and drills into a column', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journey' }).click();
    await page.getByTestId('board-column').first().waitFor();
    const columns = await page
      .getByTestId('board-column')
      .evaluateAll((elements) =>
        elements.map((column) => [
          column.getAttribute('aria-label'),
          column.querySelector('[data-testid="column-accounts"]')?.textContent,
          column.querySelector('[data-testid="column-median"]')?.textContent,
          column.querySelector('[data-testid="column-overdue"]')?.textContent,
        ]),
      );
    expect(columns).toEqual([
      ['Stage Onboarding', '2', 'Median 27.5 days in stage', '1 overdue'],
      ['Stage Adoption', '3', 'Median 60 days in stage', '1 overdue'],
      ['Stage Renewal', '2', 'Median 42.5 days in stage', '1 overdue'],
    ]);
    expect(await page.getByRole('region', { name: 'Stage Adoption' }).innerText()).toContain('$300,000 ARR');
    expect(await page.getByTestId('no-stage').innerText()).toMatch(/No stage\s+1\s+account · \$12,000 ARR/);
    // The card opens those accounts in the list: no stage, not churned, as the board counts them.
    await page.getByTestId('no-stage').getByRole('link', { name: 'Show them in Accounts' }).click();
    await page.waitForURL(
      /\/accounts\?stage=none&status=prospect%2Conboarding%2Cactive$|\/accounts\?stage=none&status=prospect,onboarding,active$/,
    );
    await expect.poll(async () => page.locator('tbody tr:not([aria-hidden="true"])').count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Stage' }).inputValue()).toBe('No stage');
    // The filter's clear button is reached with the keyboard: Tab from the field, Enter.
    await page.getByRole('combobox', { name: 'Stage' }).focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Clear');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.search.includes('stage='));
    expect(await page.getByRole('combobox', { name: 'Stage' }).inputValue()).toBe('');
    await expect.poll(async () => page.locator('tbody tr:not([aria-hidden="true"])').count()).toBeGreaterThan(1);
    await page.goBack();
    await page.goBack();
    await page.getByTestId('no-stage').waitFor();

    await page.getByRole('button', { name: 'Adoption: 1 overdue, show them' }).click();
    await page.waitForURL(/stage=.*overdue=true/);
    const rows = page.getByTestId('stage-account-row');
    await expect
      .poll(async () => (await rowTexts(rows)).map((cells) => [cells[0], cells[4], cells[5]]))
      .toEqual([['Acme Corporation', '120 daysof 90 expected', 'Overdue']]);
    await choose(page, 'All');
    await expect
      .poll(async () =>
        (await rowTexts(rows)).map((cells) => [cells[0], cells[1], cells[4], cells[5], cells[7]]),
      )
      .toEqual([
        ['Acme Corporation', 'Ann Ortiz', '120 daysof 90 expected', 'Overdue', 'None planned'],
        [
          'Hooli',
          'Ann Ortiz',
          '60 daysof 90 expected',
          'On track',
          expect.stringMatching(/^Adoption reviewDay 60 · /),
        ],
        [
          'Globex',
          'Ann Ortiz',
          '20 daysof 90 expected',
          'On track',
          expect.stringMatching(/^Adoption reviewDay 60 · /),
        ],
      ]);
    await saveScreenshot(page, '114-journey-board');
  });

  it('builds a segment with two conditions whose live count and sample match the members it saves', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments' }).click();
    await page.getByRole('heading', { name: 'No segments yet' }).waitFor();
    await page.getByRole('link', { name: 'New segment' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Mid-market above $25k');

    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByRole('combobox', { name: 'Condition 1 field' }).click();
    await page.getByRole('option', { name: /^Tier/ }).click();
    expect(await page.getByRole('combobox', { name: 'Condition 1 operator' }).inputValue()).toBe('is');
    await page.getByRole('combobox', { name: 'Condition 1 value' }).fill('Mid-market');
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByRole('textbox', { name: 'Condition 2 value' }).fill('25000');
    const count = page.getByTestId('preview-count');
    await expect.poll(() => count.textContent()).toBe('2');
    const sample = await rowTexts(page.getByTestId('preview-sample').locator('tbody tr'));
    expect(sample.map((cells) => [cells[0], cells[2]])).toEqual([
      ['Wayne EnterprisesMid-market · Cleo Park', '$36,000'],
      ['HooliMid-market · Ann Ortiz', '$30,000'],
    ]);
    await checkAccessibility('segment builder with live preview');
    await saveScreenshot(page, '115-segment-builder');

    await page.getByRole('button', { name: 'Create segment' }).click();
    await page.waitForURL(/\/segments\/[0-9a-f-]{36}$/);
    await page.getByTestId('member-row').first().waitFor();
    expect(await page.getByTestId('segment-member-count').textContent()).toBe('2 members');
    const members = (await rowTexts(page.getByTestId('member-row'))).map((cells) => [
      cells[0],
      cells[2],
      cells[6],
    ]);
    expect(members).toEqual([
      ['Hooli', 'Mid-market', '$30,000'],
      ['Wayne Enterprises', 'Mid-market', '$36,000'],
    ]);
    await page.getByRole('tab', { name: 'Enter and leave history' }).click();
    await expect.poll(() => page.getByTestId('history-row').count()).toBe(2);

    expect(findings, `axe found serious or critical violations:\n${describeFindings(findings)}`).toEqual([]);
    // The one failed request was the stale rebalancing, refused on purpose with 409.
    expect(errors).toEqual([
      'console: Failed to load resource: the server responded with a status of 409 (Conflict)',
    ]);
  });
});
