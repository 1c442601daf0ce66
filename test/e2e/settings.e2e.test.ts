import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyWebhookSignature } from '../../src/server/features/webhooks/webhook-signature';
import type { UnmatchedTracking } from '../../src/shared/api/tracking.contract';
import type { Webhook } from '../../src/shared/api/webhooks.contract';
import { request, startTestServer, type TestServer } from '../helpers/test-server';
import { describeFindings, findAxeViolations, type AxeFinding } from './support/axe';
import {
  hasChromium,
  launchChromium,
  newContext,
  saveScreenshot,
  screenshotDir,
  signInThroughApi,
  watchPageErrors,
} from './support/browser';
import { type SeededSettings, seedSettings } from './support/settings-seed';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

/** A full-page screenshot from the top, or just the window for a dialog or a drawer (`overlay`). */
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
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400); // the dialog's fade-in
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), animations: 'disabled' });
}

/** Picks an option of a segmented control by clicking its label (the radio itself is visually hidden). */
async function choose(scope: Locator, name: string): Promise<void> {
  const id = await scope.getByRole('radio', { name, exact: true }).getAttribute('id');
  await scope.locator(`label[for="${id}"]`).click();
}

/** Sends a Segment batch the way an SDK does: the write key as the Basic auth user name. */
async function sendSegmentBatch(baseUrl: string, writeKey: string, batch: object[]) {
  const response = await fetch(`${baseUrl}/v1/batch`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`,
    },
    body: JSON.stringify({ batch, sentAt: new Date().toISOString() }),
  });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as { success: boolean; stored: number; duplicates: number; unmatched: number };
}

describe.skipIf(!hasChromium)('settings: tracking, webhooks and API tokens in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let seeded: SeededSettings;
  let receiver: WebhookReceiver;
  let writeKey: string;
  let webhookSecret: string;
  const axeFindings: AxeFinding[] = [];

  /**
   * Runs axe once dialogs and drawers have faded in. A notification is checked while it shows
   * (`withNotification`); otherwise the check waits for notifications to be gone, since one fading
   * out is half transparent and reads as low contrast.
   */
  const checkAccessibility = async (label: string, options: { withNotification?: boolean } = {}) => {
    if (!options.withNotification) {
      await page
        .locator('.mantine-Notification-root')
        .first()
        .waitFor({ state: 'detached', timeout: 10_000 });
    }
    await page.waitForTimeout(500);
    axeFindings.push(...(await findAxeViolations(page, label)));
  };

  beforeAll(async () => {
    // Quick retries so a failing receiver turns a delivery "failed" within a second.
    server = await startTestServer({
      webRoot: inject('webRoot'),
      webhooks: { retryBaseMs: 150, maxAttempts: 2, pollMs: 100 },
    });
    seeded = await seedSettings(server);
    receiver = await startWebhookReceiver();
    browser = await launchChromium();
    context = await newContext(browser, server.baseUrl);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
    await signInThroughApi(context, server.baseUrl, seeded.admin.email);
    page = await context.newPage();
    errors = watchPageErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await server?.close();
  });

  it('an admin opens Settings from the navigation and sees how tracking starts', async () => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL('**/settings');
    await page.getByRole('tab', { name: 'Tracking' }).waitFor();
    const tabs = page.getByRole('tab');
    expect(await tabs.allTextContents()).toEqual([
      'Tracking',
      'Webhooks',
      'API tokens',
      'Tiers',
      'Journey stages',
    ]);
    expect(await page.getByRole('tab', { name: 'Tracking' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('heading', { name: 'No write keys yet' }).waitFor();
    await page.getByRole('heading', { name: 'Every event has found its account' }).waitFor();
    await page.getByText('the account whose external id is the groupId', { exact: false }).waitFor();
    expect(await page.getByTestId('waiting-total').textContent()).toBe('0 events waiting');
    await checkAccessibility('settings tracking (empty)');
    await screenshot(page, '90-settings-tracking-empty');
  });

  it("creating a write key shows the server's message on the field, then the key once with examples", async () => {
    await page.getByRole('button', { name: 'Create write key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create write key' });
    const source = dialog.getByRole('textbox', { name: 'Source' });
    await source.fill('Web App');
    await dialog.getByRole('button', { name: 'Create write key' }).click();
    await dialog.getByText('Source "Web App" is not a valid name', { exact: false }).waitFor();
    expect(await source.getAttribute('aria-invalid')).toBe('true');

    await source.fill('web-app');
    await dialog.getByRole('button', { name: 'Create write key' }).click();
    const created = page.getByRole('dialog', { name: 'Write key for web-app' });
    await created.getByText('This is the only time it is shown', { exact: false }).waitFor();
    await created.getByRole('button', { name: 'Copy write key' }).click();
    await created.getByRole('button', { name: 'Copied write key' }).waitFor();
    writeKey = await page.evaluate(() => navigator.clipboard.readText());
    expect(writeKey).toMatch(/^cwk_/);
    expect(await created.getByTestId('secret-value').textContent()).toBe(writeKey);
    const snippets = await created.getByTestId('code-snippet').allTextContents();
    expect(snippets[0]).toContain(`new Analytics({ writeKey: '${writeKey}', host: '${server.baseUrl}' })`);
    expect(snippets[1]).toContain(`curl -u '${writeKey}:' ${server.baseUrl}/v1/track`);
    await checkAccessibility('write key created dialog');
    await screenshot(page, '91-write-key-created', { overlay: true });
    await created.getByRole('button', { name: 'Done' }).click();
    await created.waitFor({ state: 'hidden' });

    const row = page.getByTestId('write-key-row');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('web-app');
    expect(await row.textContent()).toContain(`${writeKey.slice(0, 10)}…`);
    expect(await row.textContent()).toContain('Never');

    // A second active key for the same source is refused (409), and the reason shows on the field.
    await page.getByRole('button', { name: 'Create write key' }).click();
    const again = page.getByRole('dialog', { name: 'Create write key' });
    await again.getByRole('textbox', { name: 'Source' }).fill('web-app');
    await again.getByRole('button', { name: 'Create write key' }).click();
    await again.getByText('already has an active write key', { exact: false }).waitFor();
    await again.getByRole('button', { name: 'Cancel' }).click();
    await again.waitFor({ state: 'hidden' });
  });

  it('events of an unknown group wait for an account until it is mapped to one', async () => {
    const answer = await sendSegmentBatch(server.baseUrl, writeKey, [
      { type: 'group', userId: 'u-acme-1', groupId: 'acme-1', traits: { name: 'Acme' } },
      { type: 'track', userId: 'u-acme-1', event: 'Report Run', properties: { rows: 120 } },
      { type: 'group', userId: 'u-new-1', groupId: 'newco-7', traits: { name: 'NewCo', plan: 'Pro' } },
      { type: 'track', userId: 'u-new-1', event: 'Report Run' },
      { type: 'track', userId: 'u-new-1', event: 'Dashboard Viewed' },
    ]);
    // Groups are not events: three events are stored, two of them waiting for an account.
    expect(answer).toMatchObject({ success: true, stored: 3, duplicates: 0, unmatched: 2 });

    await page.reload();
    const group = page.getByTestId('unmatched-group-row');
    await group.waitFor();
    expect(await group.count()).toBe(1);
    expect(await group.textContent()).toContain('newco-7');
    expect(await group.textContent()).toContain('name: NewCo · plan: Pro');
    expect(await group.getByTestId('waiting-events').textContent()).toBe('2');
    expect(await page.getByTestId('waiting-total').textContent()).toBe('2 events waiting');
    // The key was used just now.
    expect(await page.getByTestId('write-key-row').textContent()).not.toContain('Never');
    await screenshot(page, '92-waiting-for-account');

    await page.getByRole('button', { name: 'Map to account: group newco-7' }).click();
    const dialog = page.getByRole('dialog', { name: 'Map group newco-7 to an account' });
    await dialog.getByText('2 waiting events will be attributed', { exact: false }).waitFor();
    await dialog.getByRole('combobox', { name: 'Account' }).fill('glob');
    await page.getByRole('option', { name: 'Globex (globex-9)' }).click();
    await checkAccessibility('map to account dialog');
    await screenshot(page, '93-map-to-account', { overlay: true });
    await dialog.getByRole('button', { name: 'Map to account' }).click();
    await page.getByText('Mapped group newco-7 to Globex: 2 events attributed.').waitFor();
    await checkAccessibility('mapped notification', { withNotification: true });
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: 'Every event has found its account' }).waitFor();
    expect(await page.getByTestId('waiting-total').textContent()).toBe('0 events waiting');

    const unmatched = await request(server, 'GET', '/api/v1/tracking/unmatched', { as: seeded.admin });
    expect((unmatched.body as UnmatchedTracking).waitingEvents).toBe(0);
  });

  it('a webhook gets a signed test event, and the delivery log shows it succeed, fail and be retried', async () => {
    await page.getByRole('tab', { name: 'Webhooks' }).click();
    await page.waitForURL('**/settings?tab=webhooks');
    await page.getByRole('heading', { name: 'No webhooks yet' }).waitFor();

    await page.getByRole('button', { name: 'Add webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add webhook' });
    await dialog.getByRole('textbox', { name: 'URL' }).fill(receiver.url);
    await dialog.getByRole('checkbox', { name: 'account.churned' }).check();
    await dialog.getByRole('checkbox', { name: 'account.health_band_changed' }).check();
    await dialog.getByText("An account's status changes to churned (API, import or CLI)").waitFor();
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Churn alerts for the CS team');
    await checkAccessibility('add webhook dialog');
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    const created = page.getByRole('dialog', { name: 'Webhook added' });
    webhookSecret = (await created.getByTestId('secret-value').textContent()) ?? '';
    expect(webhookSecret).toMatch(/^whsec_/);
    await screenshot(page, '94-webhook-added', { overlay: true });
    await created.getByRole('button', { name: 'Done' }).click();
    await created.waitFor({ state: 'hidden' });

    const row = page.getByTestId('webhook-row');
    expect(await row.textContent()).toContain(receiver.url);
    expect(await row.textContent()).toContain('Churn alerts for the CS team');
    expect(await row.getByRole('switch', { name: `Active: ${receiver.url}` }).isChecked()).toBe(true);

    // Send test: the receiver gets a signed webhook.test event, and the log (opened at once) says so.
    await page.getByRole('button', { name: `Send test to ${receiver.url}` }).click();
    const drawer = page.getByRole('dialog', { name: 'Delivery log' });
    await drawer.waitFor();
    const test = await receiver.waitFor((request) => request.headers['cycle-event'] === 'webhook.test');
    expect(verifyWebhookSignature(webhookSecret, String(test.headers['cycle-signature']), test.body)).toBe(
      true,
    );
    expect(JSON.parse(test.body)).toMatchObject({ type: 'webhook.test' });
    const delivery = drawer.getByTestId('delivery-row');
    await drawer.getByTestId('delivery-status').filter({ hasText: 'Succeeded' }).waitFor();
    expect(await delivery.count()).toBe(1);
    expect(await delivery.textContent()).toContain('webhook.test');
    expect(await delivery.textContent()).toContain('Delivered');
    await checkAccessibility('delivery log');
    await screenshot(page, '95-webhook-delivery-log', { overlay: true });

    // A receiver that answers 503 twice makes the next test fail (2 attempts here); Retry sends it again.
    receiver.failNext(2);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: `Send test to ${receiver.url}` }).click();
    await drawer.waitFor();
    await drawer.getByTestId('delivery-status').filter({ hasText: 'Failed' }).waitFor();
    const failedRow = drawer.getByTestId('delivery-row').filter({ hasText: 'Failed' });
    expect(await failedRow.textContent()).toContain('503');
    expect(await failedRow.textContent()).toContain('answered 503');
    await screenshot(page, '95b-webhook-failed-delivery', { overlay: true });
    await choose(drawer, 'Failed');
    // The filtered log replaces the full one once it loads: the succeeded delivery leaves the list.
    await drawer
      .getByTestId('delivery-status')
      .filter({ hasText: 'Succeeded' })
      .waitFor({ state: 'detached' });
    expect(await drawer.getByTestId('delivery-row').count()).toBe(1);
    await drawer.getByRole('button', { name: /^Retry delivery/ }).click();
    await drawer.getByRole('heading', { name: 'No failed deliveries' }).waitFor();
    await choose(drawer, 'All');
    await expect
      .poll(async () => drawer.getByTestId('delivery-status').allTextContents(), { timeout: 10_000 })
      .toEqual(['Succeeded', 'Succeeded']);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await expect
      .poll(async () => page.getByTestId('recent-deliveries').textContent(), { timeout: 10_000 })
      .toBe('2 succeeded');
    await screenshot(page, '95c-webhooks-list');

    // The log shows 50 at a time: 50 more tests make 52, the oldest two behind "Show older deliveries".
    const listed = await request(server, 'GET', '/api/v1/webhooks', { as: seeded.admin });
    const webhookId = (listed.body as { items: Webhook[] }).items[0]!.id;
    for (let sent = 0; sent < 50; sent += 1) {
      const response = await request(server, 'POST', `/api/v1/webhooks/${webhookId}/test`, {
        as: seeded.admin,
      });
      expect(response.status).toBe(202);
    }
    // Sent through the API, so the page learns of them when the log opens.
    await expect
      .poll(
        async () => {
          const list = await request(server, 'GET', '/api/v1/webhooks', { as: seeded.admin });
          return (list.body as { items: Webhook[] }).items[0]?.recent.succeeded;
        },
        { timeout: 20_000 },
      )
      .toBe(52);
    await page.getByRole('button', { name: `Delivery log of ${receiver.url}` }).click();
    await drawer.waitFor();
    await expect.poll(async () => drawer.getByTestId('delivery-row').count()).toBe(50);
    await drawer
      .getByText('Newest first: 50 shown, 50 more with each Show older.', { exact: false })
      .waitFor();
    await drawer.getByRole('button', { name: 'Show older deliveries' }).click();
    await expect.poll(async () => drawer.getByTestId('delivery-row').count()).toBe(52);
    await drawer.getByText('Newest first: 52 shown, that is all of them.', { exact: false }).waitFor();
    expect(await drawer.getByRole('button', { name: 'Show older deliveries' }).count()).toBe(0);
    await checkAccessibility('delivery log, two pages');
    await screenshot(page, '95d-webhook-log-older', { overlay: true });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // Pausing the webhook is one switch.
    await row.getByRole('switch', { name: `Active: ${receiver.url}` }).click({ force: true });
    await expect
      .poll(async () => {
        const list = await request(server, 'GET', '/api/v1/webhooks', { as: seeded.admin });
        return (list.body as { items: Webhook[] }).items[0]?.active;
      })
      .toBe(false);

    // The secret can be revealed again later.
    await page.getByRole('button', { name: `More actions for ${receiver.url}` }).click();
    await page.getByRole('menuitem', { name: 'Reveal secret' }).click();
    const secret = page.getByRole('dialog', { name: 'Signing secret' });
    await secret.getByTestId('secret-value').filter({ hasText: webhookSecret }).waitFor();
    await secret.getByRole('button', { name: 'Done' }).click();
    await secret.waitFor({ state: 'hidden' });
    await checkAccessibility('settings webhooks');
  });

  it('a person creates an API token, shown once, that works until it is revoked', async () => {
    await page.getByRole('tab', { name: 'API tokens' }).click();
    await page.waitForURL('**/settings?tab=tokens');
    await page.getByRole('heading', { name: 'No API tokens yet' }).waitFor();
    await page.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create API token' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Weekly export');
    await dialog.getByRole('radio', { name: 'Write' }).check();
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const created = page.getByRole('dialog', { name: 'API token "Weekly export"' });
    await created.getByRole('button', { name: 'Copy API token' }).click();
    const token = await page.evaluate(() => navigator.clipboard.readText());
    expect(await created.getByTestId('secret-value').textContent()).toBe(token);
    expect(await created.getByTestId('code-snippet').textContent()).toContain(
      `Authorization: Bearer ${token}`,
    );
    const withToken = () =>
      fetch(`${server.baseUrl}/api/v1/accounts`, { headers: { authorization: `Bearer ${token}` } });
    expect((await withToken()).status).toBe(200);
    await created.getByRole('button', { name: 'Done' }).click();
    await created.waitFor({ state: 'hidden' });

    const row = page.getByTestId('token-row');
    expect(await row.textContent()).toContain('Weekly export');
    expect(await row.textContent()).toContain('Write');
    await row.getByRole('button', { name: 'Revoke the token Weekly export' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke API token' });
    await confirm.getByRole('button', { name: 'Revoke token' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await row.getByTestId('token-revoked').waitFor();
    expect(await row.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
    expect((await withToken()).status).toBe(401);
    await checkAccessibility('settings API tokens');
    await screenshot(page, '96-api-tokens');
  });

  it('a manager reads what waits for an account and has their tokens; a CSM has only tokens', async () => {
    await sendSegmentBatch(server.baseUrl, writeKey, [
      { type: 'group', userId: 'u-umb-1', groupId: 'umbrella-5', traits: { name: 'Umbrella', seats: 40 } },
      { type: 'track', userId: 'u-umb-1', event: 'Report Run' },
      { type: 'page', anonymousId: 'anon-7f3a', name: 'Pricing' },
    ]);
    const managerContext = await newContext(browser, server.baseUrl);
    await signInThroughApi(managerContext, server.baseUrl, seeded.manager.email);
    const managerPage = await managerContext.newPage();
    const managerErrors = watchPageErrors(managerPage);
    await managerPage.goto('/settings?tab=webhooks');
    await managerPage.getByRole('tab', { name: 'Tracking' }).waitFor();
    expect(await managerPage.getByRole('tab').allTextContents()).toEqual([
      'Tracking',
      'API tokens',
      'Tiers',
      'Journey stages',
    ]);
    expect(await managerPage.getByRole('tab', { name: 'Tracking' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await managerPage.getByTestId('unmatched-group-row').filter({ hasText: 'umbrella-5' }).waitFor();
    expect(await managerPage.getByTestId('unmatched-group-row').count()).toBe(1);
    expect(await managerPage.getByTestId('unmatched-user-row').textContent()).toContain('anon-7f3a');
    expect(await managerPage.getByRole('button', { name: /^Map to account/ }).count()).toBe(0);
    expect(await managerPage.getByRole('button', { name: 'Create write key' }).count()).toBe(0);
    await managerPage.getByText('An admin maps them to accounts.').waitFor();
    await saveScreenshot(managerPage, '96b-settings-manager');
    expect(managerErrors).toEqual([]);
    await managerContext.close();

    const csmContext = await newContext(browser, server.baseUrl);
    await signInThroughApi(csmContext, server.baseUrl, seeded.csm.email);
    const csmPage = await csmContext.newPage();
    await csmPage.goto('/settings?tab=tracking');
    await csmPage.getByRole('heading', { name: 'No API tokens yet' }).waitFor();
    expect(await csmPage.getByRole('tab').allTextContents()).toEqual(['API tokens']);
    await csmContext.close();
  });

  it('stays accessible and free of errors throughout', () => {
    expect(axeFindings, describeFindings(axeFindings)).toEqual([]);
    // The 400 and 409 of the refused write keys above are expected; nothing else may fail.
    expect(errors.filter((error) => !/status of (400|409)/.test(error))).toEqual([]);
  });
});
