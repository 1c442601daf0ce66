import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../demo/seeded-random';
import { scoreAccount } from './account-score';
import { calibrateWeights, type Calibration, type CalibrationAccount } from './calibration';
import { sigmoid } from './logistic-regression';
import { measureOf, scorecardOf } from './scorecard.fixture';
import { validateScorecard } from './scorecard-validation';

/**
 * Synthetic accounts whose churn log-odds are 2 − 5·usage − 2.5·nps + 0·noise, each measure's
 * score ÷ 100 drawn uniformly: usage matters twice as much as NPS, and noise not at all.
 */
function syntheticAccounts(count: number, seed: number): CalibrationAccount[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const usage = random.between(0, 100);
    const nps = random.between(0, 100);
    const noise = random.between(0, 100);
    const churned = random.chance(sigmoid(2 - 5 * (usage / 100) - 2.5 * (nps / 100)));
    return { accountId: `acct_${index}`, inputs: { usage, nps, noise }, churned };
  });
}

function calibratedOrFail(calibration: Calibration): Extract<Calibration, { status: 'calibrated' }> {
  if (calibration.status !== 'calibrated') throw new Error(calibration.reason);
  return calibration;
}

const aucOf = (backtest: { auc: { status: string; value?: number } }): number =>
  backtest.auc.value ?? Number.NaN;

describe('calibrating weights', () => {
  const accounts = syntheticAccounts(4000, 11);

  it('recovers the direction and rough size of known true weights', () => {
    const scorecard = scorecardOf([measureOf('usage', 1), measureOf('nps', 1), measureOf('noise', 1)]);
    const calibration = calibratedOrFail(calibrateWeights(scorecard, accounts, { seed: 3 }));
    const [usage, nps, noise] = calibration.fit.coefficients;
    expect(usage).toBeGreaterThan(-6);
    expect(usage).toBeLessThan(-4);
    expect(nps).toBeGreaterThan(-3.5);
    expect(nps).toBeLessThan(-1.5);
    expect(Math.abs(noise ?? Number.NaN)).toBeLessThan(0.8);
    const [usageWeight, npsWeight, noiseWeight] = calibration.weights.map((weight) => weight.weight);
    expect((usageWeight ?? 0) / (npsWeight ?? 1)).toBeGreaterThan(1.4);
    expect((usageWeight ?? 0) / (npsWeight ?? 1)).toBeLessThan(3.2);
    expect(noiseWeight).toBeLessThan(10);
    expect(calibration.weights.reduce((sum, weight) => sum + weight.weight, 0)).toBeCloseTo(100, 9);
    expect(calibration.trainingAccounts + calibration.heldOutAccounts).toBe(4000);
    expect(calibration.heldOutAccounts).toBeGreaterThan(1000);
  });

  it('improves held-out AUC over a deliberately bad weighting and proposes a valid next version', () => {
    const badScorecard = scorecardOf([measureOf('usage', 1), measureOf('nps', 1), measureOf('noise', 20)], {
      version: 3,
    });
    const calibration = calibratedOrFail(calibrateWeights(badScorecard, accounts, { seed: 3 }));
    expect(aucOf(calibration.after)).toBeGreaterThan(aucOf(calibration.before) + 0.1);
    expect(calibration.after.verdict.level).toBe('well');
    expect(calibration.scorecard.version).toBe(4);
    expect(validateScorecard(calibration.scorecard)).toEqual([]);
    expect(calibration.before.accounts).toBe(calibration.heldOutAccounts);
    expect(calibration.after.accounts).toBe(calibration.heldOutAccounts);
  });

  it('without breakpoint fitting, gives no weight to a measure whose higher scores go with more churn, and says why', () => {
    const reversed = accounts.map((account) => ({
      ...account,
      inputs: { ...account.inputs, backwards: 100 - Number(account.inputs.usage) },
    }));
    const scorecard = scorecardOf([measureOf('nps', 1), measureOf('backwards', 1)]);
    const calibration = calibratedOrFail(
      calibrateWeights(scorecard, reversed, { seed: 3, fitBreakpoints: false }),
    );
    expect(calibration.breakpoints).toEqual([]);
    expect(calibration.weights[1]).toMatchObject({ measureId: 'backwards', weight: 0 });
    expect(calibration.weights[1]?.note).toMatch(
      /^A higher score on this measure did not go with less churn \(coefficient \d\.\d\d\)/,
    );
    expect(calibration.scorecard.measures.map((measure) => [measure.id, measure.weight])).toEqual([
      ['nps', 100],
    ]);
  });

  it('with breakpoint fitting, flips a backwards scheme first so the measure gets weight', () => {
    const reversed = accounts.map((account) => ({
      ...account,
      inputs: { ...account.inputs, backwards: 100 - Number(account.inputs.usage) },
    }));
    const scorecard = scorecardOf([measureOf('nps', 1), measureOf('backwards', 1)]);
    const calibration = calibratedOrFail(calibrateWeights(scorecard, reversed, { seed: 3 }));
    const backwards = calibration.scorecard.measures.find((measure) => measure.id === 'backwards');
    if (backwards?.scheme.kind !== 'linear')
      throw new Error('Expected the backwards measure with a linear scheme');
    const { from, to } = backwards.scheme;
    expect(from.value < to.value ? [from.score, to.score] : [to.score, from.score]).toEqual([100, 0]);
    expect(calibration.breakpoints[1]?.changed).toBe(true);
    expect(calibration.weights[1]?.weight).toBeGreaterThan(50);
    expect(aucOf(calibration.after)).toBeGreaterThan(0.7);
  });

  it("keeps groups so that each measure's overall share equals its fitted share", () => {
    const scorecard = scorecardOf(
      [
        measureOf('usage', 1, { groupId: 'product' }),
        measureOf('noise', 1, { groupId: 'product' }),
        measureOf('nps', 1),
      ],
      {
        groups: [{ id: 'product', name: 'Product', weight: 1 }],
      },
    );
    const calibration = calibratedOrFail(
      calibrateWeights(scorecard, accounts.slice(0, 1500), { seed: 5, l2: 0.5 }),
    );
    const share = new Map(calibration.weights.map((weight) => [weight.measureId, weight.weight / 100]));
    const explained = scoreAccount(calibration.scorecard, { usage: 10, noise: 10, nps: 10 });
    for (const line of explained.measures)
      expect(line.effectiveWeight).toBeCloseTo(share.get(line.measureId) ?? Number.NaN, 12);
    expect(validateScorecard(calibration.scorecard)).toEqual([]);
  });

  it('fits breakpoints first: poor breakpoints are moved and held-out AUC improves', () => {
    // Churn log-odds fall by 3 once logins reach 400, but the current line is already 100 at 20 logins.
    const random = new SeededRandom(21);
    const loginAccounts = Array.from({ length: 2000 }, (_, index) => {
      const logins = random.integer(0, 1000);
      const nps = random.between(0, 100);
      const churned = random.chance(sigmoid(0.5 - 3 * (logins >= 400 ? 1 : 0) - 1.5 * (nps / 100)));
      return { accountId: `acct_${index}`, inputs: { logins, nps }, churned };
    });
    const loginLine = {
      kind: 'linear' as const,
      from: { value: 0, score: 0 },
      to: { value: 20, score: 100 },
    };
    const scorecard = scorecardOf([measureOf('logins', 1, { scheme: loginLine }), measureOf('nps', 1)], {
      version: 2,
    });
    const calibration = calibratedOrFail(calibrateWeights(scorecard, loginAccounts, { seed: 4 }));
    const weightsOnly = calibratedOrFail(
      calibrateWeights(scorecard, loginAccounts, { seed: 4, fitBreakpoints: false }),
    );
    expect(calibration.breakpoints.map((change) => change.note)).toEqual([
      'Moved the line to 348 → 0 and 451 → 100: fitted on 1405 training accounts',
      'Moved the line to 30.45 → 0 and 94.38 → 100: fitted on 1405 training accounts',
    ]);
    expect(calibration.scorecard.measures.map((measure) => measure.scheme)).toEqual(
      calibration.breakpoints.map((change) => change.after),
    );
    expect(calibration.scorecard.version).toBe(3);
    expect(validateScorecard(calibration.scorecard)).toEqual([]);
    expect(calibration.before).toEqual(weightsOnly.before);
    expect(aucOf(calibration.before)).toBeLessThan(0.6);
    expect(aucOf(calibration.after)).toBeGreaterThan(0.8);
    expect(aucOf(weightsOnly.after)).toBeLessThan(0.6);
    expect(calibrateWeights(scorecard, loginAccounts, { seed: 4 })).toEqual(calibration);
  });

  it('keeps a measure nobody had a value for at its current share instead of dropping it', () => {
    const scorecard = scorecardOf([measureOf('usage', 2), measureOf('nps', 1), measureOf('sentiment', 1)]);
    const calibration = calibratedOrFail(calibrateWeights(scorecard, accounts, { seed: 3 }));
    const sentiment = calibration.weights.find((weight) => weight.measureId === 'sentiment')!;
    expect(sentiment.weight).toBe(25);
    expect(sentiment.note).toBe('No training account had a value for this measure, so it could not be fitted; it keeps its current share');
    expect(calibration.scorecard.measures.map((measure) => measure.id)).toEqual(['usage', 'nps', 'sentiment']);
  });

  it('refuses to fit when the training accounts all share one outcome', () => {
    const everyoneStays = accounts.slice(0, 50).map((account) => ({ ...account, churned: false }));
    expect(calibrateWeights(scorecardOf([measureOf('usage', 1)]), everyoneStays, { seed: 1 })).toEqual({
      status: 'not-calibrated',
      reason: 'The 33 training accounts need both churners and renewals to fit weights',
    });
  });
});
