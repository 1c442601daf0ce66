import { describe, expect, it } from 'vitest';
import { itemsOf, readRecentItems, RECENT_LIMIT, rememberRecentItem, type SearchItem } from './search-items';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
}

const item = (n: number): SearchItem => ({
  key: `account:${n}`,
  kind: 'account',
  label: `Account ${n}`,
  description: '',
  to: `/accounts/${n}`,
});

describe('search items', () => {
  it('lists accounts before contacts, and a contact opens its account', () => {
    const items = itemsOf({
      q: 'acme',
      accounts: [
        { id: 'a1', name: 'Acme', domain: 'acme.example', status: 'active', ownerName: 'Sam Rivera' },
      ],
      contacts: [
        {
          id: 'c1',
          name: 'Dana Whitfield',
          email: 'dana@acme.example',
          title: 'VP Operations',
          accountId: 'a1',
          accountName: 'Acme',
        },
      ],
    });
    expect(items).toEqual([
      {
        key: 'account:a1',
        kind: 'account',
        label: 'Acme',
        description: 'acme.example · Owner: Sam Rivera',
        to: '/accounts/a1',
      },
      {
        key: 'contact:c1',
        kind: 'contact',
        label: 'Dana Whitfield',
        description: 'VP Operations · dana@acme.example · at Acme',
        to: '/accounts/a1',
      },
    ]);
  });

  it('remembers the newest item first, once, and at most six', () => {
    const storage = memoryStorage();
    for (let n = 1; n <= 8; n += 1) rememberRecentItem(item(n), storage);
    rememberRecentItem(item(5), storage);
    expect(readRecentItems(storage).map((recent) => recent.key)).toEqual([
      'account:5',
      'account:8',
      'account:7',
      'account:6',
      'account:4',
      'account:3',
    ]);
    expect(readRecentItems(storage)).toHaveLength(RECENT_LIMIT);
  });

  it('starts afresh when the stored list is not one', () => {
    expect(readRecentItems(memoryStorage({ 'cycle.search.recent': '{oops' }))).toEqual([]);
    expect(readRecentItems(memoryStorage({ 'cycle.search.recent': '{"a":1}' }))).toEqual([]);
  });
});
