import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateMonthlyMrr, type RevenueSubscription } from './monthly-mrr';
import {
  calculateMrrMovements,
  classifyMrrMovement,
  rollUpMrrMovements,
  summariseMrrMovements,
} from './mrr-movements';
import { mrrTableOf } from './mrr-table.fixture';
import { addMonths } from './months';

describe('classifying a month-over-month change', () => {
  it('calls a first payment new and a payment after a gap a reactivation', () => {
    expect(classifyMrrMovement(0, 5_000, false)).toBe('new');
    expect(classifyMrrMovement(0, 5_000, true)).toBe('reactivation');
  });

  it('calls growth expansion, a smaller non-zero MRR contraction and a drop to zero churn', () => {
    expect(classifyMrrMovement(5_000, 7_000, true)).toBe('expansion');
    expect(classifyMrrMovement(5_000, 3_000, true)).toBe('contraction');
    expect(classifyMrrMovement(5_000, 0, true)).toBe('churn');
  });

  it('gives no movement when MRR is unchanged', () => {
    expect(classifyMrrMovement(5_000, 5_000, true)).toBeNull();
    expect(classifyMrrMovement(0, 0, true)).toBeNull();
  });
});

describe('movements per account and month', () => {
  const table = mrrTableOf(
    '2024-01',
    {
      acme: [0, 10_000, 15_000, 15_000, 0, 12_000],
      globex: [20_000, 20_000, 5_000, 0, 0, 0],
      initech: [0, 0, 0, 0, 0, 8_000],
      umbrella: [0, 7_000, 7_000, 7_000, 7_000, 7_000],
    },
    ['umbrella'],
  );

  it('gives exactly one movement per account-month with a change, treating the first month as the opening balance', () => {
    expect(
      calculateMrrMovements(table).map(({ accountId, month, kind, amountMinor }) => [
        month,
        accountId,
        kind,
        amountMinor,
      ]),
    ).toEqual([
      ['2024-02', 'acme', 'new', 10_000],
      ['2024-02', 'umbrella', 'reactivation', 7_000],
      ['2024-03', 'acme', 'expansion', 5_000],
      ['2024-03', 'globex', 'contraction', 15_000],
      ['2024-04', 'globex', 'churn', 5_000],
      ['2024-05', 'acme', 'churn', 15_000],
      ['2024-06', 'acme', 'reactivation', 12_000],
      ['2024-06', 'initech', 'new', 8_000],
    ]);
  });

  it('rolls each month up into opening, movements and closing MRR with the accounts behind each movement', () => {
    const [february, march] = rollUpMrrMovements(table);
    expect(february).toMatchObject({
      month: '2024-02',
      openingMrrMinor: 20_000,
      newMrrMinor: 10_000,
      reactivationMrrMinor: 7_000,
      expansionMrrMinor: 0,
      contractionMrrMinor: 0,
      churnMrrMinor: 0,
      netNewMrrMinor: 17_000,
      closingMrrMinor: 37_000,
      closingArrMinor: 444_000,
      openingCustomers: 1,
      closingCustomers: 3,
      accountIds: { new: ['acme'], reactivation: ['umbrella'], expansion: [], contraction: [], churn: [] },
    });
    expect(march).toMatchObject({
      openingMrrMinor: 37_000,
      expansionMrrMinor: 5_000,
      contractionMrrMinor: 15_000,
      closingMrrMinor: 27_000,
    });
    expect(rollUpMrrMovements(table)).toHaveLength(5);
  });

  it('sums the movements of several months with each account listed once per kind', () => {
    const totals = summariseMrrMovements(table, { from: '2024-04', to: '2024-06' });
    expect(totals).toMatchObject({
      openingMrrMinor: 27_000,
      closingMrrMinor: 27_000,
      newMrrMinor: 8_000,
      reactivationMrrMinor: 12_000,
      churnMrrMinor: 20_000,
      netNewMrrMinor: 0,
      accountIds: {
        new: ['initech'],
        reactivation: ['acme'],
        expansion: [],
        contraction: [],
        churn: ['acme', 'globex'],
      },
    });
  });

  it('calls cancelling one of several subscriptions a contraction, not a churn', () => {
    const { table: twoLines } = calculateMonthlyMrr({
      subscriptions: [
        {
          accountId: 'acme',
          amountMinor: 10_000,
          currency: 'USD',
          billingInterval: 'month',
          startDate: '2024-01-01',
          endDate: null,
        },
        {
          accountId: 'acme',
          amountMinor: 3_000,
          currency: 'USD',
          billingInterval: 'month',
          startDate: '2024-01-01',
          endDate: '2024-02-01',
        },
      ],
      reportingCurrency: 'USD',
      rateOf: () => undefined,
      months: { from: '2024-01', to: '2024-02' },
    });
    expect(calculateMrrMovements(twoLines).map((movement) => [movement.kind, movement.amountMinor])).toEqual([
      ['contraction', 3_000],
    ]);
  });
});

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2022, 0, 1) / DAY_MS;
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

const subscriptionArbitrary = fc
  .record({
    accountId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    amountMinor: fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(0, 1, 6, 18, 100)),
    currency: fc.constantFrom('USD', 'EUR', 'JPY', 'GBP'),
    billingInterval: fc.constantFrom<RevenueSubscription['billingInterval']>('month', 'quarter', 'year'),
    startDay: fc.integer({ min: 0, max: 1_100 }),
    lengthDays: fc.option(fc.integer({ min: 1, max: 900 }), { nil: null }),
  })
  .map(({ startDay, lengthDays, ...rest }) => ({
    ...rest,
    startDate: isoDay(FIRST_DAY + startDay),
    endDate: lengthDays === null ? null : isoDay(FIRST_DAY + startDay + lengthDays),
  }));

const rates: Record<string, number> = { EUR: 1.0835, JPY: 0.0067 };

describe('the roll-forward MRR(m) = MRR(m−1) + new + reactivation + expansion − contraction − churn', () => {
  it('holds for every month of every generated subscription history', () => {
    fc.assert(
      fc.property(
        fc.array(subscriptionArbitrary, { maxLength: 25 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 24 }),
        (subscriptions, offset, length) => {
          const from = addMonths('2022-01', offset);
          const { table } = calculateMonthlyMrr({
            subscriptions,
            reportingCurrency: 'USD',
            // GBP has no rate: its money is reported as warnings and must not break the identity.
            rateOf: (currency) => rates[currency],
            months: { from, to: addMonths(from, length - 1) },
          });
          const rollUps = rollUpMrrMovements(table);
          let previousClosing: number | null = null;
          for (const month of rollUps) {
            const rolledForward =
              month.openingMrrMinor +
              month.newMrrMinor +
              month.reactivationMrrMinor +
              month.expansionMrrMinor -
              month.contractionMrrMinor -
              month.churnMrrMinor;
            expect(month.closingMrrMinor).toBe(rolledForward);
            if (previousClosing !== null) expect(month.openingMrrMinor).toBe(previousClosing);
            previousClosing = month.closingMrrMinor;
          }
          const movements = calculateMrrMovements(table);
          const changedAccountMonths = table.accounts.reduce(
            (count, series) =>
              count + series.mrrMinor.slice(1).filter((mrr, index) => mrr !== series.mrrMinor[index]).length,
            0,
          );
          expect(new Set(movements.map((movement) => `${movement.accountId}/${movement.month}`)).size).toBe(
            movements.length,
          );
          expect(movements).toHaveLength(changedAccountMonths);

          // The same months inside a table that starts before any subscription must classify alike:
          // new versus reactivation cannot depend on where the requested range starts.
          const { table: fullHistory } = calculateMonthlyMrr({
            subscriptions,
            reportingCurrency: 'USD',
            rateOf: (currency) => rates[currency],
            months: { from: '2021-12', to: addMonths(from, length - 1) },
          });
          const truth = new Map(
            calculateMrrMovements(fullHistory).map((movement) => [
              `${movement.accountId}/${movement.month}`,
              movement,
            ]),
          );
          for (const movement of movements)
            expect(truth.get(`${movement.accountId}/${movement.month}`)).toEqual(movement);
        },
      ),
      { numRuns: 300, seed: 20_240_301 },
    );
  });
});
