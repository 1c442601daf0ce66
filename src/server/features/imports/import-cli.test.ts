import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../../../../test/helpers/test-database';
import { startTestServer, type TestServer } from '../../../../test/helpers/test-server';
import { fixtureFolder } from '../../../../test/helpers/import-requests';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `cycle import …` as a child process against the test database. */
describe('cycle import (command line)', () => {
  let server: TestServer;
  let workFolder: string;

  const cycle = (args: string[]) =>
    new Promise<CliRun>((resolve) => {
      execFile(
        process.execPath,
        [path.join(repositoryRoot, 'bin/cycle.js'), ...args],
        { cwd: workFolder, env: { ...process.env, DATABASE_URL: server.database.connectionString, TZ: 'UTC' }, timeout: 60_000 },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  const copyFixture = (name: string) => {
    const target = path.join(workFolder, name);
    fs.copyFileSync(path.join(fixtureFolder, name), target);
    return target;
  };

  beforeAll(async () => {
    server = await startTestServer();
    await server.signIn('csm', 'owner@cycle.test');
    workFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'cycle-import-cli-'));
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(workFolder, { recursive: true, force: true });
  });

  it('imports a file and prints the summary line; a second run reports it unchanged', async () => {
    const file = copyFixture('accounts.csv');
    const first = await cycle(['import', 'accounts', file]);
    expect(first).toMatchObject({ code: 0, stdout: 'inserted 3, updated 0, unchanged 0, rejected 0\n' });
    const second = await cycle(['import', 'accounts', file]);
    expect(second).toMatchObject({ code: 0, stdout: 'inserted 0, updated 0, unchanged 3, rejected 0\n' });
    const runs = await server.database.pool.query('SELECT kind, source, file_name, status, user_id FROM import_runs ORDER BY finished_at');
    expect(runs.rows).toEqual([
      { kind: 'accounts', source: 'csv', file_name: 'accounts.csv', status: 'completed', user_id: null },
      { kind: 'accounts', source: 'csv', file_name: 'accounts.csv', status: 'completed', user_id: null },
    ]);
  });

  it('exits 1 and lists every bad row on bad input, changing nothing', async () => {
    const before = await countRows(server.database, 'subscriptions');
    const run = await cycle(['import', 'subscriptions', copyFixture('bad-subscriptions.csv')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^4 rows have problems, so nothing was imported\./);
    expect(lines.slice(1)).toEqual([
      '  row 1, currency, "XYZ": "XYZ" is not an ISO 4217 currency code; use a 3-letter code such as USD, EUR, GBP or JPY',
      '  row 2, end_date, "2024-03-01": end date 2024-03-01 is not after start date 2024-06-01; the end date is exclusive, so it must be later',
      '  row 3, seats, "twelve": "twelve" is not a number; write digits only, e.g. 42',
      '  row 4, account_external_id, "nobody": no account has the external id, CRM id, billing id, support id or name "nobody"; import that account first or correct the value',
    ]);
    expect(await countRows(server.database, 'subscriptions')).toBe(before);
  });

  it('exits 1 naming the option for an unknown kind or preset, before touching the database', async () => {
    const kind = await cycle(['import', 'widgets', 'nowhere.csv']);
    expect(kind.code).toBe(1);
    expect(kind.stderr).toContain('<kind>: "widgets" is not an import kind; use one of accounts, contacts');
    const preset = await cycle(['import', 'accounts', 'nowhere.csv', '--preset', 'pipedrive-orgs']);
    expect(preset.code).toBe(1);
    expect(preset.stderr).toContain('--preset: "pipedrive-orgs" is not a preset; use one of salesforce-accounts');
  });

  it('with --skip-invalid imports the valid rows and writes the rejected ones beside the input', async () => {
    const file = copyFixture('accounts-some-invalid.csv');
    const run = await cycle(['import', 'accounts', file, '--skip-invalid']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('inserted 2, updated 0, unchanged 0, rejected 2\n');
    const rejectsFile = path.join(workFolder, 'accounts-some-invalid.rejected.csv');
    expect(run.stderr).toContain(`Wrote 2 rejected rows, with a reason column, to ${rejectsFile}`);
    expect(fs.readFileSync(rejectsFile, 'utf8').split('\r\n')).toEqual([
      'external_id,name,owner_email,region,reason',
      'v-2,,,EMEA,column name: name is required but the cell is empty',
      'v-4,Bad Owner,nobody@cycle.test,"NA, East","column owner_email: no Cycle user has the email or name ""nobody@cycle.test""; add them (cycle users add) or correct the value"',
      '',
    ]);
  });

  it('takes a preset, a mapping file and --rejects-file', async () => {
    const preset = await cycle(['import', 'accounts', copyFixture('hubspot-companies.csv'), '--preset', 'hubspot-companies', '--skip-invalid']);
    expect(preset).toMatchObject({ code: 0, stdout: 'inserted 0, updated 0, unchanged 0, rejected 1\n' });
    expect(preset.stderr).toContain('no Cycle user has the email or name "olivia.owner@cycle.test"');
    const rejectsFile = path.join(workFolder, 'custom-rejects.csv');
    const mapped = await cycle([
      'import',
      'accounts',
      copyFixture('crm-export.csv'),
      '--mapping-file',
      copyFixture('crm-export.mapping.json'),
      '--rejects-file',
      rejectsFile,
    ]);
    expect(mapped).toMatchObject({ code: 0, stdout: 'inserted 2, updated 0, unchanged 0, rejected 0\n' });
    expect(fs.existsSync(rejectsFile)).toBe(false);
  });
});
