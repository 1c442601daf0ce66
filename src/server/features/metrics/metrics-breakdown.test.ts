import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, startTestServer, type TestServer, type TestUser } from '../../../../test/helpers/test-server';
import { DATASET_PERIOD, type MetricsDataset, seedMetricsDataset } from './metrics-dataset.fixture';

const PERIOD = `from=${DATASET_PERIOD.from}&to=${DATASET_PERIOD.to}`;
const defined = (value: number) => ({ status: 'defined', value });

describe('metrics breakdown, churn reasons, cohorts and the accounts behind a figure', () => {
  let server: TestServer;
  let csm: TestUser;
  let dataset: MetricsDataset;

  beforeAll(async () => {
    server = await startTestServer();
    csm = await server.signIn('csm');
    dataset = await seedMetricsDataset(server.database.db, csm.id);
  });
  afterAll(async () => server.close());

  it('breaks the period summary down by tier, accounts without a tier last as "(none)"', async () => {
    const response = await request(server, 'GET', `/api/v1/metrics/breakdown?${PERIOD}&by=tier`, { as: csm });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ reportingCurrency: 'USD', from: '2025-02', to: '2026-01', by: 'tier' });
    const [enterprise, smb, none] = response.body.groups;
    expect(response.body.groups.map((group: { key: string | null; label: string; accounts: number }) => [group.key, group.label, group.accounts])).toEqual([
      ['Enterprise', 'Enterprise', 2],
      ['SMB', 'SMB', 2],
      [null, '(none)', 2],
    ]);
    // Anvil 100,000 → 150,000 and Bolt 55,000 → 33,000.
    expect(enterprise.summary).toEqual({
      mrrStartMinor: 155_000,
      mrrEndMinor: 183_000,
      customersStart: 2,
      customersEnd: 2,
      nrr: defined(183_000 / 155_000),
      grr: defined(133_000 / 155_000),
      logoChurnRate: defined(0),
      churnedLogos: 0,
      grossMrrChurnRate: defined(22_000 / 155_000),
      netMrrChurnRate: defined(-28_000 / 155_000),
      quickRatio: defined(50_000 / 22_000),
      arpaMinor: defined(2_150_000 / 24),
      ltvMinor: { status: 'infinite', reason: 'No customer churned in 2025-02…2026-01: at a 0% churn rate the lifetime has no end' },
    });
    // Crane churns (20,000) and Drill comes back (30,000): 11 paying customer-months, 11 at risk, 1 churn.
    expect(smb.summary).toMatchObject({
      mrrStartMinor: 20_000,
      mrrEndMinor: 30_000,
      nrr: defined(0),
      grr: defined(0),
      logoChurnRate: defined(1),
      grossMrrChurnRate: defined(1),
      netMrrChurnRate: defined(-0.5),
      quickRatio: defined(1.5),
      arpaMinor: defined(310_000 / 11),
      ltvMinor: defined(((310_000 / 11) * 11) / 1),
    });
    // Gale churns; Echo is new, then expands and contracts with its duplicate.
    expect(none.summary).toMatchObject({
      mrrStartMinor: 25_000,
      mrrEndMinor: 40_000,
      nrr: defined(0),
      grossMrrChurnRate: defined(65_000 / 25_000),
      netMrrChurnRate: defined(25_000 / 25_000),
      quickRatio: defined(80_000 / 65_000),
      arpaMinor: defined(505_000 / 15),
      ltvMinor: defined(((505_000 / 15) * 15) / 1),
    });
  });

  it('breaks down by an account trait, by the owner CSM and by plan', async () => {
    const byTrait = await request(server, 'GET', `/api/v1/metrics/breakdown?${PERIOD}&by=trait:region_code`, { as: csm });
    expect(byTrait.status).toBe(200);
    expect(byTrait.body.groups.map((group: { key: string | null; summary: { nrr: unknown; grr: unknown } }) => [group.key, group.summary.nrr, group.summary.grr])).toEqual([
      ['AMER', defined(33_000 / 55_000), defined(33_000 / 55_000)],
      ['EMEA', defined(150_000 / 120_000), defined(100_000 / 120_000)],
      [null, defined(0), defined(0)],
    ]);

    const byOwner = await request(server, 'GET', `/api/v1/metrics/breakdown?${PERIOD}&by=owner`, { as: csm });
    const owned = byOwner.body.groups.map((group: { key: string | null; label: string; accounts: number }) => [group.key, group.accounts]);
    expect(owned).toEqual([
      [csm.id, 2],
      [null, 4],
    ]);
    expect(byOwner.body.groups[0].label).toMatch(/^csm \d+$/);

    // Largest subscription counting at the end of 2026-01; Crane and Gale by the plan they left.
    const byPlan = await request(server, 'GET', `/api/v1/metrics/breakdown?${PERIOD}&by=plan`, { as: csm });
    expect(byPlan.body.groups.map((group: { key: string | null; accounts: number }) => [group.key, group.accounts])).toEqual([
      ['Cycle Pro', 3],
      ['Cycle Pro / Growth', 1],
      ['Cycle Starter', 2],
    ]);
  });

  it('gives churned MRR by reason, a churn without a nearby churn event as "unknown"', async () => {
    const response = await request(server, 'GET', `/api/v1/metrics/churn-reasons?${PERIOD}`, { as: csm });
    expect(response.status).toBe(200);
    expect(response.body.reasons).toEqual([
      { reasonCode: 'unknown', churnedMrrMinor: 25_000, accounts: 1, share: defined(25_000 / 45_000) },
      { reasonCode: 'price', churnedMrrMinor: 20_000, accounts: 1, share: defined(20_000 / 45_000) },
    ]);
    const quiet = await request(server, 'GET', '/api/v1/metrics/churn-reasons?from=2025-05&to=2025-10', { as: csm });
    expect(quiet.body.reasons).toEqual([]);
  });

  it('follows each cohort that started in the period through the current month', async () => {
    const response = await request(server, 'GET', '/api/v1/metrics/cohorts?from=2025-01&to=2025-08', { as: csm });
    expect(response.status).toBe(200);
    const [january, august] = response.body.cohorts;
    expect(response.body.cohorts).toHaveLength(2);
    expect(january).toMatchObject({ cohortMonth: '2025-01', startingCustomers: 2, startingMrrMinor: 155_000 });
    const cell = (offset: number) => january.cells[offset];
    expect(cell(0)).toEqual({ monthOffset: 0, month: '2025-01', retainedCustomers: 2, logoRetention: defined(1), mrrMinor: 155_000, revenueRetention: defined(1) });
    expect(cell(5)).toMatchObject({ month: '2025-06', mrrMinor: 205_000, revenueRetention: defined(205_000 / 155_000) });
    expect(cell(8)).toMatchObject({ month: '2025-09', mrrMinor: 183_000, revenueRetention: defined(183_000 / 155_000) });
    const currentMonth = new Date().toISOString().slice(0, 7);
    expect(january.cells.at(-1).month).toBe(currentMonth);
    expect(august).toMatchObject({ cohortMonth: '2025-08', startingCustomers: 1, startingMrrMinor: 40_000 });
    expect(august.cells.slice(3, 6).map((item: { mrrMinor: number; revenueRetention: unknown }) => [item.mrrMinor, item.revenueRetention])).toEqual([
      [40_000, defined(1)],
      [80_000, defined(2)],
      [40_000, defined(1)],
    ]);
  });

  it('lists who churned in a month, with owner, MRR before and after, and the reason', async () => {
    const response = await request(server, 'GET', '/api/v1/metrics/movements/accounts?from=2025-11&to=2025-11&movement=churn', { as: csm });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      reportingCurrency: 'USD',
      total: 1,
      page: 1,
      pageSize: 100,
      items: [
        {
          accountId: dataset.ids.gale,
          accountName: 'Gale',
          ownerName: expect.stringMatching(/^csm \d+$/),
          month: '2025-11',
          movement: 'churn',
          previousMrrMinor: 25_000,
          mrrMinor: 0,
          changeMinor: -25_000,
          churnReason: 'unknown',
        },
      ],
    });
    const period = await request(server, 'GET', `/api/v1/metrics/movements/accounts?${PERIOD}&movement=churn`, { as: csm });
    expect(period.body.items.map((item: { accountName: string; churnReason: string }) => [item.accountName, item.churnReason])).toEqual([
      ['Gale', 'unknown'],
      ['Crane', 'price'],
    ]);
  });

  it('lists the movements of one breakdown group, largest change first, page by page', async () => {
    const rows = async (query: string) => {
      const response = await request(server, 'GET', `/api/v1/metrics/movements/accounts?${PERIOD}&${query}`, { as: csm });
      expect(response.status).toBe(200);
      return {
        total: response.body.total,
        items: response.body.items.map((item: { accountName: string; month: string; movement: string; changeMinor: number; churnReason: string | null }) =>
          [item.accountName, item.month, item.movement, item.changeMinor, item.churnReason]),
      };
    };
    expect(await rows('by=tier&group=Enterprise')).toEqual({
      total: 2,
      items: [
        ['Anvil', '2025-06', 'expansion', 50_000, null],
        ['Bolt', '2025-09', 'contraction', -22_000, null],
      ],
    });
    expect(await rows('by=tier&group=')).toEqual({
      total: 4,
      items: [
        ['Echo', '2025-08', 'new', 40_000, null],
        ['Echo', '2025-12', 'expansion', 40_000, null],
        ['Echo', '2026-01', 'contraction', -40_000, null],
        ['Gale', '2025-11', 'churn', -25_000, 'unknown'],
      ],
    });
    // Anvil 50,000; Echo 40,000 three times; Drill 30,000; Gale 25,000; Bolt 22,000; Crane 20,000.
    expect(await rows('page=2&pageSize=3')).toEqual({
      total: 8,
      items: [
        ['Echo', '2026-01', 'contraction', -40_000, null],
        ['Drill', '2025-05', 'reactivation', 30_000, null],
        ['Gale', '2025-11', 'churn', -25_000, 'unknown'],
      ],
    });
  });
});
