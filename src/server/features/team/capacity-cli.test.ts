import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnvironment, runCli } from '../../../../test/helpers/cli-process';
import { makeAccount, makeSubscription } from '../../../../test/helpers/factories';
import { createTestDatabase } from '../../../../test/helpers/test-database';
import type { Database } from '../../db/database';
import { createUser } from '../users/user.service';
import { writeCapacitySettings } from './capacity.repository';

/** `cycle capacity [--rebalance [--apply]]` as a child process against a real database. */
describe('cycle capacity', () => {
  let database: Database;
  const accountIds: Record<string, string> = {};
  const cli = (...args: string[]) =>
    runCli(['capacity', ...args], childEnvironment({ DATABASE_URL: database.connectionString, TZ: 'UTC' }));

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db, pool } = database;
    const ann = await createUser(db, {
      email: 'ann@cycle.test',
      name: 'Ann',
      role: 'csm',
      password: 'long enough',
    });
    await createUser(db, { email: 'bob@cycle.test', name: 'Bob', role: 'csm', password: 'long enough' });
    await pool.query('UPDATE users SET workload_capacity = 2 WHERE id = $1', [ann.id]);
    await pool.query(
      `INSERT INTO tiers (name, position, rule, touch_model) VALUES ('Enterprise', 0, NULL, 'high')`,
    );
    await writeCapacitySettings(db, {
      weights: { high: 1, low: 0.3, tech: 0.05 },
      workloadCapacity: 3,
      arrTargets: { high: 100_000_000, low: 200_000_000, tech: 300_000_000 },
      overloadAt: 1,
      underloadAt: 0.5,
      hiringLeadDays: 90,
    });
    for (const [name, since, mrr] of [
      ['Acme', '2020-01-01', 100_000],
      ['Birch', '2021-01-01', 50_000],
      ['Cedar', '2024-01-01', 25_000],
    ] as const) {
      const account = await makeAccount(db, { name, tier: 'Enterprise', ownerId: ann.id });
      await makeSubscription(db, account.id, { amountMinor: mrr });
      await pool.query('UPDATE accounts SET owner_since = $2 WHERE id = $1', [account.id, since]);
      accountIds[name] = account.id;
    }
  });
  afterAll(async () => database.close());

  it('prints the books, proposes a rebalance without moving, then applies it', async () => {
    const books = await cli();
    expect(books.code).toBe(0);
    expect(books.stdout).toBe(
      [
        'CSM   accounts  ARR (USD)  workload  capacity  utilisation  flag',
        '----  --------  ---------  --------  --------  -----------  ---------------',
        'Ann   3         21,000.00  3.00      2.00      150.0%       over',
        'Bob   0         0.00       0.00      3.00      0.0%         under',
        'Team  3         21,000.00  3.00      5.00      60.0%        1 over, 1 under',
        "Public benchmark (industry surveys): average CSM book ~100 accounts, ~$1.7–2M ARR; high touch ~$1M, low/tech touch ~$2M+ (not your team's figures).",
        '',
      ].join('\n'),
    );

    const preview = await cli('--rebalance');
    expect(preview.code).toBe(0);
    expect(preview.stdout).toBe(
      [
        'account  from  to   weight',
        '-------  ----  ---  ------',
        'Cedar    Ann   Bob  1.00',
        '',
        'CSM  workload before  workload after  capacity  utilisation before  utilisation after',
        '---  ---------------  --------------  --------  ------------------  -----------------',
        'Ann  3.00             2.00            2.00      150.0%              100.0%',
        'Bob  0.00             1.00            3.00      0.0%                33.3%',
        '',
        'Preview only. Run cycle capacity --rebalance --apply to make this move.',
        '',
      ].join('\n'),
    );
    const owner = async (name: string) =>
      (
        await database.pool.query(
          'SELECT u.name FROM accounts a JOIN users u ON u.id = a.owner_id WHERE a.id = $1',
          [accountIds[name]],
        )
      ).rows[0].name;
    expect(await owner('Cedar')).toBe('Ann');

    const applied = await cli('--rebalance', '--apply');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Moved 1 account. The books now:');
    expect(applied.stdout).toContain('Ann   2         18,000.00  2.00      2.00      100.0%       ok');
    expect(applied.stdout).toContain('Bob   1         3,000.00   1.00      3.00      33.3%        under');
    expect(await owner('Cedar')).toBe('Bob');

    const balanced = await cli('--rebalance', '--apply');
    expect(balanced.stdout).toContain('No moves proposed');
    expect(await owner('Acme')).toBe('Ann');
  });

  it('refuses --apply without --rebalance', async () => {
    const result = await cli('--apply');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      '--apply makes the moves of a proposal: use it with --rebalance (cycle capacity --rebalance --apply).\n',
    );
  });
});
