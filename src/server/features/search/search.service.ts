import type { SearchResult } from '../../../shared/api/search.contract';
import type { Db } from '../../db/database';
import { findAccounts, findContacts } from './search.repository';

/**
 * Global search (Ctrl+K): accounts by name or domain and contacts by name or email, each kind
 * ranked and capped at `limit`. Both lookups run side by side on the pool.
 */
export async function searchEverything(db: Db, query: { q: string; limit: number }): Promise<SearchResult> {
  const [accounts, contacts] = await Promise.all([
    findAccounts(db, query.q, query.limit),
    findContacts(db, query.q, query.limit),
  ]);
  return { q: query.q, accounts, contacts };
}
