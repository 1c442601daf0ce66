import { describe, expect, it } from 'vitest';
import { resolveColumnMapping } from './column-mapping';
import type { ImportKind } from './import-fields';
import { importKindDefinition } from './import-kinds';
import { type RowValidationContext, validateRow } from './row-validation';

function contextFor(kind: ImportKind, headers: string[], overrides: Partial<RowValidationContext> = {}): RowValidationContext {
  const definition = importKindDefinition(kind);
  const mapping = resolveColumnMapping(headers, definition, { preset: null, columnMap: {} });
  return { definition, mapping, dateFormat: null, defaultCurrency: null, checkEncoding: false, ...overrides };
}

describe('validateRow', () => {
  it('parses every mapped field, empties become null, extra columns become traits', () => {
    const context = contextFor('accounts', ['external_id', 'name', 'domain', 'status', 'renewal_date', 'Employees', 'Notes']);
    expect(validateRow([' acme ', 'Acme', 'www.acme.example', 'Customer', '2025-03-31', '1,200', ''], 1, context)).toEqual({
      ok: true,
      row: {
        values: {
          external_id: 'acme',
          name: 'Acme',
          domain: 'acme.example',
          parent_external_id: null,
          crm_id: null,
          billing_id: null,
          support_id: null,
          industry: null,
          region: null,
          owner_email: null,
          exec_sponsor_email: null,
          status: 'active',
          tier: null,
          segment: null,
          lifecycle_stage: null,
          renewal_date: '2025-03-31',
          go_live_date: null,
        },
        extras: { Employees: '1,200' },
      },
    });
  });

  it('reports every problem of a row with its row, column and value', () => {
    const context = contextFor('subscriptions', ['external_id', 'account_external_id', 'product', 'amount', 'currency', 'seats', 'start_date']);
    expect(validateRow(['s-1', 'acme', '', '1,200.50', 'JPY', '-2', '2024-13-01'], 7, context)).toEqual({
      ok: false,
      problems: [
        { row: 7, column: 'product', field: 'product', value: '', message: 'product is required but the cell is empty' },
        { row: 7, column: 'seats', field: 'seats', value: '-2', message: '-2 is below the minimum of 0' },
        { row: 7, column: 'start_date', field: 'start_date', value: '2024-13-01', message: '"2024-13-01" has month 13; months run 1 to 12' },
        { row: 7, column: 'amount', field: 'amount', value: '1,200.50', message: '"1,200.50" has decimals but JPY has no minor unit; write a whole amount' },
      ],
    });
  });

  it('reads amounts in the default currency when the row has none, and asks for one when there is no default', () => {
    const headers = ['external_id', 'account_external_id', 'product', 'amount', 'start_date'];
    const row = ['s-1', 'acme', 'Cycle', '99.90', '2024-01-01'];
    const withDefault = validateRow(row, 1, contextFor('subscriptions', headers, { defaultCurrency: 'EUR' }));
    expect(withDefault.ok && [withDefault.row.values.amount, withDefault.row.values.currency]).toEqual([9990, 'EUR']);
    expect(validateRow(row, 1, contextFor('subscriptions', headers))).toEqual({
      ok: false,
      problems: [
        {
          row: 1,
          column: 'amount',
          field: 'amount',
          value: '99.90',
          message: 'amount has no currency; add a currency column or set a default currency (--currency USD; API field currency)',
        },
      ],
    });
  });

  it('runs cross-field checks: end after start, score within its scale, first reply from minutes', () => {
    const subscriptions = contextFor('subscriptions', ['external_id', 'account_external_id', 'product', 'amount', 'currency', 'start_date', 'end_date']);
    expect(validateRow(['s', 'a', 'p', '1', 'USD', '2024-02-01', '2024-02-01'], 2, subscriptions)).toMatchObject({
      ok: false,
      problems: [{ row: 2, column: 'end_date', message: 'end date 2024-02-01 is not after start date 2024-02-01; the end date is exclusive, so it must be later' }],
    });
    const surveys = contextFor('survey-responses', ['external_id', 'account_external_id', 'survey_kind', 'score', 'responded_at']);
    expect(validateRow(['r', 'a', 'csat', '9', '2024-01-01'], 3, surveys)).toMatchObject({
      ok: false,
      problems: [{ row: 3, column: 'score', value: '9', message: '9 is outside the CSAT scale 1–5' }],
    });
    const tickets = contextFor('tickets', ['external_id', 'account_external_id', 'subject', 'status', 'opened_at', 'first_response_minutes', 'csat_score']);
    const ticket = validateRow(['t', 'a', 's', 'Hold', '2024-01-01 09:00', '45', 'Bad'], 4, tickets);
    expect(ticket.ok && [ticket.row.values.status, ticket.row.values.first_response_at, ticket.row.values.csat_score]).toEqual([
      'on_hold',
      '2024-01-01T09:45:00.000Z',
      1,
    ]);
  });

  it('counts per-event usage columns and refuses a count that is not a number', () => {
    const context = contextFor('usage', ['account_external_id', 'day', 'report_created', 'exported']);
    expect(validateRow(['acme', '2024-06-01', '5', ''], 1, context)).toMatchObject({ ok: true, row: { extras: { report_created: 5 } } });
    expect(validateRow(['acme', '2024-06-01', 'many', ''], 2, context)).toEqual({
      ok: false,
      problems: [{ row: 2, column: 'report_created', value: 'many', message: 'event count "many" is not a number; write digits only, e.g. 42' }],
    });
  });

  it('refuses a row with the wrong number of values, and cells with bytes that were not UTF-8', () => {
    const context = contextFor('accounts', ['external_id', 'name']);
    expect(validateRow(['a', 'b', 'c'], 5, context)).toEqual({
      ok: false,
      problems: [{ row: 5, message: 'the row has 3 values but the header has 2 columns; put values that contain commas in double quotes' }],
    });
    expect(validateRow(['a', 'Caf\uFFFD'], 6, { ...context, checkEncoding: true })).toEqual({
      ok: false,
      problems: [
        {
          row: 6,
          column: 'name',
          value: 'Caf\uFFFD',
          message: 'contains bytes that are not UTF-8 (shown as \uFFFD); save the file as UTF-8 (in Excel: "CSV UTF-8") and import again',
        },
      ],
    });
  });
});
