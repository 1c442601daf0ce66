import { sql } from 'drizzle-orm';
import type { Team, TeamCreate, TeamUpdate } from '../../../shared/api/team.contract';
import type { Db, Tx } from '../../db/database';
import { conflict, notFound } from '../../http/problem';
import {
  deleteTeamRow,
  findTeamByName,
  insertTeam,
  listTeamRows,
  type TeamRow,
  updateTeamRow,
} from './team.repository';

const presentTeam = (row: TeamRow): Team => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  members: row.members,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** Every team by name, with its member count. */
export async function listTeams(db: Db): Promise<Team[]> {
  return (await listTeamRows(db)).map(presentTeam);
}

async function getTeam(db: Db | Tx, id: string): Promise<Team> {
  const [row] = await listTeamRows(db, id);
  if (!row) throw notFound('team', id);
  return presentTeam(row);
}

/** Two saves racing for one name: the unique index refuses the second, which becomes a 409. */
async function withUniqueName<T>(name: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const code =
      (error as { code?: string; cause?: { code?: string } }).code ??
      (error as { cause?: { code?: string } }).cause?.code;
    if (code === '23505') {
      throw conflict(`A team named "${name}" already exists. Pick another name.`, [
        { field: 'body.name', message: 'already used by another team (names ignore case)' },
      ]);
    }
    throw error;
  }
}

/** Serialises team saves (in the caller's transaction), so names stay unique ignoring case. */
async function assertNameFree(db: Tx, name: string, exceptId?: string): Promise<void> {
  await db.execute(sql`LOCK TABLE teams IN SHARE ROW EXCLUSIVE MODE`);
  const existing = await findTeamByName(db, name);
  if (existing && existing.id !== exceptId) {
    throw conflict(`A team named "${existing.name}" already exists. Pick another name.`, [
      { field: 'body.name', message: 'already used by another team (names ignore case)' },
    ]);
  }
}

/** Creates a team; 409 when the name is taken (ignoring case). */
export async function createTeam(db: Db, input: TeamCreate): Promise<Team> {
  return withUniqueName(input.name, () =>
    db.transaction(async (tx) => {
      await assertNameFree(tx, input.name);
      return getTeam(tx, await insertTeam(tx, input));
    }),
  );
}

/** Renames a team or changes its kind; 404 for an unknown id, 409 for a taken name. */
export async function updateTeam(db: Db, id: string, input: TeamUpdate): Promise<Team> {
  return withUniqueName(input.name, () =>
    db.transaction(async (tx) => {
      if (input.name !== undefined) await assertNameFree(tx, input.name, id);
      if (!(await updateTeamRow(tx, id, input))) throw notFound('team', id);
      return getTeam(tx, id);
    }),
  );
}

/** Deletes a team: its people and the stages it owned stay, without a team. */
export async function deleteTeam(db: Db, id: string): Promise<void> {
  if (!(await deleteTeamRow(db, id))) throw notFound('team', id);
}
