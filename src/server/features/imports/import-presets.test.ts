import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_PASSWORD, type TestServer, type TestUser } from '../../../../test/helpers/test-server';
import { createUser } from '../users/user.service';
import { importFixture } from '../../../../test/helpers/import-requests';

/** The built-in presets read the exports of Salesforce, HubSpot and Zendesk as they come. */
describe('import presets', () => {
  let server: TestServer;
  let admin: TestUser;
  let oliviaId: string;
  const query = async (sql: string) => (await server.database.pool.query(sql)).rows;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.signIn('admin');
    const olivia = await createUser(server.database.db, { email: 'olivia.owner@cycle.test', name: 'Olivia Owner', role: 'csm', password: TEST_PASSWORD });
    oliviaId = olivia.id;
  });
  afterAll(async () => server.close());

  it('salesforce-accounts reads an accounts report: ids, parent in the same file, owner by name or email, the rest as traits', async () => {
    const response = await importFixture(server, admin, 'accounts', 'salesforce-accounts.csv', { preset: 'salesforce-accounts' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      source: 'salesforce',
      summary: 'inserted 2, updated 0, unchanged 0, rejected 0',
      columns: {
        mapped: {
          external_id: 'Account ID',
          crm_id: 'Account ID',
          name: 'Account Name',
          parent_external_id: 'Parent Account ID',
          domain: 'Website',
          industry: 'Industry',
          region: 'Billing Country',
          owner_email: 'Account Owner',
        },
        extra: ['Type', 'Annual Revenue', 'Employees'],
      },
    });
    const rows = await query(
      `SELECT a.external_id, a.source, a.name, a.crm_id, a.domain, a.industry, a.region, a.owner_id, p.external_id AS parent, a.traits
         FROM accounts a LEFT JOIN accounts p ON p.id = a.parent_id ORDER BY a.external_id`,
    );
    expect(rows).toEqual([
      {
        external_id: '001A000001',
        source: 'salesforce',
        name: 'Umbrella Holdings',
        crm_id: '001A000001',
        domain: 'umbrella.example',
        industry: 'Pharmaceuticals',
        region: 'United States',
        owner_id: oliviaId,
        parent: null,
        traits: { Type: 'Customer - Direct', 'Annual Revenue': '5,000,000', Employees: '2500' },
      },
      {
        external_id: '001A000002',
        source: 'salesforce',
        name: 'Umbrella Europe',
        crm_id: '001A000002',
        domain: 'umbrella.example',
        industry: 'Pharmaceuticals',
        region: 'Germany',
        owner_id: oliviaId,
        parent: '001A000001',
        traits: { Type: 'Customer - Channel', Employees: '300' },
      },
    ]);
  });

  it('salesforce-contacts reads a contacts report and finds each account by its Salesforce id', async () => {
    const response = await importFixture(server, admin, 'contacts', 'salesforce-contacts.csv', { preset: 'salesforce-contacts' });
    expect(response.status).toBe(201);
    expect(response.body.summary).toBe('inserted 1, updated 0, unchanged 0, rejected 0');
    const rows = await query(
      `SELECT c.external_id, c.source, a.name AS account, c.first_name, c.last_name, c.email, c.title, c.phone, c.traits
         FROM contacts c JOIN accounts a ON a.id = c.account_id`,
    );
    expect(rows).toEqual([
      {
        external_id: '003A000001',
        source: 'salesforce',
        account: 'Umbrella Holdings',
        first_name: 'Carla',
        last_name: 'Chen',
        email: 'carla.chen@umbrella.example',
        title: 'CFO',
        phone: '+1 555 0100',
        traits: { 'Mailing Country': 'United States', 'Lead Source': 'Web' },
      },
    ]);
  });

  it('hubspot-companies and hubspot-contacts read HubSpot exports', async () => {
    const companies = await importFixture(server, admin, 'accounts', 'hubspot-companies.csv', { preset: 'hubspot-companies' });
    expect(companies.status).toBe(201);
    expect(companies.body.summary).toBe('inserted 1, updated 0, unchanged 0, rejected 0');
    const contacts = await importFixture(server, admin, 'contacts', 'hubspot-contacts.csv', { preset: 'hubspot-contacts' });
    expect(contacts.status).toBe(201);
    expect(await query("SELECT source, name, crm_id, domain, industry, region, owner_id, lifecycle_stage, traits FROM accounts WHERE source = 'hubspot'")).toEqual([
      {
        source: 'hubspot',
        name: 'Hooli',
        crm_id: '9001',
        domain: 'hooli.example',
        industry: 'COMPUTER_SOFTWARE',
        region: 'United States',
        owner_id: oliviaId,
        lifecycle_stage: 'Customer',
        traits: { 'Number of Employees': '4000', 'Create Date': '2023-01-05 10:00' },
      },
    ]);
    expect(
      await query(
        "SELECT c.external_id, a.name AS account, c.first_name, c.last_name, c.email, c.title, c.traits FROM contacts c JOIN accounts a ON a.id = c.account_id WHERE c.source = 'hubspot'",
      ),
    ).toEqual([
      {
        external_id: '501',
        account: 'Hooli',
        first_name: 'Dinesh',
        last_name: 'Dev',
        email: 'dinesh@hooli.example',
        title: 'Engineer',
        traits: { 'Associated Company': 'Hooli', 'Lifecycle Stage': 'Customer' },
      },
    ]);
  });

  it('zendesk-tickets reads a ticket export: organization by name, Hold status, first reply minutes, satisfaction words', async () => {
    const response = await importFixture(server, admin, 'tickets', 'zendesk-tickets.csv', { preset: 'zendesk-tickets' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      source: 'zendesk',
      summary: 'inserted 2, updated 0, unchanged 0, rejected 0',
      columns: { extra: ['Requester', 'Tags'], extraHandling: 'ignored' },
    });
    const rows = await query(
      `SELECT t.external_id, a.name AS account, t.subject, t.status, t.priority, t.requester_email, t.channel,
              t.opened_at, t.first_response_at, t.resolved_at, t.csat_score
         FROM tickets t JOIN accounts a ON a.id = t.account_id ORDER BY t.external_id`,
    );
    expect(rows).toEqual([
      {
        external_id: '1001',
        account: 'Hooli',
        subject: 'Cannot export report',
        status: 'solved',
        priority: 'high',
        requester_email: 'dinesh@hooli.example',
        channel: 'Mail',
        opened_at: new Date('2024-04-02T09:00:00Z'),
        first_response_at: new Date('2024-04-02T09:45:00Z'),
        resolved_at: new Date('2024-04-03T17:30:00Z'),
        csat_score: 5,
      },
      {
        external_id: '1002',
        account: 'Umbrella Holdings',
        subject: 'Feature question',
        status: 'on_hold',
        priority: 'normal',
        requester_email: 'carla.chen@umbrella.example',
        channel: 'Web form',
        opened_at: new Date('2024-04-05T11:00:00Z'),
        first_response_at: null,
        resolved_at: null,
        csat_score: null,
      },
    ]);
  });

  it('refuses a preset made for another kind', async () => {
    const response = await importFixture(server, admin, 'accounts', 'salesforce-contacts.csv', { preset: 'salesforce-contacts' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'preset', value: 'salesforce-contacts', message: 'preset salesforce-contacts imports contacts, not accounts; import it as contacts' },
    ]);
  });
});
