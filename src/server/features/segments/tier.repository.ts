import { type SQL, sql } from 'drizzle-orm';
import type { SegmentRule } from '../../../domain/segments';
import type { TouchModel } from '../../../shared/api/enums';
import type { Queryable } from './segment-fields';

/** A tier with its 1-based place in the order and its account count. */
export type TierRow = {
  id: string;
  name: string;
  position: number;
  place: number;
  rule: SegmentRule | null;
  touch_model: TouchModel;
  ebr_every_days: number | null;
  check_in_every_days: number | null;
  account_count: number;
  created_at: Date;
  updated_at: Date;
};

/** Every tier in order (the default last), with the accounts in each. */
export async function listTierRows(db: Queryable): Promise<TierRow[]> {
  const result = await db.execute<TierRow>(sql`
    SELECT t.id, t.name, t.position, (row_number() OVER (ORDER BY t.position, t.id))::int AS place, t.rule,
           t.touch_model, t.ebr_every_days, t.check_in_every_days, coalesce(c.accounts, 0)::int AS account_count,
           t.created_at, t.updated_at
    FROM tiers t LEFT JOIN (SELECT tier, count(*) AS accounts FROM accounts WHERE tier IS NOT NULL GROUP BY tier) c ON c.tier = t.name
    ORDER BY t.position, t.id`);
  return result.rows;
}

export interface TierValues {
  name: string;
  rule: SegmentRule | null;
  touchModel: TouchModel;
  ebrEveryDays: number | null;
  checkInEveryDays: number | null;
}

const ruleJson = (rule: SegmentRule | null) => (rule === null ? null : JSON.stringify(rule));

/**
 * Inserts a tier: the default (rule null) after every other; a tier with a rule just before the
 * default, which first moves one place past the last so that it stays last.
 */
export async function insertTierRow(db: Queryable, values: TierValues): Promise<string> {
  if (values.rule !== null) {
    // The default tier moves past the last position; the new tier takes its old place.
    await db.execute(sql`
      UPDATE tiers SET position = (SELECT max(position) + 1 FROM tiers) WHERE rule IS NULL`);
  }
  const result = await db.execute<{ id: string }>(sql`
    INSERT INTO tiers (name, position, rule, touch_model, ebr_every_days, check_in_every_days)
    VALUES (${values.name}, ${
      values.rule === null
        ? sql`(SELECT coalesce(max(position), 0) + 1 FROM tiers)`
        : sql`(SELECT coalesce(max(position) FILTER (WHERE rule IS NOT NULL), 0) + 1 FROM tiers)`
    },
            ${ruleJson(values.rule)}::jsonb, ${values.touchModel}, ${values.ebrEveryDays}::int, ${values.checkInEveryDays}::int)
    RETURNING id`);
  return result.rows[0]!.id;
}

/** Applies the changes given to one tier; false when there is none. */
export async function updateTierRow(
  db: Queryable,
  id: string,
  changes: Partial<TierValues>,
): Promise<boolean> {
  const sets: SQL[] = [sql`updated_at = now()`];
  if (changes.name !== undefined) sets.push(sql`name = ${changes.name}`);
  if (changes.rule !== undefined) sets.push(sql`rule = ${ruleJson(changes.rule)}::jsonb`);
  if (changes.touchModel !== undefined) sets.push(sql`touch_model = ${changes.touchModel}`);
  if (changes.ebrEveryDays !== undefined) sets.push(sql`ebr_every_days = ${changes.ebrEveryDays}::int`);
  if (changes.checkInEveryDays !== undefined)
    sets.push(sql`check_in_every_days = ${changes.checkInEveryDays}::int`);
  const result = await db.execute(sql`UPDATE tiers SET ${sql.join(sets, sql`, `)} WHERE id = ${id}::uuid`);
  return (result.rowCount ?? 0) > 0;
}

/** Deletes a tier; false when there is none. */
export async function deleteTierRow(db: Queryable, id: string): Promise<boolean> {
  const result = await db.execute(sql`DELETE FROM tiers WHERE id = ${id}::uuid`);
  return (result.rowCount ?? 0) > 0;
}

/**
 * Sets the order: `orderedIds` get positions 1…n, the default tier n+1. Positions are unique, so every
 * tier first moves to a free negative position.
 */
export async function writeTierOrder(db: Queryable, orderedIds: readonly string[]): Promise<void> {
  await db.execute(sql`UPDATE tiers SET position = -1 - position`);
  await db.execute(sql`
    UPDATE tiers t SET position = o.n, updated_at = now()
    FROM unnest(${`{${orderedIds.join(',')}}`}::uuid[]) WITH ORDINALITY AS o(id, n) WHERE t.id = o.id`);
  await db.execute(sql`UPDATE tiers SET position = ${orderedIds.length + 1}::int WHERE rule IS NULL`);
}

/** Renames a tier everywhere its name is kept: accounts in it and the CSMs who cover it. */
export async function renameTierReferences(db: Queryable, from: string, to: string): Promise<void> {
  await db.execute(sql`UPDATE accounts SET tier = ${to} WHERE tier = ${from}`);
  await db.execute(sql`
    UPDATE users SET covers_tiers = array_replace(covers_tiers, ${from}::text, ${to}::text)
    WHERE ${from}::text = ANY(covers_tiers)`);
}

/** Accounts of a tier that no longer exists leave it (tier NULL). */
export async function clearTierOfAccounts(db: Queryable, name: string): Promise<void> {
  await db.execute(sql`UPDATE accounts SET tier = NULL WHERE tier = ${name}`);
}
