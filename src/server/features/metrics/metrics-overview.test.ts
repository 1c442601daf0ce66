import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../../../../test/helpers/test-database';
import { request, startTestServer, type TestServer, type TestUser } from '../../../../test/helpers/test-server';
import { postImport } from '../../../../test/helpers/import-requests';
import { DATASET_PERIOD, type MetricsDataset, seedMetricsDataset } from './metrics-dataset.fixture';

const PERIOD = `from=${DATASET_PERIOD.from}&to=${DATASET_PERIOD.to}`;
const defined = (value: number) => ({ status: 'defined', value });

describe('metrics overview API', () => {
  let server: TestServer;
  let manager: TestUser;
  let viewer: TestUser;
  let dataset: MetricsDataset;

  beforeAll(async () => {
    server = await startTestServer();
    manager = await server.signIn('manager');
    viewer = await server.signIn('viewer');
    dataset = await seedMetricsDataset(server.database.db);
  });
  afterAll(async () => server.close());

  it('builds the facts on the first read and gives the month-by-month movements exactly', async () => {
    const response = await request(server, 'GET', `/api/v1/metrics/overview?${PERIOD}`, { as: viewer });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ reportingCurrency: 'USD', from: '2025-02', to: '2026-01' });
    const rows = response.body.months.map((month: Record<string, number>) => [
      month.month, month.mrrMinor, month.customers, month.newMinor, month.expansionMinor, month.reactivationMinor, month.contractionMinor, month.churnMinor,
    ]);
    expect(rows).toEqual([
      ['2025-02', 200_000, 4, 0, 0, 0, 0, 0],
      ['2025-03', 200_000, 4, 0, 0, 0, 0, 0],
      ['2025-04', 180_000, 3, 0, 0, 0, 0, 20_000],
      ['2025-05', 210_000, 4, 0, 0, 30_000, 0, 0],
      ['2025-06', 260_000, 4, 0, 50_000, 0, 0, 0],
      ['2025-07', 260_000, 4, 0, 0, 0, 0, 0],
      ['2025-08', 300_000, 5, 40_000, 0, 0, 0, 0],
      ['2025-09', 278_000, 5, 0, 0, 0, 22_000, 0],
      ['2025-10', 278_000, 5, 0, 0, 0, 0, 0],
      ['2025-11', 253_000, 4, 0, 0, 0, 0, 25_000],
      ['2025-12', 293_000, 4, 0, 40_000, 0, 0, 0],
      ['2026-01', 253_000, 4, 0, 0, 0, 40_000, 0],
    ]);
    const january = response.body.months[11];
    expect(january).toMatchObject({ arrMinor: 3_036_000, newLogos: 0, churnedLogos: 0, reactivatedLogos: 0 });
    // Trailing 12 months to 2026-01 opens at the end of 2025-01: the same as the period's NRR and GRR.
    expect(january.nrrTrailing12).toEqual(defined(0.915));
    expect(january.grrTrailing12).toEqual(defined(0.665));
    // To 2025-02 it opens at the end of 2024-02, when only Gale (25,000) paid; Gale still pays 25,000.
    expect(response.body.months[0].nrrTrailing12).toEqual(defined(1));
    expect(response.body.months.find((month: { month: string }) => month.month === '2025-11')).toMatchObject({ churnedLogos: 1 });
  });

  it('summarises the period: NRR, GRR, logo churn, MRR churn, quick ratio, ARPA, LTV', async () => {
    const { body } = await request(server, 'GET', `/api/v1/metrics/overview?${PERIOD}`, { as: viewer });
    expect(body.summary).toEqual({
      mrrStartMinor: 200_000,
      mrrEndMinor: 253_000,
      customersStart: 4,
      customersEnd: 4,
      nrr: defined(183_000 / 200_000),
      grr: defined(133_000 / 200_000),
      logoChurnRate: defined(0.5),
      churnedLogos: 2,
      grossMrrChurnRate: defined(107_000 / 200_000),
      netMrrChurnRate: defined(-13_000 / 200_000),
      quickRatio: defined(160_000 / 107_000),
      arpaMinor: defined(2_965_000 / 50),
      ltvMinor: defined(((2_965_000 / 50) * 50) / 2),
      crcMinor: { status: 'not-defined', reason: 'No CS cost entered for 2025-02…2026-01; enter the CS cost of every month of the period to get CRC' },
      csCostMinor: null,
    });
    expect(body.benchmarks.map((benchmark: { metric: string; value: number }) => [benchmark.metric, benchmark.value])).toEqual([
      ['nrr', 1.02],
      ['grr', 0.91],
      ['nps', 30],
    ]);
  });

  it('warns about a currency without a rate and about overlapping subscriptions, naming account and months', async () => {
    const { body } = await request(server, 'GET', `/api/v1/metrics/overview?${PERIOD}`, { as: viewer });
    expect(body.warnings).toEqual([
      {
        kind: 'missing-exchange-rate',
        message:
          'Fjord: its GBP subscriptions have no exchange rate to USD in 2025-03…2026-01, so that revenue is left out of MRR there. ' +
          'Add a GBP rate valid from 2025-03-01.',
        accountId: dataset.ids.fjord,
        accountName: 'Fjord',
        month: '2025-03',
        currency: 'GBP',
      },
      {
        kind: 'overlapping-subscriptions',
        message:
          'Echo: two Cycle Pro / Growth subscriptions overlap from 2025-12-01 until 2026-01-01 — test echo-1, 2025-08-01 → no end ' +
          'and billing inv-77, 2025-12-01 → 2026-01-01 — and both count in MRR. If one is a duplicate from a re-import under ' +
          'another source or external id, delete it.',
        accountId: dataset.ids.echo,
        accountName: 'Echo',
        month: '2025-12',
        currency: null,
      },
    ]);
    const before = await request(server, 'GET', '/api/v1/metrics/overview?from=2024-02&to=2024-12', { as: viewer });
    expect(before.body.warnings).toEqual([]);
  });

  it('computes CRC once every month of the period has a CS cost, converting other currencies', async () => {
    for (const month of ['2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12']) {
      const put = await request(server, 'PUT', `/api/v1/metrics/cs-costs/${month}`, { as: manager, body: { amountMinor: 100_000, currency: 'USD' } });
      expect(put.status).toBe(200);
      expect(put.body).toEqual({ month, amountMinor: 100_000, currency: 'USD' });
    }
    const partial = await request(server, 'GET', `/api/v1/metrics/overview?${PERIOD}`, { as: viewer });
    expect(partial.body.summary.crcMinor).toEqual({
      status: 'not-defined',
      reason: 'No CS cost entered for 2025-07 and 2026-01; enter the CS cost of every month of the period to get CRC',
    });
    await request(server, 'PUT', '/api/v1/metrics/cs-costs/2025-07', { as: manager, body: { amountMinor: 100_000, currency: 'USD' } });
    const euro = await request(server, 'PUT', '/api/v1/metrics/cs-costs/2026-01', { as: manager, body: { amountMinor: 50_000, currency: 'EUR' } });
    expect(euro.status).toBe(200);

    const { body } = await request(server, 'GET', `/api/v1/metrics/overview?${PERIOD}`, { as: viewer });
    // 11 × $1,000 + €500 at 1.1 = $11,550, over the 2 customers retained (Anvil and Bolt).
    expect(body.summary.csCostMinor).toBe(1_155_000);
    expect(body.summary.crcMinor).toEqual(defined(577_500));
    const list = await request(server, 'GET', '/api/v1/metrics/cs-costs', { as: viewer });
    expect(list.body.items).toHaveLength(12);
    expect(list.body.items[11]).toEqual({ month: '2026-01', amountMinor: 50_000, currency: 'EUR' });
  });

  it('refuses a CS cost in a currency without a rate, naming body.currency, and changes nothing', async () => {
    const before = await countRows(server.database, 'cs_costs');
    const response = await request(server, 'PUT', '/api/v1/metrics/cs-costs/2025-03', { as: manager, body: { amountMinor: 5, currency: 'GBP' } });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        field: 'body.currency',
        message: 'no exchange rate from GBP to USD is in force in 2025-03; enter the cost in USD or add a GBP rate valid from 2025-03-01 or earlier',
      },
    ]);
    const early = await request(server, 'PUT', '/api/v1/metrics/cs-costs/2023-12', { as: manager, body: { amountMinor: 5, currency: 'EUR' } });
    expect(early.status).toBe(400);
    expect(early.body.errors[0].field).toBe('body.currency');
    expect(await countRows(server.database, 'cs_costs')).toBe(before);
    expect((await request(server, 'GET', '/api/v1/metrics/cs-costs', { as: viewer })).body.items[1]).toEqual({ month: '2025-03', amountMinor: 100_000, currency: 'USD' });
  });

  it('rebuilds the facts on request and reports rows and seconds', async () => {
    const response = await request(server, 'POST', '/api/v1/metrics/rebuild', { as: manager });
    expect(response.status).toBe(200);
    expect(response.body.rows).toBe(await countRows(server.database, 'account_mrr_monthly'));
    expect(response.body.seconds).toBeGreaterThanOrEqual(0);
    expect(response.body.throughMonth).toBe(new Date().toISOString().slice(0, 7));
  });

  it('follows a subscriptions CSV import: the facts are maintained by the import', async () => {
    const csv = 'external_id,account_external_id,product,amount,currency,billing_interval,start_date\ns-fjord,fjord,Cycle Pro,250,USD,month,2025-06-01\n';
    const imported = await postImport(server, manager, { kind: 'subscriptions' }, { content: csv, name: 'subscriptions.csv' });
    expect(imported.status).toBe(201);
    const { body } = await request(server, 'GET', `/api/v1/metrics/overview?${PERIOD}`, { as: viewer });
    const june = body.months.find((month: { month: string }) => month.month === '2025-06');
    expect(june).toMatchObject({ mrrMinor: 285_000, customers: 5, newMinor: 25_000, newLogos: 1, expansionMinor: 50_000 });
    expect(body.summary).toMatchObject({ mrrEndMinor: 278_000, customersEnd: 5, nrr: defined(0.915) });
  });
});
