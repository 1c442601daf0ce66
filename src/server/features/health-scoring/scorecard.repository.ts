import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { AssignmentCriterion, ScorecardDefinition } from '../../../shared/api/health.contract';
import type { Db, Tx } from '../../db/database';
import { scorecards, scorecardVersions, users } from '../../db/schema';
import type { QueryParameters } from './scoring-sql';

/** A scorecard in use, with the definition of its current version. */
export type ActiveScorecard = {
  id: string;
  name: string;
  isDefault: boolean;
  position: number;
  criteria: AssignmentCriterion[];
  version: number;
  definition: ScorecardDefinition;
  updatedAt: Date;
};

/** Scorecards not archived, in assignment order: by position, then age; the default last. */
export async function listActiveScorecards(db: Db | Tx): Promise<ActiveScorecard[]> {
  const rows = await db
    .select({ scorecard: scorecards, definition: scorecardVersions.definition })
    .from(scorecards)
    .innerJoin(
      scorecardVersions,
      and(
        eq(scorecardVersions.scorecardId, scorecards.id),
        eq(scorecardVersions.version, scorecards.currentVersion),
      ),
    )
    .where(isNull(scorecards.archivedAt))
    .orderBy(asc(scorecards.isDefault), asc(scorecards.position), asc(scorecards.createdAt));
  return rows.map(({ scorecard, definition }) => ({
    id: scorecard.id,
    name: scorecard.name,
    isDefault: scorecard.isDefault,
    position: scorecard.position,
    criteria: scorecard.criteria,
    version: scorecard.currentVersion,
    definition,
    updatedAt: scorecard.updatedAt,
  }));
}

export async function findScorecardVersion(db: Db | Tx, scorecardId: string, version: number) {
  const [row] = await db
    .select({ definition: scorecardVersions.definition, name: scorecards.name })
    .from(scorecardVersions)
    .innerJoin(scorecards, eq(scorecards.id, scorecardVersions.scorecardId))
    .where(and(eq(scorecardVersions.scorecardId, scorecardId), eq(scorecardVersions.version, version)));
  return row ?? null;
}

export async function listVersions(db: Db | Tx, scorecardId: string) {
  return db
    .select({
      version: scorecardVersions.version,
      createdAt: scorecardVersions.createdAt,
      note: scorecardVersions.note,
      createdBy: users.name,
    })
    .from(scorecardVersions)
    .leftJoin(users, eq(users.id, scorecardVersions.createdBy))
    .where(eq(scorecardVersions.scorecardId, scorecardId))
    .orderBy(desc(scorecardVersions.version));
}

/** The accounts health scoring keeps a current score for: customers being onboarded or live. */
export const SCORED_ACCOUNTS = `a.status IN ('active', 'onboarding')`;

/** SQL for "the account `a` meets every criterion" (values compared trimmed and case-insensitively). */
export function criteriaSql(criteria: readonly AssignmentCriterion[], parameters: QueryParameters): string {
  if (criteria.length === 0) return 'TRUE';
  return criteria
    .map((criterion) => {
      const values = parameters.add(
        criterion.values.map((value) => value.trim().toLowerCase()),
        'text[]',
      );
      const column =
        criterion.kind === 'trait'
          ? `a.traits ->> ${parameters.add(criterion.key, 'text')}`
          : `a.${criterion.field}`;
      return `lower(trim(${column})) = ANY(${values})`;
    })
    .join(' AND ');
}

/**
 * SQL for "scorecard `index` of `ordered` applies to account `a`": its criteria hold and no earlier
 * scorecard's do. The default scorecard (last) takes whatever no other claims.
 */
export function assignmentSql(
  ordered: readonly ActiveScorecard[],
  index: number,
  parameters: QueryParameters,
): string {
  const earlier = ordered.slice(0, index).filter((scorecard) => !scorecard.isDefault);
  const own = ordered[index]!;
  const mine = own.isDefault ? 'TRUE' : criteriaSql(own.criteria, parameters);
  if (earlier.length === 0) return `(${mine})`;
  const claimed = earlier.map((scorecard) => `(${criteriaSql(scorecard.criteria, parameters)})`).join(' OR ');
  return `(${mine}) AND NOT coalesce(${claimed}, FALSE)`;
}

export async function insertScorecard(
  tx: Tx,
  input: {
    name: string;
    criteria: AssignmentCriterion[];
    isDefault: boolean;
    position: number;
    definition: ScorecardDefinition;
    note: string | null;
    createdBy: string | null;
  },
) {
  const [row] = await tx
    .insert(scorecards)
    .values({
      name: input.name,
      criteria: input.criteria,
      isDefault: input.isDefault,
      position: input.position,
      currentVersion: 1,
    })
    .returning();
  await tx
    .insert(scorecardVersions)
    .values({
      scorecardId: row!.id,
      version: 1,
      definition: input.definition,
      note: input.note,
      createdBy: input.createdBy,
    });
  return row!;
}

/** Adds version `current + 1` and makes it current; the old versions stay as they were. */
export async function addScorecardVersion(
  tx: Tx,
  scorecardId: string,
  definition: ScorecardDefinition,
  note: string | null,
  createdBy: string | null,
) {
  const [row] = await tx
    .update(scorecards)
    .set({ currentVersion: sql`${scorecards.currentVersion} + 1`, updatedAt: new Date() })
    .where(eq(scorecards.id, scorecardId))
    .returning({ version: scorecards.currentVersion });
  await tx
    .insert(scorecardVersions)
    .values({ scorecardId, version: row!.version, definition, note, createdBy });
  return row!.version;
}
