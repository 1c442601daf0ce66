import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnvironment, runCli } from '../../../../test/helpers/cli-process';
import { createTestDatabase } from '../../../../test/helpers/test-database';
import type { Database } from '../../db/database';
import { findActiveWriteKey } from './write-key.service';

/** `cycle write-keys create <source> | list | revoke <source>` as a child process against a real database. */
describe('cycle write-keys', () => {
  let database: Database;
  const cli = (...args: string[]) =>
    runCli(['write-keys', ...args], childEnvironment({ DATABASE_URL: database.connectionString, TZ: 'UTC' }));

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  it('creates a key shown once, lists it by prefix, refuses a second for the source, and revokes it', async () => {
    const created = await cli('create', 'web-app');
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^cwk_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toContain('not shown again');
    expect(await findActiveWriteKey(database.db, key)).toMatchObject({ source: 'web-app' });

    const second = await cli('create', 'web-app');
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('already has an active write key');
    expect(second.stderr).not.toContain('    at ');

    const listed = await cli('list');
    expect(listed.stdout).toContain('web-app');
    expect(listed.stdout).toContain(key.slice(0, 10));
    expect(listed.stdout).not.toContain(key);

    const revoked = await cli('revoke', 'web-app');
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toBe(`Revoked the write key ${key.slice(0, 10)}… of source "web-app".\n`);
    expect(await findActiveWriteKey(database.db, key)).toBeNull();
    expect((await cli('revoke', 'web-app')).stderr).toContain('No active write key');
    expect((await cli('create', 'Bad Name')).stderr).toContain('is not a valid name');
  });
});
