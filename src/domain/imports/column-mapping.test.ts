import { describe, expect, it } from 'vitest';
import { resolveColumnMapping } from './column-mapping';
import { importKindDefinition } from './import-kinds';
import { findImportPreset } from './import-presets';
import { ImportInputError } from './import-problems';

const accounts = importKindDefinition('accounts');

function mappingProblems(headers: string[], options: Parameters<typeof resolveColumnMapping>[2]) {
  try {
    resolveColumnMapping(headers, accounts, options);
  } catch (error) {
    if (error instanceof ImportInputError) return error.problems;
    throw error;
  }
  throw new Error('expected the mapping to be refused');
}

describe('resolveColumnMapping', () => {
  it('matches canonical headers in any case and spacing; other columns are extra, blank ones ignored', () => {
    const mapping = resolveColumnMapping(['External ID', 'NAME', 'owner-email', 'Employees', ''], accounts, { preset: null, columnMap: {} });
    expect(Object.fromEntries(mapping.fieldColumns)).toEqual({ external_id: 0, name: 1, owner_email: 2 });
    expect(mapping.extraColumns).toEqual([3]);
    expect(mapping.blankColumns).toEqual([4]);
  });

  it('prefers an explicit map over a preset, and a preset over canonical headers', () => {
    const preset = findImportPreset('salesforce-accounts')!;
    const mapping = resolveColumnMapping(['Account ID', 'Account Name', 'name', 'Legal Name'], accounts, {
      preset,
      columnMap: { name: 'legal name' },
    });
    expect(Object.fromEntries(mapping.fieldColumns)).toEqual({ name: 3, external_id: 0, crm_id: 0 });
    expect(mapping.extraColumns).toEqual([1, 2]);
  });

  it('names each missing required column with the headers found and how to map it', () => {
    expect(mappingProblems(['Id', 'Company'], { preset: null, columnMap: {} })).toEqual([
      {
        row: 0,
        column: 'external_id',
        field: 'external_id',
        message:
          'required column external_id is missing; headers found: Id, Company. Add the column, or map one of yours to it (--map external_id=<your header>; API field map)',
      },
      {
        row: 0,
        column: 'name',
        field: 'name',
        message:
          'required column name is missing; headers found: Id, Company. Add the column, or map one of yours to it (--map name=<your header>; API field map)',
      },
    ]);
  });

  it("names the preset's header when a preset column is missing", () => {
    const problems = mappingProblems(['Account ID', 'Website'], { preset: findImportPreset('salesforce-accounts')!, columnMap: {} });
    expect(problems.map((problem) => problem.message)).toEqual([
      `required column "Account Name" (the salesforce-accounts preset's column for name) is missing; headers found: Account ID, Website. ` +
        'Add the column, or map one of yours to it (--map name=<your header>; API field map)',
    ]);
  });

  it('refuses duplicate headers and a mapped header that is not there', () => {
    expect(mappingProblems(['external_id', 'name', 'Name'], { preset: null, columnMap: { domain: 'Web' } })).toEqual([
      { row: 0, column: 'Name', message: 'columns 2 and 3 are both headed "Name"; rename one so each header is unique' },
      { row: 0, field: 'domain', value: 'Web', message: 'domain is mapped to "Web", but the file has no such column; headers found: external_id, name, Name' },
    ]);
  });
});
