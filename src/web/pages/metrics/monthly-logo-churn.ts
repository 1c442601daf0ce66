import type { MetricsOverview } from '../../../shared/api/metrics.contract';

export interface MonthlyLogoChurn {
  month: string;
  churnedLogos: number;
  newLogos: number;
  reactivatedLogos: number;
  /** Customers at the end of the month before (the period's opening customers for its first month). */
  customersAtStart: number;
  /** churned ÷ customers at the start of the month; null when there were none. */
  rate: number | null;
}

/**
 * The monthly logo churn rate of each month of the overview: churned logos ÷ customers at the end
 * of the previous month, the same monthly rate LTV divides by (docs/metrics.md).
 */
export function monthlyLogoChurn(overview: Pick<MetricsOverview, 'months' | 'summary'>): MonthlyLogoChurn[] {
  return overview.months.map((month, index) => {
    const customersAtStart =
      index === 0 ? overview.summary.customersStart : overview.months[index - 1]!.customers;
    return {
      month: month.month,
      churnedLogos: month.churnedLogos,
      newLogos: month.newLogos,
      reactivatedLogos: month.reactivatedLogos,
      customersAtStart,
      rate: customersAtStart > 0 ? month.churnedLogos / customersAtStart : null,
    };
  });
}
