import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { churnAuc, rocCurve, type ScoredOutcome } from './churn-auc';

const outcomesOf = (churned: number[], renewed: number[]): ScoredOutcome[] => [
  ...churned.map((score) => ({ score, churned: true })),
  ...renewed.map((score) => ({ score, churned: false })),
];

function bruteForceAuc(outcomes: ScoredOutcome[]): number {
  let wins = 0;
  let pairs = 0;
  for (const churner of outcomes.filter((outcome) => outcome.churned)) {
    for (const renewal of outcomes.filter((outcome) => !outcome.churned)) {
      pairs += 1;
      wins += churner.score < renewal.score ? 1 : churner.score === renewal.score ? 0.5 : 0;
    }
  }
  return wins / pairs;
}

describe('churn AUC', () => {
  it('is 1 when every churner scores below every renewal and 0 when the order is reversed', () => {
    expect(churnAuc(outcomesOf([10, 20], [30, 40, 50]))).toEqual({ status: 'defined', value: 1 });
    expect(churnAuc(outcomesOf([60, 70], [30, 40]))).toEqual({ status: 'defined', value: 0 });
  });

  it('counts ties half on constructed datasets whose AUC is known by hand', () => {
    // churners 20, 50; renewals 30, 50, 80: 20 is below all 3; 50 is below 80, ties 50, above 30 → 3 + 1.5 = 4.5 of 6
    expect(churnAuc(outcomesOf([20, 50], [30, 50, 80]))).toEqual({ status: 'defined', value: 0.75 });
    // churners 40, 40, 70; renewals 40, 60, 90, 10: 40 → ½ + 1 + 1 + 0 = 2.5 (twice), 70 → 1 → 6 of 12
    expect(churnAuc(outcomesOf([40, 40, 70], [40, 60, 90, 10]))).toEqual({ status: 'defined', value: 0.5 });
  });

  it('is not defined with only one class', () => {
    expect(churnAuc(outcomesOf([], [10, 20]))).toEqual({
      status: 'not-defined',
      reason: 'No account churned, so there is nothing to separate',
    });
    expect(churnAuc(outcomesOf([10], []))).toEqual({
      status: 'not-defined',
      reason: 'Every account churned, so there is nothing to separate',
    });
    expect(churnAuc([])).toEqual({ status: 'not-defined', reason: 'No accounts with a known outcome' });
  });

  it('equals the pairwise count and the area under its ROC curve', () => {
    const outcome = fc.record({ score: fc.integer({ min: 0, max: 10 }), churned: fc.boolean() });
    fc.assert(
      fc.property(fc.array(outcome, { minLength: 2, maxLength: 40 }), (outcomes) => {
        const auc = churnAuc(outcomes);
        if (auc.status !== 'defined') return rocCurve(outcomes).length === 0;
        const roc = rocCurve(outcomes);
        let area = 0;
        for (let index = 1; index < roc.length; index += 1) {
          const [left, right] = [roc[index - 1], roc[index]];
          if (left && right)
            area +=
              ((right.falsePositiveRate - left.falsePositiveRate) *
                (right.truePositiveRate + left.truePositiveRate)) /
              2;
        }
        return Math.abs(auc.value - bruteForceAuc(outcomes)) < 1e-12 && Math.abs(area - auc.value) < 1e-12;
      }),
    );
  });
});

describe('ROC curve', () => {
  it('steps through each distinct score from (0, 0) to (1, 1), ties as one diagonal step', () => {
    expect(rocCurve(outcomesOf([20, 50], [30, 50, 80]))).toEqual([
      { threshold: null, falsePositiveRate: 0, truePositiveRate: 0 },
      { threshold: 20, falsePositiveRate: 0, truePositiveRate: 0.5 },
      { threshold: 30, falsePositiveRate: 1 / 3, truePositiveRate: 0.5 },
      { threshold: 50, falsePositiveRate: 2 / 3, truePositiveRate: 1 },
      { threshold: 80, falsePositiveRate: 1, truePositiveRate: 1 },
    ]);
  });
});
