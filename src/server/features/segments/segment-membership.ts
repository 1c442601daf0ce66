import { sql } from 'drizzle-orm';
import type { RuleProblem, SegmentRule } from '../../../domain/segments';
import { ruleProblems, withVanishedTraits } from './rule-validation';
import { type FieldCatalogue, loadFieldCatalogue, type Queryable } from './segment-fields';
import { matchingAccountsSql, traitKeysOf } from './segment-sql';

/** What a refresh did: per segment refreshed, who entered and who left; and the rules it had to skip. */
export interface SegmentRefreshResult {
  segments: number;
  entered: number;
  left: number;
  /** Dynamic segments whose saved rule no longer fits the data: their members were left as they were. */
  skipped: { id: string; name: string; problems: RuleProblem[] }[];
}

/** Today as a UTC calendar day (YYYY-MM-DD). */
export const utcToday = (now = new Date()) => now.toISOString().slice(0, 10);

/**
 * Recomputes the members of every dynamic segment (or of `segmentIds`) set-based, one statement per
 * segment: accounts the rule now matches enter, members it no longer matches leave, and each real
 * change writes one 'entered' or 'left' event at the transaction's time. Unchanged data writes no
 * member or event (evaluated_at is still stamped). Run it in a transaction (refreshJourney does).
 * `catalogue` may be passed when the caller already loaded it for these rules.
 */
export async function refreshSegments(
  db: Queryable,
  segmentIds?: readonly string[],
  options: { today?: string; catalogue?: FieldCatalogue } = {},
): Promise<SegmentRefreshResult> {
  const only = segmentIds === undefined ? sql`` : sql`AND id = ANY(${`{${segmentIds.join(',')}}`}::uuid[])`;
  const segments = (
    await db.execute<{ id: string; name: string; rule: SegmentRule }>(
      sql`SELECT id, name, rule FROM segments WHERE kind = 'dynamic' ${only} ORDER BY lower(name), id`,
    )
  ).rows;
  const result: SegmentRefreshResult = { segments: 0, entered: 0, left: 0, skipped: [] };
  if (segments.length === 0) return result;
  const rules = segments.map((segment) => segment.rule);
  const catalogue = withVanishedTraits(
    options.catalogue ?? (await loadFieldCatalogue(db, traitKeysOf(rules))),
    rules,
  );
  const today = options.today ?? utcToday();
  for (const segment of segments) {
    const problems = ruleProblems(segment.rule, catalogue, 'segment');
    if (problems.length > 0) {
      result.skipped.push({ id: segment.id, name: segment.name, problems });
      continue;
    }
    const counts = await db.execute<{ entered: number; left: number }>(sql`
      WITH matched AS MATERIALIZED (${matchingAccountsSql(segment.rule, catalogue, today)}),
      -- Existing members are skipped by the conflict arbiter (an index probe each); a NOT EXISTS on the
      -- table being inserted into re-read its new rows for every candidate (quadratic on a first fill).
      entered AS (
        INSERT INTO segment_members (segment_id, account_id, since)
        SELECT ${segment.id}::uuid, matched.id, now() FROM matched
        ON CONFLICT (segment_id, account_id) DO NOTHING
        RETURNING account_id
      ),
      departed AS (
        DELETE FROM segment_members sm
        WHERE sm.segment_id = ${segment.id}::uuid AND NOT EXISTS (SELECT 1 FROM matched WHERE matched.id = sm.account_id)
        RETURNING account_id
      ),
      logged AS (
        INSERT INTO segment_membership_events (segment_id, account_id, change, at)
        SELECT ${segment.id}::uuid, account_id, 'entered', now() FROM entered
        UNION ALL
        SELECT ${segment.id}::uuid, account_id, 'left', now() FROM departed
        RETURNING change
      ),
      stamped AS (UPDATE segments SET evaluated_at = now() WHERE id = ${segment.id}::uuid RETURNING id)
      SELECT (count(*) FILTER (WHERE change = 'entered'))::int AS entered,
             (count(*) FILTER (WHERE change = 'left'))::int AS "left"
      FROM logged`);
    result.segments += 1;
    result.entered += counts.rows[0]?.entered ?? 0;
    result.left += counts.rows[0]?.left ?? 0;
  }
  return result;
}

/**
 * Adds accounts to a static list (those not in it yet), logging an 'entered' event for each; returns
 * how many were added. The ids must be existing accounts (the caller checks).
 */
export async function addStaticMembers(
  db: Queryable,
  segmentId: string,
  accountIds: readonly string[],
): Promise<number> {
  const result = await db.execute<{ changed: number }>(sql`
    WITH added AS (
      INSERT INTO segment_members (segment_id, account_id, since)
      SELECT DISTINCT ${segmentId}::uuid, requested.id, now()
      FROM unnest(${`{${accountIds.join(',')}}`}::uuid[]) AS requested(id)
      ON CONFLICT (segment_id, account_id) DO NOTHING
      RETURNING account_id
    ),
    logged AS (
      INSERT INTO segment_membership_events (segment_id, account_id, change, at)
      SELECT ${segmentId}::uuid, account_id, 'entered', now() FROM added RETURNING 1
    ),
    stamped AS (UPDATE segments SET evaluated_at = now() WHERE id = ${segmentId}::uuid AND EXISTS (SELECT 1 FROM added) RETURNING 1)
    SELECT count(*)::int AS changed FROM added`);
  return result.rows[0]?.changed ?? 0;
}

/** Removes accounts from a static list, logging a 'left' event for each that was in it; returns how many. */
export async function removeStaticMembers(
  db: Queryable,
  segmentId: string,
  accountIds: readonly string[],
): Promise<number> {
  const result = await db.execute<{ changed: number }>(sql`
    WITH removed AS (
      DELETE FROM segment_members
      WHERE segment_id = ${segmentId}::uuid AND account_id = ANY(${`{${accountIds.join(',')}}`}::uuid[])
      RETURNING account_id
    ),
    logged AS (
      INSERT INTO segment_membership_events (segment_id, account_id, change, at)
      SELECT ${segmentId}::uuid, account_id, 'left', now() FROM removed RETURNING 1
    ),
    stamped AS (UPDATE segments SET evaluated_at = now() WHERE id = ${segmentId}::uuid AND EXISTS (SELECT 1 FROM removed) RETURNING 1)
    SELECT count(*)::int AS changed FROM removed`);
  return result.rows[0]?.changed ?? 0;
}
