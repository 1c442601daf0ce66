import type { SearchResult } from '../../../shared/api/search.contract';

/** One line of the search dialog: where it leads and how it reads. */
export interface SearchItem {
  /** Unique among the lines, e.g. "account:<id>". */
  key: string;
  kind: 'account' | 'contact';
  label: string;
  description: string;
  /** The app path it opens (a contact opens its account). */
  to: string;
}

/** Accounts first, then contacts, as dialog lines. */
export function itemsOf(result: SearchResult): SearchItem[] {
  return [
    ...result.accounts.map((account) => ({
      key: `account:${account.id}`,
      kind: 'account' as const,
      label: account.name,
      description: [
        account.domain,
        account.ownerName ? `Owner: ${account.ownerName}` : 'No owner',
        account.status === 'churned' ? 'Churned' : null,
      ]
        .filter(Boolean)
        .join(' · '),
      to: `/accounts/${account.id}`,
    })),
    ...result.contacts.map((contact) => ({
      key: `contact:${contact.id}`,
      kind: 'contact' as const,
      label: contact.name,
      description: [contact.title, contact.email, `at ${contact.accountName}`].filter(Boolean).join(' · '),
      to: `/accounts/${contact.accountId}`,
    })),
  ];
}

const RECENT_KEY = 'cycle.search.recent';
/** How many recently opened items the dialog remembers. */
export const RECENT_LIMIT = 6;

/** The items opened from search most recently, newest first (this browser only). */
export function readRecentItems(storage: Pick<Storage, 'getItem'> = window.localStorage): SearchItem[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(RECENT_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((item): item is SearchItem => typeof item?.key === 'string' && typeof item?.to === 'string')
      .slice(0, RECENT_LIMIT);
  } catch {
    // A hand-edited or foreign value: start the list afresh rather than break the dialog.
    return [];
  }
}

/** Puts `item` first in the recent list (once), keeping at most RECENT_LIMIT; returns the new list. */
export function rememberRecentItem(
  item: SearchItem,
  storage: Pick<Storage, 'getItem' | 'setItem'> = window.localStorage,
): SearchItem[] {
  const next = [item, ...readRecentItems(storage).filter((recent) => recent.key !== item.key)].slice(
    0,
    RECENT_LIMIT,
  );
  storage.setItem(RECENT_KEY, JSON.stringify(next));
  return next;
}
