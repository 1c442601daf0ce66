import { scoreAccount } from './account-score';
import { fitBreakpoints, type BreakpointChange, type BreakpointFit } from './breakpoint-calibration';
import { runBacktest, type Backtest, type BacktestAccount } from './backtest';
import { isHeldOut } from './held-out-split';
import { fitLogisticRegression, type LogisticFit } from './logistic-regression';
import type { RawValue } from './measure-scheme';
import type { Scorecard } from './scorecard';

/** One account with a known outcome: its raw inputs by measure id, as of the backtest date. */
export type CalibrationAccount = {
  accountId: string;
  inputs: Readonly<Record<string, RawValue>>;
  churned: boolean;
};

export type CalibrationOptions = {
  /** Seed of the held-out split; the same seed always holds out the same accounts. */
  seed: number;
  /** Share of accounts (0–1) the fit never sees, used for the before/after backtest; default 0.3. */
  heldOutShare?: number;
  /** L2 penalty on coefficients per unit of measure score ÷ 100; default 1. */
  l2?: number;
  /** Fit the breakpoints of linear and ranges schemes before the weights; default true. */
  fitBreakpoints?: boolean;
};

export type FittedMeasureWeight = {
  measureId: string;
  /** Change in churn log-odds per 100 points of measure score; negative means a higher score churns less. */
  coefficient: number;
  /** max(0, −coefficient), scaled so the weights sum to 100. */
  weight: number;
  note: string | null;
};

export type Calibration =
  | {
      status: 'calibrated';
      trainingAccounts: number;
      heldOutAccounts: number;
      /** Accounts left out because the current scorecard could not score them (every measure missing). */
      unscoredAccounts: number;
      fit: LogisticFit;
      /** One change per measure, in scorecard order; empty when `fitBreakpoints` is false. */
      breakpoints: BreakpointChange[];
      weights: FittedMeasureWeight[];
      /** The scorecard with fitted schemes and weights, as version + 1; saved only when the user accepts it. */
      scorecard: Scorecard;
      /** Backtest of the held-out accounts with the current scorecard, then with the proposed one. */
      before: Backtest;
      after: Backtest;
    }
  | { status: 'not-calibrated'; reason: string };

/**
 * Fits the breakpoints of numeric schemes (see `fitBreakpoints`), then measure weights by L2 logistic
 * regression on the training accounts' measure scores (÷ 100) under those schemes, with weights
 * ∝ max(0, −coefficient), and backtests the held-out accounts before and after. Excluded measure
 * scores are imputed with the training mean of that measure.
 */
export function calibrateWeights(
  scorecard: Scorecard,
  accounts: readonly CalibrationAccount[],
  options: CalibrationOptions,
): Calibration {
  const { seed, heldOutShare = 0.3, l2 = 1 } = options;
  const measureIds = scorecard.measures.map((measure) => measure.id);
  const scored = accounts.flatMap((account) => {
    const result = scoreAccount(scorecard, account.inputs);
    if (result.status !== 'scored') return [];
    const measureScores = Object.fromEntries(
      result.measures.map((line) => [line.measureId, line.measureScore]),
    );
    return [
      {
        account,
        backtest: {
          accountId: account.accountId,
          score: result.score,
          churned: account.churned,
          measureScores,
        },
      },
    ];
  });
  const training = scored.filter(({ account }) => !isHeldOut(account.accountId, seed, heldOutShare));
  const heldOut = scored.filter(({ account }) => isHeldOut(account.accountId, seed, heldOutShare));
  const churnedInTraining = training.filter(({ account }) => account.churned).length;
  if (churnedInTraining === 0 || churnedInTraining === training.length) {
    return {
      status: 'not-calibrated',
      reason: `The ${training.length} training accounts need both churners and renewals to fit weights`,
    };
  }
  const breakpointFit: BreakpointFit =
    options.fitBreakpoints === false
      ? { scorecard, changes: [] }
      : fitBreakpoints(
          scorecard,
          training.map(({ account }) => account),
          { l2 },
        );
  const measureScoresOf = (inputs: CalibrationAccount['inputs']): Record<string, number | null> => {
    const result = scoreAccount(breakpointFit.scorecard, inputs);
    return Object.fromEntries(result.measures.map((line) => [line.measureId, line.measureScore]));
  };
  const trainingScores = training.map(({ account }) => measureScoresOf(account.inputs));
  const means = measureIds.map((id) => {
    const values = trainingScores
      .map((measureScores) => measureScores[id])
      .filter((value): value is number => typeof value === 'number');
    return values.length === 0 ? 50 : values.reduce((sum, value) => sum + value, 0) / values.length;
  });
  const features = trainingScores.map((measureScores) =>
    measureIds.map((id, index) => (measureScores[id] ?? means[index] ?? 50) / 100),
  );
  const fit = fitLogisticRegression(
    features,
    training.map(({ account }) => account.churned),
    { l2 },
  );
  const unseen = new Set(
    measureIds.filter((id) => trainingScores.every((measureScores) => typeof measureScores[id] !== 'number')),
  );
  const weights = keepUnseenMeasures(scorecard, weightsFromCoefficients(measureIds, fit.coefficients), unseen);
  if (weights.every((weight) => weight.weight === 0 || unseen.has(weight.measureId))) {
    return {
      status: 'not-calibrated',
      reason:
        'No measure had a higher score go with less churn, so there are no weights to fit; review the schemes',
    };
  }
  const fitted = scorecardWithWeights(breakpointFit.scorecard, weights);
  // Measure scores come from the fitted schemes, so measures the fitted weights drop keep their AUC.
  const afterAccounts = heldOut.flatMap(({ account, backtest }): BacktestAccount[] => {
    const result = scoreAccount(fitted, account.inputs);
    if (result.status !== 'scored') return [];
    return [{ ...backtest, score: result.score, measureScores: measureScoresOf(account.inputs) }];
  });
  return {
    status: 'calibrated',
    trainingAccounts: training.length,
    heldOutAccounts: heldOut.length,
    unscoredAccounts: accounts.length - scored.length,
    fit,
    breakpoints: breakpointFit.changes,
    weights,
    scorecard: fitted,
    before: runBacktest(
      heldOut.map(({ backtest }) => backtest),
      scorecard.bands,
      measureIds,
    ),
    after: runBacktest(afterAccounts, fitted.bands, measureIds),
  };
}

function weightsFromCoefficients(
  measureIds: readonly string[],
  coefficients: readonly number[],
): FittedMeasureWeight[] {
  const raw = measureIds.map((_, index) => Math.max(0, -(coefficients[index] ?? 0)));
  const total = raw.reduce((sum, value) => sum + value, 0);
  return measureIds.map((measureId, index) => {
    const coefficient = coefficients[index] ?? 0;
    const weight = total === 0 ? 0 : ((raw[index] ?? 0) / total) * 100;
    const note =
      weight > 0
        ? null
        : `A higher score on this measure did not go with less churn (coefficient ${coefficient.toFixed(2)}), so it gets no weight and is left out; check its scheme's direction`;
    return { measureId, coefficient, weight, note };
  });
}

/**
 * A measure no training account had a value for (e.g. a CSM sentiment nobody has set yet) cannot be
 * fitted; rather than drop it, it keeps its current share of the weights (its weight ÷ the sum of the
 * current measure weights × 100, on the same scale as the fitted weights) and says so.
 */
function keepUnseenMeasures(
  scorecard: Scorecard,
  weights: readonly FittedMeasureWeight[],
  unseen: ReadonlySet<string>,
): FittedMeasureWeight[] {
  const total = scorecard.measures.reduce((sum, measure) => sum + measure.weight, 0);
  return weights.map((weight) => {
    if (!unseen.has(weight.measureId)) return weight;
    const current = scorecard.measures.find((measure) => measure.id === weight.measureId)?.weight ?? 0;
    return {
      ...weight,
      weight: total === 0 ? 0 : (current / total) * 100,
      note: 'No training account had a value for this measure, so it could not be fitted; it keeps its current share',
    };
  });
}

/**
 * The scorecard as version + 1 with fitted weights: a grouped measure keeps its fitted weight
 * within its group and the group's weight becomes the sum of its measures', so each measure's
 * overall share equals its fitted share. Zero-weight measures, and groups left empty, are removed.
 */
function scorecardWithWeights(scorecard: Scorecard, weights: readonly FittedMeasureWeight[]): Scorecard {
  const weightOf = new Map(weights.map((weight) => [weight.measureId, weight.weight]));
  const measures = scorecard.measures
    .filter((measure) => (weightOf.get(measure.id) ?? 0) > 0)
    .map((measure) => ({ ...measure, weight: weightOf.get(measure.id) ?? 0 }));
  const groups = (scorecard.groups ?? [])
    .map((group) => ({
      ...group,
      weight: measures
        .filter((measure) => measure.groupId === group.id)
        .reduce((sum, measure) => sum + measure.weight, 0),
    }))
    .filter((group) => group.weight > 0);
  return {
    ...scorecard,
    version: scorecard.version + 1,
    measures,
    ...(scorecard.groups === undefined ? {} : { groups }),
  };
}
