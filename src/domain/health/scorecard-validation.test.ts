import { describe, expect, it } from 'vitest';
import { measureOf, scorecardOf } from './scorecard.fixture';
import { validateScorecard } from './scorecard-validation';

describe('scorecard validation', () => {
  it('accepts a valid grouped scorecard', () => {
    const scorecard = scorecardOf([measureOf('logins', 2, { groupId: 'usage' }), measureOf('nps', 1)], {
      groups: [{ id: 'usage', name: 'Usage', weight: 3 }],
    });
    expect(validateScorecard(scorecard)).toEqual([]);
  });

  it('names non-positive weights, duplicate ids and unknown or empty groups', () => {
    const scorecard = scorecardOf(
      [measureOf('logins', 0, { groupId: 'usage' }), measureOf('logins', 1, { groupId: 'support' })],
      {
        groups: [
          { id: 'usage', name: 'Usage', weight: 1 },
          { id: 'empty', name: 'Empty', weight: -1 },
        ],
      },
    );
    expect(validateScorecard(scorecard)).toEqual([
      { field: 'groups[1].weight', message: 'Weight must be greater than 0 (got -1)' },
      { field: 'measures[0].weight', message: 'Weight must be greater than 0 (got 0)' },
      { field: 'measures[1].id', message: 'Measure id "logins" is used twice; give each measure its own id' },
      {
        field: 'measures[1].groupId',
        message: 'Group "support" does not exist; add it to groups or remove the measure\'s groupId',
      },
      { field: 'groups[1]', message: 'Group "empty" has no measures; add one or remove the group' },
    ]);
  });

  it('names band gaps and overlaps with the edge that fixes them', () => {
    const scorecard = scorecardOf([measureOf('logins', 1)], {
      bands: [
        { name: 'red', lower: 0, upper: 50 },
        { name: 'yellow', lower: 51, upper: 75 },
        { name: 'green', lower: 70, upper: 99 },
      ],
    });
    expect(validateScorecard(scorecard)).toEqual([
      { field: 'bands[2].upper', message: 'The last band must end at 100 (got 99)' },
      {
        field: 'bands[1].lower',
        message:
          'Bands "red" and "yellow" leave a gap: set the lower edge to 50 (it is exclusive, so 50 stays "red")',
      },
      {
        field: 'bands[2].lower',
        message:
          'Bands "yellow" and "green" overlap: set the lower edge to 75 (it is exclusive, so 75 stays "yellow")',
      },
    ]);
  });

  it('names broken schemes, defaults outside 0–100 and a missing band list', () => {
    const scorecard = scorecardOf(
      [
        measureOf('flat', 1, {
          scheme: { kind: 'linear', from: { value: 5, score: 0 }, to: { value: 5, score: 100 } },
        }),
        measureOf('tickets', 1, {
          missingData: { default: 120 },
          scheme: {
            kind: 'ranges',
            ranges: [
              { from: null, to: 3, score: 100 },
              { from: 4, to: null, score: 0 },
            ],
          },
        }),
        measureOf('tier', 1, {
          windowDays: 0,
          scheme: { kind: 'category', scores: { gold: 101 }, otherScore: 50 },
        }),
      ],
      { bands: [] },
    );
    expect(validateScorecard(scorecard)).toEqual([
      { field: 'measures[0].scheme.to.value', message: 'The two points need different values (both are 5)' },
      { field: 'measures[1].missingData.default', message: 'Score must be between 0 and 100 (got 120)' },
      {
        field: 'measures[1].scheme.ranges[1].from',
        message: 'Ranges must be contiguous: set "from" to 3, the previous range\'s "to"',
      },
      { field: 'measures[2].windowDays', message: 'Window must be a whole number of days from 1 (got 0)' },
      { field: 'measures[2].scheme.scores.gold', message: 'Score must be between 0 and 100 (got 101)' },
      { field: 'bands', message: 'Add at least one band covering 0–100' },
    ]);
  });
});
