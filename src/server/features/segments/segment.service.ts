import { sql } from 'drizzle-orm';
import type { SegmentRule } from '../../../domain/segments';
import type {
  RulePurpose,
  Segment,
  SegmentAccountsChangeResult,
  SegmentCreate,
  SegmentHistoryPage,
  SegmentHistoryQuery,
  SegmentMemberPage,
  SegmentMembersQuery,
  SegmentPreview,
  SegmentUpdate,
} from '../../../shared/api/segments.contract';
import type { Actor } from '../../auth/policy';
import type { Database } from '../../db/database';
import { badRequest, conflict, notFound } from '../../http/problem';
import { ensureMrrToday } from '../accounts/mrr-today';
import { REPORTING_CURRENCY } from '../accounts/current-mrr.sql';
import { lockJourney } from './journey-refresh';
import { assertValidRule, catalogueFor, ruleProblems } from './rule-validation';
import { accountSourceSql, type Queryable } from './segment-fields';
import { addStaticMembers, refreshSegments, removeStaticMembers, utcToday } from './segment-membership';
import {
  presentMembershipEvent,
  presentSegment,
  presentSegmentAccount,
  presentSegmentMember,
} from './segment.presenter';
import {
  accountListColumns,
  accountListJoins,
  deleteSegmentRow,
  findSegmentRow,
  insertSegmentRow,
  listEventRows,
  listMemberRows,
  listSegmentRows,
  missingAccountIds,
  type SegmentAccountRow,
  type SegmentRow,
  updateSegmentRow,
} from './segment.repository';
import { compileSegmentRule, sourcesUsedBy } from './segment-sql';
import { catalogueForSaved } from './tier-assignment';

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  return code === '23505';
}

/** Runs a write and turns the unique segment name into a 409 that says what to do. */
async function withUniqueName<T>(name: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(`A segment named "${name}" already exists. Pick another name, or edit that segment.`, [
        { field: 'body.name', message: 'already used by another segment (names ignore case)' },
      ]);
    throw error;
  }
}

/** Presents rows, with the problems of each saved dynamic rule against today's data. */
async function presentAll(db: Queryable, rows: readonly SegmentRow[]): Promise<Segment[]> {
  const rules = rows.flatMap((row) => (row.rule ? [row.rule] : []));
  const catalogue = rules.length > 0 ? await catalogueForSaved(db, rules) : undefined;
  return rows.map((row) =>
    presentSegment(row, row.rule && catalogue ? ruleProblems(row.rule, catalogue, 'segment') : []),
  );
}

/** Every segment by name, with member counts. */
export async function listSegments(db: Queryable): Promise<Segment[]> {
  return presentAll(db, await listSegmentRows(db));
}

/** One segment by id; 404 when there is none. */
export async function getSegment(db: Queryable, id: string): Promise<Segment> {
  const row = await findSegmentRow(db, { id });
  if (!row) throw notFound('segment', id);
  return (await presentAll(db, [row]))[0]!;
}

/** One segment by name (case-insensitive), for the CLI; undefined when there is none. */
export async function findSegmentByName(db: Queryable, name: string): Promise<Segment | undefined> {
  const row = await findSegmentRow(db, { name });
  return row ? (await presentAll(db, [row]))[0] : undefined;
}

async function assertAccountsExist(db: Queryable, accountIds: readonly string[]): Promise<void> {
  const missing = new Set(await missingAccountIds(db, accountIds));
  if (missing.size === 0) return;
  const errors = accountIds.flatMap((id, index) =>
    missing.has(id) ? [{ field: `body.accountIds[${index}]`, message: `no account with id ${id}` }] : [],
  );
  throw badRequest(
    `${missing.size} of the account ids match no account; remove them or check the ids.`,
    errors,
  );
}

/** Validates a rule (400 listing every problem by path) and returns the catalogue it was checked against. */
async function checkedCatalogue(db: Queryable, rule: SegmentRule, purpose: RulePurpose) {
  const catalogue = await catalogueFor(db, [rule]);
  assertValidRule(rule, catalogue, purpose);
  return catalogue;
}

/**
 * Creates a segment and fills it in the same transaction: a dynamic one with the accounts its rule
 * matches now, a static one with the given accounts; each member gets an 'entered' event.
 */
export async function createSegment(
  database: Database,
  actor: Actor,
  input: SegmentCreate,
): Promise<Segment> {
  const { db } = database;
  const catalogue = input.kind === 'dynamic' ? await checkedCatalogue(db, input.rule, 'segment') : undefined;
  if (input.kind === 'static' && input.accountIds) await assertAccountsExist(db, input.accountIds);
  await ensureMrrToday(db);
  const id = await db.transaction(async (tx) => {
    await lockJourney(tx);
    const segmentId = await withUniqueName(input.name, () =>
      insertSegmentRow(tx, {
        name: input.name,
        description: input.description ?? null,
        kind: input.kind,
        rule: input.kind === 'dynamic' ? input.rule : null,
        createdBy: actor.userId,
      }),
    );
    if (input.kind === 'dynamic') await refreshSegments(tx, [segmentId], { catalogue });
    else if (input.accountIds) await addStaticMembers(tx, segmentId, input.accountIds);
    return segmentId;
  });
  return getSegment(db, id);
}

/** Renames, re-describes or (dynamic only) changes the rule; a new rule recomputes the members at once. */
export async function updateSegment(database: Database, id: string, input: SegmentUpdate): Promise<Segment> {
  const { db } = database;
  const existing = await findSegmentRow(db, { id });
  if (!existing) throw notFound('segment', id);
  if (input.rule !== undefined && existing.kind === 'static') {
    throw badRequest(
      'A static list has no rule: add and remove its accounts instead, or create a dynamic segment.',
      [{ field: 'body.rule', message: 'not allowed on a static list' }],
    );
  }
  const catalogue = input.rule ? await checkedCatalogue(db, input.rule, 'segment') : undefined;
  if (input.rule) await ensureMrrToday(db);
  await db.transaction(async (tx) => {
    await lockJourney(tx);
    const updated = await withUniqueName(input.name, () =>
      updateSegmentRow(tx, id, { name: input.name, description: input.description, rule: input.rule }),
    );
    if (!updated) throw notFound('segment', id);
    if (input.rule) await refreshSegments(tx, [id], { catalogue });
  });
  return getSegment(db, id);
}

/** Deletes a segment with its members and history; 404 when there is none. */
export async function deleteSegment(db: Queryable, id: string): Promise<void> {
  if (!(await deleteSegmentRow(db, id))) throw notFound('segment', id);
}

/**
 * Counts the accounts a rule matches now and returns the 10 with the highest ARR, without saving
 * anything: one query over every account (the rule compiled to SQL).
 */
export async function previewRule(
  database: Database,
  rule: SegmentRule,
  purpose: RulePurpose,
): Promise<SegmentPreview> {
  const { db } = database;
  const catalogue = await checkedCatalogue(db, rule, purpose);
  await ensureMrrToday(db);
  const today = utcToday();
  // The top 10 are picked from the matched ids and their MRR alone; only those 10 are joined for display.
  const matched = sql`
    SELECT a.id, coalesce(pm.mrr_minor, 0) AS mrr_minor, lower(a.name) AS sort_name
    FROM ${accountSourceSql(sourcesUsedBy([rule], catalogue), today)}
    LEFT JOIN account_mrr_today pm ON pm.account_id = a.id
    WHERE ${compileSegmentRule(rule, catalogue, today)}`;
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL jit = off`);
    return tx.execute<{ count: number; total_accounts: number; sample: SegmentAccountRow[] }>(sql`
      WITH matched AS MATERIALIZED (${matched})
      SELECT (SELECT count(*) FROM matched)::int AS count,
             (SELECT count(*) FROM accounts)::int AS total_accounts,
             coalesce((
               SELECT json_agg(to_json(d) ORDER BY t.mrr_minor DESC, t.sort_name, t.id)
               FROM (SELECT id, mrr_minor, sort_name FROM matched ORDER BY mrr_minor DESC, sort_name, id LIMIT 10) t
               CROSS JOIN LATERAL (SELECT ${accountListColumns} FROM accounts a ${accountListJoins} WHERE a.id = t.id) d
             ), '[]'::json) AS sample`);
  });
  const row = result.rows[0]!;
  return {
    count: row.count,
    totalAccounts: row.total_accounts,
    sample: row.sample.map(presentSegmentAccount),
    reportingCurrency: REPORTING_CURRENCY,
  };
}

/** One page of a segment's members, sorted by name or ARR. */
export async function listMembers(
  db: Queryable,
  id: string,
  query: SegmentMembersQuery,
): Promise<SegmentMemberPage> {
  if (!(await findSegmentRow(db, { id }))) throw notFound('segment', id);
  const { rows, total } = await listMemberRows(db, id, query);
  return {
    items: rows.map(presentSegmentMember),
    total,
    page: query.page,
    pageSize: query.pageSize,
    reportingCurrency: REPORTING_CURRENCY,
  };
}

/** One page of who entered and left a segment, newest first. */
export async function listHistory(
  db: Queryable,
  id: string,
  query: SegmentHistoryQuery,
): Promise<SegmentHistoryPage> {
  if (!(await findSegmentRow(db, { id }))) throw notFound('segment', id);
  const { rows, total } = await listEventRows(db, id, query.page, query.pageSize);
  return { items: rows.map(presentMembershipEvent), total, page: query.page, pageSize: query.pageSize };
}

/** Adds accounts to (or removes them from) a static list; a dynamic segment's members follow its rule (409). */
export async function changeStaticMembers(
  database: Database,
  id: string,
  accountIds: readonly string[],
  change: 'add' | 'remove',
): Promise<SegmentAccountsChangeResult> {
  const { db } = database;
  const existing = await findSegmentRow(db, { id });
  if (!existing) throw notFound('segment', id);
  if (existing.kind === 'dynamic') {
    throw conflict(
      `"${existing.name}" is a dynamic segment: its members follow its rule. Change the rule, or use a static list.`,
    );
  }
  if (change === 'add') await assertAccountsExist(db, accountIds);
  const distinct = new Set(accountIds).size;
  const changed = await db.transaction(async (tx) => {
    await lockJourney(tx);
    return change === 'add' ? addStaticMembers(tx, id, accountIds) : removeStaticMembers(tx, id, accountIds);
  });
  const after = await findSegmentRow(db, { id });
  return { changed, unchanged: distinct - changed, memberCount: after?.member_count ?? 0 };
}
