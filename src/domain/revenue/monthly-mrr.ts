import { currencyDecimals } from '../imports/currency-codes';
import { roundHalfAwayFromZero } from './money-rounding';
import { compareIds, sliceMonthlyMrrTable, type MonthlyMrrTable } from './mrr-table';
import { isIsoDate, listMonths, monthIndexOf, monthOfDate, monthOfIndex, type MonthRange } from './months';

export type BillingInterval = 'month' | 'quarter' | 'year';

/** A revenue line as the MRR calculation needs it. */
export interface RevenueSubscription {
  accountId: string;
  /** Price per billing interval, whole minor units of `currency` (cents for USD), ≥ 0. */
  amountMinor: number;
  /** ISO 4217 code, upper-case. */
  currency: string;
  billingInterval: BillingInterval;
  /** First day the subscription runs, 'YYYY-MM-DD'. */
  startDate: string;
  /** Exclusive: the first day it no longer runs, 'YYYY-MM-DD'; null while it runs on. */
  endDate: string | null;
}

/** Units of the reporting currency for one unit of `currency` in `month`; undefined when unknown. */
export type ExchangeRateLookup = (currency: string, month: string) => number | undefined;

/** Something in the data that keeps a number from being complete; shown beside the metrics. */
export type RevenueDataWarning =
  | {
      kind: 'missing-exchange-rate';
      accountId: string;
      month: string;
      currency: string;
      /** The account's MRR in `currency` left out of `month`, minor units of `currency`. */
      unconvertedMrrMinor: number;
      message: string;
    }
  | {
      kind: 'invalid-subscription';
      accountId: string;
      /** Position of the subscription in the input list. */
      subscriptionIndex: number;
      field: 'accountId' | 'amountMinor' | 'currency' | 'billingInterval' | 'startDate' | 'endDate';
      message: string;
    };

export interface MonthlyMrrInput {
  subscriptions: readonly RevenueSubscription[];
  /** ISO 4217 code every amount is converted into. */
  reportingCurrency: string;
  /** Only asked for currencies other than the reporting currency. */
  rateOf: ExchangeRateLookup;
  months: MonthRange;
}

export interface MonthlyMrrResult {
  table: MonthlyMrrTable;
  warnings: RevenueDataWarning[];
}

/**
 * Months in one billing interval: 1, 3 or 12.
 * @example monthsPerBillingInterval('quarter') // 3
 */
export function monthsPerBillingInterval(interval: BillingInterval): number {
  return interval === 'month' ? 1 : interval === 'quarter' ? 3 : 12;
}

/**
 * The months a subscription counts in: those whose last day it is active on, i.e. from the month of
 * its start date to the month before the month of its (exclusive) end date; null when there are none.
 * @example countedMonthsOf({ startDate: '2024-01-15', endDate: '2024-04-01' }) // { from: '2024-01', to: '2024-03' }
 */
export function countedMonthsOf(
  subscription: Pick<RevenueSubscription, 'startDate' | 'endDate'>,
): MonthRange | null {
  const first = monthIndexOf(monthOfDate(subscription.startDate));
  if (subscription.endDate === null) return { from: monthOfIndex(first), to: '9999-12' };
  const last = monthIndexOf(monthOfDate(subscription.endDate)) - 1;
  return last < first ? null : { from: monthOfIndex(first), to: monthOfIndex(last) };
}

/**
 * True when the subscription counts in `month`: it is active on the month's last day
 * (startDate ≤ last day < endDate).
 * @example subscriptionCountsInMonth({ startDate: '2024-03-15', endDate: null }, '2024-03') // true
 */
export function subscriptionCountsInMonth(
  subscription: Pick<RevenueSubscription, 'startDate' | 'endDate'>,
  month: string,
): boolean {
  const counted = countedMonthsOf(subscription);
  if (counted === null) return false;
  const index = monthIndexOf(month);
  return index >= monthIndexOf(counted.from) && index <= monthIndexOf(counted.to);
}

/**
 * Per-account month-end MRR over `months`, in minor units of the reporting currency: each counted
 * subscription's amount ÷ months per interval, converted, summed per account-month, then rounded once
 * (half away from zero). Unconvertible amounts and invalid subscriptions come back as warnings.
 * @example calculateMonthlyMrr({ subscriptions, reportingCurrency: 'USD', rateOf: () => undefined, months: { from: '2024-01', to: '2024-12' } })
 */
export function calculateMonthlyMrr(input: MonthlyMrrInput): MonthlyMrrResult {
  const reportingDecimals = currencyDecimals(input.reportingCurrency);
  if (reportingDecimals === undefined) {
    throw new RangeError(
      `Reporting currency "${input.reportingCurrency}" is not an ISO 4217 code such as USD or EUR`,
    );
  }
  const requestedFrom = monthIndexOf(input.months.from);
  if (monthIndexOf(input.months.to) < requestedFrom) {
    throw new RangeError(`Month range ${input.months.from}…${input.months.to} ends before it starts`);
  }
  const warnings: RevenueDataWarning[] = [];
  const valid: RevenueSubscription[] = [];
  input.subscriptions.forEach((subscription, subscriptionIndex) => {
    const problem = validateSubscription(subscription);
    if (problem === null) valid.push(subscription);
    else
      warnings.push({
        kind: 'invalid-subscription',
        accountId: String(subscription.accountId),
        subscriptionIndex,
        ...problem,
      });
  });
  // Whether a first MRR in the range is new or a reactivation depends on the account's MRR before
  // the range, so MRR is computed from the earliest start month and the earlier months cut off.
  const earliest = valid.reduce(
    (first, subscription) => Math.min(first, monthIndexOf(monthOfDate(subscription.startDate))),
    requestedFrom,
  );
  const history = accumulateMonthlyMrr(
    valid,
    input,
    { from: monthOfIndex(earliest), to: input.months.to },
    reportingDecimals,
  );
  for (const entry of history.unconverted) {
    if (monthIndexOf(entry.month) >= requestedFrom)
      warnings.push(missingRateWarning(entry, input.reportingCurrency));
  }
  return { table: sliceMonthlyMrrTable(history.table, input.months), warnings: sortWarnings(warnings) };
}

type UnconvertedMrr = { accountId: string; month: string; currency: string; twelfths: number };

function accumulateMonthlyMrr(
  subscriptions: readonly RevenueSubscription[],
  input: MonthlyMrrInput,
  range: MonthRange,
  reportingDecimals: number,
): { table: MonthlyMrrTable; unconverted: UnconvertedMrr[] } {
  const months = listMonths(range);
  const firstIndex = monthIndexOf(range.from);
  const lastIndex = firstIndex + months.length - 1;
  const conversion = conversionFactors(input, reportingDecimals);
  // Sums are kept in twelfths of a minor unit so that, in the reporting currency, they stay whole
  // numbers and the single division by 12 before rounding is exact.
  const twelfths = new Map<string, number[]>();
  const unconverted = new Map<string, UnconvertedMrr>();
  for (const subscription of subscriptions) {
    const accountTwelfths = twelfths.get(subscription.accountId) ?? new Array<number>(months.length).fill(0);
    twelfths.set(subscription.accountId, accountTwelfths);
    const counted = countedMonthsOf(subscription);
    if (counted === null) continue;
    const perMonthTwelfths =
      subscription.amountMinor * (12 / monthsPerBillingInterval(subscription.billingInterval));
    const to = Math.min(monthIndexOf(counted.to), lastIndex);
    for (let index = Math.max(monthIndexOf(counted.from), firstIndex); index <= to; index += 1) {
      const month = monthOfIndex(index);
      const factor = conversion(subscription.currency, month);
      if (factor === undefined) {
        const key = `${subscription.accountId}\u0000${month}\u0000${subscription.currency}`;
        const entry = unconverted.get(key) ?? {
          accountId: subscription.accountId,
          month,
          currency: subscription.currency,
          twelfths: 0,
        };
        entry.twelfths += perMonthTwelfths;
        unconverted.set(key, entry);
        continue;
      }
      const position = index - firstIndex;
      accountTwelfths[position] = (accountTwelfths[position] ?? 0) + perMonthTwelfths * factor;
    }
  }
  const accounts = [...twelfths.entries()]
    .sort(([left], [right]) => compareIds(left, right))
    .map(([accountId, values]) => ({
      accountId,
      mrrMinor: values.map((value) => roundHalfAwayFromZero(value / 12)),
      paidBeforeRange: false,
    }));
  return {
    table: { currency: input.reportingCurrency, months, accounts },
    unconverted: [...unconverted.values()],
  };
}

/** Minor units of the reporting currency per minor unit of `currency` in a month, memoised. */
function conversionFactors(
  input: MonthlyMrrInput,
  reportingDecimals: number,
): (currency: string, month: string) => number | undefined {
  const cache = new Map<string, number | undefined>();
  return (currency, month) => {
    if (currency === input.reportingCurrency) return 1;
    const key = `${currency}\u0000${month}`;
    if (cache.has(key)) return cache.get(key);
    const rate = input.rateOf(currency, month);
    const decimals = currencyDecimals(currency) ?? 2;
    const factor =
      rate !== undefined && Number.isFinite(rate) && rate > 0
        ? rate * 10 ** (reportingDecimals - decimals)
        : undefined;
    cache.set(key, factor);
    return factor;
  };
}

function missingRateWarning(entry: UnconvertedMrr, reportingCurrency: string): RevenueDataWarning {
  const unconvertedMrrMinor = roundHalfAwayFromZero(entry.twelfths / 12);
  return {
    kind: 'missing-exchange-rate',
    accountId: entry.accountId,
    month: entry.month,
    currency: entry.currency,
    unconvertedMrrMinor,
    message:
      `No usable ${entry.currency}→${reportingCurrency} exchange rate for ${entry.month}: ` +
      `${unconvertedMrrMinor} ${entry.currency} minor units of MRR of account ${entry.accountId} are left out of that month. ` +
      `Add the rate to count them.`,
  };
}

type SubscriptionProblem = {
  field: Extract<RevenueDataWarning, { kind: 'invalid-subscription' }>['field'];
  message: string;
};

function validateSubscription(subscription: RevenueSubscription): SubscriptionProblem | null {
  const { accountId, amountMinor, currency, billingInterval, startDate, endDate } = subscription;
  if (typeof accountId !== 'string' || accountId === '') {
    return { field: 'accountId', message: 'The subscription has no account id; link it to an account' };
  }
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) {
    return {
      field: 'amountMinor',
      message: `Amount ${amountMinor} is not a whole number of minor units ≥ 0`,
    };
  }
  if (currencyDecimals(currency) === undefined) {
    return {
      field: 'currency',
      message: `"${currency}" is not an ISO 4217 currency code; use a code such as USD, EUR or JPY`,
    };
  }
  if (billingInterval !== 'month' && billingInterval !== 'quarter' && billingInterval !== 'year') {
    return {
      field: 'billingInterval',
      message: `Billing interval "${String(billingInterval)}" is not month, quarter or year`,
    };
  }
  if (!isIsoDate(startDate))
    return { field: 'startDate', message: `Start date "${startDate}" is not a YYYY-MM-DD day` };
  if (endDate !== null && !isIsoDate(endDate)) {
    return {
      field: 'endDate',
      message: `End date "${endDate}" is not a YYYY-MM-DD day; leave it empty while the subscription runs`,
    };
  }
  if (endDate !== null && endDate <= startDate) {
    return {
      field: 'endDate',
      message: `End date ${endDate} is not after start date ${startDate} (the end date is exclusive)`,
    };
  }
  return null;
}

function sortWarnings(warnings: RevenueDataWarning[]): RevenueDataWarning[] {
  const keyOf = (warning: RevenueDataWarning) =>
    warning.kind === 'missing-exchange-rate'
      ? `1\u0000${warning.accountId}\u0000${warning.month}\u0000${warning.currency}`
      : `0\u0000${String(warning.subscriptionIndex).padStart(12, '0')}`;
  return warnings.sort((left, right) => compareIds(keyOf(left), keyOf(right)));
}
