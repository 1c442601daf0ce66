import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { countRows, createTestDatabase } from '../../../../test/helpers/test-database';
import { CliError } from '../../../cli/cli-database';
import { registerDemoCommand } from '../../../cli/commands/demo.command';
import type { Database } from '../../db/database';

/** Runs `cycle demo …` in-process against the test database (as DATABASE_URL) and returns what it printed. */
async function runDemo(args: string[]): Promise<string> {
  const program = new Command().exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  registerDemoCommand(program);
  const printed: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  try {
    await program.parseAsync(['node', 'cycle', 'demo', ...args]);
  } finally {
    write.mockRestore();
  }
  return printed.join('');
}

describe('cycle demo', () => {
  let database: Database;
  const previousUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.connectionString;
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    await database.close();
  });

  it('asks for --external before writing into the server at DATABASE_URL', async () => {
    await expect(runDemo(['--accounts', '5'])).rejects.toThrow(
      new CliError(
        'DATABASE_URL points at an external PostgreSQL server. Loading the demo there writes demo data into that database; pass --external to confirm.',
      ),
    );
    expect(await countRows(database, 'accounts')).toBe(0);
  });

  it('loads the demo with --external and prints a summary line and the demo sign-in', async () => {
    const output = await runDemo(['--accounts', '12', '--months', '6', '--seed', '3', '--external']);
    expect(output).toMatch(
      /^Loaded the demo workspace: 12 accounts, 10 users, \d+ contacts, .* usage days in \d+\.\d s\.\n/,
    );
    expect(output).toContain('maya.patel@demo.cycle');
    expect(output).toContain('"cycle-demo"');
    expect(await countRows(database, 'accounts')).toBe(12);
  });

  it('refuses a workspace that has accounts unless --clear is passed', async () => {
    await expect(runDemo(['--accounts', '12', '--external'])).rejects.toThrow(CliError);
    await expect(runDemo(['--accounts', '12', '--external'])).rejects.toThrow(
      /already has 12 accounts[\s\S]*Pass --clear/,
    );
    await runDemo(['--accounts', '20', '--months', '6', '--external', '--clear']);
    expect(await countRows(database, 'accounts')).toBe(20);
  });

  it('rejects options that are not whole numbers or are out of range', async () => {
    await expect(runDemo(['--accounts', 'many', '--external'])).rejects.toThrow(/expected a whole number/);
    await expect(runDemo(['--months', '500', '--external', '--clear'])).rejects.toThrow(
      new CliError('--months must be a whole number from 1 to 120 (got 500).'),
    );
  });
});
