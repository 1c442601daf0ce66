import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnvironment, runCli } from '../../../../test/helpers/cli-process';
import { startTestServer, type TestServer } from '../../../../test/helpers/test-server';
import { seedMetricsDataset } from './metrics-dataset.fixture';

/** `cycle metrics …` as a child process against the test database. */
describe('cycle metrics (command line)', () => {
  let server: TestServer;
  const cycle = (args: string[]) => runCli(['metrics', ...args], childEnvironment({ DATABASE_URL: server.database.connectionString, TZ: 'UTC' }));

  beforeAll(async () => {
    server = await startTestServer();
    await seedMetricsDataset(server.database.db);
  });
  afterAll(async () => server.close());

  it('rebuilds the facts and says how many rows it wrote', async () => {
    const run = await cycle(['rebuild']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = (await server.database.pool.query('SELECT count(*)::int AS count FROM account_mrr_monthly')).rows[0].count;
    expect(run.stdout).toMatch(new RegExp(`^Rebuilt the MRR facts through \\d{4}-\\d{2}: ${rows} rows in \\d+\\.\\d\\d s\\.\\n$`));
  });

  it('prints the month-by-month movements as CSV, money in major units of the reporting currency', async () => {
    const run = await cycle(['movements', '--from', '2025-02', '--to', '2026-01', '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'month,currency,mrr,new,expansion,reactivation,contraction,churn,customers',
        '2025-02,USD,2000.00,0.00,0.00,0.00,0.00,0.00,4',
        '2025-03,USD,2000.00,0.00,0.00,0.00,0.00,0.00,4',
        '2025-04,USD,1800.00,0.00,0.00,0.00,0.00,200.00,3',
        '2025-05,USD,2100.00,0.00,0.00,300.00,0.00,0.00,4',
        '2025-06,USD,2600.00,0.00,500.00,0.00,0.00,0.00,4',
        '2025-07,USD,2600.00,0.00,0.00,0.00,0.00,0.00,4',
        '2025-08,USD,3000.00,400.00,0.00,0.00,0.00,0.00,5',
        '2025-09,USD,2780.00,0.00,0.00,0.00,220.00,0.00,5',
        '2025-10,USD,2780.00,0.00,0.00,0.00,0.00,0.00,5',
        '2025-11,USD,2530.00,0.00,0.00,0.00,0.00,250.00,4',
        '2025-12,USD,2930.00,0.00,400.00,0.00,0.00,0.00,4',
        '2026-01,USD,2530.00,0.00,0.00,0.00,400.00,0.00,4',
        '',
      ].join('\n'),
    );
    // The data-quality warnings go to stderr, so the CSV stays clean.
    const warnings = run.stderr.split('\n').filter(Boolean);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^warning: Fjord: its GBP subscriptions have no exchange rate to USD in 2025-03…2026-01/);
    expect(warnings[1]).toMatch(/^warning: Echo: two Cycle Pro \/ Growth subscriptions overlap from 2025-12-01/);
  });

  it('prints NRR per tier as a table, and churn reasons', async () => {
    const nrr = await cycle(['nrr', '--from', '2025-02', '--to', '2026-01', '--by', 'tier']);
    expect(nrr.code).toBe(0);
    expect(nrr.stdout).toBe(
      [
        'group       accounts  currency  mrr_start  mrr_end   customers_start  nrr',
        '----------  --------  --------  ---------  --------  ---------------  ------',
        'Enterprise  2         USD       1,550.00   1,830.00  2                118.1%',
        'SMB         2         USD       200.00     300.00    1                0.0%',
        '(none)      2         USD       250.00     400.00    1                0.0%',
        '',
      ].join('\n'),
    );
    const reasons = await cycle(['reasons', '--from', '2025-02', '--to', '2026-01', '--format', 'csv']);
    expect(reasons.stdout).toBe(['reason,currency,churned_mrr,accounts,share', 'unknown,USD,250.00,1,0.5555555555555556', 'price,USD,200.00,1,0.4444444444444444', ''].join('\n'));
  });

  it('refuses bad options naming the option, before touching the database', async () => {
    const run = await cycle(['churn', '--from', '2025-06', '--to', '2025-01']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--from: the period runs from 2025-06 to 2025-01, so it ends before it starts');
    const by = await cycle(['movements', '--by', 'colour']);
    expect(by).toMatchObject({ code: 1, stderr: '--by: must be tier, segment, owner, industry, region, status, stage, plan or trait:<key>\n' });
  });
});
