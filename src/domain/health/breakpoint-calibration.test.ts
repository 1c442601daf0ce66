import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../demo/seeded-random';
import { fitBreakpoints } from './breakpoint-calibration';
import type { CalibrationAccount } from './calibration';
import { fitLogisticRegression } from './logistic-regression';
import { scoreWithScheme, type MeasureScheme, type RawValue } from './measure-scheme';
import { measureOf, scorecardOf } from './scorecard.fixture';
import { validateScorecard } from './scorecard-validation';

/** Accounts with one raw input `x` drawn by `draw`, churning with probability `churnAt(x)`. */
function accountsOf(
  count: number,
  seed: number,
  draw: (random: SeededRandom) => number,
  churnAt: (x: number) => number,
): CalibrationAccount[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const x = draw(random);
    return { accountId: `acct_${index}`, inputs: { x }, churned: random.chance(churnAt(x)) };
  });
}

/** Churn falls from 60% to 10% once x exceeds 40; x uniform on 0–100. */
const STEP_AT_40 = accountsOf(
  1000,
  7,
  (random) => random.between(0, 100),
  (x) => (x > 40 ? 0.1 : 0.6),
);

const line = (fromValue: number, fromScore: number, toValue: number, toScore: number): MeasureScheme => ({
  kind: 'linear',
  from: { value: fromValue, score: fromScore },
  to: { value: toValue, score: toScore },
});

function fittedScheme(scheme: MeasureScheme, accounts: readonly CalibrationAccount[]) {
  const fit = fitBreakpoints(scorecardOf([measureOf('x', 1, { scheme })]), accounts);
  const change = fit.changes[0];
  if (change === undefined) throw new Error('No change reported for measure x');
  return { fit, change };
}

/** The objective as specified, computed with fitLogisticRegression on one row per account. */
function referenceObjective(scheme: MeasureScheme, accounts: readonly CalibrationAccount[]): number {
  const scores = accounts.map((account) => {
    const result = scoreWithScheme(scheme, account.inputs.x as number);
    if (result.status !== 'scored') throw new Error(result.reason);
    return result.score / 100;
  });
  const churned = accounts.map((account) => account.churned);
  const fit = fitLogisticRegression(
    scores.map((score) => [score]),
    churned,
    { l2: 1 },
  );
  const slope = fit.coefficients[0] ?? 0;
  return scores.reduce(
    (sum, score, index) => {
      const probability = 1 / (1 + Math.exp(-(fit.intercept + slope * score)));
      return sum + Math.log(churned[index] ? probability : 1 - probability);
    },
    -(1 / 2) * slope ** 2,
  );
}

function nearestRankQuantiles(accounts: readonly CalibrationAccount[]): number[] {
  const sorted = accounts.map((account) => account.inputs.x as number).sort((a, b) => a - b);
  const quantiles = Array.from(
    { length: 19 },
    (_, step) => sorted[Math.ceil(((step + 1) * 5 * sorted.length) / 100) - 1] ?? Number.NaN,
  );
  return [...new Set(quantiles)];
}

describe('fitting breakpoints', () => {
  it('moves a 0 → 100 line onto the raw value where churn drops', () => {
    const { change } = fittedScheme(line(0, 0, 100, 100), STEP_AT_40);
    if (change.after.kind !== 'linear') throw new Error('Expected a linear scheme');
    const { from, to } = change.after;
    expect(change.changed).toBe(true);
    expect([from.score, to.score]).toEqual([0, 100]);
    expect(from.value).toBeGreaterThan(30);
    expect(from.value).toBeLessThanOrEqual(40);
    expect(to.value).toBeGreaterThanOrEqual(40);
    expect(to.value).toBeLessThan(50);
    expect(change.note).toBe('Moved the line to 37.74 → 0 and 42.51 → 100: fitted on 1000 training accounts');
  });

  it('picks the same line as an exhaustive search with fitLogisticRegression over the quantile pairs', () => {
    const accounts = accountsOf(
      150,
      3,
      (random) => random.integer(0, 60),
      (x) => (x < 25 ? 0.55 : 0.15),
    );
    const candidates = nearestRankQuantiles(accounts);
    let best = { objective: -Infinity, scheme: line(0, 0, 60, 100) };
    candidates.forEach((a, lower) =>
      candidates.slice(lower + 1).forEach((b) => {
        const rising = line(a, 0, b, 100);
        const objective = referenceObjective(rising, accounts);
        if (objective > best.objective) best = { objective, scheme: rising };
      }),
    );
    const { change } = fittedScheme(line(0, 0, 60, 100), accounts);
    expect(best.objective).toBeGreaterThan(referenceObjective(line(0, 0, 60, 100), accounts) + 1e-6);
    expect(change.after).toEqual(best.scheme);
  });

  it('flips a line that gives high scores to the accounts that churn more', () => {
    const { change } = fittedScheme(line(0, 100, 100, 0), STEP_AT_40);
    if (change.after.kind !== 'linear') throw new Error('Expected a linear scheme');
    const { from, to } = change.after;
    expect(from.value).toBeLessThan(to.value);
    expect([from.score, to.score]).toEqual([0, 100]);
    expect(from.value).toBeGreaterThan(30);
    expect(to.value).toBeLessThan(50);
  });

  it('flips a backwards line even when its points already fit best', () => {
    // Two raw values only, so the one candidate pair is the current line's own points.
    const accounts = Array.from({ length: 40 }, (_, index) => ({
      accountId: `acct_${index}`,
      inputs: { x: index % 2 === 0 ? 10 : 90 },
      churned: index % 2 === 0 ? index % 4 === 0 : index % 8 === 1,
    }));
    const { change } = fittedScheme(line(10, 100, 90, 0), accounts);
    expect(change).toEqual({
      measureId: 'x',
      before: line(10, 100, 90, 0),
      after: line(10, 0, 90, 100),
      changed: true,
      note: 'Flipped the line to 10 → 0 and 90 → 100: higher scores went with more churn on 40 training accounts',
    });
  });

  it('keeps a line that already fits best and points the right way', () => {
    const accounts = Array.from({ length: 40 }, (_, index) => ({
      accountId: `acct_${index}`,
      inputs: { x: index % 2 === 0 ? 10 : 90 },
      churned: index % 2 === 0 ? index % 4 === 0 : index % 8 === 1,
    }));
    const { change } = fittedScheme(line(10, 0, 90, 100), accounts);
    expect(change).toMatchObject({
      changed: false,
      after: line(10, 0, 90, 100),
      note: 'Kept: no candidate fitted churn better on 40 training accounts',
    });
  });

  it('moves the inner edges of ranges towards the true threshold and keeps scores and outer bounds', () => {
    const ranges: MeasureScheme = {
      kind: 'ranges',
      ranges: [
        { from: 0, to: 10, score: 0 },
        { from: 10, to: 80, score: 50 },
        { from: 80, to: 100, score: 100 },
      ],
    };
    const { change } = fittedScheme(ranges, STEP_AT_40);
    if (change.after.kind !== 'ranges') throw new Error('Expected a ranges scheme');
    const after = change.after.ranges;
    expect(after.map((range) => range.score)).toEqual([0, 50, 100]);
    expect([after[0]?.from, after[2]?.to]).toEqual([0, 100]);
    expect(after[0]?.to).toBe(after[1]?.from);
    expect(after[1]?.to).toBe(after[2]?.from);
    const [lowerEdge, upperEdge] = [after[1]?.from ?? Number.NaN, after[2]?.from ?? Number.NaN];
    expect(Math.abs(lowerEdge - 40)).toBeLessThan(Math.abs(10 - 40));
    expect(Math.abs(upperEdge - 40)).toBeLessThan(Math.abs(80 - 40));
    expect(Math.abs(lowerEdge - 40)).toBeLessThan(5);
    expect(Math.abs(upperEdge - 40)).toBeLessThan(5);
    expect(nearestRankQuantiles(STEP_AT_40)).toEqual(expect.arrayContaining([lowerEdge, upperEdge]));
    expect(referenceObjective(change.after, STEP_AT_40)).toBeGreaterThan(
      referenceObjective(ranges, STEP_AT_40) + 1e-6,
    );
    expect(change.note).toBe('Moved the range edges to 37.74 and 42.51: fitted on 1000 training accounts');
  });

  it('leaves out accounts outside the outer ranges, and a single range has no edge to move', () => {
    const inside = STEP_AT_40.filter((account) => (account.inputs.x as number) < 50);
    const twoRanges: MeasureScheme = {
      kind: 'ranges',
      ranges: [
        { from: 0, to: 5, score: 0 },
        { from: 5, to: 50, score: 100 },
      ],
    };
    const { change } = fittedScheme(twoRanges, STEP_AT_40);
    expect(change.note).toMatch(new RegExp(`fitted on ${inside.length} training accounts$`));
    const single: MeasureScheme = { kind: 'ranges', ranges: [{ from: null, to: null, score: 70 }] };
    expect(fittedScheme(single, STEP_AT_40).change).toMatchObject({
      changed: false,
      note: 'Kept: a single range has no inner edges to move',
    });
  });

  it('keeps category schemes and measures with too few or one-sided accounts, saying why', () => {
    const category: MeasureScheme = { kind: 'category', scores: { gold: 100 }, otherScore: 20 };
    const inputs = (x: RawValue, plan: RawValue) => ({ x, plan });
    const accounts: CalibrationAccount[] = [
      ...Array.from({ length: 19 }, (_, index) => ({
        accountId: `acct_${index}`,
        inputs: inputs(index % 2 === 0 ? index : ` ${index} `, 'gold'),
        churned: index % 3 === 0,
      })),
      { accountId: 'acct_text', inputs: inputs('n/a', 'gold'), churned: true },
      { accountId: 'acct_null', inputs: inputs(null, 'silver'), churned: false },
    ];
    const scorecard = scorecardOf([measureOf('x', 1), measureOf('plan', 1, { scheme: category })]);
    expect(
      fitBreakpoints(scorecard, accounts).changes.map(({ changed, note }) => ({ changed, note })),
    ).toEqual([
      {
        changed: false,
        note: 'Kept: only 19 training accounts have a number this scheme can score, and 20 are needed',
      },
      { changed: false, note: 'Kept: category scheme, only numeric schemes have breakpoints' },
    ]);
    const nobodyChurns = STEP_AT_40.map((account) => ({ ...account, churned: false }));
    expect(fittedScheme(line(0, 0, 100, 100), nobodyChurns).change.note).toBe(
      'Kept: none of the 1000 training accounts with a number churned, and both churners and renewals are needed',
    );
  });

  it('changes only schemes, and returns a valid scorecard', () => {
    const scorecard = scorecardOf(
      [
        measureOf('x', 3, { groupId: 'product' }),
        measureOf('y', 2, { groupId: 'product', missingData: { default: 40 } }),
      ],
      { version: 4, groups: [{ id: 'product', name: 'Product', weight: 5 }] },
    );
    const accounts = STEP_AT_40.map((account) => ({ ...account, inputs: { ...account.inputs, y: 50 } }));
    const fit = fitBreakpoints(scorecard, accounts);
    expect(fit.changes.map((change) => change.changed)).toEqual([true, false]);
    expect(fit.scorecard).toEqual({
      ...scorecard,
      measures: [{ ...scorecard.measures[0], scheme: fit.changes[0]?.after }, scorecard.measures[1]],
    });
    expect(validateScorecard(fit.scorecard)).toEqual([]);
  });

  it('gives the same result for the same accounts, in any order', () => {
    const scheme: MeasureScheme = {
      kind: 'ranges',
      ranges: [
        { from: null, to: 20, score: 10 },
        { from: 20, to: 60, score: 40 },
        { from: 60, to: null, score: 90 },
      ],
    };
    const scorecard = scorecardOf([measureOf('x', 1), measureOf('z', 1, { scheme })]);
    const accounts = STEP_AT_40.map((account, index) => ({
      ...account,
      inputs: { ...account.inputs, z: (index * 37) % 100 },
    }));
    const first = fitBreakpoints(scorecard, accounts);
    expect(fitBreakpoints(scorecard, accounts)).toEqual(first);
    expect(fitBreakpoints(scorecard, [...accounts].reverse())).toEqual(first);
  });
});
