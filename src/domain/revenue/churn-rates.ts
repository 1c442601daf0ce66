import { divideMetric, divideOrNotDefined, type MetricValue } from './metric-value';
import { calculateMrrMovements, summariseMrrMovements, type MrrMovementTotals } from './mrr-movements';
import { compareIds, type MonthlyMrrTable } from './mrr-table';
import { listMonths, type MonthRange } from './months';
import { startingCustomersOf } from './period-cohort';

/**
 * Logo churn over a period. Every account that churned inside the period (MRR went to 0 at some
 * month-end) is in exactly one of lostAccountIds, reactivatedAccountIds or joinedDuringPeriodAccountIds.
 */
export interface LogoChurnRate {
  period: MonthRange;
  /** The month before `period.from`; its month-end customers are the starting customers. */
  openingMonth: string;
  /** lostCustomers ÷ startingCustomers as a fraction (0.1 is 10%). */
  rate: MetricValue;
  startingCustomers: number;
  lostCustomers: number;
  startingAccountIds: string[];
  /** Customers at the start with no MRR at the end of the period. */
  lostAccountIds: string[];
  /** Customers at the start who churned inside the period and pay again at its end: not lost. */
  reactivatedAccountIds: string[];
  /** Accounts that were not customers at the start and churned inside the period: in neither count. */
  joinedDuringPeriodAccountIds: string[];
  /** Churn movements inside the period, counting an account each time it churned. */
  churnMovements: number;
}

/**
 * Logo churn rate: customers at the start of the period without MRR at its end ÷ customers at the
 * start. Churned-then-reactivated and joined-then-churned accounts are not lost (100 at start,
 * 12 churned of which 1 reactivated and 1 joined inside the period → 0.1).
 * @example calculateLogoChurnRate(table, { from: '2024-01', to: '2024-03' }).rate // { status: 'defined', value: 0.1 }
 */
export function calculateLogoChurnRate(table: MonthlyMrrTable, period: MonthRange): LogoChurnRate {
  const { openingMonth, customers } = startingCustomersOf(table, period);
  const starting = new Set(customers.map((customer) => customer.accountId));
  const lost = customers
    .filter((customer) => customer.endMrrMinor === 0)
    .map((customer) => customer.accountId);
  const lostSet = new Set(lost);
  const months = new Set(listMonths(period));
  const churns = calculateMrrMovements(table).filter(
    (movement) => movement.kind === 'churn' && months.has(movement.month),
  );
  const churnedIds = [...new Set(churns.map((movement) => movement.accountId))].sort(compareIds);
  return {
    period,
    openingMonth,
    rate: divideMetric(
      lost.length,
      customers.length,
      `No customers at the start of ${period.from}…${period.to} (none paid at the end of ${openingMonth})`,
    ),
    startingCustomers: customers.length,
    lostCustomers: lost.length,
    startingAccountIds: [...starting],
    lostAccountIds: lost,
    reactivatedAccountIds: churnedIds.filter(
      (accountId) => starting.has(accountId) && !lostSet.has(accountId),
    ),
    joinedDuringPeriodAccountIds: churnedIds.filter((accountId) => !starting.has(accountId)),
    churnMovements: churns.length,
  };
}

/** Gross and net MRR churn over a period, from the month-by-month movements inside it. */
export interface MrrChurnRates {
  period: MonthRange;
  /** (churn + contraction) ÷ opening MRR, a fraction. */
  grossMrrChurnRate: MetricValue;
  /** (churn + contraction − expansion − reactivation) ÷ opening MRR; negative is net expansion. */
  netMrrChurnRate: MetricValue;
  /** Opening MRR (the denominator), each movement total and the accounts behind each. */
  movements: MrrMovementTotals;
}

/**
 * Gross MRR churn rate = (churn + contraction) ÷ MRR at start; net = (churn + contraction − expansion
 * − reactivation) ÷ MRR at start, summing every account's monthly movements inside the period
 * (start 100; churn 10; contraction 10; expansion 10 → gross 0.2, net 0.1).
 * @example calculateMrrChurnRates(table, { from: '2024-03', to: '2024-03' }).grossMrrChurnRate // { status: 'defined', value: 0.2 }
 */
export function calculateMrrChurnRates(table: MonthlyMrrTable, period: MonthRange): MrrChurnRates {
  const movements = summariseMrrMovements(table, period);
  const losses = movements.churnMrrMinor + movements.contractionMrrMinor;
  const reason = `No MRR at the start of ${period.from}…${period.to}, so there is no base to lose from`;
  return {
    period,
    grossMrrChurnRate: divideOrNotDefined(losses, movements.openingMrrMinor, reason),
    netMrrChurnRate: divideOrNotDefined(
      losses - movements.expansionMrrMinor - movements.reactivationMrrMinor,
      movements.openingMrrMinor,
      reason,
    ),
    movements,
  };
}
