import { and, count, eq, or, type SQL, sql } from 'drizzle-orm';
import type { AccountListFilters } from '../../../shared/api/accounts.contract';
import type { Db, Tx } from '../../db/database';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { accounts, users } from '../../db/schema';
import { type AccountFilterSql, accountFilterSql, whereClause } from './account-filters.sql';
import { currentMrrByAccount } from './current-mrr.sql';
import { ensureMrrToday, mrrTodayRows } from './mrr-today';

export type AccountRow = typeof accounts.$inferSelect;

/** A row of the accounts list: the account, its MRR today, its owner and its latest health. */
export interface AccountListRow extends AccountRow {
  mrrMinor: number;
  ownerName: string | null;
  ownerEmail: string | null;
  /** Two decimals; null when not scored (no account_health row, or one saying "not scored"). */
  healthScore: number | null;
  healthBand: string | null;
  healthBandIndex: number | null;
}

/** Columns every list query selects besides the account's own (`a.*`). */
const listColumns = sql`a.*, u.name AS owner_name, u.email AS owner_email,
  h.display_score AS health_score, h.band AS health_band, h.band_index AS health_band_index`;

/**
 * One page of accounts matching the filters, with the total count of matches.
 * MRR today is computed from subscriptions: for every account only when the filters or the sort
 * need it, otherwise for the page's accounts alone (docs/decisions/0005-portfolio-reads.md).
 */
export async function listAccounts(
  db: Db,
  query: AccountListFilters,
  context: { actorUserId: string; today: string },
): Promise<{ rows: AccountListRow[]; total: number }> {
  const filter = accountFilterSql(query, context);
  const where = whereClause(filter.conditions);
  const offset = (query.page - 1) * query.pageSize;
  if (filter.needsMrr) await ensureMrrToday(db);

  // Order and cut the page on narrow rows (id and sort keys), then read the page's 50 accounts in full:
  // sorting 100,000 whole rows (traits included) is what made wide queries slow.
  const joins = sql`
    ${filter.needsHealth ? sql`LEFT JOIN account_health h ON h.account_id = a.id` : sql``}
    ${filter.needsMrr ? sql`LEFT JOIN m ON m.account_id = a.id` : sql``}`;
  const pageOf = (withTotal: boolean) => sql`
    ${filter.needsMrr ? sql`WITH m AS (${mrrTodayRows}),` : sql`WITH`}
    f AS (
      SELECT a.id, ${filter.sortKey} AS sort_key, lower(a.name) AS name_key
             ${filter.needsMrr ? sql`, coalesce(m.mrr_minor, 0)::bigint AS mrr_minor` : sql``}
             ${withTotal ? sql`, count(*) OVER () AS total_count` : sql``}
      FROM accounts a ${joins}
      ${where}
      ORDER BY ${filter.orderBy}
      LIMIT ${query.pageSize} OFFSET ${offset}
    )
    SELECT ${listColumns}, f.*
    FROM f
    JOIN accounts a ON a.id = f.id
    LEFT JOIN account_health h ON h.account_id = a.id
    LEFT JOIN users u ON u.id = a.owner_id
    ORDER BY f.sort_key ${filter.direction}, f.name_key, f.id`;

  if (filter.mrrSortOnly) {
    const [page, total] = await Promise.all([
      db.execute<Record<string, unknown>>(
        mrrSortedPage(filter, filter.mrrSortOnly.descending, offset, query.pageSize),
      ),
      countAccountsMatching(db, { ...filter, needsMrr: false }),
    ]);
    return { rows: page.rows.map(mapListRow), total };
  }

  if (filter.needsMrr) {
    // MRR is computed for every account anyway: count in the same pass instead of computing it twice.
    const result = await db.execute<Record<string, unknown>>(pageOf(true));
    if (result.rows.length === 0 && offset > 0)
      return { rows: [], total: await countAccountsMatching(db, filter) };
    return { rows: result.rows.map(mapListRow), total: Number(result.rows[0]?.total_count ?? 0) };
  }

  const [page, total] = await Promise.all([
    db.execute<Record<string, unknown>>(pageOf(false)),
    countAccountsMatching(db, filter),
  ]);
  const mrrByAccount = await currentMrrOf(
    db,
    page.rows.map((row) => row.id as string),
  );
  return {
    rows: page.rows.map((row) => mapListRow({ ...row, mrr_minor: mrrByAccount.get(row.id as string) ?? 0 })),
    total,
  };
}

/**
 * A page sorted by MRR today when no filter reads MRR. The accounts with MRR follow the index on
 * account_mrr_today; those without (no row, or a row of 0) follow the name index. Each part gives at
 * most offset + page size rows, and their union is ordered and cut as the whole list would be (MRR,
 * then name, then id). MRR today is never negative (subscriptions_amount_check, positive rates), so
 * the two parts are the whole list. Sorting every account by MRR took ~140 ms at 100,000 accounts;
 * this takes a few (docs/decisions/0005).
 */
function mrrSortedPage(filter: AccountFilterSql, descending: boolean, offset: number, pageSize: number): SQL {
  const direction = descending ? sql`DESC` : sql`ASC`;
  const health = filter.needsHealth ? sql`LEFT JOIN account_health h ON h.account_id = a.id` : sql``;
  const part = (from: SQL, sortKey: SQL, condition: SQL, orderBy: SQL) => sql`(
    SELECT a.id, ${sortKey} AS sort_key, lower(a.name) AS name_key
    FROM ${from} ${health}
    ${whereClause([...filter.conditions, condition])}
    ORDER BY ${orderBy}
    LIMIT ${offset + pageSize})`;
  const withMrr = part(
    sql`account_mrr_today m JOIN accounts a ON a.id = m.account_id`,
    sql`m.mrr_minor`,
    sql`m.mrr_minor > 0`,
    sql`m.mrr_minor ${direction}, lower(a.name), a.id`,
  );
  const withoutMrr = part(
    sql`accounts a`,
    sql`0::bigint`,
    sql`NOT EXISTS (SELECT 1 FROM account_mrr_today z WHERE z.account_id = a.id AND z.mrr_minor > 0)`,
    sql`lower(a.name), a.id`,
  );
  return sql`
    WITH f AS (
      SELECT ranked.*, ranked.sort_key AS mrr_minor
      FROM (${withMrr} UNION ALL ${withoutMrr}) ranked
      ORDER BY ranked.sort_key ${direction}, ranked.name_key, ranked.id
      LIMIT ${pageSize} OFFSET ${offset}
    )
    SELECT ${listColumns}, f.*
    FROM f
    JOIN accounts a ON a.id = f.id
    LEFT JOIN account_health h ON h.account_id = a.id
    LEFT JOIN users u ON u.id = a.owner_id
    ORDER BY f.sort_key ${direction}, f.name_key, f.id`;
}

/** How many accounts match: joins only what the conditions read. */
async function countAccountsMatching(db: Db, filter: AccountFilterSql): Promise<number> {
  const result = await db.execute<{ total: number }>(sql`
    ${filter.needsMrr ? sql`WITH m AS (${mrrTodayRows})` : sql``}
    SELECT count(*)::int AS total
    FROM accounts a
    ${filter.needsHealth ? sql`LEFT JOIN account_health h ON h.account_id = a.id` : sql``}
    ${filter.needsMrr ? sql`LEFT JOIN m ON m.account_id = a.id` : sql``}
    ${whereClause(filter.conditions)}`);
  return result.rows[0]?.total ?? 0;
}

/** A list row from SQL (snake_case, numerics as text) to its typed form. */
export function mapListRow(row: Record<string, unknown>): AccountListRow {
  return {
    id: row.id as string,
    source: row.source as string,
    externalId: row.external_id as string | null,
    name: row.name as string,
    domain: row.domain as string | null,
    parentId: row.parent_id as string | null,
    crmId: row.crm_id as string | null,
    billingId: row.billing_id as string | null,
    supportId: row.support_id as string | null,
    industry: row.industry as string | null,
    region: row.region as string | null,
    ownerId: row.owner_id as string | null,
    ownerSince: row.owner_since ? new Date(row.owner_since as string) : null,
    execSponsorId: row.exec_sponsor_id as string | null,
    status: row.status as AccountRow['status'],
    tier: row.tier as string | null,
    segment: row.segment as string | null,
    lifecycleStage: row.lifecycle_stage as string | null,
    renewalDate: row.renewal_date as string | null,
    goLiveDate: row.go_live_date as string | null,
    traits: (row.traits ?? {}) as Record<string, unknown>,
    createdAt: new Date(row.created_at as string),
    updatedAt: new Date(row.updated_at as string),
    mrrMinor: Number(row.mrr_minor ?? 0),
    ownerName: row.owner_name as string | null,
    ownerEmail: row.owner_email as string | null,
    healthScore:
      row.health_score === null || row.health_score === undefined ? null : Number(row.health_score),
    healthBand: (row.health_band as string | null) ?? null,
    healthBandIndex:
      row.health_band_index === null || row.health_band_index === undefined
        ? null
        : Number(row.health_band_index),
  };
}

export async function findAccount(db: Db, id: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
  return row;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Accounts a person may mean by `reference`: its id, `source:external_id`, or its exact name (any case). */
export async function findAccountsByReference(db: Db, reference: string): Promise<AccountRow[]> {
  const separator = reference.indexOf(':');
  const conditions = [sql`lower(${accounts.name}) = lower(${reference})`];
  if (UUID_PATTERN.test(reference)) conditions.push(eq(accounts.id, reference));
  if (separator > 0)
    conditions.push(
      and(
        eq(accounts.source, reference.slice(0, separator)),
        eq(accounts.externalId, reference.slice(separator + 1)),
      )!,
    );
  return db
    .select()
    .from(accounts)
    .where(or(...conditions))
    .orderBy(accounts.name, accounts.id);
}

export async function countAccounts(db: Db): Promise<number> {
  const [row] = await db.select({ value: count() }).from(accounts);
  return row?.value ?? 0;
}

/** MRR today of each given account (missing accounts have 0). */
export async function currentMrrOf(db: Db, accountIds: string[]): Promise<Map<string, number>> {
  if (accountIds.length === 0) return new Map();
  const ids = sql.join(
    accountIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const result = await db.execute<{ account_id: string; mrr_minor: number }>(
    currentMrrByAccount(sql`s.account_id IN (${ids})`),
  );
  return new Map(result.rows.map((row) => [row.account_id, Number(row.mrr_minor)]));
}

/** Ids of the account and every account below it in the hierarchy. */
export async function descendantIds(db: Db, accountId: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE tree AS (
      SELECT id FROM accounts WHERE id = ${accountId}
      UNION
      SELECT a.id FROM accounts a JOIN tree t ON a.parent_id = t.id
    )
    SELECT id FROM tree`);
  return result.rows.map((row) => row.id);
}

export async function insertAccount(db: Db, values: typeof accounts.$inferInsert): Promise<AccountRow> {
  const [row] = await db.insert(accounts).values(values).returning();
  return row!;
}

export async function updateAccountRow(
  db: Db | Tx,
  id: string,
  values: PgUpdateSetSource<typeof accounts>,
): Promise<AccountRow | undefined> {
  const [row] = await db
    .update(accounts)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(accounts.id, id))
    .returning();
  return row;
}

export async function deleteAccountRow(db: Db | Tx, id: string): Promise<boolean> {
  const deleted = await db.delete(accounts).where(eq(accounts.id, id)).returning({ id: accounts.id });
  return deleted.length > 0;
}

export async function findUserRefs(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, { id: string; name: string; email: string }>();
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(
      sql`${users.id} IN (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  return new Map(rows.map((row) => [row.id, row]));
}
