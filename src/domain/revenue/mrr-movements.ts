import { compareIds, mrrAt, monthPositionIn, type MonthlyMrrTable } from './mrr-table';
import { listMonths, previousMonth, type MonthRange } from './months';

export const MRR_MOVEMENT_KINDS = ['new', 'reactivation', 'expansion', 'contraction', 'churn'] as const;
export type MrrMovementKind = (typeof MRR_MOVEMENT_KINDS)[number];

/** One account's change of MRR from the end of the previous month to the end of `month`. */
export interface AccountMrrMovement {
  accountId: string;
  month: string;
  kind: MrrMovementKind;
  previousMrrMinor: number;
  currentMrrMinor: number;
  /** Size of the change, minor units, always > 0 (a churn of 5000 has amountMinor 5000). */
  amountMinor: number;
}

/** Movement totals over some months, each ≥ 0 in minor units, with the accounts behind each. */
export interface MrrMovementTotals {
  /** MRR at the end of the month before the first month. */
  openingMrrMinor: number;
  /** MRR at the end of the last month. */
  closingMrrMinor: number;
  newMrrMinor: number;
  reactivationMrrMinor: number;
  expansionMrrMinor: number;
  contractionMrrMinor: number;
  churnMrrMinor: number;
  /** new + reactivation + expansion − contraction − churn = closing − opening. */
  netNewMrrMinor: number;
  /** Distinct accounts with at least one movement of each kind, sorted by id. */
  accountIds: Record<MrrMovementKind, string[]>;
  movements: AccountMrrMovement[];
}

/** The movements of one month, with customer counts and ARR at its opening and closing. */
export interface MonthlyMrrRollUp extends MrrMovementTotals {
  month: string;
  openingCustomers: number;
  closingCustomers: number;
  /** closing MRR × 12, minor units. */
  closingArrMinor: number;
}

/**
 * The kind of an account's month-over-month MRR change, or null when it did not change.
 * `paidBefore` says the account had MRR > 0 in some earlier month (decides new vs reactivation).
 * @example classifyMrrMovement(0, 5000, true) // 'reactivation'
 */
export function classifyMrrMovement(
  previousMinor: number,
  currentMinor: number,
  paidBefore: boolean,
): MrrMovementKind | null {
  if (currentMinor === previousMinor) return null;
  if (previousMinor === 0) return paidBefore ? 'reactivation' : 'new';
  if (currentMinor === 0) return 'churn';
  return currentMinor > previousMinor ? 'expansion' : 'contraction';
}

/**
 * Every account's movements for each month of the table after the first (the first month is the
 * opening balance), ordered by month then account id.
 * @example calculateMrrMovements(table)[0] // { accountId: 'acme', month: '2024-02', kind: 'new', … }
 */
export function calculateMrrMovements(table: MonthlyMrrTable): AccountMrrMovement[] {
  const perMonth: AccountMrrMovement[][] = table.months.map(() => []);
  for (const series of table.accounts) {
    let paidBefore = series.paidBeforeRange || mrrAt(series, 0) > 0;
    for (let position = 1; position < table.months.length; position += 1) {
      const previousMrrMinor = mrrAt(series, position - 1);
      const currentMrrMinor = mrrAt(series, position);
      const kind = classifyMrrMovement(previousMrrMinor, currentMrrMinor, paidBefore);
      if (kind !== null) {
        perMonth[position]?.push({
          accountId: series.accountId,
          month: table.months[position] ?? '',
          kind,
          previousMrrMinor,
          currentMrrMinor,
          amountMinor: Math.abs(currentMrrMinor - previousMrrMinor),
        });
      }
      if (currentMrrMinor > 0) paidBefore = true;
    }
  }
  return perMonth.flat();
}

/**
 * Movement totals over the months of `period` (which must follow a month of the table), opening
 * with MRR at the end of the month before `period.from`.
 * @example summariseMrrMovements(table, { from: '2024-01', to: '2024-03' }).churnMrrMinor // 12000
 */
export function summariseMrrMovements(
  table: MonthlyMrrTable,
  period: MonthRange,
  movements: readonly AccountMrrMovement[] = calculateMrrMovements(table),
): MrrMovementTotals {
  const openingPosition = monthPositionIn(table, previousMonth(period.from));
  const closingPosition = monthPositionIn(table, period.to);
  const months = new Set(listMonths(period));
  const inPeriod = movements.filter((movement) => months.has(movement.month));
  const sums: Record<MrrMovementKind, number> = {
    new: 0,
    reactivation: 0,
    expansion: 0,
    contraction: 0,
    churn: 0,
  };
  const ids: Record<MrrMovementKind, Set<string>> = {
    new: new Set(),
    reactivation: new Set(),
    expansion: new Set(),
    contraction: new Set(),
    churn: new Set(),
  };
  for (const movement of inPeriod) {
    sums[movement.kind] += movement.amountMinor;
    ids[movement.kind].add(movement.accountId);
  }
  const total = (position: number) =>
    table.accounts.reduce((sum, series) => sum + mrrAt(series, position), 0);
  return {
    openingMrrMinor: total(openingPosition),
    closingMrrMinor: total(closingPosition),
    newMrrMinor: sums.new,
    reactivationMrrMinor: sums.reactivation,
    expansionMrrMinor: sums.expansion,
    contractionMrrMinor: sums.contraction,
    churnMrrMinor: sums.churn,
    netNewMrrMinor: sums.new + sums.reactivation + sums.expansion - sums.contraction - sums.churn,
    accountIds: {
      new: sortedIds(ids.new),
      reactivation: sortedIds(ids.reactivation),
      expansion: sortedIds(ids.expansion),
      contraction: sortedIds(ids.contraction),
      churn: sortedIds(ids.churn),
    },
    movements: inPeriod,
  };
}

/**
 * One roll-up per month of the table after the first: opening and closing MRR, customers and ARR,
 * and the movements between them (closing = opening + new + reactivation + expansion − contraction − churn).
 * @example rollUpMrrMovements(table).map((month) => month.netNewMrrMinor)
 */
export function rollUpMrrMovements(table: MonthlyMrrTable): MonthlyMrrRollUp[] {
  const movements = calculateMrrMovements(table);
  const byMonth = new Map<string, AccountMrrMovement[]>();
  for (const movement of movements) {
    const list = byMonth.get(movement.month) ?? [];
    list.push(movement);
    byMonth.set(movement.month, list);
  }
  const customersAt = (position: number) =>
    table.accounts.filter((series) => mrrAt(series, position) > 0).length;
  return table.months.slice(1).map((month, index) => {
    const totals = summariseMrrMovements(table, { from: month, to: month }, byMonth.get(month) ?? []);
    return {
      month,
      ...totals,
      openingCustomers: customersAt(index),
      closingCustomers: customersAt(index + 1),
      closingArrMinor: totals.closingMrrMinor * 12,
    };
  });
}

function sortedIds(ids: Set<string>): string[] {
  return [...ids].sort(compareIds);
}
