import { isMonthInRange, listMonths, monthIndexOf, type MonthRange } from './months';

/**
 * One account's month-end MRR for each month of a table, in minor units of the reporting currency.
 * `paidBeforeRange` says the account already had MRR in a month before the table's first month, so
 * its first MRR inside the table is a reactivation rather than new business.
 */
export interface AccountMrrSeries {
  accountId: string;
  /** Aligned with `MonthlyMrrTable.months`; whole minor units, never negative. */
  mrrMinor: readonly number[];
  paidBeforeRange: boolean;
}

/** Per-account monthly MRR over consecutive months; accounts sorted by id. */
export interface MonthlyMrrTable {
  /** ISO 4217 code of the reporting currency every amount is in. */
  currency: string;
  /** Consecutive months 'YYYY-MM', oldest first. */
  months: readonly string[];
  accounts: readonly AccountMrrSeries[];
}

/** One row of a stored monthly MRR table. */
export interface AccountMonthMrr {
  accountId: string;
  month: string;
  mrrMinor: number;
}

/**
 * Builds a table from stored rows (missing account-months are 0). Throws a RangeError on a row
 * outside `months` or a negative or fractional amount, naming the row.
 * @example buildMonthlyMrrTable([{ accountId: 'a', month: '2024-01', mrrMinor: 100 }], { currency: 'USD', months: { from: '2024-01', to: '2024-02' } })
 */
export function buildMonthlyMrrTable(
  rows: readonly AccountMonthMrr[],
  options: { currency: string; months: MonthRange; paidBeforeRange?: ReadonlySet<string> },
): MonthlyMrrTable {
  const months = listMonths(options.months);
  const first = monthIndexOf(options.months.from);
  const series = new Map<string, number[]>();
  rows.forEach((row, rowIndex) => {
    if (!isMonthInRange(row.month, options.months)) {
      throw new RangeError(
        `Row ${rowIndex} (account ${row.accountId}) is for ${row.month}, outside ${options.months.from}…${options.months.to}`,
      );
    }
    if (!Number.isSafeInteger(row.mrrMinor) || row.mrrMinor < 0) {
      throw new RangeError(
        `Row ${rowIndex} (account ${row.accountId}) has MRR ${row.mrrMinor}; expected whole minor units ≥ 0`,
      );
    }
    const values = series.get(row.accountId) ?? new Array<number>(months.length).fill(0);
    const position = monthIndexOf(row.month) - first;
    values[position] = (values[position] ?? 0) + row.mrrMinor;
    series.set(row.accountId, values);
  });
  for (const accountId of options.paidBeforeRange ?? []) {
    if (!series.has(accountId)) series.set(accountId, new Array<number>(months.length).fill(0));
  }
  const accounts = [...series.entries()]
    .sort(([left], [right]) => compareIds(left, right))
    .map(([accountId, mrrMinor]) => ({
      accountId,
      mrrMinor,
      paidBeforeRange: options.paidBeforeRange?.has(accountId) ?? false,
    }));
  return { currency: options.currency, months, accounts };
}

/**
 * The position of `month` in the table's months. Throws a RangeError naming the table's span when
 * the month is not in the table (a caller must load the months a metric needs).
 * @example monthPositionIn(table, table.months[0]) // 0
 */
export function monthPositionIn(table: MonthlyMrrTable, month: string): number {
  const first = table.months[0];
  const position = first === undefined ? -1 : monthIndexOf(month) - monthIndexOf(first);
  if (position < 0 || position >= table.months.length) {
    const span = first === undefined ? 'no months' : `${first}…${table.months[table.months.length - 1]}`;
    throw new RangeError(`The MRR table covers ${span}; it has no MRR for ${month}. Load that month too.`);
  }
  return position;
}

/**
 * True when the table holds `month`.
 * @example tableHasMonth(table, '1999-01') // false
 */
export function tableHasMonth(table: MonthlyMrrTable, month: string): boolean {
  const first = table.months[0];
  if (first === undefined) return false;
  const position = monthIndexOf(month) - monthIndexOf(first);
  return position >= 0 && position < table.months.length;
}

/**
 * An account's MRR at a position of the table, minor units (0 past the series' end).
 * @example mrrAt(series, 0) // 16667
 */
export function mrrAt(series: AccountMrrSeries, position: number): number {
  return series.mrrMinor[position] ?? 0;
}

/**
 * Total MRR of all accounts in `month`, minor units of the table's currency.
 * @example totalMrrInMonth(table, '2024-03') // 1250000
 */
export function totalMrrInMonth(table: MonthlyMrrTable, month: string): number {
  const position = monthPositionIn(table, month);
  return table.accounts.reduce((sum, series) => sum + mrrAt(series, position), 0);
}

/**
 * Accounts with MRR > 0 in `month` (paying customers at that month's end), sorted by id.
 * @example customerIdsInMonth(table, '2024-03') // ['acme', 'globex']
 */
export function customerIdsInMonth(table: MonthlyMrrTable, month: string): string[] {
  const position = monthPositionIn(table, month);
  return table.accounts.filter((series) => mrrAt(series, position) > 0).map((series) => series.accountId);
}

/**
 * The table cut to `range`; an account that had MRR before the cut keeps `paidBeforeRange` true.
 * @example sliceMonthlyMrrTable(table, { from: '2024-04', to: '2024-06' }).months.length // 3
 */
export function sliceMonthlyMrrTable(table: MonthlyMrrTable, range: MonthRange): MonthlyMrrTable {
  const start = monthPositionIn(table, range.from);
  const end = monthPositionIn(table, range.to);
  return {
    currency: table.currency,
    months: table.months.slice(start, end + 1),
    accounts: table.accounts.map((series) => ({
      accountId: series.accountId,
      mrrMinor: series.mrrMinor.slice(start, end + 1),
      paidBeforeRange: series.paidBeforeRange || series.mrrMinor.slice(0, start).some((mrr) => mrr > 0),
    })),
  };
}

/**
 * The table restricted to the accounts `keep` accepts (months and currency unchanged).
 * @example filterMonthlyMrrTable(table, (accountId) => accountId.startsWith('eu-'))
 */
export function filterMonthlyMrrTable(
  table: MonthlyMrrTable,
  keep: (accountId: string) => boolean,
): MonthlyMrrTable {
  return { ...table, accounts: table.accounts.filter((series) => keep(series.accountId)) };
}

/** Orders ids by code unit, the same on every machine (no locale). */
export function compareIds(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
