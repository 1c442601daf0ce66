import { type SQL, sql } from 'drizzle-orm';
import { type AccountFilters, NO_STAGE, UNSCORED_BAND } from '../../../shared/api/accounts.contract';

/**
 * The WHERE conditions and ORDER BY of the portfolio list and its export, over `accounts a`,
 * `account_health h` (joined when `needsHealth`) and the MRR-today rows `m` (joined when `needsMrr`).
 * Shared by the page, its count and the CSV so all three always agree.
 */
export interface AccountFilterSql {
  conditions: SQL[];
  /** ORDER BY expression list: the sort, then the name, then a.id so pages never overlap. */
  orderBy: SQL;
  /** The sort expression alone and its direction, to re-order selected rows by an alias of it. */
  sortKey: SQL;
  direction: SQL;
  /** The filters or the sort read account_health. */
  needsHealth: boolean;
  /** The filters or the sort read MRR today, which must then be computed for every account. */
  needsMrr: boolean;
  /** Sorted by MRR today, which no filter reads: the page can follow the MRR index (account.repository.ts). */
  mrrSortOnly: { descending: boolean } | null;
}

const sortExpressions: Record<string, { expression: SQL; table?: 'health' | 'mrr' }> = {
  name: { expression: sql`lower(a.name)` },
  mrr: { expression: sql`coalesce(m.mrr_minor, 0)`, table: 'mrr' },
  health: { expression: sql`h.display_score`, table: 'health' },
  renewalDate: { expression: sql`a.renewal_date` },
  createdAt: { expression: sql`a.created_at` },
  updatedAt: { expression: sql`a.updated_at` },
};

/** `today` plus `days`, both YYYY-MM-DD (UTC calendar days). */
export function addDays(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards escaped. */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}

/**
 * Whether one of the account's ids (alias `a`) is exactly the text: the external id, or the CRM,
 * billing or support id, as another tool shows it. Each has a B-tree index.
 */
export function accountIdMatch(text: string): SQL {
  return sql`(a.external_id = ${text} OR a.crm_id = ${text} OR a.billing_id = ${text} OR a.support_id = ${text})`;
}

/**
 * Builds the conditions and order of a portfolio query.
 * @example accountFilterSql({ ...filters, band: ['Red', 'none'], sort: '-health' }, { actorUserId, today: '2026-05-01' })
 */
export function accountFilterSql(
  filters: AccountFilters,
  context: { actorUserId: string; today: string },
): AccountFilterSql {
  const conditions: SQL[] = [];
  let needsHealth = false;
  let needsMrr = false;
  if (filters.q) {
    // lower(…) LIKE matches the trigram indexes on lower(name) and lower(domain); each id has a B-tree.
    const pattern = containsPattern(filters.q);
    conditions.push(
      sql`(lower(a.name) LIKE ${pattern} OR lower(a.domain) LIKE ${pattern} OR ${accountIdMatch(filters.q)})`,
    );
  }
  if (filters.owner === 'me') conditions.push(sql`a.owner_id = ${context.actorUserId}`);
  else if (filters.owner === 'none') conditions.push(sql`a.owner_id IS NULL`);
  else if (filters.owner) conditions.push(sql`a.owner_id = ${filters.owner}`);
  if (filters.status?.length)
    conditions.push(
      sql`a.status IN (${sql.join(
        filters.status.map((status) => sql`${status}`),
        sql`, `,
      )})`,
    );
  if (filters.tier) conditions.push(sql`a.tier = ${filters.tier}`);
  if (filters.segment) conditions.push(sql`a.segment = ${filters.segment}`);
  if (filters.stage === NO_STAGE) conditions.push(sql`a.lifecycle_stage IS NULL`);
  else if (filters.stage) conditions.push(sql`a.lifecycle_stage = ${filters.stage}`);
  if (filters.parent) conditions.push(sql`a.parent_id = ${filters.parent}`);
  if (filters.renewalFrom) conditions.push(sql`a.renewal_date >= ${filters.renewalFrom}`);
  if (filters.renewalTo) conditions.push(sql`a.renewal_date <= ${filters.renewalTo}`);
  if (filters.renewalWithin !== undefined) {
    conditions.push(
      sql`a.renewal_date BETWEEN ${context.today} AND ${addDays(context.today, filters.renewalWithin)}`,
    );
  }
  if (filters.mrrMin !== undefined) conditions.push(sql`coalesce(m.mrr_minor, 0) >= ${filters.mrrMin}`);
  if (filters.mrrMax !== undefined) conditions.push(sql`coalesce(m.mrr_minor, 0) <= ${filters.mrrMax}`);
  if (filters.mrrMin !== undefined || filters.mrrMax !== undefined) needsMrr = true;
  for (const trait of filters.trait) {
    const separator = trait.indexOf(':');
    conditions.push(sql`a.traits ->> ${trait.slice(0, separator)} = ${trait.slice(separator + 1)}`);
  }
  if (filters.band?.length) {
    needsHealth = true;
    const names = filters.band.filter((band) => band !== UNSCORED_BAND);
    const either: SQL[] = [];
    if (names.length > 0)
      either.push(
        sql`h.band IN (${sql.join(
          names.map((name) => sql`${name}`),
          sql`, `,
        )})`,
      );
    // Unscored: no account_health row yet, or a row saying "not scored" (no display score).
    if (names.length < filters.band.length) either.push(sql`h.display_score IS NULL`);
    conditions.push(sql`(${sql.join(either, sql` OR `)})`);
  }

  const descending = filters.sort.startsWith('-');
  const sort = sortExpressions[filters.sort.replace(/^-/, '')] ?? sortExpressions.name!;
  if (sort.table === 'health') needsHealth = true;
  const mrrSortOnly = sort.table === 'mrr' && !needsMrr ? { descending } : null;
  if (sort.table === 'mrr') needsMrr = true;
  const direction = descending ? sql`DESC NULLS LAST` : sql`ASC NULLS LAST`;
  // Ties (and unscored or undated accounts, always last) read by name; the id keeps pages from overlapping.
  const tieBreak = sort === sortExpressions.name ? sql`a.id` : sql`lower(a.name), a.id`;
  const orderBy = sql`${sort.expression} ${direction}, ${tieBreak}`;
  return { conditions, orderBy, sortKey: sort.expression, direction, needsHealth, needsMrr, mrrSortOnly };
}

/** `WHERE …` of the conditions, or nothing. */
export function whereClause(conditions: SQL[]): SQL {
  return conditions.length > 0 ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
}
