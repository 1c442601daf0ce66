import { type SQL, sql } from 'drizzle-orm';
import type { SegmentRule } from '../../../domain/segments';
import type { SegmentMembersQuery } from '../../../shared/api/segments.contract';
import type { Queryable } from './segment-fields';

/** A segment row with its member count and creator, as the presenter reads it. */
export type SegmentRow = {
  id: string;
  name: string;
  description: string | null;
  kind: 'dynamic' | 'static';
  rule: SegmentRule | null;
  member_count: number;
  evaluated_at: Date | null;
  created_at: Date;
  updated_at: Date;
  creator_id: string | null;
  creator_name: string | null;
  creator_email: string | null;
};

/** An account row of segment lists (members, preview sample). */
export type SegmentAccountRow = {
  id: string;
  name: string;
  status: string;
  tier: string | null;
  lifecycle_stage: string | null;
  owner_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  arr_minor: number;
  health_score: number | null;
  health_band: string | null;
  since?: Date;
};

/** The columns of SegmentAccountRow over `a` with the owner `o`, MRR `m` and health `h` joined (accountListJoins). */
export const accountListColumns = sql`a.id, a.name, a.status, a.tier, a.lifecycle_stage,
  o.id AS owner_id, o.name AS owner_name, o.email AS owner_email,
  (coalesce(m.mrr_minor, 0) * 12)::bigint AS arr_minor, h.display_score::float8 AS health_score, h.band AS health_band`;
export const accountListJoins = sql`LEFT JOIN users o ON o.id = a.owner_id
  LEFT JOIN account_mrr_today m ON m.account_id = a.id
  LEFT JOIN account_health h ON h.account_id = a.id`;

const segmentSelect = (where: SQL) => sql`
  SELECT s.id, s.name, s.description, s.kind, s.rule, s.evaluated_at, s.created_at, s.updated_at,
         (SELECT count(*) FROM segment_members sm WHERE sm.segment_id = s.id)::int AS member_count,
         u.id AS creator_id, u.name AS creator_name, u.email AS creator_email
  FROM segments s LEFT JOIN users u ON u.id = s.created_by
  ${where}
  ORDER BY lower(s.name), s.id`;

/** Every segment by name, with member counts. */
export async function listSegmentRows(db: Queryable): Promise<SegmentRow[]> {
  return (await db.execute<SegmentRow>(segmentSelect(sql``))).rows;
}

/** One segment by `{ id }`, or by `{ name }` ignoring case. */
export async function findSegmentRow(
  db: Queryable,
  key: { id: string } | { name: string },
): Promise<SegmentRow | undefined> {
  const where =
    'id' in key ? sql`WHERE s.id = ${key.id}::uuid` : sql`WHERE lower(s.name) = lower(${key.name}::text)`;
  return (await db.execute<SegmentRow>(segmentSelect(where))).rows[0];
}

/** Inserts a segment (a static list is stamped as evaluated now) and returns its id. */
export async function insertSegmentRow(
  db: Queryable,
  values: {
    name: string;
    description: string | null;
    kind: 'dynamic' | 'static';
    rule: SegmentRule | null;
    createdBy: string | null;
  },
): Promise<string> {
  const result = await db.execute<{ id: string }>(sql`
    INSERT INTO segments (name, description, kind, rule, created_by, evaluated_at)
    VALUES (${values.name}, ${values.description}, ${values.kind}, ${values.rule === null ? null : JSON.stringify(values.rule)}::jsonb,
            ${values.createdBy}::uuid, CASE WHEN ${values.kind} = 'static' THEN now() END)
    RETURNING id`);
  return result.rows[0]!.id;
}

/** Applies the changes given; false when there is no such segment. */
export async function updateSegmentRow(
  db: Queryable,
  id: string,
  changes: { name?: string; description?: string | null; rule?: SegmentRule },
): Promise<boolean> {
  const sets: SQL[] = [sql`updated_at = now()`];
  if (changes.name !== undefined) sets.push(sql`name = ${changes.name}`);
  if (changes.description !== undefined) sets.push(sql`description = ${changes.description}`);
  if (changes.rule !== undefined) sets.push(sql`rule = ${JSON.stringify(changes.rule)}::jsonb`);
  const result = await db.execute(sql`UPDATE segments SET ${sql.join(sets, sql`, `)} WHERE id = ${id}::uuid`);
  return (result.rowCount ?? 0) > 0;
}

/** Deletes a segment (members and events cascade); false when there is none. */
export async function deleteSegmentRow(db: Queryable, id: string): Promise<boolean> {
  const result = await db.execute(sql`DELETE FROM segments WHERE id = ${id}::uuid`);
  return (result.rowCount ?? 0) > 0;
}

/** The ids among `ids` that are no account. */
export async function missingAccountIds(db: Queryable, ids: readonly string[]): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    SELECT requested.id FROM unnest(${`{${ids.join(',')}}`}::uuid[]) WITH ORDINALITY AS requested(id, n)
    WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = requested.id) ORDER BY requested.n`);
  return result.rows.map((row) => row.id);
}

const memberOrder: Record<SegmentMembersQuery['sort'], SQL> = {
  name: sql`lower(a.name) ASC, a.id`,
  '-name': sql`lower(a.name) DESC, a.id`,
  arr: sql`coalesce(m.mrr_minor, 0) ASC, lower(a.name), a.id`,
  '-arr': sql`coalesce(m.mrr_minor, 0) DESC, lower(a.name), a.id`,
};

/** One page of a segment's members and their total. */
export async function listMemberRows(
  db: Queryable,
  segmentId: string,
  query: SegmentMembersQuery,
): Promise<{ rows: SegmentAccountRow[]; total: number }> {
  const [page, total] = await Promise.all([
    db.execute<SegmentAccountRow>(sql`
      SELECT ${accountListColumns}, sm.since
      FROM segment_members sm JOIN accounts a ON a.id = sm.account_id ${accountListJoins}
      WHERE sm.segment_id = ${segmentId}::uuid
      ORDER BY ${memberOrder[query.sort]}
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`),
    db.execute<{ total: number }>(
      sql`SELECT count(*)::int AS total FROM segment_members WHERE segment_id = ${segmentId}::uuid`,
    ),
  ]);
  return { rows: page.rows, total: total.rows[0]?.total ?? 0 };
}

export type MembershipEventRow = {
  id: number;
  account_id: string;
  account_name: string;
  change: 'entered' | 'left';
  at: Date;
};

/** One page of a segment's enter/leave events, newest first, and their total. */
export async function listEventRows(
  db: Queryable,
  segmentId: string,
  page: number,
  pageSize: number,
): Promise<{ rows: MembershipEventRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    db.execute<MembershipEventRow>(sql`
      SELECT e.id, e.account_id, a.name AS account_name, e.change, e.at
      FROM segment_membership_events e JOIN accounts a ON a.id = e.account_id
      WHERE e.segment_id = ${segmentId}::uuid
      ORDER BY e.at DESC, e.id DESC
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`),
    db.execute<{ total: number }>(
      sql`SELECT count(*)::int AS total FROM segment_membership_events WHERE segment_id = ${segmentId}::uuid`,
    ),
  ]);
  return { rows: rows.rows, total: total.rows[0]?.total ?? 0 };
}
