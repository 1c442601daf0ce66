import { describe, expect, it } from 'vitest';
import { parseImportOptions } from './import-options';
import { ImportInputError } from './import-problems';

function problemsOf(work: () => unknown) {
  try {
    work();
  } catch (error) {
    if (error instanceof ImportInputError) return { stage: error.stage, problems: error.problems };
    throw error;
  }
  throw new Error('expected an ImportInputError');
}

describe('parseImportOptions', () => {
  it('fills defaults: source csv, no preset, all-or-nothing', () => {
    expect(parseImportOptions({ kind: 'accounts' })).toEqual({
      kind: 'accounts',
      preset: null,
      columnMap: {},
      dateFormat: null,
      defaultCurrency: null,
      source: 'csv',
      skipInvalid: false,
    });
  });

  it("takes the preset's tool as the default source, and an explicit source over it", () => {
    expect(parseImportOptions({ kind: 'accounts', preset: 'salesforce-accounts' }).source).toBe('salesforce');
    expect(parseImportOptions({ kind: 'tickets', preset: 'zendesk-tickets', source: 'zendesk-eu' }).source).toBe('zendesk-eu');
  });

  it('merges the mapping file with map entries, map winning', () => {
    const options = parseImportOptions({
      kind: 'accounts',
      mapping: '{"name": "Company", "domain": "Web"}',
      map: 'name=Company Name',
      dateFormat: 'DMY',
      currency: 'eur',
      skipInvalid: 'Yes',
    });
    expect(options).toMatchObject({
      columnMap: { name: 'Company Name', domain: 'Web' },
      dateFormat: 'dmy',
      defaultCurrency: 'EUR',
      skipInvalid: true,
    });
  });

  it('lists every bad option at once, named as the user typed it', () => {
    const labels = {
      kind: '<kind>',
      preset: '--preset',
      map: '--map',
      mapping: '--mapping-file',
      dateFormat: '--date-format',
      currency: '--currency',
      source: '--source',
      skipInvalid: '--skip-invalid',
    };
    expect(problemsOf(() => parseImportOptions({ kind: 'widgets', preset: 'nope', dateFormat: 'ymd', currency: 'ABC' }, labels))).toEqual({
      stage: 'options',
      problems: [
        {
          field: '<kind>',
          value: 'widgets',
          message: '"widgets" is not an import kind; use one of accounts, contacts, subscriptions, tickets, usage, survey-responses, activities, churn-events',
        },
        {
          field: '--preset',
          value: 'nope',
          message: '"nope" is not a preset; use one of salesforce-accounts, salesforce-contacts, hubspot-companies, hubspot-contacts, zendesk-tickets',
        },
        { field: '--date-format', value: 'ymd', message: '"ymd" is not a date format; use dmy (31/12/2024) or mdy (12/31/2024)' },
        { field: '--currency', value: 'ABC', message: '"ABC" is not an ISO 4217 currency code; use a 3-letter code such as USD, EUR, GBP or JPY' },
      ],
    });
  });

  it('refuses a map to an unknown field and a preset of another kind', () => {
    expect(problemsOf(() => parseImportOptions({ kind: 'usage', map: 'day=Date,users=Active', preset: 'zendesk-tickets' })).problems).toEqual([
      { field: 'preset', value: 'zendesk-tickets', message: 'preset zendesk-tickets imports tickets, not usage; import it as tickets' },
      { field: 'map', value: 'users', message: '"users" is not a field of usage; the fields are account_external_id, day, active_users, event_count' },
    ]);
  });
});
