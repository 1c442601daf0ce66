import { type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';

/** One stay of an account in a stage, joined to the stage on the map (if it still is) and the person. */
export interface StageStayRow {
  stage: string;
  stageId: string | null;
  expectedDays: number | null;
  enteredAt: Date;
  leftAt: Date | null;
  days: number;
  source: 'rule' | 'manual' | 'import';
  changedById: string | null;
  changedByName: string | null;
}

/** Whole days between two moments: floor of the elapsed time in days. */
export const wholeDaysSql = (from: SQL, to: SQL): SQL =>
  sql`floor(date_part('epoch', ${to} - ${from}) / 86400)::int`;

/** Every stay of an account, oldest first; the open one (leftAt null) is its current stage. */
export async function listStageStays(db: Db | Tx, accountId: string): Promise<StageStayRow[]> {
  const result = await db.execute<{
    stage: string;
    stage_id: string | null;
    expected_days: number | null;
    entered_at: Date | string;
    left_at: Date | string | null;
    days: number;
    source: StageStayRow['source'];
    changed_by: string | null;
    changed_by_name: string | null;
  }>(sql`
    SELECT h.stage, s.id AS stage_id, s.expected_days, h.entered_at, h.left_at,
           ${wholeDaysSql(sql`h.entered_at`, sql`coalesce(h.left_at, now())`)} AS days,
           h.source, h.changed_by, u.name AS changed_by_name
    FROM account_stage_history h
    LEFT JOIN lifecycle_stages s ON s.name = h.stage
    LEFT JOIN users u ON u.id = h.changed_by
    WHERE h.account_id = ${accountId}
    ORDER BY h.entered_at, h.id`);
  return result.rows.map((row) => ({
    stage: row.stage,
    stageId: row.stage_id,
    expectedDays: row.expected_days,
    enteredAt: new Date(row.entered_at),
    leftAt: row.left_at === null ? null : new Date(row.left_at),
    days: Number(row.days),
    source: row.source,
    changedById: row.changed_by,
    changedByName: row.changed_by_name,
  }));
}

/**
 * Sets an account's stage by hand, as `actorId`: the history trigger records the stay with source
 * "manual" and the person. Returns false when the account was already in that stage.
 */
export async function setStageManually(
  tx: Tx,
  accountId: string,
  stage: string | null,
  actorId: string,
): Promise<boolean> {
  await tx.execute(
    sql`SELECT set_config('cycle.stage_source', 'manual', true), set_config('cycle.actor_id', ${actorId}, true)`,
  );
  const updated = await tx.execute(sql`
    UPDATE accounts SET lifecycle_stage = ${stage}, updated_at = now()
    WHERE id = ${accountId} AND lifecycle_stage IS DISTINCT FROM ${stage}
    RETURNING id`);
  return updated.rows.length > 0;
}
