import { sql } from 'drizzle-orm';
import type { Person, PersonUpdate } from '../../../shared/api/team.contract';
import type { Db, Tx } from '../../db/database';
import { badRequest, notFound, type ProblemItem } from '../../http/problem';
import { listPersonRows, managerLoop, type PersonRow, updatePersonColumns } from './team.repository';

/** Advisory lock taken while checking and changing a manager (other features use 4_220_06x–07x). */
const MANAGER_CHAIN_LOCK = 4_220_091;

const presentPerson = (row: PersonRow): Person => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  title: row.title,
  team:
    row.teamId && row.teamName && row.teamKind
      ? { id: row.teamId, name: row.teamName, kind: row.teamKind }
      : null,
  manager: row.managerId ? { id: row.managerId, name: row.managerName ?? '' } : null,
  responsibilities: row.responsibilities,
  coversTiers: row.coversTiers,
  workloadCapacity: row.workloadCapacity,
  disabled: row.disabledAt !== null,
  accounts: {
    csm: row.owned,
    executiveSponsor: row.executiveSponsor,
    onboardingLead: row.onboardingLead,
    supportLead: row.supportLead,
  },
});

/** Our people by name: team, role, manager, responsibilities, tiers covered, capacity and account counts. */
export async function listPeople(db: Db): Promise<Person[]> {
  return (await listPersonRows(db)).map(presentPerson);
}

/** The tier names as stored (matched ignoring case, each once); problems for names no tier has. */
async function resolveTierNames(
  tx: Tx,
  names: readonly string[],
): Promise<{ names: string[]; problems: ProblemItem[] }> {
  const result = await tx.execute<{ name: string }>(sql`SELECT name FROM tiers ORDER BY position`);
  const byLower = new Map(result.rows.map((row) => [row.name.toLowerCase(), row.name]));
  const resolved: string[] = [];
  const problems: ProblemItem[] = [];
  names.forEach((name, index) => {
    const stored = byLower.get(name.toLowerCase());
    if (stored === undefined) {
      const known = result.rows.map((row) => `"${row.name}"`).join(', ');
      problems.push({
        field: `body.coversTiers[${index}]`,
        message: known
          ? `no tier is named "${name}"; use one of ${known}, or [] for every tier`
          : `no tier is named "${name}": no tiers are defined yet (POST /api/v1/tiers); send [] for every tier`,
      });
    } else if (!resolved.includes(stored)) {
      resolved.push(stored);
    }
  });
  return { names: resolved, problems };
}

/** The manager problems of an update: unknown or deactivated user, oneself, or a loop in the chain. */
async function managerProblems(tx: Tx, personId: string, managerId: string): Promise<ProblemItem[]> {
  const field = 'body.managerId';
  if (managerId === personId) return [{ field, message: 'a person cannot be their own manager' }];
  const found = await tx.execute<{ name: string; disabled: boolean }>(
    sql`SELECT name, disabled_at IS NOT NULL AS disabled FROM users WHERE id = ${managerId}`,
  );
  const manager = found.rows[0];
  if (!manager)
    return [{ field, message: `no user with id ${managerId}; list people with GET /api/v1/people` }];
  if (manager.disabled) return [{ field, message: `${manager.name} is deactivated; pick an active manager` }];
  const loop = await managerLoop(tx, personId, managerId);
  if (loop) {
    const person = loop[loop.length - 1];
    return [
      {
        field,
        message: `that would make a loop in the manager chain (${[person, ...loop].join(' → ')}); ${person} is already above ${manager.name}`,
      },
    ];
  }
  return [];
}

/**
 * Changes a person's team, manager, title, responsibilities, tiers covered or workload capacity.
 * Every problem (unknown team, tier or manager; a loop in the manager chain) is a 400 naming the
 * field, and nothing is saved.
 */
export async function updatePerson(db: Db, id: string, input: PersonUpdate): Promise<Person> {
  return db.transaction(async (tx) => {
    const exists = await tx.execute(sql`SELECT 1 FROM users WHERE id = ${id} FOR UPDATE`);
    if (exists.rows.length === 0) throw notFound('person', id);
    const problems: ProblemItem[] = [];
    if (input.teamId) {
      const team = await tx.execute(sql`SELECT 1 FROM teams WHERE id = ${input.teamId}`);
      if (team.rows.length === 0) {
        problems.push({
          field: 'body.teamId',
          message: `no team with id ${input.teamId}; list teams with GET /api/v1/teams`,
        });
      }
    }
    if (input.managerId) {
      // Serialise manager changes, so two concurrent updates cannot close a loop between them.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${MANAGER_CHAIN_LOCK})`);
      problems.push(...(await managerProblems(tx, id, input.managerId)));
    }
    let coversTiers: string[] | undefined;
    if (input.coversTiers !== undefined) {
      const resolved = await resolveTierNames(tx, input.coversTiers);
      problems.push(...resolved.problems);
      coversTiers = resolved.names;
    }
    if (problems.length > 0) {
      throw badRequest(
        `Nothing was saved. ${problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`,
        problems,
      );
    }
    await updatePersonColumns(tx, id, {
      teamId: input.teamId,
      managerId: input.managerId,
      title: input.title === undefined ? undefined : input.title || null,
      responsibilities: input.responsibilities === undefined ? undefined : input.responsibilities || null,
      coversTiers,
      workloadCapacity: input.workloadCapacity,
    });
    const [row] = await listPersonRows(tx, id);
    return presentPerson(row!);
  });
}
