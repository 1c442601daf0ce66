import { describe, expect, it } from 'vitest';
import { roundHalfAwayFromZero } from './money-rounding';
import {
  calculateMonthlyMrr,
  countedMonthsOf,
  subscriptionCountsInMonth,
  type ExchangeRateLookup,
  type RevenueSubscription,
} from './monthly-mrr';

const FIRST_HALF_2024 = { from: '2024-01', to: '2024-06' };
const noRates: ExchangeRateLookup = () => undefined;

function subscription(overrides: Partial<RevenueSubscription> = {}): RevenueSubscription {
  return {
    accountId: 'acme',
    amountMinor: 10_000,
    currency: 'USD',
    billingInterval: 'month',
    startDate: '2024-01-01',
    endDate: null,
    ...overrides,
  };
}

function mrrOf(
  subscriptions: RevenueSubscription[],
  rateOf: ExchangeRateLookup = noRates,
  months = FIRST_HALF_2024,
) {
  return calculateMonthlyMrr({ subscriptions, reportingCurrency: 'USD', rateOf, months });
}

function seriesOf(subscriptions: RevenueSubscription[], accountId = 'acme'): readonly number[] | undefined {
  return mrrOf(subscriptions).table.accounts.find((series) => series.accountId === accountId)?.mrrMinor;
}

describe('normalising a subscription to one month', () => {
  it('turns an annual 2,000.00 plan into 166.67 of MRR', () => {
    expect(seriesOf([subscription({ amountMinor: 200_000, billingInterval: 'year' })])?.[0]).toBe(16_667);
  });

  it('divides a quarterly price by 3 and keeps a monthly price as it is', () => {
    expect(seriesOf([subscription({ amountMinor: 30_000, billingInterval: 'quarter' })])?.[0]).toBe(10_000);
    expect(seriesOf([subscription({ amountMinor: 4_999, billingInterval: 'month' })])?.[0]).toBe(4_999);
  });

  it('sums every subscription of an account before rounding once per account-month', () => {
    const twoSmallAnnualPlans = [
      subscription({ amountMinor: 100, billingInterval: 'year' }),
      subscription({ amountMinor: 100, billingInterval: 'year' }),
    ];
    // 100/12 + 100/12 = 16.67 → 17, where rounding each line first would give 8 + 8 = 16.
    expect(seriesOf(twoSmallAnnualPlans)?.[0]).toBe(17);
  });

  it('rounds halves away from zero', () => {
    expect(seriesOf([subscription({ amountMinor: 18, billingInterval: 'year' })])?.[0]).toBe(2);
    expect(seriesOf([subscription({ amountMinor: 30, billingInterval: 'year' })])?.[0]).toBe(3);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
    expect(roundHalfAwayFromZero(2.4999999999999996)).toBe(3);
    expect(roundHalfAwayFromZero(2.49)).toBe(2);
    expect(Object.is(roundHalfAwayFromZero(-0.2), 0)).toBe(true);
  });
});

describe('when a subscription counts in a month (active on the month’s last day; end date exclusive)', () => {
  it('counts a month-aligned contract from its first month through the month before its end date', () => {
    const aligned = subscription({ startDate: '2024-02-01', endDate: '2024-04-01' });
    expect(seriesOf([aligned])).toEqual([0, 10_000, 10_000, 0, 0, 0]);
    expect(countedMonthsOf(aligned)).toEqual({ from: '2024-02', to: '2024-03' });
  });

  it('counts a start on the last day of a month in that month', () => {
    expect(seriesOf([subscription({ startDate: '2024-01-31' })])).toEqual([
      10_000, 10_000, 10_000, 10_000, 10_000, 10_000,
    ]);
  });

  it('counts a mid-month start in its start month', () => {
    expect(seriesOf([subscription({ startDate: '2024-02-15' })])).toEqual([
      0, 10_000, 10_000, 10_000, 10_000, 10_000,
    ]);
  });

  it('leaves a mid-month end out of its end month', () => {
    expect(seriesOf([subscription({ endDate: '2024-03-15' })])).toEqual([10_000, 10_000, 0, 0, 0, 0]);
  });

  it('leaves out the end month when the exclusive end date is its last day, and keeps it when the end is the next 1st', () => {
    expect(seriesOf([subscription({ endDate: '2024-03-31' })])).toEqual([10_000, 10_000, 0, 0, 0, 0]);
    expect(seriesOf([subscription({ endDate: '2024-04-01' })])).toEqual([10_000, 10_000, 10_000, 0, 0, 0]);
  });

  it('never counts a subscription that starts and ends inside one month', () => {
    const withinMarch = subscription({ startDate: '2024-03-05', endDate: '2024-03-25' });
    expect(seriesOf([withinMarch])).toEqual([0, 0, 0, 0, 0, 0]);
    expect(countedMonthsOf(withinMarch)).toBeNull();
    expect(subscriptionCountsInMonth(withinMarch, '2024-03')).toBe(false);
  });

  it('counts only the new plan in the month of a mid-month upgrade, so nothing is counted twice', () => {
    const upgrade = [
      subscription({ amountMinor: 10_000, endDate: '2024-03-15' }),
      subscription({ amountMinor: 25_000, startDate: '2024-03-15' }),
    ];
    expect(seriesOf(upgrade)).toEqual([10_000, 10_000, 25_000, 25_000, 25_000, 25_000]);
  });

  it('answers membership for one month', () => {
    const contract = subscription({ startDate: '2024-02-10', endDate: '2024-05-01' });
    expect(subscriptionCountsInMonth(contract, '2024-01')).toBe(false);
    expect(subscriptionCountsInMonth(contract, '2024-02')).toBe(true);
    expect(subscriptionCountsInMonth(contract, '2024-04')).toBe(true);
    expect(subscriptionCountsInMonth(contract, '2024-05')).toBe(false);
  });

  it('marks an account that paid in a month before the range, and not one whose first month is inside it', () => {
    const { table } = mrrOf([
      subscription({ accountId: 'returning', startDate: '2023-06-01', endDate: '2023-09-01' }),
      subscription({ accountId: 'returning', startDate: '2024-03-01' }),
      subscription({ accountId: 'running', startDate: '2023-12-31' }),
      subscription({ accountId: 'fresh', startDate: '2024-01-01' }),
      subscription({ accountId: 'too-short', startDate: '2023-12-02', endDate: '2023-12-20' }),
    ]);
    expect(table.accounts.map((series) => [series.accountId, series.paidBeforeRange])).toEqual([
      ['fresh', false],
      ['returning', true],
      ['running', true],
      ['too-short', false],
    ]);
  });
});

describe('converting currencies', () => {
  it('converts through the month’s rate into the reporting currency', () => {
    const rateOf: ExchangeRateLookup = (currency, month) =>
      currency === 'EUR' ? (month === '2024-01' ? 1.1 : 1.2) : undefined;
    const { table, warnings } = mrrOf([subscription({ currency: 'EUR', amountMinor: 10_000 })], rateOf, {
      from: '2024-01',
      to: '2024-02',
    });
    expect(table.accounts[0]?.mrrMinor).toEqual([11_000, 12_000]);
    expect(warnings).toEqual([]);
  });

  it('accounts for currencies whose minor unit differs (yen have no minor unit)', () => {
    const rateOf: ExchangeRateLookup = (currency) => (currency === 'JPY' ? 0.0067 : undefined);
    const { table } = mrrOf(
      [subscription({ currency: 'JPY', amountMinor: 120_000, billingInterval: 'year' })],
      rateOf,
      {
        from: '2024-01',
        to: '2024-01',
      },
    );
    // ¥120,000 a year = ¥10,000 a month = $67.00.
    expect(table.accounts[0]?.mrrMinor).toEqual([6_700]);
  });

  it('reports a missing rate as a warning with the money left out, instead of dropping it silently', () => {
    const rateOf: ExchangeRateLookup = (currency, month) =>
      currency === 'GBP' && month === '2024-01' ? 1.25 : undefined;
    const { table, warnings } = mrrOf(
      [subscription({ amountMinor: 5_000 }), subscription({ currency: 'GBP', amountMinor: 12_000 })],
      rateOf,
      { from: '2024-01', to: '2024-03' },
    );
    expect(table.accounts[0]?.mrrMinor).toEqual([20_000, 5_000, 5_000]);
    expect(warnings).toMatchObject([
      { kind: 'missing-exchange-rate', accountId: 'acme', month: '2024-02', currency: 'GBP' },
      { kind: 'missing-exchange-rate', accountId: 'acme', month: '2024-03', currency: 'GBP' },
    ]);
    expect(warnings[0]).toMatchObject({
      unconvertedMrrMinor: 12_000,
      message:
        'No usable GBP→USD exchange rate for 2024-02: 12000 GBP minor units of MRR of account acme are left out of that month. Add the rate to count them.',
    });
  });

  it('treats a zero or negative rate as missing', () => {
    const { warnings } = mrrOf([subscription({ currency: 'EUR' })], () => 0, {
      from: '2024-01',
      to: '2024-01',
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.kind).toBe('missing-exchange-rate');
  });

  it('refuses a reporting currency that is not an ISO 4217 code', () => {
    expect(() =>
      calculateMonthlyMrr({
        subscriptions: [],
        reportingCurrency: 'XYZ',
        rateOf: noRates,
        months: FIRST_HALF_2024,
      }),
    ).toThrow('Reporting currency "XYZ" is not an ISO 4217 code such as USD or EUR');
  });
});

describe('invalid subscriptions', () => {
  it('leaves out and reports an end before the start, an unknown currency and a negative amount, naming the row and field', () => {
    const { table, warnings } = mrrOf([
      subscription({ accountId: 'ok' }),
      subscription({ accountId: 'backwards', startDate: '2024-03-01', endDate: '2024-02-01' }),
      subscription({ accountId: 'euro', currency: 'EURO' }),
      subscription({ accountId: 'credit', amountMinor: -500 }),
      subscription({ accountId: 'bad-day', startDate: '2024-02-30' }),
    ]);
    expect(table.accounts.map((series) => series.accountId)).toEqual(['ok']);
    expect(warnings).toEqual([
      {
        kind: 'invalid-subscription',
        accountId: 'backwards',
        subscriptionIndex: 1,
        field: 'endDate',
        message: 'End date 2024-02-01 is not after start date 2024-03-01 (the end date is exclusive)',
      },
      {
        kind: 'invalid-subscription',
        accountId: 'euro',
        subscriptionIndex: 2,
        field: 'currency',
        message: '"EURO" is not an ISO 4217 currency code; use a code such as USD, EUR or JPY',
      },
      {
        kind: 'invalid-subscription',
        accountId: 'credit',
        subscriptionIndex: 3,
        field: 'amountMinor',
        message: 'Amount -500 is not a whole number of minor units ≥ 0',
      },
      {
        kind: 'invalid-subscription',
        accountId: 'bad-day',
        subscriptionIndex: 4,
        field: 'startDate',
        message: 'Start date "2024-02-30" is not a YYYY-MM-DD day',
      },
    ]);
  });

  it('keeps accounts whose subscriptions fall outside the range, with zero MRR, sorted by id', () => {
    const { table } = mrrOf([
      subscription({ accountId: 'zeta', startDate: '2025-01-01' }),
      subscription({ accountId: 'alpha' }),
    ]);
    expect(table.accounts.map((series) => [series.accountId, series.mrrMinor[0]])).toEqual([
      ['alpha', 10_000],
      ['zeta', 0],
    ]);
    expect(table.currency).toBe('USD');
    expect(table.months).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
  });
});
