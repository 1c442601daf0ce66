import { describe, expect, it } from 'vitest';
import { breakDownMetric } from './breakdown';
import { calculateLogoChurnRate } from './churn-rates';
import { mrrTableOf } from './mrr-table.fixture';
import { calculateNetRevenueRetention } from './retention';

const table = mrrTableOf('2024-01', {
  ada: [10_000, 12_000],
  bea: [10_000, 0],
  cal: [5_000, 5_000],
  dee: [5_000, 4_000],
  eve: [1_000, 1_000],
});
const tiers: Record<string, string> = { ada: 'Enterprise', bea: 'Enterprise', cal: 'SMB', dee: 'SMB' };
const FEBRUARY = { from: '2024-02', to: '2024-02' };

describe('breaking a metric down by a dimension', () => {
  it('computes the metric on each group’s accounts, groups sorted and accounts without a value last', () => {
    const byTier = breakDownMetric(
      table,
      (accountId) => tiers[accountId] ?? null,
      (groupTable) => calculateNetRevenueRetention(groupTable, FEBRUARY).rate,
    );
    expect(byTier).toEqual([
      { group: 'Enterprise', accountIds: ['ada', 'bea'], result: { status: 'defined', value: 0.6 } },
      { group: 'SMB', accountIds: ['cal', 'dee'], result: { status: 'defined', value: 0.9 } },
      { group: null, accountIds: ['eve'], result: { status: 'defined', value: 1 } },
    ]);
  });

  it('works with any metric, such as logo churn per owner', () => {
    const owners: Record<string, string> = { ada: 'kim', bea: 'lee', cal: 'kim', dee: 'lee', eve: 'lee' };
    const byOwner = breakDownMetric(
      table,
      (accountId) => owners[accountId] ?? null,
      (groupTable) => calculateLogoChurnRate(groupTable, FEBRUARY).lostAccountIds,
    );
    expect(byOwner.map((group) => [group.group, group.result])).toEqual([
      ['kim', []],
      ['lee', ['bea']],
    ]);
  });
});
