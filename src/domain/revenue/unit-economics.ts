import { divideMetric, type MetricValue } from './metric-value';
import { calculateMrrMovements } from './mrr-movements';
import { compareIds, mrrAt, monthPositionIn, type MonthlyMrrTable } from './mrr-table';
import { listMonths, previousMonth, type MonthRange } from './months';
import { startingCustomersOf } from './period-cohort';

/** ARPA over one or more months, weighted by customer-months. */
export interface AverageRevenuePerAccount {
  period: MonthRange;
  /** Minor units per paying account per month, not rounded; 'not-defined' with no paying account. */
  value: MetricValue;
  /** Numerator: month-end MRR summed over the period's months, minor units. */
  mrrMinor: number;
  /** Denominator: paying accounts (MRR > 0) summed over the period's months. */
  customerMonths: number;
  /** Accounts paying at the end of at least one of the months, sorted by id. */
  accountIds: string[];
}

/**
 * ARPA = MRR ÷ paying accounts, in minor units per account. Over several months it is Σ MRR ÷
 * Σ paying accounts of each month-end (for one month, pass { from: m, to: m }).
 * @example calculateAverageRevenuePerAccount(table, { from: '2024-03', to: '2024-03' }).value // { status: 'defined', value: 50000 }
 */
export function calculateAverageRevenuePerAccount(
  table: MonthlyMrrTable,
  period: MonthRange,
): AverageRevenuePerAccount {
  const positions = listMonths(period).map((month) => monthPositionIn(table, month));
  let mrrMinor = 0;
  let customerMonths = 0;
  const accountIds: string[] = [];
  for (const series of table.accounts) {
    let paying = false;
    for (const position of positions) {
      const mrr = mrrAt(series, position);
      if (mrr <= 0) continue;
      mrrMinor += mrr;
      customerMonths += 1;
      paying = true;
    }
    if (paying) accountIds.push(series.accountId);
  }
  return {
    period,
    value: divideMetric(mrrMinor, customerMonths, `No paying account in ${period.from}…${period.to}`),
    mrrMinor,
    customerMonths,
    accountIds,
  };
}

/** LTV over a period and the two figures it is made of. */
export interface CustomerLifetimeValue {
  period: MonthRange;
  /** ARPA ÷ monthly logo churn rate, minor units; 'infinite' when nobody churned. */
  lifetimeValue: MetricValue;
  averageRevenuePerAccount: AverageRevenuePerAccount;
  /** churnedCustomers ÷ customerMonthsAtRisk, a fraction per month. */
  monthlyLogoChurnRate: MetricValue;
  /** Churn movements month by month inside the period. */
  churnedCustomers: number;
  /** Customers at the start of each month (end of the month before), summed over the period. */
  customerMonthsAtRisk: number;
  churnedAccountIds: string[];
}

/**
 * LTV = ARPA ÷ monthly logo churn rate (minor units), the monthly rate being logos churned month by
 * month ÷ customers at each month's start. No churn gives 'infinite', no paying customer 'not-defined'.
 * @example calculateCustomerLifetimeValue(table, { from: '2024-03', to: '2024-03' }).lifetimeValue // { status: 'defined', value: 2500000 }
 */
export function calculateCustomerLifetimeValue(
  table: MonthlyMrrTable,
  period: MonthRange,
): CustomerLifetimeValue {
  const averageRevenuePerAccount = calculateAverageRevenuePerAccount(table, period);
  const months = listMonths(period);
  const monthSet = new Set(months);
  const openingPositions = months.map((month) => monthPositionIn(table, previousMonth(month)));
  const customerMonthsAtRisk = openingPositions.reduce(
    (sum, position) => sum + table.accounts.filter((series) => mrrAt(series, position) > 0).length,
    0,
  );
  const churns = calculateMrrMovements(table).filter(
    (movement) => movement.kind === 'churn' && monthSet.has(movement.month),
  );
  const churnedCustomers = churns.length;
  const monthlyLogoChurnRate = divideMetric(
    churnedCustomers,
    customerMonthsAtRisk,
    `No customers at the start of any month of ${period.from}…${period.to}`,
  );
  return {
    period,
    lifetimeValue: lifetimeValueOf(
      averageRevenuePerAccount.value,
      churnedCustomers,
      customerMonthsAtRisk,
      period,
    ),
    averageRevenuePerAccount,
    monthlyLogoChurnRate,
    churnedCustomers,
    customerMonthsAtRisk,
    churnedAccountIds: [...new Set(churns.map((movement) => movement.accountId))].sort(compareIds),
  };
}

function lifetimeValueOf(
  arpa: MetricValue,
  churned: number,
  atRisk: number,
  period: MonthRange,
): MetricValue {
  if (arpa.status !== 'defined') {
    return {
      status: 'not-defined',
      reason: `ARPA is not defined: no paying account in ${period.from}…${period.to}`,
    };
  }
  if (atRisk === 0) {
    return {
      status: 'not-defined',
      reason: `No customers at the start of any month of ${period.from}…${period.to}, so no churn rate`,
    };
  }
  if (churned === 0) {
    return {
      status: 'infinite',
      reason: `No customer churned in ${period.from}…${period.to}: at a 0% churn rate the lifetime has no end`,
    };
  }
  // ARPA × at-risk ÷ churned equals ARPA ÷ (churned ÷ at-risk) without rounding the rate first.
  return { status: 'defined', value: (arpa.value * atRisk) / churned };
}

/** Customer retention cost over a period. */
export interface CustomerRetentionCost {
  period: MonthRange;
  openingMonth: string;
  /** csCostMinor ÷ retainedCustomers, minor units per retained customer. */
  costPerRetainedCustomer: MetricValue;
  csCostMinor: number;
  retainedCustomers: number;
  /** Customers at the start of the period still paying at its end, sorted by id. */
  retainedAccountIds: string[];
}

/**
 * CRC = CS cost of the period ÷ customers retained (customers at its start still paying at its end),
 * minor units of the table's currency per customer; 'infinite' when money was spent and none was retained.
 * @example calculateCustomerRetentionCost(table, { from: '2024-03', to: '2024-03' }, 4_900_000).costPerRetainedCustomer // { status: 'defined', value: 100000 }
 */
export function calculateCustomerRetentionCost(
  table: MonthlyMrrTable,
  period: MonthRange,
  csCostMinor: number,
): CustomerRetentionCost {
  const { openingMonth, customers } = startingCustomersOf(table, period);
  const retainedAccountIds = customers
    .filter((customer) => customer.endMrrMinor > 0)
    .map((customer) => customer.accountId);
  return {
    period,
    openingMonth,
    costPerRetainedCustomer: divideMetric(
      csCostMinor,
      retainedAccountIds.length,
      `No customer at the start of ${period.from}…${period.to} was still paying at its end`,
    ),
    csCostMinor,
    retainedCustomers: retainedAccountIds.length,
    retainedAccountIds,
  };
}
