import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnvironment, runCli } from '../../../../test/helpers/cli-process';
import { makeAccount, makeSubscription } from '../../../../test/helpers/factories';
import { createTestDatabase } from '../../../../test/helpers/test-database';
import type { Database } from '../../db/database';
import { createStage } from './stage.service';

/** `cycle stages list | board` as a child process against a real database. */
describe('cycle stages', () => {
  let database: Database;
  const cli = (...args: string[]) =>
    runCli(['stages', ...args], childEnvironment({ DATABASE_URL: database.connectionString, TZ: 'UTC' }));

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  it('says how to add stages when there are none', async () => {
    const empty = await cli('list');
    expect(empty.code).toBe(0);
    expect(empty.stdout).toBe('No stages yet. Add them on the journey page, or with POST /api/v1/stages.\n');
  });

  it('lists the stages in order and shows the board', async () => {
    const { db, pool } = database;
    await pool.query(`INSERT INTO teams (name, kind) VALUES ('Onboarding team', 'onboarding')`);
    const team = (await pool.query(`SELECT id FROM teams`)).rows[0].id as string;
    await createStage(db, {
      name: 'Onboarding',
      expectedDays: 30,
      owningTeamId: team,
      touchpoints: [{ title: 'Kickoff', dueDay: 3 }],
      metrics: ['time_to_go_live'],
      entryRule: { kind: 'condition', field: 'status', operator: 'eq', value: 'onboarding' },
    });
    await createStage(db, { name: 'Adoption' });
    const late = await makeAccount(db, { lifecycleStage: 'Onboarding' });
    await makeSubscription(db, late.id, { amountMinor: 100_000 });
    await pool.query(
      `UPDATE account_stage_history SET entered_at = now() - interval '45 days' WHERE account_id = $1`,
      [late.id],
    );
    await makeAccount(db, { lifecycleStage: 'Onboarding' });
    await makeAccount(db, {});

    const list = await cli('list');
    expect(list.code).toBe(0);
    expect(list.stdout).toBe(
      [
        '#  stage       accounts  expected days  owning team      entry    touchpoints  metrics',
        '-  ----------  --------  -------------  ---------------  -------  -----------  ---------------',
        '1  Onboarding  2         30             Onboarding team  rule     1            Time to go-live',
        '2  Adoption    0         -              -                by hand  0            -',
        '',
      ].join('\n'),
    );

    const board = await cli('board');
    expect(board.code).toBe(0);
    expect(board.stdout).toBe(
      [
        'stage       accounts  ARR (USD)  overdue  median days',
        '----------  --------  ---------  -------  -----------',
        'Onboarding  2         12,000.00  1        22.5',
        'Adoption    0         0.00       0        -',
        '(no stage)  1         0.00       -        -',
        '',
      ].join('\n'),
    );
  });
});
