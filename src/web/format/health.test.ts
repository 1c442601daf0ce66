import { describe, expect, it } from 'vitest';
import {
  bandColor,
  describeCriteria,
  describeInput,
  describeScheme,
  formatDuration,
  formatPoints,
  formatRawValue,
  formatScore,
  measureShares,
} from './health';

describe('health formatting', () => {
  it('shows scores with exactly two decimals and changes with a sign', () => {
    expect(formatScore(72.5, 'en-US')).toBe('72.50');
    expect(formatScore(0, 'en-US')).toBe('0.00');
    expect(formatPoints(3.2, 'en-US')).toBe('+3.20');
    expect(formatPoints(-1.054, 'en-US')).toBe('−1.05');
    expect(formatPoints(-0.001, 'en-US')).toBe('0.00');
  });

  it('says how long a recompute took', () => {
    expect(formatDuration(0.04, 'en-US')).toBe('in under 0.1 s');
    expect(formatDuration(1.44, 'en-US')).toBe('in 1.4 s');
  });

  it('colours bands by their order: first red, middle yellow, last green', () => {
    expect([0, 1, 2].map((index) => bandColor(index, 3))).toEqual(['red', 'yellow', 'green']);
    expect([0, 1].map((index) => bandColor(index, 2))).toEqual(['red', 'green']);
    expect([0, 1, 2, 3, 4].map((index) => bandColor(index, 5))).toEqual([
      'red',
      'orange',
      'yellow',
      'lime',
      'green',
    ]);
    expect(bandColor(0, 1)).toBe('gray');
    expect(bandColor(-1, 3)).toBe('gray');
  });

  it('shows raw values in their unit', () => {
    expect(formatRawValue({ kind: 'seat_utilisation' }, 62.456, 'en-US')).toBe('62.46%');
    expect(formatRawValue({ kind: 'days_since_activity' }, 1, 'en-US')).toBe('1 day');
    expect(formatRawValue({ kind: 'days_since_activity' }, 12, 'en-US')).toBe('12 days');
    expect(formatRawValue({ kind: 'mean_time_to_close' }, 4.5, 'en-US')).toBe('4.5 h');
    expect(formatRawValue({ kind: 'usage_change' }, -12.5, 'en-US')).toBe('−12.5%');
    expect(formatRawValue({ kind: 'sentiment' }, 'negative', 'en-US')).toBe('Negative');
    expect(formatRawValue({ kind: 'open_tickets' }, null, 'en-US')).toBe('—');
  });

  it('describes inputs, schemes and criteria in words', () => {
    expect(describeInput({ kind: 'event_count', event: 'login' })).toBe('Count of "login" events');
    expect(describeInput({ kind: 'mrr_change', months: 3 })).toBe('MRR change over 3 months (%)');
    expect(describeInput({ kind: 'account_field', field: 'lifecycle_stage' })).toBe(
      'Account lifecycle stage',
    );
    expect(
      describeScheme(
        { kind: 'linear', from: { value: 10, score: 0 }, to: { value: 70, score: 100 } },
        'en-US',
      ),
    ).toBe('10 → 0, 70 → 100, linear between');
    expect(
      describeScheme(
        {
          kind: 'ranges',
          ranges: [
            { from: null, to: 1, score: 100 },
            { from: 1, to: 3, score: 75 },
            { from: 3, to: null, score: 10 },
          ],
        },
        'en-US',
      ),
    ).toBe('below 1 → 100; 1 to 3 → 75; 3 and above → 10');
    expect(describeScheme({ kind: 'category', scores: { Pro: 100 }, otherScore: 40 }, 'en-US')).toBe(
      '"Pro" → 100; any other → 40',
    );
    expect(
      describeCriteria(
        [
          { kind: 'account_field', field: 'tier', values: ['Enterprise', 'Strategic', 'Growth'] },
          { kind: 'trait', key: 'Plan', values: ['Pro'] },
        ],
        false,
      ),
    ).toBe('Tier is Enterprise, Strategic or Growth, and trait "Plan" is Pro');
    expect(describeCriteria([], true)).toBe('Every account no other scorecard claims');
  });

  it('gives each measure its share of the score: group share × share within the group', () => {
    const shares = measureShares({
      groups: [
        { id: 'adoption', weight: 60 },
        { id: 'support', weight: 20 },
      ],
      measures: [
        { id: 'seats', weight: 50, groupId: 'adoption' },
        { id: 'trend', weight: 50, groupId: 'adoption' },
        { id: 'tickets', weight: 10, groupId: 'support' },
        { id: 'nps', weight: 20, groupId: null },
      ],
    });
    expect(shares).toEqual({ seats: 0.3, trend: 0.3, tickets: 0.2, nps: 0.2 });
  });
});
