import { and, count, eq, or, sql, type SQL } from 'drizzle-orm';
import type { AccountListFilters } from '../../../shared/api/accounts.contract';
import type { Db, Tx } from '../../db/database';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { accounts, users } from '../../db/schema';
import { currentMrrByAccount } from './current-mrr.sql';

export type AccountRow = typeof accounts.$inferSelect;

/** A row of the accounts list: the account, its MRR today and its owner. */
export interface AccountListRow extends AccountRow {
  mrrMinor: number;
  ownerName: string | null;
  ownerEmail: string | null;
}

export type ParsedAccountListQuery = AccountListFilters;

const sortColumns: Record<string, SQL> = {
  name: sql`lower(f.name)`,
  mrr: sql`f.mrr_minor`,
  renewalDate: sql`f.renewal_date`,
  createdAt: sql`f.created_at`,
  updatedAt: sql`f.updated_at`,
};

/** One page of accounts matching the filters, with the total count of matches. */
export async function listAccounts(
  db: Db,
  query: ParsedAccountListQuery,
  actorUserId: string,
): Promise<{ rows: AccountListRow[]; total: number }> {
  const where: SQL[] = [];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
    where.push(sql`(a.name ILIKE ${pattern} OR a.domain ILIKE ${pattern})`);
  }
  if (query.owner === 'me') where.push(sql`a.owner_id = ${actorUserId}`);
  else if (query.owner === 'none') where.push(sql`a.owner_id IS NULL`);
  else if (query.owner) where.push(sql`a.owner_id = ${query.owner}`);
  if (query.status?.length) where.push(sql`a.status IN (${sql.join(query.status.map((status) => sql`${status}`), sql`, `)})`);
  if (query.tier) where.push(sql`a.tier = ${query.tier}`);
  if (query.segment) where.push(sql`a.segment = ${query.segment}`);
  if (query.stage) where.push(sql`a.lifecycle_stage = ${query.stage}`);
  if (query.parent) where.push(sql`a.parent_id = ${query.parent}`);
  if (query.renewalFrom) where.push(sql`a.renewal_date >= ${query.renewalFrom}`);
  if (query.renewalTo) where.push(sql`a.renewal_date <= ${query.renewalTo}`);
  if (query.mrrMin !== undefined) where.push(sql`coalesce(m.mrr_minor, 0) >= ${query.mrrMin}`);
  if (query.mrrMax !== undefined) where.push(sql`coalesce(m.mrr_minor, 0) <= ${query.mrrMax}`);
  for (const trait of query.trait) {
    const separator = trait.indexOf(':');
    where.push(sql`a.traits ->> ${trait.slice(0, separator)} = ${trait.slice(separator + 1)}`);
  }
  const descending = query.sort.startsWith('-');
  const sortColumn = sortColumns[query.sort.replace(/^-/, '')] ?? sortColumns.name!;
  const direction = descending ? sql`DESC NULLS LAST` : sql`ASC NULLS LAST`;
  const offset = (query.page - 1) * query.pageSize;

  const result = await db.execute<Record<string, unknown>>(sql`
    WITH m AS (${currentMrrByAccount()}),
    f AS (
      SELECT a.*, coalesce(m.mrr_minor, 0)::bigint AS mrr_minor
      FROM accounts a
      LEFT JOIN m ON m.account_id = a.id
      ${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}
    )
    SELECT f.*, u.name AS owner_name, u.email AS owner_email, count(*) OVER () AS total_count
    FROM f
    LEFT JOIN users u ON u.id = f.owner_id
    ORDER BY ${sortColumn} ${direction}, f.id
    LIMIT ${query.pageSize} OFFSET ${offset}`);

  if (result.rows.length === 0 && offset > 0) {
    // Past the last page: still report the true total.
    const totalOnly = await db.execute<{ total: number }>(sql`
      WITH m AS (${currentMrrByAccount()})
      SELECT count(*)::int AS total FROM accounts a LEFT JOIN m ON m.account_id = a.id
      ${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}`);
    return { rows: [], total: totalOnly.rows[0]?.total ?? 0 };
  }
  return {
    rows: result.rows.map(mapListRow),
    total: Number(result.rows[0]?.total_count ?? 0),
  };
}

function mapListRow(row: Record<string, unknown>): AccountListRow {
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
  if (separator > 0) conditions.push(and(eq(accounts.source, reference.slice(0, separator)), eq(accounts.externalId, reference.slice(separator + 1)))!);
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
  const ids = sql.join(accountIds.map((id) => sql`${id}::uuid`), sql`, `);
  const result = await db.execute<{ account_id: string; mrr_minor: number }>(currentMrrByAccount(sql`s.account_id IN (${ids})`));
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

export async function updateAccountRow(db: Db, id: string, values: PgUpdateSetSource<typeof accounts>): Promise<AccountRow | undefined> {
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
    .where(sql`${users.id} IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return new Map(rows.map((row) => [row.id, row]));
}
