import { describe, expect, it } from 'vitest';
import { importKindDefinition } from './import-kinds';
import { findImportPreset, importPresetNames } from './import-presets';

describe('import presets', () => {
  it('map only fields their kind has, and cover every required field', () => {
    for (const name of importPresetNames) {
      const preset = findImportPreset(name)!;
      const fields = importKindDefinition(preset.kind).fields;
      const known = fields.map((field) => field.name);
      expect({ name, unknown: Object.keys(preset.columns).filter((field) => !known.includes(field)) }).toEqual({ name, unknown: [] });
      const required = fields.filter((field) => field.required).map((field) => field.name);
      expect({ name, missing: required.filter((field) => preset.columns[field] === undefined) }).toEqual({ name, missing: [] });
    }
  });

  it('name the tool as the source and read its headers', () => {
    expect(findImportPreset('zendesk-tickets')).toMatchObject({ kind: 'tickets', source: 'zendesk', columns: { external_id: 'Id', opened_at: 'Created at' } });
    expect(findImportPreset('hubspot-companies')).toMatchObject({ kind: 'accounts', source: 'hubspot', columns: { domain: 'Company Domain Name' } });
    expect(findImportPreset('pipedrive-orgs')).toBeUndefined();
  });
});
