import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../../../test/helpers/test-server';
import { importFixture, postImport } from '../../../../test/helpers/import-requests';

/** skipInvalid=true: the valid rows are imported, the others come back with their reason. */
describe('POST /api/v1/imports with skipInvalid', () => {
  let server: TestServer;
  let manager: TestUser;
  const externalIds = async () => (await server.database.pool.query('SELECT external_id FROM accounts ORDER BY 1')).rows.map((row) => row.external_id);

  beforeAll(async () => {
    server = await startTestServer();
    manager = await server.signIn('manager');
  });
  afterAll(async () => server.close());

  it('without it, one bad row rejects the whole file', async () => {
    const response = await importFixture(server, manager, 'accounts', 'accounts-some-invalid.csv');
    expect(response.status).toBe(422);
    expect(response.body.errors.map((error: { row: number; column: string }) => [error.row, error.column])).toEqual([
      [2, 'name'],
      [4, 'owner_email'],
    ]);
    expect(await externalIds()).toEqual([]);
  });

  it('imports the valid rows and returns the rejected ones with a reason, as JSON and as CSV', async () => {
    const response = await importFixture(server, manager, 'accounts', 'accounts-some-invalid.csv', { skipInvalid: 'true' });
    expect(response.status).toBe(201);
    const ownerReason = 'column owner_email: no Cycle user has the email or name "nobody@cycle.test"; add them (cycle users add) or correct the value';
    expect(response.body).toMatchObject({
      summary: 'inserted 2, updated 0, unchanged 0, rejected 2',
      rows: 4,
      rejectedRows: [
        {
          row: 2,
          reason: 'column name: name is required but the cell is empty',
          values: { external_id: 'v-2', name: '', owner_email: '', region: 'EMEA' },
        },
        { row: 4, reason: ownerReason, values: { external_id: 'v-4', name: 'Bad Owner', owner_email: 'nobody@cycle.test', region: 'NA, East' } },
      ],
    });
    expect(response.body.rejectsCsv).toBe(
      'external_id,name,owner_email,region,reason\r\n' +
        'v-2,,,EMEA,column name: name is required but the cell is empty\r\n' +
        `v-4,Bad Owner,nobody@cycle.test,"NA, East","${ownerReason.replaceAll('"', '""')}"\r\n`,
    );
    expect(await externalIds()).toEqual(['v-1', 'v-3']);
    const runs = await (await fetch(`${server.baseUrl}/api/v1/imports`, { headers: { cookie: manager.cookie } })).json();
    expect(runs.items[0]).toMatchObject({ status: 'completed', inserted: 2, rejected: 2 });
  });

  it('also rejects a row whose parent row was rejected', async () => {
    const content = 'external_id,name,parent_external_id\np-1,,\np-2,Child of a bad row,p-1\np-3,Child of a good row,v-1\n';
    const refused = await postImport(server, manager, { kind: 'accounts' }, { content, name: 'parents.csv' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((error: { row: number; message: string }) => [error.row, error.message])).toEqual([
      [1, 'name is required but the cell is empty'],
      [2, 'its parent account "p-1" (row 1) was rejected, so this row is rejected too'],
    ]);
    const response = await postImport(server, manager, { kind: 'accounts', skipInvalid: 'yes' }, { content, name: 'parents.csv' });
    expect(response.status).toBe(201);
    expect(response.body.summary).toBe('inserted 1, updated 0, unchanged 0, rejected 2');
    expect(response.body.rejectedRows.map((row: { row: number; reason: string }) => [row.row, row.reason])).toEqual([
      [1, 'column name: name is required but the cell is empty'],
      [2, 'column parent_external_id: its parent account "p-1" (row 1) was rejected, so this row is rejected too'],
    ]);
    const parent = await server.database.pool.query(
      "SELECT p.external_id FROM accounts a JOIN accounts p ON p.id = a.parent_id WHERE a.external_id = 'p-3'",
    );
    expect(parent.rows).toEqual([{ external_id: 'v-1' }]);
  });

  it('still refuses the whole file when the file itself is unreadable', async () => {
    const response = await importFixture(server, manager, 'accounts', 'bad-unbalanced-quotes.csv', { skipInvalid: 'true' });
    expect(response.status).toBe(422);
    expect(await externalIds()).toEqual(['p-3', 'v-1', 'v-3']);
  });
});
