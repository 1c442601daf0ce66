import { describe, expect, it } from 'vitest';
import { defaultAccountsView, hasFilters, nextSort, readAccountsView, toAccountListQuery, writeAccountsView } from './accounts-view';

describe('accounts view in the URL', () => {
  it('round-trips every field through the query string', () => {
    const view = { q: 'acme', status: ['active' as const, 'onboarding' as const], owner: 'me', tier: 'Enterprise', sort: '-mrr' as const, page: 3, pageSize: 50 };
    const params = writeAccountsView(view);
    expect(params.toString()).toBe('q=acme&status=active%2Conboarding&owner=me&tier=Enterprise&sort=-mrr&page=3&pageSize=50');
    expect(readAccountsView(params)).toEqual(view);
  });

  it('leaves defaults out of the URL', () => {
    expect(writeAccountsView(defaultAccountsView).toString()).toBe('');
  });

  it('ignores values the list cannot use', () => {
    const view = readAccountsView(new URLSearchParams('status=active,bogus&sort=colour&page=-2&pageSize=7'));
    expect(view).toEqual({ ...defaultAccountsView, status: ['active'] });
  });

  it('sends the API only what narrows or orders the list', () => {
    expect(toAccountListQuery({ ...defaultAccountsView, status: ['churned', 'prospect'] })).toEqual({
      q: undefined,
      status: 'churned,prospect',
      owner: undefined,
      tier: undefined,
      sort: 'name',
      page: 1,
      pageSize: 25,
    });
  });

  it('knows when a filter is on', () => {
    expect(hasFilters(defaultAccountsView)).toBe(false);
    expect(hasFilters({ ...defaultAccountsView, owner: 'none' })).toBe(true);
    expect(hasFilters({ ...defaultAccountsView, sort: '-mrr', page: 2 })).toBe(false);
  });

  it('flips the direction when the sorted column is clicked again', () => {
    expect(nextSort('name', 'name')).toBe('-name');
    expect(nextSort('-name', 'name')).toBe('name');
    expect(nextSort('-name', 'mrr')).toBe('mrr');
  });
});
