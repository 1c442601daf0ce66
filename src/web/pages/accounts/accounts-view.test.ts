import { describe, expect, it } from 'vitest';
import {
  accountExportUrl,
  type AccountsView,
  defaultAccountsView,
  hasFilters,
  nextSort,
  readAccountsView,
  savedViewQuery,
  toAccountListQuery,
  writeAccountsView,
} from './accounts-view';

describe('accounts view in the URL', () => {
  const full: AccountsView = {
    q: 'acme',
    status: ['active', 'onboarding'],
    owner: 'me',
    tier: 'Enterprise',
    stage: 'Onboarding',
    band: ['Red', 'none'],
    renewalWithin: 90,
    cols: ['name', 'owner', 'health', 'arr'],
    sort: '-health',
    page: 3,
    pageSize: 50,
  };

  it('round-trips every field through the query string', () => {
    const params = writeAccountsView(full);
    expect(params.toString()).toBe(
      'q=acme&status=active%2Conboarding&owner=me&tier=Enterprise&stage=Onboarding&band=Red%2Cnone&renewalWithin=90&cols=name%2Cowner%2Chealth%2Carr&sort=-health&page=3&pageSize=50',
    );
    expect(readAccountsView(params)).toEqual(full);
  });

  it('leaves defaults out of the URL', () => {
    expect(writeAccountsView(defaultAccountsView).toString()).toBe('');
    expect(
      writeAccountsView({ ...defaultAccountsView, cols: [...defaultAccountsView.cols] }).toString(),
    ).toBe('');
  });

  it('ignores values the list cannot use', () => {
    const view = readAccountsView(
      new URLSearchParams('status=active,bogus&sort=colour&page=-2&pageSize=7&renewalWithin=soon'),
    );
    expect(view).toEqual({ ...defaultAccountsView, status: ['active'] });
  });

  it('keeps the name column and the table order whatever order or unknown columns a link names', () => {
    expect(readAccountsView(new URLSearchParams('cols=arr,bogus,owner')).cols).toEqual([
      'name',
      'owner',
      'arr',
    ]);
    expect(readAccountsView(new URLSearchParams('cols=')).cols).toEqual(['name']);
    expect(readAccountsView(new URLSearchParams('band=Red,Red,,Green')).band).toEqual(['Red', 'Green']);
  });

  it('sends the API only what narrows or orders the list', () => {
    expect(toAccountListQuery({ ...defaultAccountsView, status: ['churned', 'prospect'] })).toEqual({
      q: undefined,
      status: 'churned,prospect',
      owner: undefined,
      tier: undefined,
      stage: undefined,
      band: undefined,
      renewalWithin: undefined,
      sort: 'name',
      page: 1,
      pageSize: 25,
    });
    expect(
      toAccountListQuery({ ...defaultAccountsView, band: ['Red', 'none'], renewalWithin: 30 }),
    ).toMatchObject({ band: 'Red,none', renewalWithin: 30 });
    expect(toAccountListQuery({ ...defaultAccountsView, stage: 'none' })).toMatchObject({ stage: 'none' });
    expect(hasFilters({ ...defaultAccountsView, stage: 'none' })).toBe(true);
  });

  it('exports the filters, sort and visible columns of the view without paging', () => {
    expect(accountExportUrl(full)).toBe(
      '/api/v1/accounts/export.csv?q=acme&status=active%2Conboarding&owner=me&tier=Enterprise&stage=Onboarding&band=Red%2Cnone&renewalWithin=90&sort=-health&columns=name%2Cowner%2Chealth%2Carr',
    );
    expect(accountExportUrl(defaultAccountsView)).toBe(
      '/api/v1/accounts/export.csv?sort=name&columns=name%2Cstatus%2Ctier%2Cowner%2Chealth%2Cmrr%2CrenewalDate%2Cstage',
    );
  });

  it('saves a view without its page, so opening it starts at the top', () => {
    expect(savedViewQuery(full)).toBe(writeAccountsView({ ...full, page: 1 }).toString());
    expect(savedViewQuery(full)).not.toContain('page=3');
  });

  it('knows when a filter is on', () => {
    expect(hasFilters(defaultAccountsView)).toBe(false);
    expect(hasFilters({ ...defaultAccountsView, owner: 'none' })).toBe(true);
    expect(hasFilters({ ...defaultAccountsView, band: ['none'] })).toBe(true);
    expect(hasFilters({ ...defaultAccountsView, renewalWithin: 0 })).toBe(true);
    expect(hasFilters({ ...defaultAccountsView, sort: '-mrr', page: 2, cols: ['name'] })).toBe(false);
  });

  it('flips the direction when the sorted column is clicked again', () => {
    expect(nextSort('name', 'name')).toBe('-name');
    expect(nextSort('-name', 'name')).toBe('name');
    expect(nextSort('-name', 'mrr')).toBe('mrr');
    expect(nextSort('health', 'health')).toBe('-health');
  });
});
