import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnvironment, runCli } from '../../../../test/helpers/cli-process';
import { dayFromToday, makeAccount, makeSubscription } from '../../../../test/helpers/factories';
import { createTestDatabase } from '../../../../test/helpers/test-database';
import type { AssignmentCriterion, ScorecardDefinition } from '../../../shared/api/health.contract';
import type { Database } from '../../db/database';
import { accounts } from '../../db/schema';
import { calibrateScorecard } from './backtest.service';
import { backfillHealth, recomputeHealth } from './health-recompute.service';
import { insertScorecard } from './scorecard.repository';

const identity = { kind: 'linear' as const, from: { value: 0, score: 0 }, to: { value: 100, score: 100 } };
const trafficLight = [
  { name: 'red', lower: 0, upper: 50 },
  { name: 'yellow', lower: 50, upper: 75 },
  { name: 'green', lower: 75, upper: 100 },
];
const traitMeasure = (id: string, name: string, weight: number, key: string) =>
  ({
    id,
    name,
    weight,
    input: { kind: 'trait', key },
    windowDays: 30,
    scheme: identity,
    missingData: 'exclude',
  }) as const;

/** The worked example of docs/health.md: weights 20, 15, 22 over traits a, b, c. */
const workedExample: ScorecardDefinition = {
  measures: [
    traitMeasure('adoption', 'Adoption', 20, 'a'),
    traitMeasure('engagement', 'Engagement', 15, 'b'),
    traitMeasure('support', 'Support', 22, 'c'),
  ],
  groups: [],
  bands: trafficLight,
};
const signal: ScorecardDefinition = {
  measures: [traitMeasure('signal', 'Signal', 1, 'signal')],
  groups: [],
  bands: [
    { name: 'red', lower: 0, upper: 25 },
    { name: 'yellow', lower: 25, upper: 35 },
    { name: 'green', lower: 35, upper: 100 },
  ],
};
const calibration: ScorecardDefinition = {
  measures: [traitMeasure('usage', 'Usage', 50, 'usage'), traitMeasure('noise', 'Noise', 50, 'noise')],
  groups: [],
  bands: trafficLight,
};

/** `cycle health …` as a child process against the test database. */
describe('cycle health (command line)', () => {
  let database: Database;
  let workedExampleId: string;
  let calibrationScorecardId: string;
  const today = dayFromToday(0);
  const cycle = (args: string[]) =>
    runCli(['health', ...args], childEnvironment({ DATABASE_URL: database.connectionString, TZ: 'UTC' }));
  const count = async (query: string, values: unknown[] = []) =>
    (await database.pool.query<{ count: number }>(query, values)).rows[0]!.count;
  const addScorecard = (
    name: string,
    definition: ScorecardDefinition,
    criteria: AssignmentCriterion[],
    position: number,
  ) =>
    database.db.transaction((tx) =>
      insertScorecard(tx, {
        name,
        criteria,
        isDefault: criteria.length === 0,
        position,
        definition,
        note: null,
        createdBy: null,
      }),
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    // Scored 35.88 until the explain test moves "c" to 21 (→ 40.12); the subscription makes it a customer for backfills.
    const worked = await makeAccount(db, {
      name: 'Worked Example',
      externalId: 'worked-example',
      traits: { a: 47, b: 59, c: 10 },
    });
    workedExampleId = worked.id;
    await makeSubscription(db, worked.id);
    await makeAccount(db, { name: 'Partial', externalId: 'partial', traits: { a: 47, b: 59 } });
    await makeAccount(db, { name: 'Twin', externalId: 'twin-1' });
    await makeAccount(db, { name: 'TWIN', externalId: 'twin-2' });
    await makeAccount(db, { name: 'Gone', status: 'churned' });
    // Backtest by outcome field: scores 10 and 20 churned, 30 renewed, 40 churned; one more has no score.
    for (const [index, traits] of [
      { signal: 10, lost: 'yes' },
      { signal: 20, lost: 'Yes' },
      { signal: 30, lost: 'no' },
      { signal: 40, lost: 'yes' },
      { lost: 'no' },
    ].entries()) {
      await makeAccount(db, { name: `Backtest ${index + 1}`, traits: { cohort: 'backtest', ...traits } });
    }
    // Calibration: low usage mostly churns; noise says nothing.
    for (let index = 0; index < 60; index += 1) {
      const usage = (index * 37) % 100;
      const churned = usage < 40 ? index % 5 !== 0 : index % 7 === 0;
      await makeAccount(db, {
        name: `Calibration ${index + 1}`,
        traits: { cohort: 'calibration', usage, noise: (index * 53 + 11) % 100, churned: String(churned) },
      });
    }
    await addScorecard('Traits', workedExample, [], 0);
    await addScorecard('Signal', signal, [{ kind: 'trait', key: 'cohort', values: ['backtest'] }], 1);
    calibrationScorecardId = (
      await addScorecard(
        'Calibration',
        calibration,
        [{ kind: 'trait', key: 'cohort', values: ['calibration'] }],
        2,
      )
    ).id;
    await recomputeHealth(database, { trigger: 'scorecard' });
    await backfillHealth(database, 8);
  });
  afterAll(async () => database.close());

  it('recomputes after filling in history, and says how many accounts and snapshots', async () => {
    const before = await count('SELECT count(*)::int AS count FROM health_snapshots');
    const scored = await count(
      `SELECT count(*)::int AS count FROM accounts WHERE status IN ('active', 'onboarding')`,
    );
    const run = await cycle(['recompute', '--backfill', '10']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Days 1–8 were filled in already; days 9 and 10 are new for the one account with a subscription.
    const backfilled = await count(
      `SELECT count(*)::int AS count FROM health_snapshots WHERE trigger = 'backfill' AND as_of_date < $1::date - 8`,
      [today],
    );
    expect(backfilled).toBe(2);
    const written =
      (await count('SELECT count(*)::int AS count FROM health_snapshots')) - before - backfilled;
    expect(run.stdout).toMatch(
      new RegExp(
        `^Filled in 10 days of history: 2 snapshots\\.\\nScored ${scored} accounts, wrote ${written} snapshots? in \\d+\\.\\d\\d s\\.\\n$`,
      ),
    );
  });

  it('explains a score measure by measure, with contributions that add up to it, the trend and what moved', async () => {
    await database.db
      .update(accounts)
      .set({ traits: { a: 47, b: 59, c: 21 } })
      .where(eq(accounts.id, workedExampleId));
    expect((await cycle(['recompute'])).code).toBe(0);
    const run = await cycle(['explain', 'worked example']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'Account:        Worked Example (test:worked-example)',
        'Score:          40.12 (red)',
        `Scorecard:      Traits, version 1, as of ${today}`,
        `vs 7 days ago:  +4.24 (35.88 on ${dayFromToday(-7)})`,
        `vs 30 days ago: unknown: No score on or before ${dayFromToday(-30)} (30 days before ${today})`,
        '',
        'measure     raw value  score  weight  contribution  missing',
        '----------  ---------  -----  ------  ------------  -------',
        'Adoption    47         47.00  35.1%   16.49',
        'Engagement  59         59.00  26.3%   15.53',
        'Support     21         21.00  38.6%   8.10',
        'total                         100.0%  40.12',
        '',
        `What moved since ${today} (35.88, red):`,
        'measure  score change  contribution change',
        '-------  ------------  -------------------',
        'Support  +11.00        +4.25',
        '',
      ].join('\n'),
    );
    // The same account by source:external_id and by id.
    expect((await cycle(['explain', 'test:worked-example'])).stdout).toBe(run.stdout);
    expect((await cycle(['explain', workedExampleId])).stdout).toBe(run.stdout);
  });

  it('explains missing measures with their reason: the others are renormalised, and with none left it is not scored', async () => {
    const reason = (key: string) =>
      `The account has no "${key}" trait; excluded and the other weights renormalised`;
    const partial = await cycle(['explain', 'test:partial']);
    expect(partial.code).toBe(0);
    // 940/35 = 26.857 and 885/35 = 25.286 print as 26.86 and 25.28 so that they add up to the score, 52.14.
    expect(partial.stdout.split('\n').slice(1, 13)).toEqual([
      'Score:          52.14 (yellow)',
      `Scorecard:      Traits, version 1, as of ${today}`,
      `vs 7 days ago:  unknown: No score on or before ${dayFromToday(-7)} (7 days before ${today})`,
      `vs 30 days ago: unknown: No score on or before ${dayFromToday(-30)} (30 days before ${today})`,
      '',
      `measure     raw value  score  weight  contribution  missing`,
      `----------  ---------  -----  ------  ------------  ${'-'.repeat(reason('c').length)}`,
      'Adoption    47         47.00  57.1%   26.86',
      'Engagement  59         59.00  42.9%   25.28',
      `Support     —          —      0.0%    0.00          ${reason('c')}`,
      'total                         100.0%  52.14',
      '',
    ]);
    const twin = await cycle(['explain', 'test:twin-1']);
    expect(twin.code).toBe(0);
    expect(twin.stdout).toContain(
      'Score:          not scored: Every measure is missing and excluded, so there is nothing to score\n',
    );
    for (const key of ['a', 'b', 'c'])
      expect(twin.stdout).toContain(`—      0.0%    0.00          ${reason(key)}\n`);
    expect(twin.stdout).not.toContain('total');
  });

  it('refuses an unknown or ambiguous account, and one with no score, in one plain message', async () => {
    const unknown = await cycle(['explain', 'Nobody']);
    expect(unknown).toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        'No account is named "Nobody" or has that id or source:external_id. Give an account id, its exact name, or source:external_id (e.g. hubspot:4711).\n',
    });
    const twins = await database.pool.query<{ id: string; name: string; external_id: string }>(
      `SELECT id, name, external_id FROM accounts WHERE lower(name) = 'twin' ORDER BY name, id`,
    );
    const ambiguous = await cycle(['explain', 'twin']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toBe(
      `2 accounts are named "twin"; give the id or source:external_id of one:\n${twins.rows.map((row) => `  ${row.id}  test:${row.external_id}  ${row.name}`).join('\n')}\n`,
    );
    const gone = await cycle(['explain', 'Gone']);
    expect(gone).toMatchObject({
      code: 1,
      stderr:
        'Gone has no health score: only active and onboarding accounts are scored, and it is churned.\n',
    });
  });

  it('backtests by an outcome field: verdict first, AUC, churn by band, lowest-decile lift and AUC per measure', async () => {
    const total = await count('SELECT count(*)::int AS count FROM accounts');
    const run = await cycle([
      'backtest',
      '--scorecard',
      'signal',
      '--outcome-field',
      'lost',
      '--outcome-value',
      'YES',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Churners 10, 20, 40 against the renewal 30: 2 of the 3 pairs have the churner lower, so AUC = 2/3.
    expect(run.stdout).toBe(
      [
        'The score separates churners weakly (AUC 0.67)',
        '',
        'Scorecard:    Signal, version 1',
        'Outcome:      "lost" is "YES"',
        `Scored as of: ${today}`,
        'AUC:          0.667 (the chance that a churner scored below a renewal; 0.5 is chance)',
        'Accounts:     4 scored, 3 of them churned',
        `Excluded:     ${total - 5} without an outcome, 1 not scored`,
        '',
        'band    accounts  churned  churn rate',
        '------  --------  -------  ----------',
        'red     2         2        100.0%',
        'yellow  1         0        0.0%',
        'green   1         1        100.0%',
        '',
        'Lowest decile: 1 account scoring 10.00 or less, churn rate 100.0% against 75.0% overall: lift 1.33',
        '',
        'measure  accounts  AUC',
        '-------  --------  -----',
        'Signal   4         0.667',
        '',
      ].join('\n'),
    );
    const json = await cycle([
      'backtest',
      '--scorecard',
      'Signal',
      '--outcome-field',
      'lost',
      '--outcome-value',
      'yes',
      '--format',
      'json',
    ]);
    const result = JSON.parse(json.stdout);
    expect(result.report.auc).toEqual({ status: 'defined', value: 2 / 3 });
    expect(result.report.lowestDecile.lift).toEqual({ status: 'defined', value: 1 / 0.75 });
  });

  it('backtests the default scorecard by date when no outcome is given: 90 days ending yesterday', async () => {
    const run = await cycle(['backtest']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const asOf = dayFromToday(-91);
    const lines = run.stdout.split('\n');
    // Only the worked example was a customer then, and it renewed: nothing to compare.
    expect(lines[0]).toBe(
      'The backtest cannot judge the score: No account churned, so there is nothing to separate',
    );
    expect(lines.slice(2, 5)).toEqual([
      'Scorecard:    Traits, version 1',
      `Outcome:      churned within 90 days after ${asOf} (a churn event, or no running subscription on ${dayFromToday(-1)})`,
      `Scored as of: ${asOf}`,
    ]);
  });

  it('calibrates without saving, then saves the proposal as the next version with --accept', async () => {
    const options = ['--scorecard', 'Calibration', '--outcome-field', 'churned', '--outcome-value', 'true'];
    const expected = await calibrateScorecard(database, {
      scorecardId: calibrationScorecardId,
      outcomeField: 'churned',
      outcomeValue: 'true',
      seed: 1,
      heldOutShare: 0.3,
    });
    if (expected.status !== 'calibrated') throw new Error(`the dataset should calibrate: ${expected.reason}`);
    const auc = (metric: { status: string; value?: number }) =>
      metric.status === 'defined' ? metric.value!.toFixed(3) : 'not defined';

    const run = await cycle(['calibrate', ...options]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(
      run.stdout.startsWith(
        `Calibrated on "churned" is "true": ${expected.trainingAccounts} training accounts, ${expected.heldOutAccounts} held out, 0 not scored.\n` +
          `Held-out AUC: ${auc(expected.before.auc)} → ${auc(expected.after.auc)}\n\nmeasure  weight before  weight after  note\n`,
      ),
    ).toBe(true);
    for (const weight of expected.weights)
      expect(run.stdout).toContain(`${weight.name.padEnd(7)}  50             ${weight.after.toFixed(2)}`);
    for (const change of expected.breakpoints)
      expect(run.stdout).toContain(`${change.name.padEnd(7)}  ${change.note}\n`);
    expect(run.stdout.endsWith('\nNot saved. Run again with --accept to save this as version 2.\n')).toBe(
      true,
    );
    expect(
      await count('SELECT current_version AS count FROM scorecards WHERE id = $1', [calibrationScorecardId]),
    ).toBe(1);
    const json = await cycle(['calibrate', ...options, '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual(expected);

    const snapshotsOfVersion1 =
      'SELECT id, score, raw_values FROM health_snapshots WHERE scorecard_id = $1 AND scorecard_version = 1 ORDER BY id';
    const before = (await database.pool.query(snapshotsOfVersion1, [calibrationScorecardId])).rows;
    expect(before).toHaveLength(60);
    const accepted = await cycle(['calibrate', ...options, '--accept']);
    expect(accepted.stderr).toBe('');
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toMatch(
      /\nSaved Calibration version 2 \(note: Calibrated on "churned" is "true"\)\.\nScored \d+ accounts, wrote \d+ snapshots in \d+\.\d\d s\.\n$/,
    );
    const versions = await database.pool.query(
      `SELECT version, definition, note, created_by FROM scorecard_versions WHERE scorecard_id = $1 ORDER BY version`,
      [calibrationScorecardId],
    );
    expect(versions.rows).toEqual([
      { version: 1, definition: calibration, note: null, created_by: null },
      {
        version: 2,
        definition: expected.proposed,
        note: 'Calibrated on "churned" is "true"',
        created_by: null,
      },
    ]);
    expect(
      await count('SELECT current_version AS count FROM scorecards WHERE id = $1', [calibrationScorecardId]),
    ).toBe(2);
    // The old snapshots keep their version and numbers; the accounts are rescored with version 2.
    expect((await database.pool.query(snapshotsOfVersion1, [calibrationScorecardId])).rows).toEqual(before);
    expect(
      await count(
        'SELECT count(*)::int AS count FROM account_health WHERE scorecard_id = $1 AND scorecard_version = 2',
        [calibrationScorecardId],
      ),
    ).toBe(60);
  });

  it("refuses bad options and dates with the API's message, naming the option, without a stack trace", async () => {
    const asOf = dayFromToday(-10);
    const late = await cycle(['backtest', '--as-of', asOf, '--horizon', '30']);
    expect(late).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `--as-of: the 30-day horizon from ${asOf} ends on ${dayFromToday(20)}, after today, so outcomes are not known yet. Pick ${dayFromToday(-30)} or earlier.\n`,
    });
    expect(await cycle(['backtest', '--as-of', '2025-02-30', '--horizon', '30'])).toMatchObject({
      code: 1,
      stderr: '--as-of: must be a date as YYYY-MM-DD\n',
    });
    expect(await cycle(['backtest', '--horizon', '3'])).toMatchObject({
      code: 1,
      stderr: '--horizon: Too small: expected number to be >=7\n',
    });
    expect(
      await cycle([
        'calibrate',
        '--outcome-field',
        'churned',
        '--outcome-value',
        'true',
        '--held-out-share',
        '0.9',
      ]),
    ).toMatchObject({
      code: 1,
      stderr: '--held-out-share: Too big: expected number to be <=0.5\n',
    });
    expect(
      await cycle(['backtest', '--scorecard', 'Nope', '--outcome-field', 'lost', '--outcome-value', 'yes']),
    ).toMatchObject({
      code: 1,
      stderr:
        '--scorecard: no scorecard is named "Nope" or has that id. The scorecards are "Signal", "Calibration", "Traits".\n',
    });
    expect(await cycle(['backtest', '--outcome-field', 'nothing', '--outcome-value', 'yes'])).toMatchObject({
      code: 1,
      stderr:
        '--outcome-field: no account has a "nothing" value. Check the name against the imported column (it is case-sensitive).\n',
    });
  });
});
