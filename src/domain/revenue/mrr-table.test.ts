import { describe, expect, it } from 'vitest';
import { buildMonthlyMrrTable, customerIdsInMonth, sliceMonthlyMrrTable, totalMrrInMonth } from './mrr-table';

const rows = [
  { accountId: 'bea', month: '2024-02', mrrMinor: 3_000 },
  { accountId: 'ada', month: '2024-01', mrrMinor: 1_000 },
  { accountId: 'ada', month: '2024-03', mrrMinor: 2_000 },
];
const table = buildMonthlyMrrTable(rows, {
  currency: 'EUR',
  months: { from: '2024-01', to: '2024-03' },
  paidBeforeRange: new Set(['cal']),
});

describe('monthly MRR table', () => {
  it('builds from stored rows, with missing account-months as 0 and accounts sorted by id', () => {
    expect(table).toEqual({
      currency: 'EUR',
      months: ['2024-01', '2024-02', '2024-03'],
      accounts: [
        { accountId: 'ada', mrrMinor: [1_000, 0, 2_000], paidBeforeRange: false },
        { accountId: 'bea', mrrMinor: [0, 3_000, 0], paidBeforeRange: false },
        { accountId: 'cal', mrrMinor: [0, 0, 0], paidBeforeRange: true },
      ],
    });
  });

  it('totals MRR and lists paying customers of a month', () => {
    expect(totalMrrInMonth(table, '2024-03')).toBe(2_000);
    expect(customerIdsInMonth(table, '2024-02')).toEqual(['bea']);
  });

  it('keeps "paid before" when a slice cuts off months with MRR', () => {
    const sliced = sliceMonthlyMrrTable(table, { from: '2024-02', to: '2024-03' });
    expect(sliced.months).toEqual(['2024-02', '2024-03']);
    expect(
      sliced.accounts.map((series) => [series.accountId, series.mrrMinor, series.paidBeforeRange]),
    ).toEqual([
      ['ada', [0, 2_000], true],
      ['bea', [3_000, 0], false],
      ['cal', [0, 0], true],
    ]);
  });

  it('refuses a row outside the months or with a fractional amount, naming the row', () => {
    const months = { from: '2024-01', to: '2024-03' };
    expect(() =>
      buildMonthlyMrrTable([{ accountId: 'ada', month: '2024-04', mrrMinor: 1 }], {
        currency: 'USD',
        months,
      }),
    ).toThrow('Row 0 (account ada) is for 2024-04, outside 2024-01…2024-03');
    expect(() =>
      buildMonthlyMrrTable([{ accountId: 'ada', month: '2024-01', mrrMinor: 1.5 }], {
        currency: 'USD',
        months,
      }),
    ).toThrow('Row 0 (account ada) has MRR 1.5; expected whole minor units ≥ 0');
  });
});
