import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreAccount, type AccountScore } from './account-score';
import { measureOf, scorecardOf } from './scorecard.fixture';

function scoredOrFail(result: AccountScore): Extract<AccountScore, { status: 'scored' }> {
  if (result.status !== 'scored') throw new Error(`expected a score, got: ${result.reason}`);
  return result;
}

describe('scoring one account', () => {
  it('is the weighted mean of measure scores: (20·47 + 15·59 + 22·21) / 57 = 40.12', () => {
    const scorecard = scorecardOf([measureOf('a', 20), measureOf('b', 15), measureOf('c', 22)]);
    const result = scoredOrFail(scoreAccount(scorecard, { a: 47, b: 59, c: 21 }));
    expect(result.displayScore).toBe(40.12);
    expect(result.score).toBeCloseTo(2287 / 57, 12);
    expect(result.band).toBe('red');
    expect(result.measures.map((line) => line.effectiveWeight)).toEqual([20 / 57, 15 / 57, 22 / 57]);
    expect(result.measures.map((line) => line.contribution)).toEqual([
      (20 / 57) * 47,
      (15 / 57) * 59,
      (22 / 57) * 21,
    ]);
  });

  it('weights groups first, then measures within each group; ungrouped measures are their own group', () => {
    const scorecard = scorecardOf(
      [
        measureOf('logins', 1, { groupId: 'usage' }),
        measureOf('events', 3, { groupId: 'usage' }),
        measureOf('nps', 2),
      ],
      { groups: [{ id: 'usage', name: 'Usage', weight: 6 }] },
    );
    // usage = (1·80 + 3·40) / 4 = 50; overall = (6·50 + 2·90) / 8 = 60
    const result = scoredOrFail(scoreAccount(scorecard, { logins: 80, events: 40, nps: 90 }));
    expect(result.score).toBe(60);
    expect(result.band).toBe('yellow');
    expect(result.measures.map((line) => [line.measureId, line.effectiveWeight, line.contribution])).toEqual([
      ['logins', 0.1875, 15],
      ['events', 0.5625, 22.5],
      ['nps', 0.25, 22.5],
    ]);
  });

  it('excludes a missing measure and renormalises the other weights', () => {
    const scorecard = scorecardOf([measureOf('a', 20), measureOf('b', 15), measureOf('c', 22)]);
    const result = scoredOrFail(scoreAccount(scorecard, { a: 47, c: 21 }));
    expect(result.score).toBeCloseTo((20 * 47 + 22 * 21) / 42, 12);
    expect(result.displayScore).toBe(33.38);
    expect(result.measures[1]).toEqual({
      measureId: 'b',
      name: 'b',
      groupId: null,
      rawValue: null,
      treatment: 'excluded',
      missingReason: 'No value; excluded and the other weights renormalised',
      measureScore: null,
      effectiveWeight: 0,
      contribution: 0,
    });
    expect(result.measures[0]?.effectiveWeight).toBe(20 / 42);
  });

  it('drops a group whose measures are all excluded and renormalises across the other groups', () => {
    const scorecard = scorecardOf([measureOf('logins', 1, { groupId: 'usage' }), measureOf('nps', 1)], {
      groups: [{ id: 'usage', name: 'Usage', weight: 9 }],
    });
    const result = scoredOrFail(scoreAccount(scorecard, { logins: null, nps: 30 }));
    expect(result.score).toBe(30);
    expect(result.measures.map((line) => line.effectiveWeight)).toEqual([0, 1]);
  });

  it('scores a missing measure at its stated default and keeps its full weight', () => {
    const scorecard = scorecardOf([measureOf('a', 1, { missingData: { default: 20 } }), measureOf('b', 3)]);
    const result = scoredOrFail(scoreAccount(scorecard, { b: 80 }));
    expect(result.score).toBe(65);
    expect(result.measures[0]).toMatchObject({
      treatment: 'defaulted',
      measureScore: 20,
      effectiveWeight: 0.25,
      contribution: 5,
      missingReason: 'No value; scored as the default 20',
    });
  });

  it('treats a value its scheme cannot score as missing, with the reason', () => {
    const scorecard = scorecardOf([measureOf('a', 1), measureOf('b', 1)]);
    const result = scoredOrFail(scoreAccount(scorecard, { a: 'n/a', b: 70 }));
    expect(result.score).toBe(70);
    expect(result.measures[0]).toMatchObject({
      rawValue: 'n/a',
      treatment: 'excluded',
      missingReason:
        '"n/a" is not a number; this measure\'s linear scheme needs one; excluded and the other weights renormalised',
    });
  });

  it('does not score an account whose every measure is missing, rather than giving it 0', () => {
    const scorecard = scorecardOf([measureOf('a', 1), measureOf('b', 2)], { version: 4 });
    expect(scoreAccount(scorecard, {})).toMatchObject({
      status: 'not-scored',
      scorecardVersion: 4,
      reason: 'Every measure is missing and excluded, so there is nothing to score',
    });
  });

  it('chooses the band from the displayed score so the label matches the number', () => {
    const scorecard = scorecardOf([measureOf('a', 1)]);
    expect(scoredOrFail(scoreAccount(scorecard, { a: 50.004 }))).toMatchObject({
      displayScore: 50,
      band: 'red',
    });
    expect(scoredOrFail(scoreAccount(scorecard, { a: 50.006 }))).toMatchObject({
      displayScore: 50.01,
      band: 'yellow',
    });
  });

  it('contributions always add up to the score and effective weights to 1', () => {
    const measureArbitrary = fc.record({
      weight: fc.integer({ min: 1, max: 50 }),
      group: fc.constantFrom('g1', 'g2', null),
      value: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
    });
    fc.assert(
      fc.property(
        fc.array(measureArbitrary, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (specs, g2Weight) => {
          const measures = specs.map((spec, index) =>
            measureOf(`m${index}`, spec.weight, { groupId: spec.group }),
          );
          const scorecard = scorecardOf(measures, {
            groups: [
              { id: 'g1', name: 'G1', weight: 5 },
              { id: 'g2', name: 'G2', weight: g2Weight },
            ],
          });
          const inputs = Object.fromEntries(specs.map((spec, index) => [`m${index}`, spec.value]));
          const result = scoreAccount(scorecard, inputs);
          if (specs.every((spec) => spec.value === null)) return result.status === 'not-scored';
          const scored = scoredOrFail(result);
          const contributions = scored.measures.reduce((sum, line) => sum + line.contribution, 0);
          const weights = scored.measures.reduce((sum, line) => sum + line.effectiveWeight, 0);
          return (
            contributions === scored.score &&
            Math.abs(weights - 1) < 1e-12 &&
            scored.score >= -1e-9 &&
            scored.score <= 100 + 1e-9
          );
        },
      ),
    );
  });
});
