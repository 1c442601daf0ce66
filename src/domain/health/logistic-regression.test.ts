import { describe, expect, it } from 'vitest';
import { fitLogisticRegression, sigmoid } from './logistic-regression';

// Hours studied vs. passing an exam: the worked example of Wikipedia's "Logistic regression"
// article, whose maximum-likelihood fit is intercept −4.0777, slope 1.5046.
const HOURS = [
  0.5, 0.75, 1, 1.25, 1.5, 1.75, 1.75, 2, 2.25, 2.5, 2.75, 3, 3.25, 3.5, 4, 4.25, 4.5, 4.75, 5, 5.5,
];
const PASSED = [0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1].map((value) => value === 1);

describe('logistic regression', () => {
  it('recovers the published fit of the hours-studied example', () => {
    const fit = fitLogisticRegression(
      HOURS.map((hours) => [hours]),
      PASSED,
      { l2: 0 },
    );
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(-4.0777, 3);
    expect(fit.coefficients[0]).toBeCloseTo(1.5046, 3);
  });

  it('with an L2 penalty, satisfies the penalised score equations and shrinks the slope', () => {
    const l2 = 2;
    const fit = fitLogisticRegression(
      HOURS.map((hours) => [hours]),
      PASSED,
      { l2 },
    );
    const slope = fit.coefficients[0] ?? Number.NaN;
    let interceptGradient = 0;
    let slopeGradient = l2 * slope;
    HOURS.forEach((hours, index) => {
      const residual = sigmoid(fit.intercept + slope * hours) - (PASSED[index] ? 1 : 0);
      interceptGradient += residual;
      slopeGradient += residual * hours;
    });
    expect(Math.abs(interceptGradient)).toBeLessThan(1e-9);
    expect(Math.abs(slopeGradient)).toBeLessThan(1e-9);
    expect(slope).toBeGreaterThan(0);
    expect(slope).toBeLessThan(1.5046);
  });

  it('stays finite on perfectly separated data when penalised, and reports non-convergence when not', () => {
    const features = [[0], [1], [2], [3]];
    const outcomes = [false, false, true, true];
    const penalised = fitLogisticRegression(features, outcomes, { l2: 1 });
    expect(penalised.converged).toBe(true);
    expect(Number.isFinite(penalised.coefficients[0])).toBe(true);
    expect(fitLogisticRegression(features, outcomes, { l2: 0, maxIterations: 30 }).converged).toBe(false);
  });

  it('computes σ without overflow at the extremes', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
  });
});
