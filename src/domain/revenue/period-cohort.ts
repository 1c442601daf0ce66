import { mrrAt, monthPositionIn, type MonthlyMrrTable } from './mrr-table';
import { monthIndexOf, previousMonth, type MonthRange } from './months';

/** A customer at the start of a period and its MRR then and at the period's end, minor units. */
export interface StartingCustomer {
  accountId: string;
  startMrrMinor: number;
  endMrrMinor: number;
}

/**
 * The customers at the start of a period. A period is a range of months; it opens at the end of the
 * month before `period.from` (the opening month) and closes at the end of `period.to`.
 */
export interface StartingCustomers {
  period: MonthRange;
  openingMonth: string;
  /** Accounts with MRR > 0 at the end of the opening month, sorted by id. */
  customers: StartingCustomer[];
}

/**
 * The customers at a period's opening (MRR > 0 at the end of the month before `period.from`) with
 * their MRR at the opening and at the end of `period.to`. Throws a RangeError if the table lacks either month.
 * @example startingCustomersOf(table, { from: '2024-01', to: '2024-03' }).openingMonth // '2023-12'
 */
export function startingCustomersOf(table: MonthlyMrrTable, period: MonthRange): StartingCustomers {
  if (monthIndexOf(period.to) < monthIndexOf(period.from)) {
    throw new RangeError(`Period ${period.from}…${period.to} ends before it starts`);
  }
  const openingMonth = previousMonth(period.from);
  const openingPosition = monthPositionIn(table, openingMonth);
  const closingPosition = monthPositionIn(table, period.to);
  const customers = table.accounts
    .filter((series) => mrrAt(series, openingPosition) > 0)
    .map((series) => ({
      accountId: series.accountId,
      startMrrMinor: mrrAt(series, openingPosition),
      endMrrMinor: mrrAt(series, closingPosition),
    }));
  return { period, openingMonth, customers };
}
