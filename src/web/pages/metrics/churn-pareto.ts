import type { ChurnReasons } from '../../../shared/api/metrics.contract';

export interface ParetoRow {
  reasonCode: string;
  churnedMrrMinor: number;
  accounts: number;
  /** This reason's share of all churned MRR, 0–1. */
  share: number;
  /** Share of this reason and every larger one, 0–1: the pareto line. */
  cumulativeShare: number;
}

/** Reasons sorted by churned MRR (largest first, then by name) with each one's share and the running share. */
export function churnPareto(reasons: ChurnReasons['reasons']): ParetoRow[] {
  const sorted = [...reasons].sort(
    (a, b) => b.churnedMrrMinor - a.churnedMrrMinor || a.reasonCode.localeCompare(b.reasonCode),
  );
  const total = sorted.reduce((sum, reason) => sum + reason.churnedMrrMinor, 0);
  let running = 0;
  return sorted.map((reason) => {
    running += reason.churnedMrrMinor;
    return {
      reasonCode: reason.reasonCode,
      churnedMrrMinor: reason.churnedMrrMinor,
      accounts: reason.accounts,
      share: total > 0 ? reason.churnedMrrMinor / total : 0,
      cumulativeShare: total > 0 ? running / total : 0,
    };
  });
}
