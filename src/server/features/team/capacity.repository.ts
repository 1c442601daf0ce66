import { sql } from 'drizzle-orm';
import {
  type CapacityAccount,
  type CapacityCsm,
  type CapacitySettings,
  defaultCapacitySettings,
  type HiringTier,
  type TouchModel,
} from '../../../domain/capacity';
import type { Db, Tx } from '../../db/database';
import { mrrTodayRows } from '../accounts/mrr-today';
import { readSetting, writeSetting } from '../workspace/workspace.repository';

/** The workspace_settings key of the capacity model. */
export const CAPACITY_SETTING_KEY = 'capacity';

/** A CSM as capacity planning loads them, with what the team page also shows. */
export interface CapacityCsmRow extends CapacityCsm {
  email: string;
  role: string;
}

/**
 * The people who carry books: active users who own at least one non-churned account, and active
 * users with role csm on a CSM team (or on no team) — a CSM with an empty book can take accounts,
 * an onboarding or support specialist with the csm role cannot. By name, then id.
 */
export async function loadCapacityCsms(db: Db | Tx): Promise<CapacityCsmRow[]> {
  const result = await db.execute<{
    id: string;
    name: string;
    email: string;
    role: string;
    covers_tiers: string[];
    workload_capacity: number | null;
  }>(sql`
    SELECT u.id, u.name, u.email, u.role, u.covers_tiers, u.workload_capacity
    FROM users u
    LEFT JOIN teams team ON team.id = u.team_id
    WHERE u.disabled_at IS NULL
      AND u.role <> 'viewer'
      AND ((u.role = 'csm' AND (team.id IS NULL OR team.kind = 'csm'))
           OR EXISTS (SELECT 1 FROM accounts a WHERE a.owner_id = u.id AND a.status <> 'churned'))
    ORDER BY u.name, u.id`);
  return result.rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    covers: row.covers_tiers,
    workloadCapacity: row.workload_capacity === null ? null : Number(row.workload_capacity),
  }));
}

/**
 * Every non-churned account as capacity planning sees it: ARR = 12 × MRR today (USD minor units;
 * call ensureMrrToday first), the touch model of its tier (matched ignoring case), else of the
 * default tier, else low touch when no tiers exist; ownedSince is the UTC day of owner_since.
 */
export async function loadCapacityAccounts(db: Db | Tx): Promise<CapacityAccount[]> {
  const result = await db.execute<{
    id: string;
    name: string;
    owner_id: string | null;
    tier: string | null;
    touch_model: TouchModel;
    arr_minor: string;
    owned_since: string | null;
  }>(sql`
    SELECT a.id, a.name, a.owner_id, coalesce(t.name, a.tier) AS tier,
           coalesce(t.touch_model, d.touch_model, 'low') AS touch_model,
           12 * coalesce(m.mrr_minor, 0) AS arr_minor,
           to_char(a.owner_since AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS owned_since
    FROM accounts a
    LEFT JOIN tiers t ON lower(t.name) = lower(a.tier)
    LEFT JOIN (SELECT touch_model FROM tiers WHERE rule IS NULL ORDER BY position LIMIT 1) d ON true
    LEFT JOIN (${mrrTodayRows}) m ON m.account_id = a.id
    WHERE a.status <> 'churned'
    ORDER BY a.id`);
  return result.rows.map((row) => ({
    id: row.id,
    name: row.name,
    ownerId: row.owner_id,
    tier: row.tier,
    touchModel: row.touch_model,
    arr: Number(row.arr_minor),
    ownedSince: row.owned_since,
  }));
}

/** The tiers with their touch models, in order. */
export async function loadHiringTiers(db: Db | Tx): Promise<HiringTier[]> {
  const result = await db.execute<{ name: string; touch_model: TouchModel }>(
    sql`SELECT name, touch_model FROM tiers ORDER BY position`,
  );
  return result.rows.map((row) => ({ name: row.name, touchModel: row.touch_model }));
}

/** The saved capacity settings over the defaults (a missing key takes its default); undefined when never saved. */
export async function readCapacitySettings(db: Db | Tx): Promise<CapacitySettings | undefined> {
  const stored = await readSetting<Partial<CapacitySettings>>(db, CAPACITY_SETTING_KEY);
  if (!stored) return undefined;
  return {
    ...defaultCapacitySettings,
    ...stored,
    weights: { ...defaultCapacitySettings.weights, ...stored.weights },
    arrTargets: { ...defaultCapacitySettings.arrTargets, ...stored.arrTargets },
  };
}

export async function writeCapacitySettings(db: Db | Tx, settings: CapacitySettings): Promise<void> {
  await writeSetting(db, CAPACITY_SETTING_KEY, settings);
}

/**
 * Moves accounts whose owner is still the expected one, in one statement; returns the ids moved.
 * The owner_since trigger stamps each move.
 */
export async function moveAccounts(
  tx: Tx,
  moves: readonly { accountId: string; fromId: string; toId: string }[],
): Promise<string[]> {
  const result = await tx.execute<{ id: string }>(sql`
    UPDATE accounts a SET owner_id = m.to_id, updated_at = now()
    FROM unnest(${sql.param(moves.map((move) => move.accountId))}::uuid[],
                ${sql.param(moves.map((move) => move.fromId))}::uuid[],
                ${sql.param(moves.map((move) => move.toId))}::uuid[]) AS m(account_id, from_id, to_id)
    WHERE a.id = m.account_id AND a.owner_id = m.from_id
    RETURNING a.id`);
  return result.rows.map((row) => row.id);
}

/** The moved accounts' current owner and status, locked until the transaction ends. */
export async function lockMovedAccounts(
  tx: Tx,
  accountIds: readonly string[],
): Promise<Map<string, { name: string; ownerId: string | null; churned: boolean }>> {
  const result = await tx.execute<{
    id: string;
    name: string;
    owner_id: string | null;
    churned: boolean;
  }>(sql`
    SELECT id, name, owner_id, status = 'churned' AS churned FROM accounts
    WHERE id = ANY(${sql.param(accountIds)}::uuid[])
    ORDER BY id FOR UPDATE`);
  return new Map(
    result.rows.map((row) => [row.id, { name: row.name, ownerId: row.owner_id, churned: row.churned }]),
  );
}
