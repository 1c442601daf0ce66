import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../../../test/helpers/test-server';
import { importFixture } from '../../../../test/helpers/import-requests';

/** Every kind imports from a file with Cycle's own (canonical) headers. */
describe('POST /api/v1/imports, one file per kind', () => {
  let server: TestServer;
  let manager: TestUser;
  let owner: TestUser;

  const query = async (sql: string) => (await server.database.pool.query(sql)).rows;
  const accountId = async (externalId: string) =>
    (await server.database.pool.query<{ id: string }>('SELECT id FROM accounts WHERE external_id = $1', [externalId])).rows[0]!.id;

  beforeAll(async () => {
    server = await startTestServer();
    manager = await server.signIn('manager');
    owner = await server.signIn('csm', 'owner@cycle.test');
  });
  afterAll(async () => server.close());

  it('imports accounts: parses values, resolves the owner by email, keeps unmapped columns as traits', async () => {
    const response = await importFixture(server, manager, 'accounts', 'accounts.csv');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      kind: 'accounts',
      source: 'csv',
      fileName: 'accounts.csv',
      status: 'completed',
      summary: 'inserted 3, updated 0, unchanged 0, rejected 0',
      rows: 3,
      columns: { extra: ['Employees'], extraHandling: 'traits', blank: [] },
      rejectedRows: [],
      rejectsCsv: null,
    });
    const rows = await query(
      `SELECT external_id, name, domain, industry, region, owner_id, status, tier, renewal_date, traits, source
         FROM accounts ORDER BY external_id`,
    );
    expect(rows).toEqual([
      {
        external_id: 'acme',
        name: 'Acme Corp',
        domain: 'acme.example',
        industry: 'Manufacturing',
        region: 'EMEA',
        owner_id: owner.id,
        status: 'active',
        tier: 'enterprise',
        renewal_date: '2025-03-31',
        traits: { Employees: '1,200' },
        source: 'csv',
      },
      {
        external_id: 'globex',
        name: 'Globex',
        domain: 'globex.example',
        industry: 'Energy',
        region: 'NA',
        owner_id: null,
        status: 'onboarding',
        tier: 'mid-market',
        renewal_date: null,
        traits: { Employees: '85' },
        source: 'csv',
      },
      {
        external_id: 'initech',
        name: 'Initech',
        domain: 'initech.example',
        industry: 'Software',
        region: 'NA',
        owner_id: owner.id,
        status: 'active',
        tier: 'smb',
        renewal_date: '2025-01-15',
        traits: {},
        source: 'csv',
      },
    ]);
  });

  it('imports contacts onto their accounts, with roles, advocate flag and traits', async () => {
    const response = await importFixture(server, manager, 'contacts', 'contacts.csv');
    expect(response.status).toBe(201);
    expect(response.body.summary).toBe('inserted 2, updated 0, unchanged 0, rejected 0');
    const rows = await query('SELECT external_id, account_id, first_name, last_name, email, title, roles, is_advocate, traits FROM contacts ORDER BY external_id');
    expect(rows).toEqual([
      {
        external_id: 'c-1',
        account_id: await accountId('acme'),
        first_name: 'Ana',
        last_name: 'Alves',
        email: 'ana.alves@acme.example',
        title: 'VP Operations',
        roles: ['champion', 'decision_maker'],
        is_advocate: true,
        traits: { LinkedIn: 'linkedin.example/in/ana' },
      },
      {
        external_id: 'c-2',
        account_id: await accountId('globex'),
        first_name: 'Bo',
        last_name: 'Berg',
        email: 'bo@globex.example',
        title: 'CTO',
        roles: [],
        is_advocate: false,
        traits: {},
      },
    ]);
  });

  it('imports subscriptions with amounts in minor units of each currency, the default currency filling gaps', async () => {
    const response = await importFixture(server, manager, 'subscriptions', 'subscriptions.csv', { currency: 'EUR' });
    expect(response.status).toBe(201);
    expect(response.body.summary).toBe('inserted 3, updated 0, unchanged 0, rejected 0');
    const rows = await query(
      'SELECT external_id, product, plan, amount_minor, currency, billing_interval, seats, start_date, end_date, status FROM subscriptions ORDER BY external_id',
    );
    expect(rows).toEqual([
      { external_id: 's-1', product: 'Cycle', plan: 'Enterprise', amount_minor: 120050, currency: 'USD', billing_interval: 'month', seats: 50, start_date: '2024-01-01', end_date: null, status: 'active' },
      { external_id: 's-2', product: 'Cycle', plan: 'Growth', amount_minor: 240000, currency: 'JPY', billing_interval: 'year', seats: 10, start_date: '2024-02-01', end_date: '2025-02-01', status: 'active' },
      { external_id: 's-3', product: 'Cycle', plan: 'Starter', amount_minor: 9900, currency: 'EUR', billing_interval: 'month', seats: null, start_date: '2024-03-01', end_date: '2024-09-01', status: 'cancelled' },
    ]);
  });

  it('imports tickets with timestamps in UTC and defaults for empty priority and escalation', async () => {
    const response = await importFixture(server, manager, 'tickets', 'tickets.csv');
    expect(response.status).toBe(201);
    expect(response.body.summary).toBe('inserted 2, updated 0, unchanged 0, rejected 0');
    const rows = await query(
      `SELECT external_id, subject, status, priority, requester_email, channel, opened_at, first_response_at, resolved_at, escalated, csat_score
         FROM tickets ORDER BY external_id`,
    );
    expect(rows).toEqual([
      {
        external_id: 't-1',
        subject: 'Login fails',
        status: 'solved',
        priority: 'high',
        requester_email: 'ana.alves@acme.example',
        channel: 'email',
        opened_at: new Date('2024-05-01T09:00:00Z'),
        first_response_at: new Date('2024-05-01T09:30:00Z'),
        resolved_at: new Date('2024-05-02T10:00:00Z'),
        escalated: true,
        csat_score: 5,
      },
      {
        external_id: 't-2',
        subject: 'Invoice question',
        status: 'open',
        priority: 'normal',
        requester_email: 'bo@globex.example',
        channel: 'web',
        opened_at: new Date('2024-05-03T06:15:00Z'),
        first_response_at: null,
        resolved_at: null,
        escalated: false,
        csat_score: null,
      },
    ]);
  });

  it('imports daily usage per account and day, extra columns as per-event counts', async () => {
    const response = await importFixture(server, manager, 'usage', 'usage.csv');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      summary: 'inserted 3, updated 0, unchanged 0, rejected 0',
      columns: { extra: ['report_created', 'dashboard_viewed'], extraHandling: 'event-counts' },
    });
    const rows = await query('SELECT a.external_id, u.day, u.active_users, u.event_count, u.event_counts, u.source FROM usage_daily u JOIN accounts a ON a.id = u.account_id ORDER BY 1, 2');
    expect(rows).toEqual([
      { external_id: 'acme', day: '2024-06-01', active_users: 12, event_count: 340, event_counts: { report_created: 5, dashboard_viewed: 40 }, source: 'csv' },
      { external_id: 'acme', day: '2024-06-02', active_users: 10, event_count: 200, event_counts: { dashboard_viewed: 25 }, source: 'csv' },
      { external_id: 'globex', day: '2024-06-01', active_users: 3, event_count: 50, event_counts: { report_created: 1 }, source: 'csv' },
    ]);
    const again = await importFixture(server, manager, 'usage', 'usage.csv');
    expect(again.body.summary).toBe('inserted 0, updated 0, unchanged 3, rejected 0');
  });

  it('imports survey responses, linking the respondent to a contact of the account', async () => {
    const response = await importFixture(server, manager, 'survey-responses', 'survey-responses.csv');
    expect(response.status).toBe(201);
    expect(response.body.summary).toBe('inserted 2, updated 0, unchanged 0, rejected 0');
    const rows = await query(
      `SELECT s.external_id, c.external_id AS contact, s.survey_kind, s.survey_name, s.score, s.comment, s.responded_at
         FROM survey_responses s LEFT JOIN contacts c ON c.id = s.contact_id ORDER BY s.external_id`,
    );
    expect(rows).toEqual([
      { external_id: 'r-1', contact: 'c-1', survey_kind: 'nps', survey_name: 'Q2 NPS', score: 9, comment: 'Great support', responded_at: new Date('2024-06-10T12:00:00Z') },
      { external_id: 'r-2', contact: null, survey_kind: 'csat', survey_name: 'Ticket CSAT', score: 4, comment: null, responded_at: new Date('2024-06-11T00:00:00Z') },
    ]);
  });

  it('imports activities with our person and the contacts involved', async () => {
    const response = await importFixture(server, manager, 'activities', 'activities.csv');
    expect(response.status).toBe(201);
    expect(response.body.summary).toBe('inserted 2, updated 0, unchanged 0, rejected 0');
    const contactIds = Object.fromEntries((await query('SELECT external_id, id FROM contacts')).map((row) => [row.external_id, row.id]));
    const rows = await query('SELECT external_id, kind, subject, body, outcome, occurred_at, user_id, contact_ids FROM activities ORDER BY external_id');
    expect(rows).toEqual([
      {
        external_id: 'a-1',
        kind: 'ebr',
        subject: 'H1 business review',
        body: 'Reviewed goals',
        outcome: 'Renewal on track',
        occurred_at: new Date('2024-06-20T15:00:00Z'),
        user_id: owner.id,
        contact_ids: [contactIds['c-1']],
      },
      {
        external_id: 'a-2',
        kind: 'call',
        subject: 'Kickoff',
        body: null,
        outcome: null,
        occurred_at: new Date('2024-06-21T10:00:00Z'),
        user_id: null,
        contact_ids: [contactIds['c-2']],
      },
    ]);
  });

  it('imports churn events with the churned MRR in minor units', async () => {
    const response = await importFixture(server, manager, 'churn-events', 'churn-events.csv');
    expect(response.status).toBe(201);
    expect(response.body.summary).toBe('inserted 1, updated 0, unchanged 0, rejected 0');
    const rows = await query('SELECT external_id, account_id, churned_on, churned_mrr_minor, currency, reason_code, notes FROM churn_events');
    expect(rows).toEqual([
      {
        external_id: 'ch-1',
        account_id: await accountId('initech'),
        churned_on: '2024-09-01',
        churned_mrr_minor: 9900,
        currency: 'EUR',
        reason_code: 'budget',
        notes: 'Lost budget after a reorganisation',
      },
    ]);
  });

  it('records every run in import_runs and lists them newest first', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/imports?pageSize=3`, { headers: { cookie: manager.cookie } });
    expect(response.status).toBe(200);
    const page = await response.json();
    expect(page.total).toBe(9);
    expect(page.items.map((run: { kind: string; inserted: number; unchanged: number }) => [run.kind, run.inserted, run.unchanged])).toEqual([
      ['churn-events', 1, 0],
      ['activities', 2, 0],
      ['survey-responses', 2, 0],
    ]);
    expect(page.items[0]).toMatchObject({ status: 'completed', source: 'csv', fileName: 'churn-events.csv', ranBy: { id: manager.id, email: manager.email } });
  });
});
