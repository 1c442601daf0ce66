import {
  compareIds,
  divideMetric,
  divideOrNotDefined,
  listMonths,
  type MetricValue,
  type MonthRange,
  previousMonth,
  UNKNOWN_CHURN_REASON,
} from '../../../domain/revenue';
import type { MonthlyTotalsRow } from './metrics-facts.repository';
import type { PeriodFigures } from './period-summary';

/**
 * The sums a period's figures are made of, for all accounts or one group of them, aggregated in SQL
 * from account_mrr_monthly / mrr_monthly_totals. Amounts are minor units of the reporting currency.
 * "Starting customers" are the accounts with MRR > 0 at the end of the opening month (the month
 * before `period.from`).
 */
export type PeriodAggregates = {
  /** MRR at the end of the opening month (= the starting customers' MRR then). */
  openingMrrMinor: number;
  /** MRR at the end of `period.to`. */
  closingMrrMinor: number;
  /** Starting customers. */
  openingCustomers: number;
  /** Accounts with MRR > 0 at the end of `period.to`. */
  closingCustomers: number;
  /** Σ the starting customers' MRR at the end of `period.to` (NRR numerator). */
  startingCustomersEndMrrMinor: number;
  /** Σ min(end MRR, start MRR) of the starting customers (GRR numerator). */
  startingCustomersCappedEndMrrMinor: number;
  /** Starting customers paying nothing at the end of `period.to`. */
  lostCustomers: number;
  /** Movement sums over the months of the period, each ≥ 0. */
  newMinor: number;
  expansionMinor: number;
  reactivationMinor: number;
  contractionMinor: number;
  churnMinor: number;
  /** Churn movements inside the period (an account counted each time it churned). */
  churnMovements: number;
  /** Σ month-end MRR over the months of the period (ARPA numerator). */
  payingMrrMinor: number;
  /** Σ paying accounts over the months of the period (ARPA denominator). */
  customerMonths: number;
  /** Σ paying accounts at the start of each month of the period (the opening month … the month before `period.to`). */
  customerMonthsAtRisk: number;
};

/** The starting customers' figures at the period's end, as loadStartingCustomerAggregates returns them. */
export type StartingCustomerAggregates = Pick<
  PeriodAggregates,
  'openingCustomers' | 'startingCustomersEndMrrMinor' | 'startingCustomersCappedEndMrrMinor' | 'lostCustomers'
>;

/**
 * The aggregates of all accounts from the stored monthly totals of the opening month through
 * `period.to` (months without a row count as zero) and the starting customers' figures.
 * @example aggregatesFromTotals(totals, starting, { from: '2024-01', to: '2024-12' }).churnMinor // Σ churn_minor of 2024
 */
export function aggregatesFromTotals(
  totals: readonly MonthlyTotalsRow[],
  starting: StartingCustomerAggregates,
  period: MonthRange,
): PeriodAggregates {
  const byMonth = new Map(totals.map((row) => [row.month, row]));
  const at = (month: string) => byMonth.get(month);
  const months = listMonths(period);
  const sum = (pick: (row: MonthlyTotalsRow) => number, over: readonly string[] = months) =>
    over.reduce((total, month) => {
      const row = at(month);
      return total + (row === undefined ? 0 : pick(row));
    }, 0);
  const openingMonth = previousMonth(period.from);
  return {
    ...starting,
    openingMrrMinor: at(openingMonth)?.mrrMinor ?? 0,
    closingMrrMinor: at(period.to)?.mrrMinor ?? 0,
    closingCustomers: at(period.to)?.customers ?? 0,
    newMinor: sum((row) => row.newMinor),
    expansionMinor: sum((row) => row.expansionMinor),
    reactivationMinor: sum((row) => row.reactivationMinor),
    contractionMinor: sum((row) => row.contractionMinor),
    churnMinor: sum((row) => row.churnMinor),
    churnMovements: sum((row) => row.churnedLogos),
    payingMrrMinor: sum((row) => row.mrrMinor),
    customerMonths: sum((row) => row.customers),
    customerMonthsAtRisk: sum((row) => row.customers, months.map(previousMonth)),
  };
}

/**
 * The period's figures from its aggregates, with the same values, statuses and reasons as the
 * domain functions give on the full MRR table (summarisePeriod; docs/metrics.md): NRR and GRR
 * (calculateNetRevenueRetention, calculateGrossRevenueRetention), logo churn (calculateLogoChurnRate),
 * MRR churn rates (calculateMrrChurnRates), quick ratio (calculateQuickRatio), ARPA and LTV
 * (calculateCustomerLifetimeValue). The parity test in period-figures.test.ts holds them equal.
 * @example periodFiguresFromAggregates(aggregates, { from: '2024-01', to: '2024-12' }).nrr // { status: 'defined', value: 1.04 }
 */
export function periodFiguresFromAggregates(aggregates: PeriodAggregates, period: MonthRange): PeriodFigures {
  const span = `${period.from}…${period.to}`;
  const openingMonth = previousMonth(period.from);
  const retentionReason = `No customers at the start of ${span} (MRR at the end of ${openingMonth} is 0), so there is nothing to retain`;
  const losses = aggregates.churnMinor + aggregates.contractionMinor;
  const gains = aggregates.newMinor + aggregates.expansionMinor + aggregates.reactivationMinor;
  const churnReason = `No MRR at the start of ${span}, so there is no base to lose from`;
  const arpa = divideMetric(aggregates.payingMrrMinor, aggregates.customerMonths, `No paying account in ${span}`);
  return {
    mrrStartMinor: aggregates.openingMrrMinor,
    mrrEndMinor: aggregates.closingMrrMinor,
    customersStart: aggregates.openingCustomers,
    customersEnd: aggregates.closingCustomers,
    nrr: divideMetric(aggregates.startingCustomersEndMrrMinor, aggregates.openingMrrMinor, retentionReason),
    grr: divideMetric(aggregates.startingCustomersCappedEndMrrMinor, aggregates.openingMrrMinor, retentionReason),
    logoChurnRate: divideMetric(
      aggregates.lostCustomers,
      aggregates.openingCustomers,
      `No customers at the start of ${span} (none paid at the end of ${openingMonth})`,
    ),
    churnedLogos: aggregates.lostCustomers,
    grossMrrChurnRate: divideOrNotDefined(losses, aggregates.openingMrrMinor, churnReason),
    netMrrChurnRate: divideOrNotDefined(
      losses - aggregates.expansionMinor - aggregates.reactivationMinor,
      aggregates.openingMrrMinor,
      churnReason,
    ),
    quickRatio: divideMetric(gains, losses, `No contraction or churn in ${span}`),
    arpaMinor: arpa,
    ltvMinor: lifetimeValueOf(arpa, aggregates.churnMovements, aggregates.customerMonthsAtRisk, span),
  };
}

/** LTV = ARPA × at-risk ÷ churned, as calculateCustomerLifetimeValue (unit-economics.ts) defines it. */
function lifetimeValueOf(arpa: MetricValue, churned: number, atRisk: number, span: string): MetricValue {
  if (arpa.status !== 'defined') {
    return { status: 'not-defined', reason: `ARPA is not defined: no paying account in ${span}` };
  }
  if (atRisk === 0) {
    return { status: 'not-defined', reason: `No customers at the start of any month of ${span}, so no churn rate` };
  }
  if (churned === 0) {
    return { status: 'infinite', reason: `No customer churned in ${span}: at a 0% churn rate the lifetime has no end` };
  }
  return { status: 'defined', value: (arpa.value * atRisk) / churned };
}

/** Customers at the start still paying at the end (CRC's denominator). */
export function retainedCustomersOf(aggregates: StartingCustomerAggregates): number {
  return aggregates.openingCustomers - aggregates.lostCustomers;
}

/** A churn movement: the account's MRR went from `previousMrrMinor` to 0 at the end of `month`. */
export interface ChurnMovement {
  accountId: string;
  month: string;
  previousMrrMinor: number;
}

/** Churned MRR of one reason over a period (calculateChurnedMrrByReason's ChurnReasonTotal). */
export interface ChurnReasonFigures {
  reason: string;
  churnedMrrMinor: number;
  share: MetricValue;
  churnMovements: number;
  accountIds: string[];
}

/**
 * Churned MRR of the period by reason, largest first, from the churn movements alone: the same
 * result as calculateChurnedMrrByReason on the period's full MRR table (churns outside `period`
 * are ignored; a null or blank reason is 'unknown').
 * @example churnedMrrByReason([{ accountId: 'a', month: '2024-03', previousMrrMinor: 500 }], { from: '2024-01', to: '2024-12' }, () => null)[0]?.reason // 'unknown'
 */
export function churnedMrrByReason(
  churns: readonly ChurnMovement[],
  period: MonthRange,
  reasonOf: (accountId: string, month: string) => string | null,
): ChurnReasonFigures[] {
  const months = new Set(listMonths(period));
  const inPeriod = churns.filter((churn) => months.has(churn.month));
  const totalChurnedMinor = inPeriod.reduce((sum, churn) => sum + churn.previousMrrMinor, 0);
  const groups = new Map<string, { churnedMrrMinor: number; churnMovements: number; accountIds: Set<string> }>();
  for (const churn of inPeriod) {
    const recorded = reasonOf(churn.accountId, churn.month);
    const reason = recorded === null || recorded.trim() === '' ? UNKNOWN_CHURN_REASON : recorded;
    const group = groups.get(reason) ?? { churnedMrrMinor: 0, churnMovements: 0, accountIds: new Set<string>() };
    group.churnedMrrMinor += churn.previousMrrMinor;
    group.churnMovements += 1;
    group.accountIds.add(churn.accountId);
    groups.set(reason, group);
  }
  return [...groups.entries()]
    .map(([reason, group]) => ({
      reason,
      churnedMrrMinor: group.churnedMrrMinor,
      share: divideMetric(group.churnedMrrMinor, totalChurnedMinor, 'No churned MRR in the period'),
      churnMovements: group.churnMovements,
      accountIds: [...group.accountIds].sort(compareIds),
    }))
    .sort((left, right) => right.churnedMrrMinor - left.churnedMrrMinor || compareIds(left.reason, right.reason));
}
