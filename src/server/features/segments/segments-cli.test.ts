import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnvironment, runCli } from '../../../../test/helpers/cli-process';
import {
  dayFromToday,
  makeAccount,
  makeActivity,
  makeSubscription,
} from '../../../../test/helpers/factories';
import { createTestDatabase } from '../../../../test/helpers/test-database';
import type { Database } from '../../db/database';

/** `cycle segments …` and `cycle tiers list` as child processes against a real database. */
describe('cycle segments and cycle tiers', () => {
  let database: Database;
  const cli = (...args: string[]) =>
    runCli(args, childEnvironment({ DATABASE_URL: database.connectionString, TZ: 'UTC' }));

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    for (const [name, amountMinor] of [
      ['Acme', 2_000_000],
      ['Globex', 1_000_000],
      ['Initech', 100_000],
    ] as const) {
      const account = await makeAccount(db, { name });
      await makeSubscription(db, account.id, { amountMinor, startDate: dayFromToday(-200) });
      if (name === 'Acme')
        await makeActivity(db, account.id, {
          kind: 'ebr',
          occurredAt: new Date(`${dayFromToday(-10)}T12:00:00Z`),
        });
    }
    const rule = (value: number) =>
      JSON.stringify({ kind: 'condition', field: 'arr', operator: 'gte', value });
    await db.execute(sql`INSERT INTO tiers (name, position, rule, touch_model, ebr_every_days, check_in_every_days) VALUES
      ('Enterprise', 1, ${rule(100_000)}::jsonb, 'high', 90, 30), ('Self-serve', 2, NULL, 'tech', NULL, NULL)`);
    await db.execute(
      sql`INSERT INTO segments (name, kind, rule) VALUES ('Big accounts', 'dynamic', ${rule(120_000)}::jsonb)`,
    );
  });
  afterAll(async () => database.close());

  it('refreshes the journey, then lists, shows and pages a segment and its history', async () => {
    const refreshed = await cli('segments', 'refresh');
    expect(refreshed.code).toBe(0);
    expect(refreshed.stdout).toBe(
      'Tiers: 3 accounts changed. Stages: 0 changed. Segments: 1 refreshed, 2 entered, 0 left.\n',
    );
    expect((await cli('segments', 'refresh')).stdout).toBe(
      'Tiers: 0 accounts changed. Stages: 0 changed. Segments: 1 refreshed, 0 entered, 0 left.\n',
    );

    const listed = await cli('segments', 'list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^name {10}kind {5}members {2}evaluated {17}rule\n/);
    expect(listed.stdout).toContain('Big accounts  dynamic  2');
    expect(listed.stdout).toContain('arr ≥ 120000');

    const shown = await cli('segments', 'show', 'big ACCOUNTS');
    expect(shown.stdout.split('\n').slice(0, 3)).toEqual([
      'Segment:   Big accounts (dynamic)',
      'Rule:      arr ≥ 120000',
      'Members:   2',
    ]);

    const members = await cli('segments', 'members', 'Big accounts', '--sort', '-arr', '--limit', '1');
    expect(members.stdout.split('\n')[2]).toMatch(/^Acme {5}\$240,000/);
    expect(members.stdout).toContain('2 members (1 more: raise --limit).');

    const history = await cli('segments', 'history', 'Big accounts');
    expect(history.stdout).toContain('entered  Acme');
    expect(history.stdout).toContain('entered  Globex');
    expect(history.stdout).toContain('2 events.');

    const missing = await cli('segments', 'show', 'Nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('No segment named "Nope". `cycle segments list` shows them.\n');
    expect((await cli('segments', 'members', 'Big accounts', '--limit', '0')).code).not.toBe(0);
  });

  it('lists tiers with touch models, cadences, account and overdue counts', async () => {
    const listed = await cli('tiers', 'list');
    expect(listed.code).toBe(0);
    const lines = listed.stdout.split('\n');
    expect(lines[0]).toBe(
      '#  tier        touch  EBR every  check-in every  accounts  overdue EBR  overdue check-in  rule',
    );
    expect(lines[2]).toBe(
      '1  Enterprise  high   90 d       30 d            2         1            2                 arr ≥ 100000',
    );
    expect(lines[3]).toBe(
      '2  Self-serve  tech   —          —               1         0            0                 (default: every other account)',
    );
    expect(lines[4]).toBe(
      `Overdue counts as of ${dayFromToday(0)} (UTC); accounts counts every account in the tier.`,
    );
  });
});
