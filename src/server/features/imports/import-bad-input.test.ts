import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestUser } from '../../../../test/helpers/test-server';
import { IMPORT_FILE_LIMIT } from '../../http/limits';
import { countImportedRows, importFixture, postImport } from '../../../../test/helpers/import-requests';

/** Every kind of bad input: a clear 4xx naming row, column and fix, and not one row changed. */
describe('POST /api/v1/imports with bad input', () => {
  let server: TestServer;
  let manager: TestUser;
  let before: Record<string, number>;

  beforeAll(async () => {
    server = await startTestServer();
    manager = await server.signIn('manager');
    await server.signIn('csm', 'owner@cycle.test');
    expect((await importFixture(server, manager, 'accounts', 'accounts.csv')).status).toBe(201);
  });
  afterAll(async () => server.close());
  beforeEach(async () => {
    before = await countImportedRows(server.database);
  });

  const expectNothingChanged = async () => expect(await countImportedRows(server.database)).toEqual(before);

  it('names the row and column of unbalanced quotes', async () => {
    const response = await importFixture(server, manager, 'accounts', 'bad-unbalanced-quotes.csv');
    expect(response.status).toBe(422);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.errors).toEqual([
      {
        row: 2,
        column: 'name',
        message:
          'a double quote opens a value here that is never closed (unbalanced quotes); close it, or write a quote inside a quoted value as two quotes ("")',
      },
    ]);
    expect(response.body.detail).toContain('The file cannot be read as CSV at row 2, column name');
    await expectNothingChanged();
  });

  it('names every row and column holding bytes that are not UTF-8', async () => {
    const response = await importFixture(server, manager, 'accounts', 'bad-non-utf8.csv');
    expect(response.status).toBe(422);
    const message = 'contains bytes that are not UTF-8 (shown as \uFFFD); save the file as UTF-8 (in Excel: "CSV UTF-8") and import again';
    expect(response.body.errors).toEqual([
      { row: 1, column: 'name', value: 'Lumi\uFFFDre SA', message },
      { row: 2, column: 'name', value: 'Caf\uFFFD Co', message },
    ]);
    await expectNothingChanged();
  });

  it('says which required column is missing and lists the headers found', async () => {
    const response = await importFixture(server, manager, 'accounts', 'bad-missing-column.csv');
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      {
        row: 0,
        column: 'name',
        field: 'name',
        message:
          'required column name is missing; headers found: external_id, domain, Industry. ' +
          'Add the column, or map one of yours to it (--map name=<your header>; API field map)',
      },
    ]);
    await expectNothingChanged();
  });

  it('refuses the same external id twice in one file, naming both rows', async () => {
    const response = await importFixture(server, manager, 'accounts', 'bad-duplicate-external-id.csv');
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      {
        row: 3,
        column: 'external_id',
        field: 'external_id',
        value: 'd-1',
        message: 'external id "d-1" is also on row 1; each record may appear only once in a file',
      },
    ]);
    await expectNothingChanged();
  });

  it('lists every bad row at once: unknown currency, end before start, not a number, unknown account', async () => {
    const response = await importFixture(server, manager, 'subscriptions', 'bad-subscriptions.csv');
    expect(response.status).toBe(422);
    expect(response.body.title).toBe('Cannot import the file');
    expect(response.body.detail).toMatch(/^4 rows have problems, so nothing was imported\. Fix them and import again, or import only the valid rows/);
    expect(response.body.errors).toEqual([
      {
        row: 1,
        column: 'currency',
        field: 'currency',
        value: 'XYZ',
        message: '"XYZ" is not an ISO 4217 currency code; use a 3-letter code such as USD, EUR, GBP or JPY',
      },
      {
        row: 2,
        column: 'end_date',
        field: 'end_date',
        value: '2024-03-01',
        message: 'end date 2024-03-01 is not after start date 2024-06-01; the end date is exclusive, so it must be later',
      },
      { row: 3, column: 'seats', field: 'seats', value: 'twelve', message: '"twelve" is not a number; write digits only, e.g. 42' },
      {
        row: 4,
        column: 'account_external_id',
        field: 'account_external_id',
        value: 'nobody',
        message: 'no account has the external id, CRM id, billing id, support id or name "nobody"; import that account first or correct the value',
      },
    ]);
    await expectNothingChanged();
  });

  it('refuses slash dates unless the date format is given, then reads them day-first', async () => {
    const refused = await importFixture(server, manager, 'accounts', 'accounts-slash-dates.csv');
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      {
        row: 1,
        column: 'renewal_date',
        field: 'renewal_date',
        value: '05/04/2025',
        message: '"05/04/2025" could be day-first or month-first; set the date format (--date-format dmy or mdy; API field dateFormat), or write it as YYYY-MM-DD',
      },
    ]);
    await expectNothingChanged();
    const accepted = await importFixture(server, manager, 'accounts', 'accounts-slash-dates.csv', { dateFormat: 'dmy' });
    expect(accepted.status).toBe(201);
    const rows = await server.database.pool.query("SELECT external_id, renewal_date FROM accounts WHERE external_id LIKE 'sd-%' ORDER BY 1");
    expect(rows.rows).toEqual([
      { external_id: 'sd-1', renewal_date: '2025-04-05' },
      { external_id: 'sd-2', renewal_date: '2025-12-31' },
    ]);
  });

  it('refuses parents that make a loop, naming each row of the loop', async () => {
    const content = 'external_id,name,parent_external_id\nl-1,Loop One,l-2\nl-2,Loop Two,l-1\nl-3,Self,l-3\n';
    const response = await postImport(server, manager, { kind: 'accounts' }, { content, name: 'loops.csv' });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      {
        row: 3,
        column: 'parent_external_id',
        field: 'parent_external_id',
        value: 'l-3',
        message: 'an account cannot be its own parent; leave it empty or name another account',
      },
    ]);
    const loop = await postImport(server, manager, { kind: 'accounts' }, { content: content.split('\n').slice(0, 3).join('\n'), name: 'loops.csv' });
    expect(loop.status).toBe(422);
    const message = (parent: string) =>
      `parent "${parent}" makes a loop: the account would be its own ancestor; choose a parent outside its own subtree`;
    expect(loop.body.errors).toEqual([
      { row: 1, column: 'parent_external_id', field: 'parent_external_id', value: 'l-2', message: message('l-2') },
      { row: 2, column: 'parent_external_id', field: 'parent_external_id', value: 'l-1', message: message('l-1') },
    ]);
    await expectNothingChanged();
  });

  it('answers 400 to an unknown kind and to an unknown preset, listing the valid ones', async () => {
    const file = { content: 'external_id,name\nx-1,X\n', name: 'x.csv' };
    const kind = await postImport(server, manager, { kind: 'widgets' }, file);
    expect(kind.status).toBe(400);
    expect(kind.body.errors).toEqual([
      {
        field: 'kind',
        value: 'widgets',
        message: '"widgets" is not an import kind; use one of accounts, contacts, subscriptions, tickets, usage, survey-responses, activities, churn-events',
      },
    ]);
    const preset = await postImport(server, manager, { kind: 'accounts', preset: 'pipedrive-orgs' }, file);
    expect(preset.status).toBe(400);
    expect(preset.body.errors).toEqual([
      {
        field: 'preset',
        value: 'pipedrive-orgs',
        message: '"pipedrive-orgs" is not a preset; use one of salesforce-accounts, salesforce-contacts, hubspot-companies, hubspot-contacts, zendesk-tickets',
      },
    ]);
    await expectNothingChanged();
  });

  it('answers 400 without a file part, and to a body that is not multipart', async () => {
    const noFile = await postImport(server, manager, { kind: 'accounts' }, null);
    expect(noFile.status).toBe(400);
    expect(noFile.body.errors).toEqual([{ field: 'file', message: 'attach the CSV file' }]);
    const json = await fetch(`${server.baseUrl}/api/v1/imports`, {
      method: 'POST',
      headers: { cookie: manager.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'accounts' }),
    });
    expect(json.status).toBe(400);
  });

  it('answers 413 with the limit to a file over the upload limit', async () => {
    const header = 'external_id,name\n';
    const line = 'big-0000001,A company name long enough to fill the file quickly\n';
    const content = Buffer.alloc(IMPORT_FILE_LIMIT + 1024 * 1024, line);
    content.write(header, 0);
    const response = await postImport(server, manager, { kind: 'accounts' }, { content, name: 'big.csv' });
    expect(response.status).toBe(413);
    expect(response.body.detail).toBe(
      `The file is larger than the import limit of 100 MB (${IMPORT_FILE_LIMIT} bytes). Split it into smaller files, or import it with the command line (cycle import), which has no limit.`,
    );
    await expectNothingChanged();
  });

  it('records refused runs with their errors', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/imports?pageSize=200`, { headers: { cookie: manager.cookie } });
    const page = await response.json();
    const rejected = page.items.filter((run: { status: string }) => run.status === 'rejected');
    expect(rejected.map((run: { fileName: string; rejected: number }) => [run.fileName, run.rejected])).toEqual([
      ['loops.csv', 2],
      ['loops.csv', 1],
      ['accounts-slash-dates.csv', 1],
      ['bad-subscriptions.csv', 4],
      ['bad-duplicate-external-id.csv', 1],
      ['bad-missing-column.csv', 0],
      ['bad-non-utf8.csv', 2],
      ['bad-unbalanced-quotes.csv', 1],
    ]);
    const subscriptions = rejected.find((run: { fileName: string }) => run.fileName === 'bad-subscriptions.csv');
    const detail = await fetch(`${server.baseUrl}/api/v1/imports/${subscriptions.id}`, { headers: { cookie: manager.cookie } });
    const run = await detail.json();
    expect(run.errors.map((error: { row: number; column: string }) => [error.row, error.column])).toEqual([
      [1, 'currency'],
      [2, 'end_date'],
      [3, 'seats'],
      [4, 'account_external_id'],
    ]);
  });
});
