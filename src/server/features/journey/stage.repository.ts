import { sql } from 'drizzle-orm';
import type { SegmentRule } from '../../../domain/segments';
import type { Db, Tx } from '../../db/database';
import type { StageTouchpoint } from '../../db/schema/journey';

/** A lifecycle stage with its owning team and how many accounts are in it now. */
export interface StageRow {
  id: string;
  name: string;
  position: number;
  description: string | null;
  entryRule: SegmentRule | null;
  expectedDays: number | null;
  owningTeamId: string | null;
  owningTeamName: string | null;
  owningTeamKind: string | null;
  touchpoints: StageTouchpoint[];
  metrics: string[];
  accounts: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Column values a stage write sets (every field already validated). */
export interface StageValues {
  name?: string;
  description?: string | null;
  entryRule?: SegmentRule | null;
  expectedDays?: number | null;
  owningTeamId?: string | null;
  touchpoints?: StageTouchpoint[];
  metrics?: string[];
}

type RawStageRow = {
  id: string;
  name: string;
  position: number;
  description: string | null;
  entry_rule: SegmentRule | null;
  expected_days: number | null;
  owning_team_id: string | null;
  team_name: string | null;
  team_kind: string | null;
  touchpoints: StageTouchpoint[];
  metrics: string[];
  accounts: string;
  created_at: Date | string;
  updated_at: Date | string;
};

const toStageRow = (row: RawStageRow): StageRow => ({
  id: row.id,
  name: row.name,
  position: row.position,
  description: row.description,
  entryRule: row.entry_rule,
  expectedDays: row.expected_days,
  owningTeamId: row.owning_team_id,
  owningTeamName: row.team_name,
  owningTeamKind: row.team_kind,
  touchpoints: row.touchpoints,
  metrics: row.metrics,
  accounts: Number(row.accounts),
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

/**
 * Every stage in position order (or one, by id), with team and account count (one grouped scan of
 * accounts; left out, as 0, with `withCounts: false`).
 */
export async function listStageRows(
  db: Db | Tx,
  onlyId?: string,
  options: { withCounts?: boolean } = {},
): Promise<StageRow[]> {
  const counts =
    options.withCounts === false
      ? sql`SELECT NULL::text AS lifecycle_stage, 0 AS accounts WHERE false`
      : sql`SELECT lifecycle_stage, count(*) AS accounts FROM accounts
            WHERE lifecycle_stage IS NOT NULL ${onlyId ? sql`AND lifecycle_stage = (SELECT name FROM lifecycle_stages WHERE id = ${onlyId})` : sql``}
            GROUP BY lifecycle_stage`;
  const result = await db.execute<RawStageRow>(sql`
    SELECT s.id, s.name, s.position, s.description, s.entry_rule, s.expected_days, s.owning_team_id,
           t.name AS team_name, t.kind AS team_kind, s.touchpoints, s.metrics,
           coalesce(c.accounts, 0) AS accounts, s.created_at, s.updated_at
    FROM lifecycle_stages s
    LEFT JOIN teams t ON t.id = s.owning_team_id
    LEFT JOIN (${counts}) c ON c.lifecycle_stage = s.name
    ${onlyId ? sql`WHERE s.id = ${onlyId}` : sql``}
    ORDER BY s.position`);
  return result.rows.map(toStageRow);
}

/** One stage by id, or undefined. */
export async function findStageRow(
  db: Db | Tx,
  id: string,
  options: { withCounts?: boolean } = {},
): Promise<StageRow | undefined> {
  return (await listStageRows(db, id, options))[0];
}

/** The stage with this name, ignoring case; undefined when none. */
export async function findStageByName(
  db: Db | Tx,
  name: string,
): Promise<{ id: string; name: string } | undefined> {
  const result = await db.execute<{ id: string; name: string }>(
    sql`SELECT id, name FROM lifecycle_stages WHERE lower(name) = lower(${name}) LIMIT 1`,
  );
  return result.rows[0];
}

/** Serialises stage writes (positions are unique), until the transaction ends. */
export async function lockStages(tx: Tx): Promise<void> {
  await tx.execute(sql`LOCK TABLE lifecycle_stages IN SHARE ROW EXCLUSIVE MODE`);
}

/** Inserts a stage after the last one; returns its id. */
export async function insertStage(tx: Tx, values: StageValues & { name: string }): Promise<string> {
  const result = await tx.execute<{ id: string }>(sql`
    INSERT INTO lifecycle_stages (name, position, description, entry_rule, expected_days, owning_team_id, touchpoints, metrics)
    VALUES (
      ${values.name},
      (SELECT coalesce(max(position) + 1, 0) FROM lifecycle_stages),
      ${values.description ?? null},
      ${values.entryRule ? JSON.stringify(values.entryRule) : null}::jsonb,
      ${values.expectedDays ?? null}::integer,
      ${values.owningTeamId ?? null}::uuid,
      ${JSON.stringify(values.touchpoints ?? [])}::jsonb,
      ${sql.param(values.metrics ?? [])}::text[]
    )
    RETURNING id`);
  return result.rows[0]!.id;
}

/** Updates the given columns of a stage (undefined ones are left as they are). */
export async function updateStageColumns(tx: Tx, id: string, values: StageValues): Promise<void> {
  const sets = [sql`updated_at = now()`];
  if (values.name !== undefined) sets.push(sql`name = ${values.name}`);
  if (values.description !== undefined) sets.push(sql`description = ${values.description}`);
  if (values.entryRule !== undefined) {
    sets.push(sql`entry_rule = ${values.entryRule ? JSON.stringify(values.entryRule) : null}::jsonb`);
  }
  if (values.expectedDays !== undefined) sets.push(sql`expected_days = ${values.expectedDays}::integer`);
  if (values.owningTeamId !== undefined) sets.push(sql`owning_team_id = ${values.owningTeamId}::uuid`);
  if (values.touchpoints !== undefined)
    sets.push(sql`touchpoints = ${JSON.stringify(values.touchpoints)}::jsonb`);
  if (values.metrics !== undefined) sets.push(sql`metrics = ${sql.param(values.metrics)}::text[]`);
  await tx.execute(sql`UPDATE lifecycle_stages SET ${sql.join(sets, sql`, `)} WHERE id = ${id}`);
}

/**
 * Renames a stage everywhere it is named: its accounts and their history follow it. The statement
 * trigger on accounts would record a new stay for each account; those rows are taken back so each
 * account keeps one unbroken stay under the new name.
 */
export async function renameStageEverywhere(tx: Tx, from: string, to: string): Promise<void> {
  await tx.execute(sql`UPDATE account_stage_history SET stage = ${to} WHERE stage = ${from}`);
  await tx.execute(sql`
    CREATE TEMP TABLE renamed_stage_accounts ON COMMIT DROP AS
    SELECT id FROM accounts WHERE lifecycle_stage = ${from}`);
  await tx.execute(sql`
    UPDATE accounts SET lifecycle_stage = ${to}
    WHERE id IN (SELECT id FROM renamed_stage_accounts)`);
  // The history trigger closed each open stay at now() and opened a new one at now(): undo both.
  await tx.execute(sql`
    DELETE FROM account_stage_history
    WHERE account_id IN (SELECT id FROM renamed_stage_accounts) AND left_at IS NULL AND entered_at = now()`);
  await tx.execute(sql`
    UPDATE account_stage_history SET left_at = NULL
    WHERE account_id IN (SELECT id FROM renamed_stage_accounts) AND left_at = now() AND stage = ${to}`);
  await tx.execute(sql`DROP TABLE renamed_stage_accounts`);
}

/** Deletes a stage; false when there is none with this id. */
export async function deleteStageRow(tx: Tx, id: string): Promise<boolean> {
  const result = await tx.execute(sql`DELETE FROM lifecycle_stages WHERE id = ${id} RETURNING id`);
  return result.rows.length > 0;
}

/** Gives the stages positions 0…n−1 in the order of `ids` (every stage id, once). */
export async function writeStagePositions(tx: Tx, ids: readonly string[]): Promise<void> {
  // Two steps, because positions are unique at every moment: first out of the way, then in place.
  await tx.execute(sql`UPDATE lifecycle_stages SET position = -1 - position`);
  await tx.execute(sql`
    UPDATE lifecycle_stages s SET position = o.ordinality - 1, updated_at = now()
    FROM unnest(${sql.param(ids)}::uuid[]) WITH ORDINALITY AS o(id, ordinality)
    WHERE s.id = o.id`);
}

/** Every stage id in position order. */
export async function stageIdsInOrder(tx: Tx | Db): Promise<string[]> {
  const result = await tx.execute<{ id: string }>(sql`SELECT id FROM lifecycle_stages ORDER BY position`);
  return result.rows.map((row) => row.id);
}
