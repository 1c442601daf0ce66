import { describe, expect, it } from 'vitest';
import { capacityBenchmarks, capacitySettingsProblems, defaultCapacitySettings } from './capacity-settings';

describe('capacity settings', () => {
  it('default to 30 workload units a CSM, i.e. 30 high-touch or 100 low-touch accounts', () => {
    const { weights, workloadCapacity } = defaultCapacitySettings;
    expect(workloadCapacity / weights.high).toBe(30);
    expect(Math.round(workloadCapacity / weights.low)).toBe(100);
    expect(defaultCapacitySettings).toEqual({
      weights: { high: 1, low: 0.3, tech: 0.05 },
      workloadCapacity: 30,
      arrTargets: { high: 100_000_000, low: 200_000_000, tech: 300_000_000 },
      overloadAt: 1,
      underloadAt: 0.6,
      hiringLeadDays: 90,
    });
  });

  it('label the public benchmarks as benchmarks, not the team’s figures', () => {
    expect(capacityBenchmarks.source).toBe(
      'Public benchmark (industry surveys): average CSM book ~100 accounts, ~$1.7–2M ARR; high touch ~$1M, low/tech touch ~$2M+',
    );
    expect(capacityBenchmarks.arrPerCsmByTouchModel.high).toBe(1_000_000_00);
  });

  it('the defaults have no problems', () => {
    expect(capacitySettingsProblems(defaultCapacitySettings)).toEqual([]);
  });

  it('name each unusable setting and say how to fix it', () => {
    expect(
      capacitySettingsProblems({
        weights: { high: 1, low: 0.333, tech: -1 },
        workloadCapacity: 0,
        arrTargets: { high: 100.5, low: 0, tech: 0 },
        overloadAt: 0.5,
        underloadAt: 0.6,
        hiringLeadDays: 1.5,
      }),
    ).toEqual([
      { field: 'arrTargets.high', message: 'must be a whole number of cents, 0 or more' },
      { field: 'weights.low', message: 'must be 0 or more, with at most two decimals' },
      { field: 'weights.tech', message: 'must be 0 or more, with at most two decimals' },
      { field: 'workloadCapacity', message: 'must be above 0 workload units' },
      { field: 'underloadAt', message: 'must not be above overloadAt' },
      { field: 'hiringLeadDays', message: 'must be a whole number of days, 0 or more' },
    ]);
  });
});
