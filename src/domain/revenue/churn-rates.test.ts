import { describe, expect, it } from 'vitest';
import { calculateLogoChurnRate, calculateMrrChurnRates } from './churn-rates';
import { mrrTableOf } from './mrr-table.fixture';

const FIRST_QUARTER = { from: '2024-01', to: '2024-03' };
const id = (index: number) => `c${String(index).padStart(3, '0')}`;

/**
 * DESIGN.md §4: 100 customers at the start; 12 churn movements in the quarter, of which one is a
 * customer that came back (c010) and one an account that joined in January (late). Months: Dec (opening), Jan, Feb, Mar.
 */
function logoChurnExample() {
  const series: Record<string, number[]> = {};
  for (let index = 0; index < 100; index += 1) series[id(index)] = [1_000, 1_000, 1_000, 1_000];
  for (let index = 0; index < 5; index += 1) series[id(index)] = [1_000, 0, 0, 0];
  for (let index = 5; index < 10; index += 1) series[id(index)] = [1_000, 1_000, 0, 0];
  series[id(10)] = [1_000, 0, 0, 1_000];
  series.late = [0, 2_000, 0, 0];
  return mrrTableOf('2023-12', series);
}

describe('logo churn rate', () => {
  it('is 10% for 100 at the start and 12 churned, of which 1 reactivated and 1 joined during the period', () => {
    const churn = calculateLogoChurnRate(logoChurnExample(), FIRST_QUARTER);
    expect(churn.rate).toEqual({ status: 'defined', value: 0.1 });
    expect(churn).toMatchObject({
      openingMonth: '2023-12',
      startingCustomers: 100,
      lostCustomers: 10,
      churnMovements: 12,
      lostAccountIds: ['c000', 'c001', 'c002', 'c003', 'c004', 'c005', 'c006', 'c007', 'c008', 'c009'],
      reactivatedAccountIds: ['c010'],
      joinedDuringPeriodAccountIds: ['late'],
    });
    expect(churn.startingAccountIds).toHaveLength(100);
  });

  it('counts a customer that came back and churned again inside the period once, as lost', () => {
    const table = mrrTableOf('2023-12', { twice: [1_000, 0, 1_000, 0], stays: [1_000, 1_000, 1_000, 1_000] });
    const churn = calculateLogoChurnRate(table, FIRST_QUARTER);
    expect(churn.rate).toEqual({ status: 'defined', value: 0.5 });
    expect(churn.churnMovements).toBe(2);
    expect(churn.lostAccountIds).toEqual(['twice']);
  });

  it('is not defined when there were no customers at the start', () => {
    const table = mrrTableOf('2023-12', { late: [0, 1_000, 0, 0] });
    expect(calculateLogoChurnRate(table, FIRST_QUARTER).rate).toEqual({
      status: 'not-defined',
      reason: 'No customers at the start of 2024-01…2024-03 (none paid at the end of 2023-12)',
    });
  });
});

describe('gross and net MRR churn rate', () => {
  // DESIGN.md §4: $100 start, $10 churn, $10 contraction, $10 expansion.
  const designExample = mrrTableOf('2024-02', {
    expands: [4_000, 5_000],
    contracts: [3_000, 2_000],
    churns: [1_000, 0],
    steady: [2_000, 2_000],
  });

  it('is 20% gross and 10% net for $100 start, $10 churn, $10 contraction and $10 expansion', () => {
    const rates = calculateMrrChurnRates(designExample, { from: '2024-03', to: '2024-03' });
    expect(rates.grossMrrChurnRate).toEqual({ status: 'defined', value: 0.2 });
    expect(rates.netMrrChurnRate).toEqual({ status: 'defined', value: 0.1 });
    expect(rates.movements).toMatchObject({
      openingMrrMinor: 10_000,
      churnMrrMinor: 1_000,
      contractionMrrMinor: 1_000,
      expansionMrrMinor: 1_000,
      reactivationMrrMinor: 0,
      accountIds: { churn: ['churns'], contraction: ['contracts'], expansion: ['expands'] },
    });
  });

  it('subtracts reactivation in the net rate and lets it go negative (net expansion)', () => {
    const table = mrrTableOf('2024-01', { base: [10_000, 10_000, 13_000], back: [0, 0, 2_000] }, ['back']);
    const rates = calculateMrrChurnRates(table, { from: '2024-03', to: '2024-03' });
    expect(rates.grossMrrChurnRate).toEqual({ status: 'defined', value: 0 });
    expect(rates.netMrrChurnRate).toEqual({ status: 'defined', value: -0.5 });
  });

  it('sums the movements of accounts that joined during a longer period', () => {
    const table = mrrTableOf('2023-12', {
      base: [10_000, 10_000, 10_000, 10_000],
      joined: [0, 4_000, 3_000, 0],
    });
    const rates = calculateMrrChurnRates(table, { from: '2024-01', to: '2024-03' });
    expect(rates.grossMrrChurnRate).toEqual({ status: 'defined', value: 0.4 });
  });

  it('is not defined without MRR at the start, even when MRR was lost later', () => {
    const table = mrrTableOf('2023-12', { joined: [0, 4_000, 0] });
    const rates = calculateMrrChurnRates(table, { from: '2024-01', to: '2024-02' });
    expect(rates.grossMrrChurnRate.status).toBe('not-defined');
    expect(rates.netMrrChurnRate).toEqual({
      status: 'not-defined',
      reason: 'No MRR at the start of 2024-01…2024-02, so there is no base to lose from',
    });
  });
});
