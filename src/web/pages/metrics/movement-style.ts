import { humanize } from '../../format/labels';
import type { MonthMetrics } from '../../../shared/api/metrics.contract';
import type { MovementKind } from './metrics-view';

export const movementLabels: Record<MovementKind, string> = {
  new: 'New',
  expansion: 'Expansion',
  reactivation: 'Reactivation',
  contraction: 'Contraction',
  churn: 'Churn',
};

/** Gains in greens and blue, losses in orange and red, so the chart reads at a glance. */
export const movementColors: Record<MovementKind, string> = {
  new: 'teal.7',
  expansion: 'teal.4',
  reactivation: 'cyan.5',
  contraction: 'orange.5',
  churn: 'red.6',
};

/** The month's amount of a movement in minor units, signed: contraction and churn are negative. */
export function signedMovement(month: MonthMetrics, kind: MovementKind): number {
  switch (kind) {
    case 'new':
      return month.newMinor;
    case 'expansion':
      return month.expansionMinor;
    case 'reactivation':
      return month.reactivationMinor;
    case 'contraction':
      return -month.contractionMinor;
    case 'churn':
      return -month.churnMinor;
  }
}

/** Net MRR change of a month: new + expansion + reactivation − contraction − churn. */
export function netMovement(month: MonthMetrics): number {
  return (
    month.newMinor +
    month.expansionMinor +
    month.reactivationMinor -
    month.contractionMinor -
    month.churnMinor
  );
}

/** A churn reason code for people: "product_gaps" → "Product gaps", "unknown" → "Unknown (none recorded)". */
export function churnReasonLabel(code: string): string {
  return code === 'unknown' ? 'Unknown (none recorded)' : humanize(code);
}
