import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../../../test/helpers/test-server';
import { countImportedRows, fixture, importFixture } from '../../../../test/helpers/import-requests';

/** A file with headers Cycle has never seen, mapped by hand; then re-imported unchanged and updated. */
describe('importing a CSV with unknown headers through a column map', () => {
  let server: TestServer;
  let manager: TestUser;
  const map = 'external_id=Customer Ref,name=Company,domain=Web,tier=Plan Tier';
  const accounts = async () =>
    (await server.database.pool.query('SELECT external_id, name, domain, tier, traits, updated_at FROM accounts ORDER BY external_id')).rows;

  beforeAll(async () => {
    server = await startTestServer();
    manager = await server.signIn('manager');
  });
  afterAll(async () => server.close());

  it('maps the named columns and keeps the others as traits', async () => {
    const response = await importFixture(server, manager, 'accounts', 'crm-export.csv', { map });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      summary: 'inserted 2, updated 0, unchanged 0, rejected 0',
      columns: {
        mapped: { external_id: 'Customer Ref', name: 'Company', domain: 'Web', tier: 'Plan Tier' },
        extra: ['Employees', 'NPS Owner'],
        extraHandling: 'traits',
      },
    });
    const rows = await accounts();
    expect(rows.map(({ updated_at: _updatedAt, ...row }) => row)).toEqual([
      { external_id: 'K-1', name: 'Kappa Labs', domain: 'kappa.example', tier: 'gold', traits: { Employees: '40', 'NPS Owner': 'Sam' } },
      { external_id: 'K-2', name: 'Lambda Ltd', domain: 'lambda.example', tier: 'silver', traits: { Employees: '12' } },
    ]);
  });

  it('reports a second import of the same file as all unchanged and changes nothing', async () => {
    const before = await accounts();
    const response = await importFixture(server, manager, 'accounts', 'crm-export.csv', { map });
    expect(response.status).toBe(201);
    expect(response.body.summary).toBe('inserted 0, updated 0, unchanged 2, rejected 0');
    expect(await accounts()).toEqual(before);
  });

  it('updates the rows that changed when an updated file is imported (mapping file this time)', async () => {
    const before = await accounts();
    const response = await importFixture(server, manager, 'accounts', 'crm-export-updated.csv', {
      mapping: fixture('crm-export.mapping.json').toString('utf8'),
    });
    expect(response.status).toBe(201);
    expect(response.body.summary).toBe('inserted 0, updated 1, unchanged 1, rejected 0');
    const after = await accounts();
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toMatchObject({ external_id: 'K-2', tier: 'gold', traits: { Employees: '14' } });
    expect(after[1].updated_at.getTime()).toBeGreaterThan(before[1].updated_at.getTime());
  });

  it('lets map entries override the mapping file', async () => {
    const response = await importFixture(server, manager, 'accounts', 'crm-export-updated.csv', {
      mapping: JSON.stringify({ external_id: 'Customer Ref', name: 'Customer Ref', domain: 'Web', tier: 'Plan Tier' }),
      map: 'name=Company',
    });
    expect(response.body.summary).toBe('inserted 0, updated 0, unchanged 2, rejected 0');
  });

  it('names a mapped header that is not in the file, with the headers it found', async () => {
    const before = await countImportedRows(server.database);
    const response = await importFixture(server, manager, 'accounts', 'crm-export.csv', { map: 'external_id=Customer Ref,name=Company Name' });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      {
        row: 0,
        field: 'name',
        value: 'Company Name',
        message: 'name is mapped to "Company Name", but the file has no such column; headers found: Customer Ref, Company, Web, Plan Tier, Employees, NPS Owner',
      },
    ]);
    expect(await countImportedRows(server.database)).toEqual(before);
  });

  it('refuses a map to a field the kind does not have, or a map without "="', async () => {
    const unknownField = await importFixture(server, manager, 'accounts', 'crm-export.csv', { map: 'external_id=Customer Ref,website=Web' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors[0]).toMatchObject({ field: 'map', value: 'website' });
    expect(unknownField.body.errors[0].message).toContain('"website" is not a field of accounts; the fields are external_id, name, domain');
    const noEquals = await importFixture(server, manager, 'accounts', 'crm-export.csv', { map: 'external_id' });
    expect(noEquals.status).toBe(400);
    expect(noEquals.body.errors).toEqual([
      { field: 'map', value: 'external_id', message: '"external_id" has no "="; write target=Source Header, e.g. name=Company Name' },
    ]);
  });
});
