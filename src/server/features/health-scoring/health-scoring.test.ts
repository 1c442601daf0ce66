import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dayFromToday,
  makeAccount,
  makeActivity,
  makeSubscription,
  makeSurveyResponse,
  makeTicket,
  makeUsageDay,
} from '../../../../test/helpers/factories';
import { postImport } from '../../../../test/helpers/import-requests';
import { countRows } from '../../../../test/helpers/test-database';
import {
  request,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../../../../test/helpers/test-server';
import { SeededRandom } from '../../../domain/demo/seeded-random';
import type { ScorecardDefinition } from '../../../shared/api/health.contract';

const BANDS = [
  { name: 'Red', lower: 0, upper: 50 },
  { name: 'Yellow', lower: 50, upper: 75 },
  { name: 'Green', lower: 75, upper: 100 },
];

/** Health scoring through HTTP: scorecards, explained scores, events, versions, backtest, calibration. */
describe('health scoring API', () => {
  let server: TestServer;
  let manager: TestUser;
  let csm: TestUser;
  let viewer: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    manager = await server.signIn('manager');
    csm = await server.signIn('csm');
    viewer = await server.signIn('viewer');
  });
  afterAll(async () => server.close());

  describe('scorecards and explained scores from every kind of input', () => {
    let accountId: string;
    let scorecardId: string;
    const definition: ScorecardDefinition = {
      groups: [{ id: 'adoption', name: 'Adoption', weight: 2 }],
      measures: [
        {
          id: 'seats',
          name: 'Seat utilisation',
          weight: 1,
          input: { kind: 'seat_utilisation' },
          windowDays: 30,
          scheme: { kind: 'linear', from: { value: 0, score: 0 }, to: { value: 100, score: 100 } },
          missingData: 'exclude',
          groupId: 'adoption',
        },
        {
          id: 'events',
          name: 'Events',
          weight: 1,
          input: { kind: 'events' },
          windowDays: 30,
          scheme: { kind: 'linear', from: { value: 0, score: 0 }, to: { value: 600, score: 100 } },
          missingData: 'exclude',
          groupId: 'adoption',
        },
        {
          id: 'touch',
          name: 'Days since touch',
          weight: 1,
          input: { kind: 'days_since_activity' },
          windowDays: 90,
          scheme: { kind: 'linear', from: { value: 0, score: 100 }, to: { value: 100, score: 0 } },
          missingData: { default: 0 },
        },
        {
          id: 'tickets',
          name: 'Open tickets',
          weight: 1,
          input: { kind: 'open_tickets' },
          windowDays: 30,
          scheme: {
            kind: 'ranges',
            ranges: [
              { from: null, to: 1, score: 100 },
              { from: 1, to: 3, score: 60 },
              { from: 3, to: null, score: 0 },
            ],
          },
          missingData: 'exclude',
        },
        {
          id: 'nps',
          name: 'NPS',
          weight: 1,
          input: { kind: 'last_nps' },
          windowDays: 365,
          scheme: { kind: 'linear', from: { value: 0, score: 0 }, to: { value: 10, score: 100 } },
          missingData: 'exclude',
        },
        {
          id: 'mood',
          name: 'CSM sentiment',
          weight: 1,
          input: { kind: 'sentiment' },
          windowDays: 30,
          scheme: { kind: 'category', scores: { positive: 100, neutral: 50, negative: 0 }, otherScore: 50 },
          missingData: 'exclude',
        },
      ],
      bands: BANDS,
    };

    beforeAll(async () => {
      const { db } = server.database;
      const account = await makeAccount(db, { name: 'Scored Co', ownerId: csm.id, status: 'active' });
      accountId = account.id;
      await makeSubscription(db, accountId, { seats: 10, startDate: '2024-01-01' });
      // 30 days of 5 active users and 20 events a day: 50 % of 10 seats, 600 events.
      for (let back = 0; back < 30; back += 1) await makeUsageDay(db, accountId, dayFromToday(-back), 5, 20);
      await makeActivity(db, accountId, { occurredAt: new Date(Date.now() - 10 * 86_400_000) });
      await makeTicket(db, accountId, { status: 'open', openedAt: new Date(Date.now() - 3 * 86_400_000) });
      await makeTicket(db, accountId, {
        status: 'solved',
        openedAt: new Date(Date.now() - 9 * 86_400_000),
        resolvedAt: new Date(Date.now() - 8 * 86_400_000),
      });
      await makeSurveyResponse(db, accountId, {
        surveyKind: 'nps',
        score: 8,
        respondedAt: new Date(Date.now() - 20 * 86_400_000),
      });
    });

    it('refuses anonymous callers and roles without health.manage, and changes nothing', async () => {
      const body = { name: 'Nope', definition };
      expect((await request(server, 'POST', '/api/v1/health/scorecards', { body })).status).toBe(401);
      for (const user of [csm, viewer])
        expect((await request(server, 'POST', '/api/v1/health/scorecards', { as: user, body })).status).toBe(
          403,
        );
      expect((await request(server, 'POST', '/api/v1/health/recompute', { as: csm, body: {} })).status).toBe(
        403,
      );
      expect((await request(server, 'GET', `/api/v1/accounts/${accountId}/health`)).status).toBe(401);
      expect(await countRows(server.database, 'scorecards')).toBe(0);
    });

    it('rejects an invalid scorecard with every problem named, and writes nothing', async () => {
      const broken = {
        ...definition,
        measures: [
          {
            ...definition.measures[5]!,
            scheme: { kind: 'linear', from: { value: 0, score: 0 }, to: { value: 1, score: 100 } },
          },
        ],
        bands: [
          { name: 'Red', lower: 0, upper: 50 },
          { name: 'Green', lower: 51, upper: 100 },
        ],
      };
      const response = await request(server, 'POST', '/api/v1/health/scorecards', {
        as: manager,
        body: { name: 'Broken', definition: broken },
      });
      expect(response.status).toBe(400);
      const fields = response.body.errors.map((error: { field: string }) => error.field);
      expect(fields).toContain('body.definition.measures[0].scheme');
      expect(fields.some((field: string) => field.startsWith('body.definition.bands'))).toBe(true);
      const typeError = await request(server, 'POST', '/api/v1/health/scorecards', {
        as: manager,
        body: {
          name: 'Typo',
          definition: { ...definition, measures: [{ ...definition.measures[0], weight: -1 }] },
        },
      });
      expect(typeError.status).toBe(400);
      expect(typeError.body.errors[0].field).toContain('weight');
      expect(await countRows(server.database, 'scorecards')).toBe(0);
      expect(await countRows(server.database, 'health_snapshots')).toBe(0);
    });

    it('creates the default scorecard, scores the account and explains every measure', async () => {
      const created = await request(server, 'POST', '/api/v1/health/scorecards', {
        as: manager,
        body: { name: 'Standard', definition, note: 'first cut' },
      });
      expect(created.status).toBe(201);
      scorecardId = created.body.scorecard.id;
      expect(created.body.scorecard).toMatchObject({
        name: 'Standard',
        isDefault: true,
        version: 1,
        accounts: 1,
        criteria: [],
      });
      expect(created.body.recompute).toMatchObject({ accounts: 1, snapshots: 1 });

      const health = await request(server, 'GET', `/api/v1/accounts/${accountId}/health`, { as: viewer });
      expect(health.status).toBe(200);
      const lines = health.body.explanation;
      expect(lines.map((line: { rawValue: unknown }) => line.rawValue)).toEqual([50, 600, 10, 1, 8, null]);
      expect(lines.map((line: { measureScore: unknown }) => line.measureScore)).toEqual([
        50,
        100,
        90,
        60,
        80,
        null,
      ]);
      expect(lines[5]).toMatchObject({
        treatment: 'excluded',
        missingReason: 'No CSM sentiment, or it has expired; excluded and the other weights renormalised',
        effectiveWeight: 0,
        contribution: 0,
      });
      // Groups: adoption (weight 2) = mean(50, 100) = 75; touch, tickets, nps weigh 1 each: (2·75 + 90 + 60 + 80) / 5 = 76.
      expect(health.body.current).toMatchObject({
        status: 'scored',
        score: 76,
        band: 'Green',
        scorecardName: 'Standard',
        scorecardVersion: 1,
        trigger: 'scorecard',
      });
      const sum = lines.reduce(
        (total: number, line: { contribution: number }) => total + line.contribution,
        0,
      );
      expect(sum).toBeCloseTo(76, 10);
      expect(health.body.bands).toEqual(BANDS);
    });

    it('rescores at once when a touch is logged, and says what moved', async () => {
      const logged = await request(server, 'POST', `/api/v1/accounts/${accountId}/activities`, {
        as: csm,
        body: { kind: 'call', subject: 'Renewal prep' },
      });
      expect(logged.status).toBe(201);
      const health = await request(server, 'GET', `/api/v1/accounts/${accountId}/health`, { as: csm });
      expect(health.body.current).toMatchObject({ trigger: 'event', score: 78 });
      expect(health.body.explanation[2]).toMatchObject({ rawValue: 0, measureScore: 100 });
      expect(health.body.moved).toEqual([
        { measureId: 'touch', name: 'Days since touch', scoreDelta: 10, contributionDelta: 2 },
      ]);
      expect(health.body.previous).toMatchObject({ score: 76, trigger: 'scorecard' });
    });

    it('takes a CSM sentiment on their own account, not on others, and never an expired one', async () => {
      const other = await makeAccount(server.database.db, { name: 'Not mine', status: 'active' });
      const body = { sentiment: 'negative', note: 'Champion left last week', expiresOn: dayFromToday(30) };
      expect(
        (await request(server, 'POST', `/api/v1/accounts/${other.id}/health/sentiment`, { as: csm, body }))
          .status,
      ).toBe(403);
      expect(
        (
          await request(server, 'POST', `/api/v1/accounts/${accountId}/health/sentiment`, {
            as: viewer,
            body,
          })
        ).status,
      ).toBe(403);
      const past = await request(server, 'POST', `/api/v1/accounts/${accountId}/health/sentiment`, {
        as: csm,
        body: { ...body, expiresOn: dayFromToday(-1) },
      });
      expect(past.status).toBe(400);
      expect(past.body.errors[0].field).toBe('body.expiresOn');
      expect(await countRows(server.database, 'health_sentiments')).toBe(0);

      const set = await request(server, 'POST', `/api/v1/accounts/${accountId}/health/sentiment`, {
        as: csm,
        body,
      });
      expect(set.status).toBe(201);
      expect(set.body.sentiment).toMatchObject({
        sentiment: 'negative',
        note: 'Champion left last week',
        expiresOn: dayFromToday(30),
      });
      expect(set.body.explanation[5]).toMatchObject({
        rawValue: 'negative',
        measureScore: 0,
        treatment: 'scored',
      });
      // (2·75 + 100 + 60 + 80 + 0) / 6 = 65.
      expect(set.body.current).toMatchObject({ score: 65, band: 'Yellow', trigger: 'event' });
    });

    it('keeps old snapshots and their version when the scorecard is edited; refuses a stale edit', async () => {
      const before = await request(server, 'GET', `/api/v1/accounts/${accountId}/health/snapshots`, {
        as: viewer,
      });
      const oldSnapshots = before.body.items;
      expect(
        oldSnapshots.every((snapshot: { scorecardVersion: number }) => snapshot.scorecardVersion === 1),
      ).toBe(true);

      const edited = {
        ...definition,
        measures: definition.measures.map((measure) =>
          measure.id === 'nps' ? { ...measure, weight: 3 } : measure,
        ),
      };
      const saved = await request(server, 'PUT', `/api/v1/health/scorecards/${scorecardId}`, {
        as: manager,
        body: { definition: edited, baseVersion: 1, note: 'NPS matters more' },
      });
      expect(saved.status).toBe(200);
      expect(saved.body.scorecard.version).toBe(2);
      expect(
        saved.body.scorecard.versions.map((version: { version: number; note: string }) => [
          version.version,
          version.note,
        ]),
      ).toEqual([
        [2, 'NPS matters more'],
        [1, 'first cut'],
      ]);
      const stale = await request(server, 'PUT', `/api/v1/health/scorecards/${scorecardId}`, {
        as: manager,
        body: { definition, baseVersion: 1 },
      });
      expect(stale.status).toBe(409);

      const after = await request(server, 'GET', `/api/v1/accounts/${accountId}/health/snapshots?limit=100`, {
        as: viewer,
      });
      expect(after.body.items[0]).toMatchObject({ scorecardVersion: 2, trigger: 'scorecard' });
      // Every earlier snapshot is still there, unchanged, with version 1.
      expect(after.body.items.slice(1)).toEqual(oldSnapshots);
      // (2·75 + 100 + 60 + 3·80 + 0) / 8 = 68.75.
      expect(after.body.items[0].score).toBe(68.75);
    });

    it('summarises the portfolio by band and owner', async () => {
      const summary = await request(server, 'GET', '/api/v1/health/summary', { as: viewer });
      expect(summary.status).toBe(200);
      expect(
        summary.body.bands.map((band: { band: string; accounts: number }) => [band.band, band.accounts]),
      ).toEqual([
        ['Red', 1],
        ['Yellow', 1],
        ['Green', 0],
      ]);
      expect(summary.body.accounts).toBe(2);
      const mine = await request(server, 'GET', `/api/v1/health/summary?ownerId=${csm.id}`, { as: csm });
      expect(mine.body.accounts).toBe(1);
      expect(mine.body.lowest[0]).toMatchObject({ name: 'Scored Co', score: 68.75, band: 'Yellow' });
    });

    it('previews a draft over current accounts without saving anything', async () => {
      const snapshots = await countRows(server.database, 'health_snapshots');
      const preview = await request(server, 'POST', '/api/v1/health/scorecards/preview', {
        as: manager,
        body: { definition, scorecardId },
      });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ accounts: 2, scored: 2 });
      expect(preview.body.measures[0]).toMatchObject({
        measureId: 'seats',
        present: 1,
        min: 50,
        max: 50,
        averageScore: 50,
      });
      const invalid = await request(server, 'POST', '/api/v1/health/scorecards/preview', {
        as: manager,
        body: { definition: { ...definition, bands: [{ name: 'All', lower: 0, upper: 90 }] } },
      });
      expect(invalid.status).toBe(400);
      expect(await countRows(server.database, 'health_snapshots')).toBe(snapshots);
    });
  });

  describe('backtest as of a date: churn within the horizon', () => {
    it('scores the customers of the as-of day and reports the AUC of the constructed outcome', async () => {
      const { db } = server.database;
      // A trait read as a number: churners score 10 and 40, stayers 30 and 60 → AUC = 3/4.
      const rows = [
        { score: 10, churns: true },
        { score: 40, churns: true },
        { score: 30, churns: false },
        { score: 60, churns: false },
      ];
      for (const row of rows) {
        const account = await makeAccount(db, {
          name: `Backtest ${row.score}`,
          traits: { bt: row.score },
          status: row.churns ? 'churned' : 'active',
        });
        await makeSubscription(db, account.id, {
          startDate: dayFromToday(-400),
          endDate: row.churns ? dayFromToday(-60) : null,
        });
      }
      // Joined after the as-of day: not part of the backtest.
      const late = await makeAccount(db, { name: 'Late joiner', traits: { bt: 5 } });
      await makeSubscription(db, late.id, { startDate: dayFromToday(-50) });

      const draft: ScorecardDefinition = {
        groups: [],
        measures: [
          {
            id: 'bt',
            name: 'Backtest trait',
            weight: 1,
            input: { kind: 'trait', key: 'bt' },
            windowDays: 30,
            scheme: { kind: 'linear', from: { value: 0, score: 0 }, to: { value: 100, score: 100 } },
            missingData: 'exclude',
          },
        ],
        bands: BANDS,
      };
      const response = await request(server, 'POST', '/api/v1/health/backtest', {
        as: viewer,
        body: { definition: draft, asOf: dayFromToday(-100), horizonDays: 90 },
      });
      expect(response.status).toBe(200);
      expect(response.body.report).toMatchObject({
        accounts: 4,
        churned: 2,
        auc: { status: 'defined', value: 0.75 },
        verdict: { level: 'well' },
      });
      expect(
        response.body.report.churnByBand.map((band: { band: string; accounts: number; churned: number }) => [
          band.band,
          band.accounts,
          band.churned,
        ]),
      ).toEqual([
        ['Red', 3, 2],
        ['Yellow', 1, 0],
        ['Green', 0, 0],
      ]);

      const future = await request(server, 'POST', '/api/v1/health/backtest', {
        as: viewer,
        body: { definition: draft, asOf: dayFromToday(-30), horizonDays: 90 },
      });
      expect(future.status).toBe(400);
      expect(future.body.detail).toMatch(
        /ends on .* after today, so outcomes are not known yet\. Pick \d{4}-\d{2}-\d{2} or earlier\./,
      );
      const both = await request(server, 'POST', '/api/v1/health/backtest', {
        as: viewer,
        body: { asOf: dayFromToday(-200), outcomeField: 'Churn', outcomeValue: 'Yes' },
      });
      expect(both.status).toBe(400);
    });
  });

  describe('a customer CSV with a churn flag: scorecard, backtest, calibrate, accept', () => {
    it('imports the file, backtests against the flag, and improves held-out AUC by calibrating', async () => {
      // 240 customers: churn follows Logins (fewer logins, more churn); Noise says nothing.
      const random = new SeededRandom(7);
      const lines = ['external_id,name,Logins,Noise,Plan,Churn'];
      for (let index = 0; index < 240; index += 1) {
        const logins = random.integer(0, 100);
        const noise = random.integer(0, 100);
        const churns = random.next() < (logins < 35 ? 0.7 : 0.08);
        lines.push(
          `csv-${index},Csv customer ${index},${logins},${noise},${['Basic', 'Pro', 'Enterprise'][index % 3]},${churns ? 'Yes' : 'No'}`,
        );
      }
      const imported = await postImport(
        server,
        manager,
        { kind: 'accounts', source: 'churn-file' },
        { content: lines.join('\n'), name: 'customers.csv' },
      );
      expect(imported.status).toBe(201);

      const definition: ScorecardDefinition = {
        groups: [],
        measures: [
          {
            id: 'logins',
            name: 'Logins',
            weight: 1,
            input: { kind: 'trait', key: 'Logins' },
            windowDays: 30,
            scheme: { kind: 'linear', from: { value: 0, score: 0 }, to: { value: 100, score: 100 } },
            missingData: 'exclude',
          },
          {
            id: 'noise',
            name: 'Noise',
            weight: 9,
            input: { kind: 'trait', key: 'Noise' },
            windowDays: 30,
            scheme: { kind: 'linear', from: { value: 0, score: 0 }, to: { value: 100, score: 100 } },
            missingData: 'exclude',
          },
          {
            id: 'plan',
            name: 'Plan',
            weight: 1,
            input: { kind: 'trait', key: 'Plan' },
            windowDays: 30,
            scheme: { kind: 'category', scores: { Enterprise: 90, Pro: 70, Basic: 50 }, otherScore: 50 },
            missingData: 'exclude',
          },
        ],
        bands: BANDS,
      };
      const body = { definition, outcomeField: 'Churn', outcomeValue: 'yes' };
      const backtest = await request(server, 'POST', '/api/v1/health/backtest', { as: viewer, body });
      expect(backtest.status).toBe(200);
      expect(backtest.body.report.accounts).toBe(240);
      expect(backtest.body.outcome).toBe('"Churn" is "yes"');
      const measureAuc = (
        report: { measureAucs: { measureId: string; auc: { value: number } }[] },
        id: string,
      ) => report.measureAucs.find((entry) => entry.measureId === id)!.auc.value;
      expect(measureAuc(backtest.body.report, 'logins')).toBeGreaterThan(0.75);
      expect(Math.abs(measureAuc(backtest.body.report, 'noise') - 0.5)).toBeLessThan(0.1);

      const leaking = await request(server, 'POST', '/api/v1/health/backtest', {
        as: viewer,
        body: {
          ...body,
          definition: {
            ...definition,
            measures: [
              ...definition.measures,
              {
                ...definition.measures[2]!,
                id: 'churn',
                name: 'Churn',
                input: { kind: 'trait', key: 'Churn' },
              },
            ],
          },
        },
      });
      expect(leaking.status).toBe(400);
      expect(leaking.body.errors[0].field).toBe('body.definition.measures[3].input');

      expect((await request(server, 'POST', '/api/v1/health/calibrate', { as: viewer, body })).status).toBe(
        403,
      );
      const calibration = await request(server, 'POST', '/api/v1/health/calibrate', {
        as: manager,
        body: { ...body, seed: 3 },
      });
      expect(calibration.status).toBe(200);
      expect(calibration.body.status).toBe('calibrated');
      expect(calibration.body.trainingAccounts + calibration.body.heldOutAccounts).toBe(240);
      // Few held-out churners → the result says the comparison is noisy.
      if (calibration.body.before.churned < 20)
        expect(calibration.body.caution).toMatch(/^Only \d+ of the \d+ held-out accounts churned/);
      else expect(calibration.body.caution).toBeNull();
      expect(calibration.body.after.auc.value).toBeGreaterThan(calibration.body.before.auc.value + 0.1);
      const weight = (id: string) =>
        calibration.body.weights.find((entry: { measureId: string }) => entry.measureId === id).after;
      expect(weight('logins')).toBeGreaterThan(weight('noise'));

      // Accepting saves the proposal as a new version of a scorecard.
      const scorecards = await request(server, 'GET', '/api/v1/health/scorecards', { as: manager });
      const target = scorecards.body.items.find((item: { isDefault: boolean }) => item.isDefault);
      const accepted = await request(server, 'PUT', `/api/v1/health/scorecards/${target.id}`, {
        as: manager,
        body: {
          definition: calibration.body.proposed,
          baseVersion: target.version,
          note: 'Calibrated on the churn flag',
        },
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body.scorecard.version).toBe(target.version + 1);
      expect(accepted.body.scorecard.definition).toEqual(calibration.body.proposed);
    });
  });

  it("deleting an account deletes its snapshots (health_snapshots has no foreign key; a trigger does it)", async () => {
    const created = await request(server, 'POST', '/api/v1/accounts', { as: manager, body: { name: 'Short-lived' } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const snapshotsOf = async () =>
      (
        await server.database.pool.query<{ count: number }>(
          'SELECT count(*)::int AS count FROM health_snapshots WHERE account_id = $1',
          [id],
        )
      ).rows[0]!.count;
    expect(await snapshotsOf()).toBe(1);
    const others = (await countRows(server.database, 'health_snapshots')) - 1;
    expect((await request(server, 'DELETE', `/api/v1/accounts/${id}`, { as: manager })).status).toBe(204);
    expect(await snapshotsOf()).toBe(0);
    expect(await countRows(server.database, 'health_snapshots')).toBe(others);
  });
});
