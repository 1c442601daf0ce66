import type { MetricValue } from '../revenue/metric-value';

export type BacktestVerdictLevel = 'well' | 'weakly' | 'no-separation' | 'backwards' | 'cannot-judge';

export type BacktestVerdict = { level: BacktestVerdictLevel; sentence: string };

/** AUC at or above this separates churners well (0.70–0.80 is "acceptable" in common usage). */
export const WELL_SEPARATED_AUC = 0.7;
/** AUC at or above this (and below 0.70) separates weakly; below it the score is near chance. */
export const WEAKLY_SEPARATED_AUC = 0.6;
/** AUC at or below this means high scores churn more: the score ranks churners backwards. */
export const BACKWARDS_AUC = 0.4;

/**
 * The backtest in plain words from the AUC of "a low score predicts churn": ≥ 0.70 well,
 * ≥ 0.60 weakly, ≤ 0.40 backwards, otherwise no better than chance.
 * @example backtestVerdict({ status: 'defined', value: 0.52 }).sentence // 'The score does not separate churners (AUC 0.52 ≈ chance)'
 */
export function backtestVerdict(auc: MetricValue): BacktestVerdict {
  if (auc.status !== 'defined')
    return { level: 'cannot-judge', sentence: `The backtest cannot judge the score: ${auc.reason}` };
  const shown = auc.value.toFixed(2);
  if (auc.value >= WELL_SEPARATED_AUC)
    return { level: 'well', sentence: `The score separates churners well (AUC ${shown})` };
  if (auc.value >= WEAKLY_SEPARATED_AUC)
    return { level: 'weakly', sentence: `The score separates churners weakly (AUC ${shown})` };
  if (auc.value <= BACKWARDS_AUC) {
    return {
      level: 'backwards',
      sentence: `The score ranks churners backwards: accounts with high scores churned more (AUC ${shown})`,
    };
  }
  return { level: 'no-separation', sentence: `The score does not separate churners (AUC ${shown} ≈ chance)` };
}
