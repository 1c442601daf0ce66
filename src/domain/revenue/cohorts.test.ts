import { describe, expect, it } from 'vitest';
import { calculateCohortRetention } from './cohorts';
import { mrrTableOf } from './mrr-table.fixture';

const table = mrrTableOf(
  '2024-01',
  {
    ada: [1_000, 1_000, 2_000, 2_000],
    bea: [1_000, 1_000, 0, 0],
    cal: [2_000, 0, 0, 1_000],
    dee: [0, 3_000, 3_000, 0],
    old: [5_000, 5_000, 5_000, 5_000],
  },
  ['old'],
);

describe('cohort retention by start month', () => {
  it('follows each cohort’s logos and MRR month by month from its first paying month', () => {
    const { cohorts } = calculateCohortRetention(table);
    const january = cohorts[0];
    expect(january).toMatchObject({
      cohortMonth: '2024-01',
      accountIds: ['ada', 'bea', 'cal'],
      startingCustomers: 3,
      startingMrrMinor: 4_000,
    });
    expect(
      january?.cells.map((cell) => [
        cell.monthOffset,
        cell.month,
        cell.retainedCustomers,
        cell.mrrMinor,
        cell.retainedAccountIds,
      ]),
    ).toEqual([
      [0, '2024-01', 3, 4_000, ['ada', 'bea', 'cal']],
      [1, '2024-02', 2, 2_000, ['ada', 'bea']],
      [2, '2024-03', 1, 2_000, ['ada']],
      [3, '2024-04', 2, 3_000, ['ada', 'cal']],
    ]);
    expect(january?.cells[1]?.logoRetention).toEqual({ status: 'defined', value: 2 / 3 });
    expect(january?.cells[1]?.revenueRetention).toEqual({ status: 'defined', value: 0.5 });
    expect(january?.cells[3]?.revenueRetention).toEqual({ status: 'defined', value: 0.75 });
  });

  it('keeps a reactivated account in its original cohort', () => {
    const { cohorts } = calculateCohortRetention(table);
    expect(cohorts.map((cohort) => [cohort.cohortMonth, cohort.accountIds])).toEqual([
      ['2024-01', ['ada', 'bea', 'cal']],
      ['2024-02', ['dee']],
    ]);
    expect(cohorts[1]?.cells.map((cell) => cell.logoRetention)).toEqual([
      { status: 'defined', value: 1 },
      { status: 'defined', value: 1 },
      { status: 'defined', value: 0 },
    ]);
  });

  it('sets aside accounts that paid before the table, whose start month is unknown', () => {
    expect(calculateCohortRetention(table).startedBeforeTableAccountIds).toEqual(['old']);
  });

  it('limits the cohorts to the requested start months', () => {
    const { cohorts } = calculateCohortRetention(table, { cohortMonths: { from: '2024-02', to: '2024-12' } });
    expect(cohorts.map((cohort) => cohort.cohortMonth)).toEqual(['2024-02']);
  });
});
