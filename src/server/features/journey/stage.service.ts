import { sql } from 'drizzle-orm';
import type { SegmentRule } from '../../../domain/segments';
import type {
  Stage,
  StageCreate,
  StageList,
  StageOrder,
  StageUpdate,
} from '../../../shared/api/journey.contract';
import type { Db, Tx } from '../../db/database';
import { badRequest, conflict, notFound, type ProblemItem } from '../../http/problem';
import { presentStage, stageMetricCatalogue } from './stage.presenter';
import {
  deleteStageRow,
  findStageByName,
  findStageRow,
  insertStage,
  listStageRows,
  lockStages,
  renameStageEverywhere,
  stageIdsInOrder,
  type StageValues,
  updateStageColumns,
  writeStagePositions,
} from './stage.repository';
import { stageRuleProblems } from './stage-rule';

/** The journey map: every stage in position order, with the metric keys a stage can name. */
export async function listStages(db: Db): Promise<StageList> {
  return { items: (await listStageRows(db)).map(presentStage), metricCatalogue: stageMetricCatalogue() };
}

/** One stage; 404 when there is none with this id. */
export async function getStage(db: Db | Tx, id: string): Promise<Stage> {
  const row = await findStageRow(db, id);
  if (!row) throw notFound('lifecycle stage', id);
  return presentStage(row);
}

function refuse(problems: ProblemItem[]): never {
  throw badRequest(
    `Nothing was saved. ${problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`,
    problems,
  );
}

/** Checks the references and the rule of a stage write; 400 listing every problem. */
async function validateStageInput(tx: Tx, input: StageCreate | StageUpdate): Promise<void> {
  const problems: ProblemItem[] = [];
  if (input.owningTeamId) {
    const team = await tx.execute(sql`SELECT 1 FROM teams WHERE id = ${input.owningTeamId}`);
    if (team.rows.length === 0) {
      problems.push({
        field: 'body.owningTeamId',
        message: `no team with id ${input.owningTeamId}; list teams with GET /api/v1/teams`,
      });
    }
  }
  if (input.entryRule) problems.push(...(await stageRuleProblems(tx, input.entryRule, 'body.entryRule')));
  if (problems.length > 0) refuse(problems);
}

async function assertNameFree(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const existing = await findStageByName(tx, name);
  if (existing && existing.id !== exceptId) {
    throw conflict(`A stage named "${existing.name}" already exists. Pick another name.`, [
      { field: 'body.name', message: 'already used by another stage (names ignore case)' },
    ]);
  }
}

const valuesOf = (input: StageCreate | StageUpdate): StageValues => ({
  name: input.name,
  description: input.description === undefined ? undefined : input.description || null,
  entryRule: input.entryRule as SegmentRule | null | undefined,
  expectedDays: input.expectedDays,
  owningTeamId: input.owningTeamId,
  touchpoints: input.touchpoints,
  metrics: input.metrics === undefined ? undefined : [...new Set(input.metrics)],
});

/**
 * Adds a stage at the end of the journey. 409 when the name is taken (ignoring case), 400 when the
 * team does not exist or the entry rule names an unknown field or a wrong operator.
 */
export async function createStage(db: Db, input: StageCreate): Promise<Stage> {
  return db.transaction(async (tx) => {
    await lockStages(tx);
    await assertNameFree(tx, input.name);
    await validateStageInput(tx, input);
    const id = await insertStage(tx, { ...valuesOf(input), name: input.name });
    return getStage(tx, id);
  });
}

/**
 * Changes a stage. Renaming moves its accounts and their stage history to the new name (each
 * account keeps its time in stage).
 */
export async function updateStage(db: Db, id: string, input: StageUpdate): Promise<Stage> {
  return db.transaction(async (tx) => {
    await lockStages(tx);
    const current = await findStageRow(tx, id);
    if (!current) throw notFound('lifecycle stage', id);
    if (input.name !== undefined) await assertNameFree(tx, input.name, id);
    await validateStageInput(tx, input);
    await updateStageColumns(tx, id, valuesOf(input));
    if (input.name !== undefined && input.name !== current.name) {
      await renameStageEverywhere(tx, current.name, input.name);
    }
    return getStage(tx, id);
  });
}

/** Deletes a stage that no account is in (409 saying how many are, otherwise); the others close up. */
export async function deleteStage(db: Db, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await lockStages(tx);
    const current = await findStageRow(tx, id);
    if (!current) throw notFound('lifecycle stage', id);
    if (current.accounts > 0) {
      const accounts = `${current.accounts} account${current.accounts === 1 ? ' is' : 's are'}`;
      throw conflict(
        `${accounts} in stage "${current.name}". Move ${current.accounts === 1 ? 'it' : 'them'} to another stage ` +
          '(PUT /api/v1/accounts/:id/stage, or change the entry rules) before deleting the stage.',
      );
    }
    await deleteStageRow(tx, id);
    await writeStagePositions(tx, await stageIdsInOrder(tx));
  });
}

/** Puts the stages in a new order; `ids` must list every stage exactly once. */
export async function reorderStages(db: Db, input: StageOrder): Promise<void> {
  await db.transaction(async (tx) => {
    await lockStages(tx);
    const existing = await stageIdsInOrder(tx);
    const known = new Set(existing);
    const problems: ProblemItem[] = [];
    const seen = new Set<string>();
    input.ids.forEach((stageId, index) => {
      if (!known.has(stageId)) {
        problems.push({ field: `body.ids[${index}]`, message: `no stage with id ${stageId}` });
      } else if (seen.has(stageId)) {
        problems.push({ field: `body.ids[${index}]`, message: `stage ${stageId} is listed twice` });
      }
      seen.add(stageId);
    });
    const missing = existing.filter((stageId) => !seen.has(stageId));
    if (missing.length > 0) {
      problems.push({
        field: 'body.ids',
        message: `list every stage once; missing: ${missing.join(', ')} (GET /api/v1/stages lists them)`,
      });
    }
    if (problems.length > 0) refuse(problems);
    await writeStagePositions(tx, input.ids);
  });
}
