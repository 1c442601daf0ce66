import { sql } from 'drizzle-orm';
import type { AccountHit, ContactHit } from '../../../shared/api/search.contract';
import type { Db } from '../../db/database';
import { accountIdMatch } from '../accounts/account-filters.sql';

/** Below this many characters a text matches only at the start: trigram indexes need three to narrow a "contains". */
export const CONTAINS_MIN_LENGTH = 3;

/**
 * The LIKE pattern of a search text, lower-cased like the indexed expressions, with the text's own
 * `%`, `_` and `\` matched literally: "contains" (`%text%`) from 3 characters, "starts with" (`te%`)
 * below, which the trigram indexes still answer (a 2-character "contains" would read every row).
 * @example likePattern('50%_off') // '%50\\%\\_off%'
 */
export function likePattern(text: string): string {
  const escaped = text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`);
  return text.length < CONTAINS_MIN_LENGTH ? `${escaped}%` : `%${escaped}%`;
}

/** The pattern for "starts with the text", used to rank such matches first. */
function prefixPattern(text: string): string {
  const pattern = likePattern(text);
  return pattern.startsWith('%') ? pattern.slice(1) : pattern;
}

/**
 * Accounts whose name or domain contains the text (starts with it, for 1–2 characters), or one of
 * whose ids (external, CRM, billing, support) is exactly the text. The WHERE uses exactly the
 * expressions of the trigram indexes `accounts_name_trgm_idx` and `accounts_domain_trgm_idx`
 * (migration 0003) and the B-trees on each id, so PostgreSQL answers with a bitmap OR of them instead
 * of reading 100,000 rows.
 * Ranked: an id equal to the text, exact name, name starting with the text, domain starting with it,
 * then by name.
 */
export async function findAccounts(db: Db, text: string, limit: number): Promise<AccountHit[]> {
  const lowered = text.toLowerCase();
  const pattern = likePattern(text);
  const prefix = prefixPattern(text);
  const result = await db.execute<{
    id: string;
    name: string;
    domain: string | null;
    status: string;
    owner_name: string | null;
  }>(sql`
    SELECT a.id, a.name, a.domain, a.status, u.name AS owner_name
    FROM accounts a
    LEFT JOIN users u ON u.id = a.owner_id
    WHERE lower(a.name) LIKE ${pattern} OR lower(a.domain) LIKE ${pattern} OR ${accountIdMatch(text)}
    ORDER BY coalesce(${accountIdMatch(text)}, false) DESC,
             lower(a.name) = ${lowered} DESC,
             lower(a.name) LIKE ${prefix} DESC,
             coalesce(lower(a.domain) LIKE ${prefix}, false) DESC,
             a.status = 'churned',
             lower(a.name), a.id
    LIMIT ${limit}`);
  return result.rows.map((row) => ({
    id: row.id,
    name: row.name,
    domain: row.domain,
    status: row.status,
    ownerName: row.owner_name,
  }));
}

/**
 * Contacts whose "first last email" contains the text (or starts with it, for 2 characters), with their account. The WHERE repeats the
 * expression of `contacts_search_trgm_idx` (migration 0003) character for character so it is used.
 */
export async function findContacts(db: Db, text: string, limit: number): Promise<ContactHit[]> {
  const pattern = likePattern(text);
  const prefix = prefixPattern(text);
  const result = await db.execute<{
    id: string;
    first_name: string | null;
    last_name: string | null;
    email: string | null;
    title: string | null;
    account_id: string;
    account_name: string;
  }>(sql`
    SELECT c.id, c.first_name, c.last_name, c.email, c.title, c.account_id, a.name AS account_name
    FROM contacts c
    JOIN accounts a ON a.id = c.account_id
    WHERE lower(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '') || ' ' || coalesce(c.email, '')) LIKE ${pattern}
    ORDER BY lower(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '') || ' ' || coalesce(c.email, '')) LIKE ${prefix} DESC,
             lower(c.last_name), lower(c.first_name), c.id
    LIMIT ${limit}`);
  return result.rows.map((row) => ({
    id: row.id,
    name: [row.first_name, row.last_name].filter(Boolean).join(' ') || (row.email ?? '(no name)'),
    email: row.email,
    title: row.title,
    accountId: row.account_id,
    accountName: row.account_name,
  }));
}
