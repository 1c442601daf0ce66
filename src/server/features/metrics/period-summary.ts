import {
  addMonths,
  calculateCustomerLifetimeValue,
  calculateGrossRevenueRetention,
  calculateLogoChurnRate,
  calculateMrrChurnRates,
  calculateNetRevenueRetention,
  calculateQuickRatio,
  customerIdsInMonth,
  divideMetric,
  listMonths,
  type MonthlyMrrTable,
  type MonthRange,
  trailingTwelveMonths,
} from '../../../domain/revenue';
import type { MonthMetrics, PeriodSummary } from '../../../shared/api/metrics.contract';
import type { MonthlyTotalsRow } from './metrics-facts.repository';

/** The period summary without the CS-cost figures (which need the CS costs, not just MRR). */
export type PeriodFigures = Omit<PeriodSummary, 'crcMinor' | 'csCostMinor'>;

/**
 * The period's figures from a table holding its opening month through its last month, each by its
 * domain function (docs/metrics.md). `churnedLogos` is the logo churn numerator: customers at the
 * start that pay nothing at the end.
 * @example summarisePeriod(table, { from: '2024-01', to: '2024-12' }).nrr // { status: 'defined', value: 1.04 }
 */
export function summarisePeriod(table: MonthlyMrrTable, period: MonthRange): PeriodFigures {
  const logoChurn = calculateLogoChurnRate(table, period);
  const churnRates = calculateMrrChurnRates(table, period);
  const lifetimeValue = calculateCustomerLifetimeValue(table, period);
  return {
    mrrStartMinor: churnRates.movements.openingMrrMinor,
    mrrEndMinor: churnRates.movements.closingMrrMinor,
    customersStart: logoChurn.startingCustomers,
    customersEnd: customerIdsInMonth(table, period.to).length,
    nrr: calculateNetRevenueRetention(table, period).rate,
    grr: calculateGrossRevenueRetention(table, period).rate,
    logoChurnRate: logoChurn.rate,
    churnedLogos: logoChurn.lostCustomers,
    grossMrrChurnRate: churnRates.grossMrrChurnRate,
    netMrrChurnRate: churnRates.netMrrChurnRate,
    quickRatio: calculateQuickRatio(table, period).ratio,
    arpaMinor: lifetimeValue.averageRevenuePerAccount.value,
    ltvMinor: lifetimeValue.lifetimeValue,
  };
}

/**
 * The month-by-month series of `range` from the stored monthly totals (months without a row are
 * all zero). Trailing-12 NRR = retained12 ÷ base12 and GRR = retainedCapped12 ÷ base12: the same
 * ratios as calculateTrailingTwelveMonthRetention, summed per month in SQL.
 * @example monthlySeriesFromTotals(totals, { from: '2024-01', to: '2024-12' }).length // 12
 */
export function monthlySeriesFromTotals(totals: readonly MonthlyTotalsRow[], range: MonthRange): MonthMetrics[] {
  const byMonth = new Map(totals.map((row) => [row.month, row]));
  return listMonths(range).map((month) => {
    const row = byMonth.get(month) ?? emptyTotals(month);
    const trailing = trailingTwelveMonths(month);
    const reason = `No customers at the start of ${trailing.from}…${trailing.to} (MRR at the end of ${addMonths(month, -12)} is 0), so there is nothing to retain`;
    return {
      month,
      mrrMinor: row.mrrMinor,
      arrMinor: row.mrrMinor * 12,
      customers: row.customers,
      newMinor: row.newMinor,
      expansionMinor: row.expansionMinor,
      reactivationMinor: row.reactivationMinor,
      contractionMinor: row.contractionMinor,
      churnMinor: row.churnMinor,
      newLogos: row.newLogos,
      churnedLogos: row.churnedLogos,
      reactivatedLogos: row.reactivatedLogos,
      nrrTrailing12: divideMetric(row.retained12Minor, row.base12Minor, reason),
      grrTrailing12: divideMetric(row.retainedCapped12Minor, row.base12Minor, reason),
    };
  });
}

function emptyTotals(month: string): MonthlyTotalsRow {
  return {
    month,
    mrrMinor: 0,
    customers: 0,
    newMinor: 0,
    expansionMinor: 0,
    contractionMinor: 0,
    churnMinor: 0,
    reactivationMinor: 0,
    newLogos: 0,
    churnedLogos: 0,
    reactivatedLogos: 0,
    base12Minor: 0,
    retained12Minor: 0,
    retainedCapped12Minor: 0,
  };
}
