import type { MetricValueDto } from '../../../../shared/api/metrics.contract';
import type { BacktestResult } from '../../../../shared/api/health.contract';
import { formatPercent } from '../../../format/metric-values';
import { formatNumber, formatScore } from '../../../format/health';

export type BacktestReport = BacktestResult['report'];
export type VerdictLevel = BacktestReport['verdict']['level'];

/** The colour of a verdict: separating well is good news, ranking backwards is the alarm. */
export const verdictColors: Record<VerdictLevel, string> = {
  well: 'teal',
  weakly: 'yellow',
  'no-separation': 'orange',
  backwards: 'red',
  'cannot-judge': 'gray',
};

/** How each kind of backtest figure reads: AUC with two decimals, rates as percentages, lift as "2.4×". */
export const metricFormats = {
  auc: (value: number) => formatScore(value),
  rate: (value: number) => formatPercent(value),
  lift: (value: number) => `${formatNumber(value, 2)}×`,
} as const;

export type MetricFormat = keyof typeof metricFormats;

/** A figure's text, or null when it has none (its reason is shown instead). */
export function metricText(metric: MetricValueDto, format: MetricFormat): string | null {
  return metric.status === 'defined' ? metricFormats[format](metric.value) : null;
}

/** The number of a figure, or null when it has none (for charts, where null leaves a gap). */
export function metricNumber(metric: MetricValueDto): number | null {
  return metric.status === 'defined' ? metric.value : null;
}
