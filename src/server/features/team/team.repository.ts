import { sql } from 'drizzle-orm';
import type { TeamKind } from '../../../shared/api/team.contract';
import type { Db, Tx } from '../../db/database';
import type { Role } from '../../auth/policy';

/** A team with how many people are in it. */
export interface TeamRow {
  id: string;
  name: string;
  kind: TeamKind;
  members: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Every team by name (or one by id), with its member count. */
export async function listTeamRows(db: Db | Tx, onlyId?: string): Promise<TeamRow[]> {
  const result = await db.execute<{
    id: string;
    name: string;
    kind: TeamKind;
    members: string;
    created_at: Date | string;
    updated_at: Date | string;
  }>(sql`
    SELECT t.id, t.name, t.kind, (SELECT count(*) FROM users u WHERE u.team_id = t.id) AS members,
           t.created_at, t.updated_at
    FROM teams t
    ${onlyId ? sql`WHERE t.id = ${onlyId}` : sql``}
    ORDER BY lower(t.name), t.id`);
  return result.rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    members: Number(row.members),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  }));
}

/** The team with this name ignoring case, if any. */
export async function findTeamByName(
  db: Db | Tx,
  name: string,
): Promise<{ id: string; name: string } | undefined> {
  const result = await db.execute<{ id: string; name: string }>(
    sql`SELECT id, name FROM teams WHERE lower(name) = lower(${name}) LIMIT 1`,
  );
  return result.rows[0];
}

export async function insertTeam(db: Db | Tx, values: { name: string; kind: TeamKind }): Promise<string> {
  const result = await db.execute<{ id: string }>(
    sql`INSERT INTO teams (name, kind) VALUES (${values.name}, ${values.kind}) RETURNING id`,
  );
  return result.rows[0]!.id;
}

/** Updates a team; false when there is none with this id. */
export async function updateTeamRow(
  db: Db | Tx,
  id: string,
  values: { name?: string; kind?: TeamKind },
): Promise<boolean> {
  const sets = [sql`updated_at = now()`];
  if (values.name !== undefined) sets.push(sql`name = ${values.name}`);
  if (values.kind !== undefined) sets.push(sql`kind = ${values.kind}`);
  const result = await db.execute(
    sql`UPDATE teams SET ${sql.join(sets, sql`, `)} WHERE id = ${id} RETURNING id`,
  );
  return result.rows.length > 0;
}

/** Deletes a team (its people and stages keep going without one); false when there is none. */
export async function deleteTeamRow(db: Db | Tx, id: string): Promise<boolean> {
  const result = await db.execute(sql`DELETE FROM teams WHERE id = ${id} RETURNING id`);
  return result.rows.length > 0;
}

/** A person with team, manager and how many accounts they look after per role. */
export interface PersonRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  title: string | null;
  teamId: string | null;
  teamName: string | null;
  teamKind: TeamKind | null;
  managerId: string | null;
  managerName: string | null;
  responsibilities: string | null;
  coversTiers: string[];
  workloadCapacity: number | null;
  disabledAt: Date | null;
  owned: number;
  executiveSponsor: number;
  onboardingLead: number;
  supportLead: number;
}

/** Every person by name (or one by id), with account counts from grouped scans (non-churned accounts). */
export async function listPersonRows(db: Db | Tx, onlyId?: string): Promise<PersonRow[]> {
  const result = await db.execute<{
    id: string;
    email: string;
    name: string;
    role: Role;
    title: string | null;
    team_id: string | null;
    team_name: string | null;
    team_kind: TeamKind | null;
    manager_id: string | null;
    manager_name: string | null;
    responsibilities: string | null;
    covers_tiers: string[];
    workload_capacity: number | null;
    disabled_at: Date | string | null;
    owned: string | null;
    sponsor: string | null;
    onboarding: string | null;
    support: string | null;
  }>(sql`
    WITH live AS (SELECT id, owner_id, exec_sponsor_id FROM accounts WHERE status <> 'churned'),
    owned AS (SELECT owner_id AS user_id, count(*) AS n FROM live WHERE owner_id IS NOT NULL GROUP BY owner_id),
    sponsor AS (SELECT exec_sponsor_id AS user_id, count(*) AS n FROM live WHERE exec_sponsor_id IS NOT NULL GROUP BY exec_sponsor_id),
    assigned AS (
      SELECT aa.user_id, count(*) FILTER (WHERE aa.role = 'onboarding_lead') AS onboarding,
             count(*) FILTER (WHERE aa.role = 'support_lead') AS support
      FROM account_assignments aa JOIN live ON live.id = aa.account_id GROUP BY aa.user_id
    )
    SELECT u.id, u.email, u.name, u.role, u.title, u.team_id, t.name AS team_name, t.kind AS team_kind,
           u.manager_id, m.name AS manager_name, u.responsibilities, u.covers_tiers, u.workload_capacity,
           u.disabled_at, o.n AS owned, s.n AS sponsor, a.onboarding, a.support
    FROM users u
    LEFT JOIN teams t ON t.id = u.team_id
    LEFT JOIN users m ON m.id = u.manager_id
    LEFT JOIN owned o ON o.user_id = u.id
    LEFT JOIN sponsor s ON s.user_id = u.id
    LEFT JOIN assigned a ON a.user_id = u.id
    ${onlyId ? sql`WHERE u.id = ${onlyId}` : sql``}
    ORDER BY lower(u.name), u.id`);
  return result.rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    title: row.title,
    teamId: row.team_id,
    teamName: row.team_name,
    teamKind: row.team_kind,
    managerId: row.manager_id,
    managerName: row.manager_name,
    responsibilities: row.responsibilities,
    coversTiers: row.covers_tiers,
    workloadCapacity: row.workload_capacity === null ? null : Number(row.workload_capacity),
    disabledAt: row.disabled_at === null ? null : new Date(row.disabled_at),
    owned: Number(row.owned ?? 0),
    executiveSponsor: Number(row.sponsor ?? 0),
    onboardingLead: Number(row.onboarding ?? 0),
    supportLead: Number(row.support ?? 0),
  }));
}

/** Column values a person update sets (validated). */
export interface PersonValues {
  teamId?: string | null;
  managerId?: string | null;
  title?: string | null;
  responsibilities?: string | null;
  coversTiers?: string[];
  workloadCapacity?: number | null;
}

/** Updates the given columns of a user; false when there is none with this id. */
export async function updatePersonColumns(tx: Tx, id: string, values: PersonValues): Promise<boolean> {
  const sets = [sql`updated_at = now()`];
  if (values.teamId !== undefined) sets.push(sql`team_id = ${values.teamId}::uuid`);
  if (values.managerId !== undefined) sets.push(sql`manager_id = ${values.managerId}::uuid`);
  if (values.title !== undefined) sets.push(sql`title = ${values.title}`);
  if (values.responsibilities !== undefined) sets.push(sql`responsibilities = ${values.responsibilities}`);
  if (values.coversTiers !== undefined)
    sets.push(sql`covers_tiers = ${sql.param(values.coversTiers)}::text[]`);
  if (values.workloadCapacity !== undefined) {
    sets.push(sql`workload_capacity = ${values.workloadCapacity}::double precision`);
  }
  const result = await tx.execute(
    sql`UPDATE users SET ${sql.join(sets, sql`, `)} WHERE id = ${id} RETURNING id`,
  );
  return result.rows.length > 0;
}

/**
 * The loop that making `managerId` the manager of `personId` would close, as names from the new
 * manager up the chain to `personId` (`['Bob', 'Ann']` when Ann manages Bob); null when there is none.
 */
export async function managerLoop(tx: Tx, personId: string, managerId: string): Promise<string[] | null> {
  const result = await tx.execute<{ path: string[] }>(sql`
    WITH RECURSIVE chain(id, manager_id, path, depth) AS (
      SELECT id, manager_id, ARRAY[name], 1 FROM users WHERE id = ${managerId}
      UNION ALL
      SELECT u.id, u.manager_id, c.path || u.name, c.depth + 1
      FROM chain c JOIN users u ON u.id = c.manager_id
      WHERE c.depth < 1000 AND c.id <> ${personId}
    )
    SELECT path FROM chain WHERE id = ${personId} LIMIT 1`);
  return result.rows[0]?.path ?? null;
}
