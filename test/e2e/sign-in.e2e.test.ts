import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { hasChromium, launchChromium, newContext, saveScreenshot, watchPageErrors } from './support/browser';
import { seedWorkspace, type SeededWorkspace } from './support/seed';

describe.skipIf(!hasChromium)('signing in and out', () => {
  let server: TestServer;
  let browser: Browser;
  let workspace: SeededWorkspace;

  beforeAll(async () => {
    server = await startTestServer({ webRoot: inject('webRoot') });
    workspace = await seedWorkspace(server);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a wrong password shows the server’s message; the right one lands on the accounts list', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    await page.goto('/accounts');
    await page.waitForURL('**/login?next=%2Faccounts');
    await page.getByRole('heading', { name: 'Sign in to Cycle' }).waitFor();
    await saveScreenshot(page, '01-login');

    await page.getByLabel('Email').fill(workspace.signInAs.email);
    await page.getByLabel(/^Password/).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Could not sign in' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The email or password is wrong.');
    expect(new URL(page.url()).pathname).toBe('/login');
    await saveScreenshot(page, '02-login-wrong-password');

    await page.getByLabel(/^Password/).fill(workspace.signInAs.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/accounts');
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    await page.getByText('Demo data').waitFor();
    const userMenu = page.getByRole('button', { name: `Account menu for ${workspace.signInAs.name}` });
    expect(await userMenu.textContent()).toContain('Manager');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('after signing in, the user lands on the page they were going to', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    const target = `/accounts/${workspace.accounts.acme.id}?tab=contacts`;

    await page.goto(target);
    await page.waitForURL(`**/login?next=${encodeURIComponent(target)}`);
    await page.getByLabel('Email').fill(workspace.signInAs.email);
    await page.getByLabel(/^Password/).fill(workspace.signInAs.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${target}`);
    await page.getByRole('heading', { name: 'Acme Corporation', level: 1 }).waitFor();
    expect(await page.getByRole('tab', { selected: true }).textContent()).toContain('Contacts');
    await context.close();
  });

  it('signing out ends the session: the app returns to sign-in and stays there', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(workspace.signInAs.email);
    await page.getByLabel(/^Password/).fill(workspace.signInAs.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Signing in without a page to return to lands on Home.
    await page.waitForURL((url) => url.pathname === '/');

    await page.getByRole('button', { name: `Account menu for ${workspace.signInAs.name}` }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: 'Sign in to Cycle' }).waitFor();

    const me = await context.request.get('/api/v1/auth/me');
    expect(me.status()).toBe(401);
    await page.goto('/accounts');
    await page.waitForURL('**/login?next=%2Faccounts');
    await context.close();
  });
});
