import { describe, expect, it } from 'vitest';
import { mrrTableOf } from './mrr-table.fixture';
import {
  calculateGrossRevenueRetention,
  calculateNetRevenueRetention,
  calculateRevenueRetentionSeries,
  calculateTrailingTwelveMonthRetention,
  monthsWithTrailingYear,
} from './retention';

const FIRST_QUARTER = { from: '2024-01', to: '2024-03' };

// DESIGN.md §4: start $1,000; $100 churn; $200 expansion. Months: Dec 2023 (opening), Jan, Feb, Mar.
const designExample = mrrTableOf('2023-12', {
  anvil: [50_000, 60_000, 70_000, 70_000],
  bolt: [40_000, 40_000, 40_000, 40_000],
  crane: [10_000, 10_000, 0, 0],
  drill: [0, 0, 30_000, 30_000],
});

describe('net revenue retention', () => {
  it('is 110% for start $1,000, $100 churn and $200 expansion', () => {
    const nrr = calculateNetRevenueRetention(designExample, FIRST_QUARTER);
    expect(nrr.rate).toEqual({ status: 'defined', value: 1.1 });
    expect(nrr).toMatchObject({
      kind: 'net',
      openingMonth: '2023-12',
      startingMrrMinor: 100_000,
      endingMrrMinor: 110_000,
      churnMrrMinor: 10_000,
      contractionMrrMinor: 0,
      expansionMrrMinor: 20_000,
      startingAccountIds: ['anvil', 'bolt', 'crane'],
      churnedAccountIds: ['crane'],
      contractedAccountIds: [],
      expandedAccountIds: ['anvil'],
    });
  });

  it('leaves out accounts that became customers during the period', () => {
    expect(calculateNetRevenueRetention(designExample, FIRST_QUARTER).startingAccountIds).not.toContain(
      'drill',
    );
  });

  it('compares start and end only, so an account that churned and came back smaller is a contraction', () => {
    const table = mrrTableOf('2024-01', { gone: [1_000, 0, 600] });
    const nrr = calculateNetRevenueRetention(table, { from: '2024-02', to: '2024-03' });
    expect(nrr.rate).toEqual({ status: 'defined', value: 0.6 });
    expect(nrr.contractedAccountIds).toEqual(['gone']);
    expect(nrr.churnedAccountIds).toEqual([]);
  });

  it('is "not defined", as a value with a reason, when nobody paid at the start', () => {
    const table = mrrTableOf('2024-01', { later: [0, 5_000] });
    expect(calculateNetRevenueRetention(table, { from: '2024-02', to: '2024-02' }).rate).toEqual({
      status: 'not-defined',
      reason:
        'No customers at the start of 2024-02…2024-02 (MRR at the end of 2024-01 is 0), so there is nothing to retain',
    });
  });

  it('refuses a period whose opening month is not in the table, saying which month to load', () => {
    expect(() => calculateNetRevenueRetention(designExample, { from: '2023-12', to: '2024-03' })).toThrow(
      'The MRR table covers 2023-12…2024-03; it has no MRR for 2023-11. Load that month too.',
    );
  });
});

describe('gross revenue retention', () => {
  it('is 90% for the same example: expansion does not offset churn', () => {
    const grr = calculateGrossRevenueRetention(designExample, FIRST_QUARTER);
    expect(grr.rate).toEqual({ status: 'defined', value: 0.9 });
    expect(grr).toMatchObject({
      kind: 'gross',
      startingMrrMinor: 100_000,
      endingMrrMinor: 90_000,
      expansionMrrMinor: 20_000,
    });
  });

  it('caps each account’s end MRR at its start MRR', () => {
    const table = mrrTableOf('2024-01', { grower: [1_000, 2_000], shrinker: [1_000, 500] });
    const period = { from: '2024-02', to: '2024-02' };
    expect(calculateNetRevenueRetention(table, period).rate).toEqual({ status: 'defined', value: 1.25 });
    expect(calculateGrossRevenueRetention(table, period).rate).toEqual({ status: 'defined', value: 0.75 });
  });
});

describe('retention series', () => {
  const halfYear = mrrTableOf('2023-12', {
    anvil: [50_000, 50_000, 50_000, 50_000, 60_000, 70_000, 80_000],
    bolt: [40_000, 40_000, 40_000, 40_000, 20_000, 20_000, 20_000],
    crane: [10_000, 10_000, 10_000, 10_000, 10_000, 0, 0],
  });

  it('gives monthly NRR and GRR opening at the end of each previous month', () => {
    const series = calculateRevenueRetentionSeries(designExample, {
      range: FIRST_QUARTER,
      granularity: 'month',
    });
    expect(
      series.map((point) => [
        point.period.from,
        point.netRevenueRetention.rate,
        point.grossRevenueRetention.rate,
      ]),
    ).toEqual([
      ['2024-01', { status: 'defined', value: 1.1 }, { status: 'defined', value: 1 }],
      ['2024-02', { status: 'defined', value: 1 }, { status: 'defined', value: 100_000 / 110_000 }],
      ['2024-03', { status: 'defined', value: 1 }, { status: 'defined', value: 1 }],
    ]);
  });

  it('gives quarterly NRR and GRR, marking a quarter cut short by the range', () => {
    const series = calculateRevenueRetentionSeries(halfYear, {
      range: { from: '2024-02', to: '2024-06' },
      granularity: 'quarter',
    });
    expect(series.map((point) => [point.period, point.complete, point.netRevenueRetention.rate])).toEqual([
      [{ from: '2024-02', to: '2024-03' }, false, { status: 'defined', value: 1 }],
      [{ from: '2024-04', to: '2024-06' }, true, { status: 'defined', value: 1 }],
    ]);
    expect(series[1]?.grossRevenueRetention.rate).toEqual({ status: 'defined', value: 0.7 });
  });

  it('gives trailing-twelve-month NRR and GRR opening twelve months before', () => {
    const yearTable = mrrTableOf('2023-12', {
      anvil: [10_000, ...new Array<number>(12).fill(12_000)],
      crane: [5_000, ...new Array<number>(12).fill(0)],
    });
    const { netRevenueRetention, grossRevenueRetention } = calculateTrailingTwelveMonthRetention(
      yearTable,
      '2024-12',
    );
    expect(netRevenueRetention.period).toEqual({ from: '2024-01', to: '2024-12' });
    expect(netRevenueRetention.openingMonth).toBe('2023-12');
    expect(netRevenueRetention.rate).toEqual({ status: 'defined', value: 0.8 });
    expect(grossRevenueRetention.rate).toEqual({ status: 'defined', value: 10_000 / 15_000 });
    expect(monthsWithTrailingYear(yearTable, { from: '2024-01', to: '2024-12' })).toEqual(['2024-12']);
    const series = calculateRevenueRetentionSeries(yearTable, {
      range: { from: '2024-12', to: '2024-12' },
      granularity: 'trailing-twelve-months',
    });
    expect(series[0]?.netRevenueRetention.rate).toEqual({ status: 'defined', value: 0.8 });
  });
});
