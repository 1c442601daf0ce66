import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromToday, makeAccount, makeSubscription } from '../../../../test/helpers/factories';
import {
  request,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../../../../test/helpers/test-server';

/**
 * The portfolio sorts and filters by MRR today from a materialised table (account_mrr_today); it must
 * always show the same figure as computing it from subscriptions, whoever changed them.
 */
describe('MRR today on the portfolio', () => {
  let server: TestServer;
  let viewer: TestUser;
  const byMrr = async () => {
    const response = await request(server, 'GET', '/api/v1/accounts?sort=-mrr&pageSize=10', { as: viewer });
    expect(response.status).toBe(200);
    return response.body.items.map((item: { name: string; mrr: { amountMinor: number } }) => [
      item.name,
      item.mrr.amountMinor,
    ]);
  };

  beforeAll(async () => {
    server = await startTestServer();
    viewer = await server.signIn('viewer');
  });
  afterAll(async () => server.close());

  it('follows subscription and exchange-rate changes made anywhere, converting each currency by its decimals', async () => {
    const db = server.database.db;
    const alpha = await makeAccount(db, { name: 'Alpha' });
    const beta = await makeAccount(db, { name: 'Beta' });
    await makeSubscription(db, alpha.id, { amountMinor: 120_000, billingInterval: 'year' }); // $100.00 a month
    await makeSubscription(db, beta.id, { amountMinor: 30_000 }); // $300.00 a month
    expect(await byMrr()).toEqual([
      ['Beta', 30_000],
      ['Alpha', 10_000],
    ]);

    // A subscription written straight into the table (not through the API) still counts.
    await makeSubscription(db, alpha.id, { amountMinor: 60_000, billingInterval: 'quarter' }); // +$200.00
    expect(await byMrr()).toEqual([
      ['Alpha', 30_000],
      ['Beta', 30_000],
    ]);

    // ¥50,000 a month at 0.0065 USD per yen is $325.00: yen have no minor unit, cents do.
    const gamma = await makeAccount(db, { name: 'Gamma' });
    await makeSubscription(db, gamma.id, { amountMinor: 50_000, currency: 'JPY' });
    expect((await byMrr())[0]).toEqual(['Alpha', 30_000]); // no JPY rate yet: left out
    await server.database.pool.query(
      `INSERT INTO exchange_rates (currency, valid_from, rate_to_reporting) VALUES ('JPY', date_trunc('month', current_date), 0.0065)`,
    );
    expect((await byMrr())[0]).toEqual(['Gamma', 32_500]);
    const account360 = await request(server, 'GET', `/api/v1/accounts/${gamma.id}`, { as: viewer });
    expect(account360.body.account.mrr.amountMinor).toBe(32_500);

    // Ended subscriptions drop out; filters read the same figures.
    await server.database.pool.query(`UPDATE subscriptions SET end_date = $2 WHERE account_id = $1`, [
      gamma.id,
      dayFromToday(0),
    ]);
    expect(await byMrr()).toEqual([
      ['Alpha', 30_000],
      ['Beta', 30_000],
      ['Gamma', 0],
    ]);
    const ranged = await request(server, 'GET', '/api/v1/accounts?mrrMin=20000&sort=name', { as: viewer });
    expect(ranged.body.items.map((item: { name: string }) => item.name)).toEqual(['Alpha', 'Beta']);
    expect(ranged.body.total).toBe(2);
  });
});
