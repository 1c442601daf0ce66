import { describe, expect, it } from 'vitest';
import { scoreAccount } from './account-score';
import { compareExplanations } from './explanation-comparison';
import { measureOf, scorecardOf } from './scorecard.fixture';

describe('comparing two explanations', () => {
  it('lists every measure, largest contribution change first, and the deltas add up to the score change', () => {
    const scorecard = scorecardOf([measureOf('logins', 1), measureOf('nps', 2), measureOf('tickets', 1)]);
    const previous = scoreAccount(scorecard, { logins: 80, nps: 60, tickets: 40 });
    const current = scoreAccount(scorecard, { logins: 60, nps: 70, tickets: 40 });
    const movements = compareExplanations(previous, current);
    expect(
      movements.map((movement) => [movement.measureId, movement.scoreDelta, movement.contributionDelta]),
    ).toEqual([
      ['logins', -20, -5],
      ['nps', 10, 5],
      ['tickets', 0, 0],
    ]);
    expect(movements[0]).toMatchObject({
      previousScore: 80,
      currentScore: 60,
      previousContribution: 20,
      currentContribution: 15,
    });
  });

  it('shows renormalisation: when a measure goes missing the others gain contribution', () => {
    const scorecard = scorecardOf([measureOf('logins', 1), measureOf('nps', 1)]);
    const movements = compareExplanations(
      scoreAccount(scorecard, { logins: 40, nps: 80 }),
      scoreAccount(scorecard, { nps: 80 }),
    );
    expect(movements).toEqual([
      {
        measureId: 'nps',
        name: 'nps',
        previousScore: 80,
        currentScore: 80,
        scoreDelta: 0,
        previousContribution: 40,
        currentContribution: 80,
        contributionDelta: 40,
      },
      {
        measureId: 'logins',
        name: 'logins',
        previousScore: 40,
        currentScore: null,
        scoreDelta: null,
        previousContribution: 20,
        currentContribution: 0,
        contributionDelta: -20,
      },
    ]);
  });

  it('includes measures that exist in only one scorecard version', () => {
    const before = scoreAccount(scorecardOf([measureOf('old', 1)]), { old: 50 });
    const after = scoreAccount(scorecardOf([measureOf('new', 1)], { version: 2 }), { new: 70 });
    expect(
      compareExplanations(before, after).map((movement) => [movement.measureId, movement.contributionDelta]),
    ).toEqual([
      ['new', 70],
      ['old', -50],
    ]);
  });
});
