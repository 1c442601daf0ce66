import { describe, expect, it } from 'vitest';
import { mrrTableOf } from './mrr-table.fixture';
import {
  calculateAverageRevenuePerAccount,
  calculateCustomerLifetimeValue,
  calculateCustomerRetentionCost,
} from './unit-economics';

const MARCH = { from: '2024-03', to: '2024-03' };

/** 50 customers at $500 a month at the end of February; one leaves in March. */
function fiftyCustomersOneLeaves() {
  const series: Record<string, number[]> = {};
  for (let index = 0; index < 50; index += 1) series[`c${String(index).padStart(2, '0')}`] = [50_000, 50_000];
  series.c00 = [50_000, 0];
  return mrrTableOf('2024-02', series);
}

describe('ARPA', () => {
  it('is MRR ÷ paying accounts at the end of the month, leaving out accounts with no MRR', () => {
    const arpa = calculateAverageRevenuePerAccount(fiftyCustomersOneLeaves(), MARCH);
    expect(arpa).toMatchObject({
      value: { status: 'defined', value: 50_000 },
      mrrMinor: 2_450_000,
      customerMonths: 49,
    });
    expect(arpa.accountIds).not.toContain('c00');
  });

  it('weights several months by customer-months', () => {
    const table = mrrTableOf('2024-01', { small: [1_000, 1_000], big: [0, 4_000] });
    const arpa = calculateAverageRevenuePerAccount(table, { from: '2024-01', to: '2024-02' });
    expect(arpa.value).toEqual({ status: 'defined', value: 2_000 });
    expect(arpa.customerMonths).toBe(3);
  });

  it('is not defined with no paying account', () => {
    expect(calculateAverageRevenuePerAccount(mrrTableOf('2024-03', { none: [0] }), MARCH).value).toEqual({
      status: 'not-defined',
      reason: 'No paying account in 2024-03…2024-03',
    });
  });
});

describe('LTV', () => {
  it('is ARPA ÷ monthly logo churn rate: $500 at 2% a month → $25,000', () => {
    const ltv = calculateCustomerLifetimeValue(fiftyCustomersOneLeaves(), MARCH);
    expect(ltv.lifetimeValue).toEqual({ status: 'defined', value: 2_500_000 });
    expect(ltv.monthlyLogoChurnRate).toEqual({ status: 'defined', value: 0.02 });
    expect(ltv).toMatchObject({ churnedCustomers: 1, customerMonthsAtRisk: 50, churnedAccountIds: ['c00'] });
  });

  it('is infinite, said as a value, when no customer churned', () => {
    const table = mrrTableOf('2024-02', { steady: [10_000, 10_000] });
    expect(calculateCustomerLifetimeValue(table, MARCH).lifetimeValue).toEqual({
      status: 'infinite',
      reason: 'No customer churned in 2024-03…2024-03: at a 0% churn rate the lifetime has no end',
    });
  });

  it('is not defined when nobody paid', () => {
    const table = mrrTableOf('2024-02', { none: [0, 0] });
    expect(calculateCustomerLifetimeValue(table, MARCH).lifetimeValue.status).toBe('not-defined');
  });
});

describe('customer retention cost', () => {
  it('is the CS cost of the period ÷ customers at its start still paying at its end', () => {
    const crc = calculateCustomerRetentionCost(fiftyCustomersOneLeaves(), MARCH, 4_900_000);
    expect(crc.costPerRetainedCustomer).toEqual({ status: 'defined', value: 100_000 });
    expect(crc.retainedCustomers).toBe(49);
    expect(crc.retainedAccountIds).not.toContain('c00');
  });

  it('does not count customers who joined during the period as retained', () => {
    const table = mrrTableOf('2024-02', { kept: [1_000, 1_000], joined: [0, 1_000] });
    expect(calculateCustomerRetentionCost(table, MARCH, 30_000)).toMatchObject({
      costPerRetainedCustomer: { status: 'defined', value: 30_000 },
      retainedAccountIds: ['kept'],
    });
  });

  it('is infinite when money was spent and no customer was retained', () => {
    const table = mrrTableOf('2024-02', { gone: [1_000, 0] });
    expect(calculateCustomerRetentionCost(table, MARCH, 30_000).costPerRetainedCustomer.status).toBe(
      'infinite',
    );
  });
});
