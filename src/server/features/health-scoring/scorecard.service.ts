import { and, eq, isNull, max } from 'drizzle-orm';
import { validateScorecard, type Scorecard } from '../../../domain/health';
import type {
  ScorecardCreate,
  ScorecardDefinition,
  ScorecardDto,
  ScorecardUpdate,
} from '../../../shared/api/health.contract';
import type { Actor } from '../../auth/policy';
import type { Database, Db } from '../../db/database';
import { scorecards } from '../../db/schema';
import { badRequest, conflict, notFound, type ProblemItem } from '../../http/problem';
import { recomputeHealth, type RecomputeResult } from './health-recompute.service';
import {
  addScorecardVersion,
  assignmentSql,
  insertScorecard,
  listActiveScorecards,
  listVersions,
  SCORED_ACCOUNTS,
  type ActiveScorecard,
} from './scorecard.repository';
import { QueryParameters } from './scoring-sql';

/** Inputs that give labels, not numbers: only a category scheme can score them. */
const LABEL_INPUTS = new Set(['sentiment', 'account_field']);

/**
 * Every problem with a definition, as 400 items under `path` (e.g. "body.definition"): the domain's
 * rules (weights, groups, ranges, bands) plus which schemes fit which inputs.
 */
export function definitionProblems(definition: ScorecardDefinition, path: string): ProblemItem[] {
  const scorecard: Scorecard = { id: 'draft', name: 'draft', version: 1, ...definition };
  const problems: ProblemItem[] = validateScorecard(scorecard).map((problem) => ({
    field: `${path}.${problem.field}`,
    message: problem.message,
  }));
  definition.measures.forEach((measure, index) => {
    if (LABEL_INPUTS.has(measure.input.kind) && measure.scheme.kind !== 'category') {
      problems.push({
        field: `${path}.measures[${index}].scheme`,
        message: `"${measure.input.kind}" gives labels, not numbers; use a category scheme (label → score)`,
      });
    }
  });
  return problems;
}

/** Throws a 400 listing every problem of `definition`, after `lead` (e.g. "The scorecard is not valid"). */
export function assertDefinition(
  definition: ScorecardDefinition,
  path: string,
  lead = 'The scorecard is not valid',
): void {
  const problems = definitionProblems(definition, path);
  if (problems.length > 0) {
    throw badRequest(
      `${lead}: ${problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}.`,
      problems,
    );
  }
}

async function countAssigned(
  database: Database,
  ordered: readonly ActiveScorecard[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let index = 0; index < ordered.length; index += 1) {
    const parameters = new QueryParameters(new Date());
    const where = assignmentSql(ordered, index, parameters);
    const result = await database.pool.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM accounts a WHERE ${SCORED_ACCOUNTS} AND ${where} AND $1::timestamptz IS NOT NULL`,
      parameters.values,
    );
    counts.set(ordered[index]!.id, result.rows[0]?.count ?? 0);
  }
  return counts;
}

async function present(db: Db, scorecard: ActiveScorecard, accounts: number): Promise<ScorecardDto> {
  const versions = await listVersions(db, scorecard.id);
  return {
    id: scorecard.id,
    name: scorecard.name,
    isDefault: scorecard.isDefault,
    position: scorecard.position,
    criteria: scorecard.criteria,
    version: scorecard.version,
    definition: scorecard.definition,
    accounts,
    versions: versions.map((row) => ({
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdBy,
      note: row.note,
    })),
    updatedAt: scorecard.updatedAt.toISOString(),
  };
}

/** Scorecards in use, in assignment order (the default last), with how many accounts each scores. */
export async function listScorecards(database: Database): Promise<{ items: ScorecardDto[] }> {
  const ordered = await listActiveScorecards(database.db);
  const counts = await countAssigned(database, ordered);
  return {
    items: await Promise.all(
      ordered.map((scorecard) => present(database.db, scorecard, counts.get(scorecard.id) ?? 0)),
    ),
  };
}

export async function getScorecard(database: Database, id: string): Promise<ScorecardDto> {
  const ordered = await listActiveScorecards(database.db);
  const scorecard = ordered.find((candidate) => candidate.id === id);
  if (!scorecard) throw notFound('scorecard', id);
  const counts = await countAssigned(database, ordered);
  return present(database.db, scorecard, counts.get(id) ?? 0);
}

/** The scorecard that applies when none is named: the default. */
export async function requireDefaultScorecard(database: Database): Promise<ActiveScorecard> {
  const ordered = await listActiveScorecards(database.db);
  const scorecard = ordered.find((candidate) => candidate.isDefault);
  if (!scorecard)
    throw badRequest(
      'There is no scorecard yet. Create one under Health → Scorecards (or POST /api/v1/health/scorecards) first.',
    );
  return scorecard;
}

export async function requireActiveScorecard(database: Database, id: string): Promise<ActiveScorecard> {
  const scorecard = (await listActiveScorecards(database.db)).find((candidate) => candidate.id === id);
  if (!scorecard) throw notFound('scorecard', id);
  return scorecard;
}

export type ScorecardSaved = { scorecard: ScorecardDto; recompute: RecomputeResult };

/**
 * Creates a scorecard (version 1). The first one becomes the default and applies to every account;
 * later ones need criteria and go after the others in assignment order. Scores are recomputed.
 */
export async function createScorecard(
  database: Database,
  actor: Actor,
  input: ScorecardCreate,
): Promise<ScorecardSaved> {
  assertDefinition(input.definition, 'body.definition');
  const existing = await listActiveScorecards(database.db);
  const isDefault = existing.length === 0;
  if (!isDefault && input.criteria.length === 0) {
    throw badRequest(
      'body.criteria: a scorecard other than the default needs at least one criterion (which accounts it applies to).',
      [
        {
          field: 'body.criteria',
          message:
            'add a criterion such as { "kind": "account_field", "field": "tier", "values": ["Enterprise"] }',
        },
      ],
    );
  }
  if (existing.some((scorecard) => scorecard.name.toLowerCase() === input.name.toLowerCase())) {
    throw conflict(`A scorecard named "${input.name}" exists; choose another name.`, [
      { field: 'body.name', message: 'already used' },
    ]);
  }
  const created = await database.db.transaction(async (tx) => {
    const [top] = await tx
      .select({ position: max(scorecards.position) })
      .from(scorecards)
      .where(isNull(scorecards.archivedAt));
    return insertScorecard(tx, {
      name: input.name,
      criteria: isDefault ? [] : input.criteria,
      isDefault,
      position: isDefault ? 0 : (top?.position ?? 0) + 1,
      definition: input.definition,
      note: input.note ?? null,
      createdBy: actor.userId,
    });
  });
  const recompute = await recomputeHealth(database, { trigger: 'scorecard' });
  return { scorecard: await getScorecard(database, created.id), recompute };
}

/**
 * Edits a scorecard. A changed definition becomes a new version (the old ones and their snapshots
 * stay); name, criteria and position change in place. Refused with 409 when `baseVersion` is older
 * than the current version (someone saved in between). Scores are recomputed.
 */
export async function updateScorecard(
  database: Database,
  actor: Actor,
  id: string,
  input: ScorecardUpdate,
): Promise<ScorecardSaved> {
  const current = await requireActiveScorecard(database, id);
  if (input.definition) assertDefinition(input.definition, 'body.definition');
  if (input.baseVersion !== undefined && input.baseVersion !== current.version) {
    throw conflict(
      `This scorecard is at version ${current.version}, but the edit started from version ${input.baseVersion}. Reload it, then make the change again.`,
      [{ field: 'body.baseVersion', message: `current version is ${current.version}` }],
    );
  }
  if (current.isDefault && input.criteria !== undefined && input.criteria.length > 0) {
    throw badRequest(
      'body.criteria: the default scorecard applies to every account no other scorecard claims; it takes no criteria.',
      [{ field: 'body.criteria', message: 'leave empty for the default scorecard' }],
    );
  }
  if (!current.isDefault && input.criteria !== undefined && input.criteria.length === 0) {
    throw badRequest('body.criteria: a scorecard other than the default needs at least one criterion.', [
      { field: 'body.criteria', message: 'add a criterion' },
    ]);
  }
  if (input.name !== undefined && input.name.toLowerCase() !== current.name.toLowerCase()) {
    const others = await listActiveScorecards(database.db);
    if (
      others.some(
        (scorecard) => scorecard.id !== id && scorecard.name.toLowerCase() === input.name!.toLowerCase(),
      )
    ) {
      throw conflict(`A scorecard named "${input.name}" exists; choose another name.`, [
        { field: 'body.name', message: 'already used' },
      ]);
    }
  }
  const definitionChanged =
    input.definition !== undefined && JSON.stringify(input.definition) !== JSON.stringify(current.definition);
  await database.db.transaction(async (tx) => {
    // Lock the row so two saves cannot both become "current + 1".
    const [locked] = await tx
      .select({ version: scorecards.currentVersion })
      .from(scorecards)
      .where(eq(scorecards.id, id))
      .for('update');
    if (input.baseVersion !== undefined && locked?.version !== input.baseVersion) {
      throw conflict(
        `This scorecard was saved by someone else meanwhile (now version ${locked?.version}). Reload it, then make the change again.`,
      );
    }
    const changes: Partial<typeof scorecards.$inferInsert> = { updatedAt: new Date() };
    if (input.name !== undefined) changes.name = input.name;
    if (input.criteria !== undefined) changes.criteria = input.criteria;
    if (input.position !== undefined) changes.position = input.position;
    await tx.update(scorecards).set(changes).where(eq(scorecards.id, id));
    if (definitionChanged)
      await addScorecardVersion(tx, id, input.definition!, input.note ?? null, actor.userId);
  });
  const recompute = await recomputeHealth(database, { trigger: 'scorecard' });
  return { scorecard: await getScorecard(database, id), recompute };
}

/** Retires a scorecard other than the default: it stops applying; its versions and snapshots stay. */
export async function archiveScorecard(database: Database, id: string): Promise<RecomputeResult> {
  const current = await requireActiveScorecard(database, id);
  if (current.isDefault) {
    throw badRequest(
      'The default scorecard cannot be retired: every account needs a scorecard. Edit it instead.',
    );
  }
  await database.db
    .update(scorecards)
    .set({ archivedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(scorecards.id, id), isNull(scorecards.archivedAt)));
  return recomputeHealth(database, { trigger: 'scorecard' });
}
