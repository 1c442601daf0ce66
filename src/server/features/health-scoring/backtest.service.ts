import {
  calibrateWeights,
  runBacktest,
  type Backtest,
  type BacktestAccount,
  type CalibrationAccount,
} from '../../../domain/health';
import type {
  BacktestRequest,
  BacktestResult,
  CalibrationResult,
  MeasureDto,
  ScorecardDefinition,
} from '../../../shared/api/health.contract';
import type { Database } from '../../db/database';
import { badRequest } from '../../http/problem';
import { inputsOf } from './account-health.service';
import { scoreWithoutSaving, type ScoredRow } from './health-recompute.service';
import { assertDefinition, requireActiveScorecard, requireDefaultScorecard } from './scorecard.service';

const DAY = 86_400_000;
/** Fewer churners than this in the held-out part and the calibration result carries a caution. */
const MIN_HELD_OUT_CHURNERS = 20;
const roundWeight = (weight: number) => Math.max(0.0001, Math.round(weight * 10_000) / 10_000);

type Subject = {
  scorecardId: string | null;
  name: string;
  version: number | null;
  definition: ScorecardDefinition;
};

/** The scored accounts of a backtest with their outcome, and what was left out. */
type Sample = {
  subject: Subject;
  outcome: string;
  asOf: string;
  horizonDays: number | null;
  rows: (ScoredRow & { churned: boolean })[];
  noOutcome: number;
};

async function subjectOf(database: Database, request: BacktestRequest): Promise<Subject> {
  if (request.definition) {
    assertDefinition(request.definition, 'body.definition', 'The definition is not valid');
    return {
      scorecardId: request.scorecardId ?? null,
      name: 'Draft scorecard',
      version: null,
      definition: request.definition,
    };
  }
  const scorecard = request.scorecardId
    ? await requireActiveScorecard(database, request.scorecardId)
    : await requireDefaultScorecard(database);
  return {
    scorecardId: scorecard.id,
    name: scorecard.name,
    version: scorecard.version,
    definition: scorecard.definition,
  };
}

/**
 * Scores the accounts as they were on the as-of day and finds each one's outcome: churned within the
 * horizon (a churn event, or no running subscription at the horizon's end), or the named trait's value.
 */
async function collectSample(database: Database, request: BacktestRequest, now: Date): Promise<Sample> {
  const subject = await subjectOf(database, request);
  if (request.outcomeField !== undefined && request.outcomeValue !== undefined) {
    const field = request.outcomeField;
    const leaking = subject.definition.measures.findIndex(
      (measure) => measure.input.kind === 'trait' && measure.input.key.toLowerCase() === field.toLowerCase(),
    );
    if (leaking >= 0) {
      throw badRequest(
        `body.outcomeField: measure "${subject.definition.measures[leaking]!.name}" reads "${field}" itself, so the backtest would grade the score on its own answer. Remove that measure or pick another outcome field.`,
        [
          {
            field: `body.definition.measures[${leaking}].input`,
            message: `reads the outcome field "${field}"`,
          },
        ],
      );
    }
    const rows = await scoreWithoutSaving(
      database,
      subject.definition,
      now,
      (parameters) =>
        `SELECT a.id AS account_id FROM accounts a WHERE nullif(trim(a.traits ->> ${parameters.add(field, 'text')}), '') IS NOT NULL`,
      { wholeWorkspace: true },
    );
    const outcomes = await database.pool.query<{ id: string; churned: boolean }>(
      `SELECT id, lower(trim(traits ->> $1)) = lower(trim($2)) AS churned FROM accounts WHERE nullif(trim(traits ->> $1), '') IS NOT NULL`,
      [field, request.outcomeValue],
    );
    const total = await database.pool.query<{ count: number }>('SELECT count(*)::int AS count FROM accounts');
    if (outcomes.rows.length === 0) {
      throw badRequest(
        `body.outcomeField: no account has a "${field}" value. Check the name against the imported column (it is case-sensitive).`,
        [{ field: 'body.outcomeField', message: `no account has the trait "${field}"` }],
      );
    }
    const churned = new Map(outcomes.rows.map((row) => [row.id, row.churned]));
    return {
      subject,
      outcome: `"${field}" is "${request.outcomeValue}"`,
      asOf: now.toISOString().slice(0, 10),
      horizonDays: null,
      rows: rows.map((row) => ({ ...row, churned: churned.get(row.account_id) ?? false })),
      noOutcome: (total.rows[0]?.count ?? 0) - outcomes.rows.length,
    };
  }
  const asOfDay = request.asOf!;
  const horizonDays = request.horizonDays!;
  const today = now.toISOString().slice(0, 10);
  const horizonEnd = new Date(Date.parse(`${asOfDay}T00:00:00Z`) + horizonDays * DAY)
    .toISOString()
    .slice(0, 10);
  if (horizonEnd > today) {
    const latest = new Date(Date.parse(`${today}T00:00:00Z`) - horizonDays * DAY).toISOString().slice(0, 10);
    throw badRequest(
      `body.asOf: the ${horizonDays}-day horizon from ${asOfDay} ends on ${horizonEnd}, after today, so outcomes are not known yet. Pick ${latest} or earlier.`,
      [{ field: 'body.asOf', message: `must be on or before ${latest} for a ${horizonDays}-day horizon` }],
    );
  }
  // Inputs as of the end of the as-of day.
  const asOf = new Date(Date.parse(`${asOfDay}T00:00:00Z`) + DAY - 1);
  const running = (day: string) =>
    `EXISTS (SELECT 1 FROM subscriptions s WHERE s.account_id = a.id AND s.start_date <= ${day} AND (s.end_date IS NULL OR s.end_date > ${day}))`;
  const rows = await scoreWithoutSaving(
    database,
    subject.definition,
    asOf,
    () =>
      `SELECT a.id AS account_id FROM accounts a WHERE ${running(`(($1::timestamptz AT TIME ZONE 'UTC')::date)`)}`,
    { wholeWorkspace: true },
  );
  const outcomes = await database.pool.query<{ id: string; churned: boolean }>(
    `SELECT a.id,
            EXISTS (SELECT 1 FROM churn_events c WHERE c.account_id = a.id AND c.churned_on > $1::date AND c.churned_on <= $2::date)
            OR NOT ${running('$2::date')} AS churned
     FROM accounts a WHERE a.id = ANY($3::uuid[])`,
    [asOfDay, horizonEnd, rows.map((row) => row.account_id)],
  );
  const churned = new Map(outcomes.rows.map((row) => [row.id, row.churned]));
  return {
    subject,
    outcome: `churned within ${horizonDays} days after ${asOfDay} (a churn event, or no running subscription on ${horizonEnd})`,
    asOf: asOfDay,
    horizonDays,
    rows: rows.map((row) => ({ ...row, churned: churned.get(row.account_id) ?? false })),
    noOutcome: 0,
  };
}

function presentReport(report: Backtest, definition: ScorecardDefinition): BacktestResult['report'] {
  const nameOf = new Map(definition.measures.map((measure) => [measure.id, measure.name]));
  return {
    ...report,
    measureAucs: report.measureAucs.map((entry) => ({
      ...entry,
      name: nameOf.get(entry.measureId) ?? entry.measureId,
    })),
  };
}

/** How well the score separated churners on the team's own history (docs/health.md, Backtest). */
export async function backtestScorecard(
  database: Database,
  request: BacktestRequest,
  now = new Date(),
): Promise<BacktestResult> {
  const sample = await collectSample(database, request, now);
  const { definition } = sample.subject;
  const scored = sample.rows.filter((row) => row.status === 'scored');
  const accounts: BacktestAccount[] = scored.map((row) => ({
    accountId: row.account_id,
    score: row.display_score!,
    churned: row.churned,
    measureScores: Object.fromEntries(
      definition.measures.map((measure, index) => [measure.id, row.measure_scores[index] ?? null]),
    ),
  }));
  const report = runBacktest(
    accounts,
    definition.bands,
    definition.measures.map((measure) => measure.id),
  );
  return {
    scorecardId: sample.subject.scorecardId,
    scorecardName: sample.subject.name,
    scorecardVersion: sample.subject.version,
    outcome: sample.outcome,
    asOf: sample.asOf,
    horizonDays: sample.horizonDays,
    excluded: { noOutcome: sample.noOutcome, notScored: sample.rows.length - scored.length },
    report: presentReport(report, definition),
  };
}

/**
 * Fits breakpoints and weights to the outcomes on a seeded part of the accounts and backtests the
 * rest before and after. Nothing is saved: the proposal is saved as a new version only when accepted.
 */
export async function calibrateScorecard(
  database: Database,
  request: BacktestRequest,
  now = new Date(),
): Promise<CalibrationResult> {
  const sample = await collectSample(database, request, now);
  const { definition } = sample.subject;
  const accounts: CalibrationAccount[] = sample.rows.map((row) => ({
    accountId: row.account_id,
    inputs: inputsOf(definition, row.raw_values),
    churned: row.churned,
  }));
  const calibration = calibrateWeights(
    {
      id: sample.subject.scorecardId ?? 'draft',
      name: sample.subject.name,
      version: sample.subject.version ?? 1,
      ...definition,
    },
    accounts,
    { seed: request.seed, heldOutShare: request.heldOutShare },
  );
  if (calibration.status !== 'calibrated')
    return { status: 'not-calibrated', reason: calibration.reason, outcome: sample.outcome };
  const nameOf = new Map(definition.measures.map((measure) => [measure.id, measure.name]));
  const proposed: ScorecardDefinition = {
    // Weights rounded to 4 decimals (never below the 0.0001 a scorecard accepts) so the proposal saves as shown.
    measures: calibration.scorecard.measures.map((measure) => ({
      ...measure,
      weight: roundWeight(measure.weight),
      groupId: measure.groupId ?? null,
    })) as ScorecardDefinition['measures'],
    groups: (calibration.scorecard.groups ?? []).map((group) => ({
      ...group,
      weight: roundWeight(group.weight),
    })),
    bands: [...calibration.scorecard.bands],
  };
  return {
    status: 'calibrated',
    scorecardId: sample.subject.scorecardId,
    baseVersion: sample.subject.version,
    outcome: sample.outcome,
    trainingAccounts: calibration.trainingAccounts,
    heldOutAccounts: calibration.heldOutAccounts,
    unscoredAccounts: calibration.unscoredAccounts,
    weights: calibration.weights.map((weight) => ({
      measureId: weight.measureId,
      name: nameOf.get(weight.measureId) ?? weight.measureId,
      before: definition.measures.find((measure) => measure.id === weight.measureId)?.weight ?? 0,
      after: weight.weight,
      coefficient: weight.coefficient,
      note: weight.note,
    })),
    breakpoints: calibration.breakpoints.map((change) => ({
      measureId: change.measureId,
      name: nameOf.get(change.measureId) ?? change.measureId,
      changed: change.changed,
      before: change.before as MeasureDto['scheme'],
      after: change.after as MeasureDto['scheme'],
      note: change.note,
    })),
    proposed,
    caution:
      calibration.before.churned < MIN_HELD_OUT_CHURNERS
        ? `Only ${calibration.before.churned} of the ${calibration.heldOutAccounts} held-out accounts churned, so the before/after AUCs are noisy: a difference of a few hundredths may be chance. A longer horizon or more history gives a firmer answer.`
        : null,
    before: presentReport(calibration.before, definition),
    after: presentReport(calibration.after, proposed),
  };
}
