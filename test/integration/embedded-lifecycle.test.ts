import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../src/server/db/embedded-cluster';
import { childEnvironment, killStartedServers, runCli, startCycleServer, waitForExit } from '../helpers/cli-process';

const ADMIN = { email: 'owner@example.test', password: 'lifecycle-pass-1' };

async function postmasterPid(dataDir: string): Promise<number | undefined> {
  try {
    return Number((await fs.readFile(path.join(dataDir, 'pg/postmaster.pid'), 'utf8')).split('\n')[0]);
  } catch {
    return undefined;
  }
}

const isAlive = isProcessAlive;

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

describe('the embedded PostgreSQL lifecycle through `cycle start`', () => {
  let dataDir: string;
  let environment: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cycle-lifecycle-'));
    await fs.chmod(dataDir, 0o755);
    environment = childEnvironment({
      CYCLE_DATA_DIR: dataDir,
      PORT: '0',
      CYCLE_DEMO: '0',
      CYCLE_ADMIN_EMAIL: ADMIN.email,
      CYCLE_ADMIN_PASSWORD: ADMIN.password,
      // This file tests the database lifecycle; building the web app on first start is slow and beside the point.
      CYCLE_SKIP_WEB_BUILD: '1',
    });
  });
  afterAll(async () => {
    killStartedServers();
    const pid = await postmasterPid(dataDir);
    if (pid && isAlive(pid)) process.kill(pid, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('keeps committed data through SIGKILL, shares the cluster with the CLI and a second server, and stops it on Ctrl+C', async () => {
    const first = await startCycleServer(environment);
    expect(first.output()).toContain(`Sign in as ${ADMIN.email}`);
    const cookie = await signIn(first.url);
    const created = await fetch(`${first.url}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ name: 'Survivor Systems' }),
    });
    expect(created.status).toBe(201);

    // The CLI works while the server runs on the same data folder.
    const users = await runCli(['users', 'list'], environment);
    expect(users.stderr).toBe('');
    expect(users.code).toBe(0);
    expect(users.stdout).toContain(ADMIN.email);

    // A second server on another port reuses the running cluster (the first one owns it).
    const second = await startCycleServer(environment);
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    second.child.kill('SIGTERM'); // drains and exits cleanly, leaving the cluster to its owner
    expect(await waitForExit(second.child)).toBe(0);
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200); // the owner's cluster still runs

    // SIGKILL the server: PostgreSQL keeps running; the next start finds and reuses it.
    const pid = await postmasterPid(dataDir);
    first.child.kill('SIGKILL');
    await waitForExit(first.child);
    expect(pid && isAlive(pid)).toBe(true);

    const again = await startCycleServer(environment);
    const port = new URL(again.url).port;
    const clash = await runCli(['start'], { ...environment, PORT: port });
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain(`Port ${port} on 127.0.0.1 is in use (is Cycle already running?). Set PORT to use another port.`);
    expect(clash.stderr).not.toMatch(/\n\s+at /);
    expect(await postmasterPid(dataDir)).toBe(pid);
    const againCookie = await signIn(again.url);
    const list = await fetch(`${again.url}/api/v1/accounts?q=Survivor`, { headers: { cookie: againCookie } });
    expect(((await list.json()) as { items: { name: string }[] }).items.map((item) => item.name)).toEqual(['Survivor Systems']);

    // Ctrl+C stops the server and the cluster it owns (it adopted the orphaned one).
    again.child.kill('SIGINT');
    expect(await waitForExit(again.child)).toBe(0);
    expect(isAlive(pid!)).toBe(false);
    expect(await postmasterPid(dataDir)).toBeUndefined();
  });

  it('lets a CLI command start the cluster itself when no server runs, and stops it afterwards', async () => {
    const result = await runCli(['users', 'list'], environment);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(ADMIN.email);
    expect(await postmasterPid(dataDir)).toBeUndefined();
  });

  it('explains an unreachable external server in one message, without a stack trace', async () => {
    const result = await runCli(['users', 'list'], childEnvironment({ DATABASE_URL: 'postgres://someone:secret@127.0.0.1:1/cycle' }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cannot connect to the PostgreSQL server at postgres://someone:***@127.0.0.1:1/cycle');
    expect(result.stderr).not.toContain('secret');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an invalid environment variable with a message naming it', async () => {
    const result = await runCli(['users', 'list'], childEnvironment({ PORT: 'eighty' }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT');
  });
});
