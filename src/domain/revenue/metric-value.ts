/**
 * The value of a ratio metric. A ratio whose denominator is zero is never NaN or a crash: it is
 * 'infinite' (something over nothing, e.g. LTV with no churn) or 'not-defined' (nothing over
 * nothing, e.g. NRR with no customers at the start), each with a sentence a person can read.
 */
export type MetricValue =
  | { status: 'defined'; value: number }
  | { status: 'infinite'; reason: string }
  | { status: 'not-defined'; reason: string };

/**
 * numerator ÷ denominator as a MetricValue; a zero denominator gives 'infinite' when the numerator
 * is not zero and 'not-defined' when it is, both carrying `reasonWhenZero`.
 * @example divideMetric(1100, 1000, 'no customers at start') // { status: 'defined', value: 1.1 }
 */
export function divideMetric(numerator: number, denominator: number, reasonWhenZero: string): MetricValue {
  if (denominator === 0) {
    return numerator === 0
      ? { status: 'not-defined', reason: reasonWhenZero }
      : { status: 'infinite', reason: reasonWhenZero };
  }
  return { status: 'defined', value: numerator / denominator };
}

/**
 * numerator ÷ denominator as a MetricValue, 'not-defined' with `reasonWhenZero` whenever the
 * denominator is zero (for rates of a base, where "out of nothing" has no meaning even above zero).
 * @example divideOrNotDefined(20, 0, 'no MRR at the start') // { status: 'not-defined', reason: 'no MRR at the start' }
 */
export function divideOrNotDefined(
  numerator: number,
  denominator: number,
  reasonWhenZero: string,
): MetricValue {
  if (denominator === 0) return { status: 'not-defined', reason: reasonWhenZero };
  return { status: 'defined', value: numerator / denominator };
}

/**
 * The number inside a defined MetricValue, or null for 'infinite' and 'not-defined'.
 * @example definedValueOf({ status: 'defined', value: 0.1 }) // 0.1
 */
export function definedValueOf(metric: MetricValue): number | null {
  return metric.status === 'defined' ? metric.value : null;
}
