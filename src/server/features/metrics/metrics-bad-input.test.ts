import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../../../../test/helpers/test-database';
import { request, startTestServer, type TestServer, type TestUser } from '../../../../test/helpers/test-server';
import { accounts, subscriptions } from '../../db/schema';
import { seedMetricsDataset } from './metrics-dataset.fixture';

describe('metrics API on bad input and stale facts', () => {
  let server: TestServer;
  let manager: TestUser;

  const fields = async (path: string, options: { method?: string; body?: unknown } = {}) => {
    const response = await request(server, options.method ?? 'GET', path, { as: manager, body: options.body });
    expect({ path, status: response.status }).toEqual({ path, status: 400 });
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    return response.body.errors.map((error: { field: string }) => error.field);
  };
  const factsThrough = async () =>
    (await server.database.pool.query("SELECT value FROM workspace_settings WHERE key = 'mrr_facts_through'")).rows[0]?.value;

  beforeAll(async () => {
    server = await startTestServer();
    manager = await server.signIn('manager');
    await seedMetricsDataset(server.database.db);
  });
  afterAll(async () => server.close());

  it('refuses a period that ends before it starts, naming both ends', async () => {
    const response = await request(server, 'GET', '/api/v1/metrics/overview?from=2025-06&to=2025-03', { as: manager });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'querystring.from', message: 'the period runs from 2025-06 to 2025-03, so it ends before it starts; put the earlier month in querystring.from' },
      { field: 'querystring.to', message: 'the period runs from 2025-06 to 2025-03, so it ends before it starts; put the later month in querystring.to' },
    ]);
    for (const path of ['breakdown?by=tier&', 'churn-reasons?', 'cohorts?', 'movements/accounts?']) {
      expect(await fields(`/api/v1/metrics/${path}from=2025-06&to=2025-03`)).toEqual(['querystring.from', 'querystring.to']);
    }
  });

  it('refuses a malformed month, a period over 120 months and a month that has not begun', async () => {
    expect(await fields('/api/v1/metrics/overview?from=2025-13')).toEqual(['querystring.from']);
    expect(await fields('/api/v1/metrics/overview?to=March')).toEqual(['querystring.to']);
    expect(await fields('/api/v1/metrics/overview?from=2010-01&to=2020-01')).toEqual(['querystring.from']);
    const nextMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
    expect(await fields(`/api/v1/metrics/overview?from=2025-01&to=${nextMonth}`)).toEqual(['querystring.to']);
  });

  it('refuses an unknown breakdown dimension and unknown query fields', async () => {
    expect(await fields('/api/v1/metrics/breakdown?by=colour')).toEqual(['querystring.by']);
    expect(await fields('/api/v1/metrics/breakdown')).toEqual(['querystring.by']);
    const unknown = await request(server, 'GET', '/api/v1/metrics/overview?form=2025-01', { as: manager });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toContain('unknown field "form"');
    expect(await fields('/api/v1/metrics/movements/accounts?movement=upsell')).toEqual(['querystring.movement']);
    expect(await fields('/api/v1/metrics/movements/accounts?group=SMB')).toEqual(['querystring.by']);
    expect(await fields('/api/v1/metrics/movements/accounts?by=tier')).toEqual(['querystring.group']);
  });

  it('refuses a bad CS cost and changes nothing', async () => {
    const before = await countRows(server.database, 'cs_costs');
    expect(await fields('/api/v1/metrics/cs-costs/2025-1', { method: 'PUT', body: { amountMinor: 1, currency: 'USD' } })).toEqual(['params.month']);
    expect(await fields('/api/v1/metrics/cs-costs/2025-01', { method: 'PUT', body: { amountMinor: -1, currency: 'USD' } })).toEqual(['body.amountMinor']);
    expect(await fields('/api/v1/metrics/cs-costs/2025-01', { method: 'PUT', body: { amountMinor: 1, currency: 'usd' } })).toEqual(['body.currency']);
    expect(await fields('/api/v1/metrics/cs-costs/2025-01', { method: 'PUT', body: { amountMinor: 1, currency: 'XYZ' } })).toEqual(['body.currency']);
    const extra = await request(server, 'PUT', '/api/v1/metrics/cs-costs/2025-01', { as: manager, body: { amountMinor: 1, currency: 'USD', note: 'x' } });
    expect(extra.status).toBe(400);
    expect(extra.body.detail).toContain('unknown field "note"');
    expect(await countRows(server.database, 'cs_costs')).toBe(before);
  });

  it('defaults to the last 12 full months before the current one', async () => {
    const response = await request(server, 'GET', '/api/v1/metrics/overview', { as: manager });
    expect(response.status).toBe(200);
    const now = new Date();
    const monthsAgo = (count: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - count, 1)).toISOString().slice(0, 7);
    expect([response.body.from, response.body.to, response.body.months.length]).toEqual([monthsAgo(12), monthsAgo(1), 12]);
  });

  it('rebuilds facts left from an earlier month on the next read', async () => {
    await server.database.pool.query(`UPDATE workspace_settings SET value = '"2020-01-01"' WHERE key = 'mrr_facts_through'`);
    await server.database.pool.query('TRUNCATE account_mrr_monthly, mrr_monthly_totals');
    const response = await request(server, 'GET', '/api/v1/metrics/overview?from=2025-02&to=2026-01', { as: manager });
    expect(response.body.summary.mrrEndMinor).toBe(253_000);
    expect(response.body.warnings.map((warning: { kind: string }) => warning.kind)).not.toContain('stale-facts');
    expect(await factsThrough()).toBe(`${new Date().toISOString().slice(0, 7)}-01`);
  });

  it('says the figures are stale when the rebuild fails, instead of showing them as current', async () => {
    const { pool } = server.database;
    await pool.query(`CREATE FUNCTION refuse_facts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$`);
    await pool.query('CREATE TRIGGER refuse_facts BEFORE INSERT ON mrr_monthly_totals FOR EACH STATEMENT EXECUTE FUNCTION refuse_facts()');
    await pool.query(`UPDATE workspace_settings SET value = '"2026-01-01"' WHERE key = 'mrr_facts_through'`);
    try {
      const response = await request(server, 'GET', '/api/v1/metrics/overview?from=2025-02&to=2026-01', { as: manager });
      expect(response.status).toBe(200);
      expect(response.body.warnings[0]).toEqual({
        kind: 'stale-facts',
        message: expect.stringContaining('could not be rebuilt'),
        accountId: null,
        accountName: null,
        month: null,
        currency: null,
      });
      expect(response.body.warnings[0].message).toContain('disk full (simulated)');
      expect(response.body.warnings[0].message).toContain('run only through 2026-01');
      expect(response.body.summary.mrrEndMinor).toBe(253_000);
      expect(await factsThrough()).toBe('2026-01-01');
    } finally {
      await pool.query('DROP TRIGGER refuse_facts ON mrr_monthly_totals');
      await pool.query('DROP FUNCTION refuse_facts()');
    }
  });

  it('lists at most 100 warnings and counts the rest by kind', async () => {
    const { db } = server.database;
    const bulk = await db
      .insert(accounts)
      .values(Array.from({ length: 120 }, (_, index) => ({ name: `Bulk ${String(index).padStart(3, '0')}`, source: 'bulk', externalId: `bulk-${index}` })))
      .returning({ id: accounts.id });
    await db.insert(subscriptions).values(bulk.map(({ id }) => ({ accountId: id, product: 'Cycle Pro', amountMinor: 1_000, currency: 'GBP', startDate: '2025-06-01', source: 'bulk' })));
    expect((await request(server, 'POST', '/api/v1/metrics/rebuild', { as: manager })).status).toBe(200);
    const { body } = await request(server, 'GET', '/api/v1/metrics/overview?from=2025-02&to=2026-01', { as: manager });
    expect(body.warnings).toHaveLength(100);
    expect(body.warnings[0].accountName).toBe('Bulk 000');
    expect(body.warnings[99].message).toBe(
      '…and 23 more warnings not listed (missing exchange rates: 22, overlapping subscriptions: 1); fix the ones above and look again.',
    );
  });
});
