import { divideMetric, type MetricValue } from './metric-value';
import { summariseMrrMovements, type MrrMovementTotals } from './mrr-movements';
import type { MonthlyMrrTable } from './mrr-table';
import type { MonthRange } from './months';

/** The SaaS quick ratio over a period and the movements it is made of. */
export interface QuickRatio {
  period: MonthRange;
  /** gains ÷ losses; 'infinite' with gains and no losses, 'not-defined' with neither. */
  ratio: MetricValue;
  /** new + expansion + reactivation, minor units. */
  gainsMrrMinor: number;
  /** contraction + churn, minor units. */
  lossesMrrMinor: number;
  movements: MrrMovementTotals;
}

/**
 * Quick ratio = (new + expansion + reactivation) ÷ (contraction + churn) over the monthly movements
 * inside the period (gains 4,000 against losses 1,000 → 4).
 * @example calculateQuickRatio(table, { from: '2024-01', to: '2024-03' }).ratio // { status: 'defined', value: 4 }
 */
export function calculateQuickRatio(table: MonthlyMrrTable, period: MonthRange): QuickRatio {
  const movements = summariseMrrMovements(table, period);
  const gainsMrrMinor = movements.newMrrMinor + movements.expansionMrrMinor + movements.reactivationMrrMinor;
  const lossesMrrMinor = movements.contractionMrrMinor + movements.churnMrrMinor;
  return {
    period,
    ratio: divideMetric(
      gainsMrrMinor,
      lossesMrrMinor,
      `No contraction or churn in ${period.from}…${period.to}`,
    ),
    gainsMrrMinor,
    lossesMrrMinor,
    movements,
  };
}
