import { divideOrNotDefined, type MetricValue } from '../revenue/metric-value';

/** One account's score (0–100, or any number where lower should mean riskier) and its outcome. */
export type ScoredOutcome = { score: number; churned: boolean };

/** A point of the ROC curve for "predict churn when score ≤ threshold"; rates are 0–1. */
export type RocPoint = { threshold: number | null; falsePositiveRate: number; truePositiveRate: number };

/**
 * AUC of "a low score predicts churn": the chance that a random churner scores below a random
 * renewal, ties counted half (Mann–Whitney U ÷ pairs). 'not-defined' when either class is empty.
 * @example churnAuc([{ score: 10, churned: true }, { score: 90, churned: false }]) // { status: 'defined', value: 1 }
 */
export function churnAuc(outcomes: readonly ScoredOutcome[]): MetricValue {
  const churners = outcomes.filter((outcome) => outcome.churned).length;
  const renewals = outcomes.length - churners;
  if (churners === 0 || renewals === 0) {
    const reason =
      outcomes.length === 0
        ? 'No accounts with a known outcome'
        : churners === 0
          ? 'No account churned, so there is nothing to separate'
          : 'Every account churned, so there is nothing to separate';
    return { status: 'not-defined', reason };
  }
  const sorted = [...outcomes].sort((a, b) => a.score - b.score);
  let renewalRankSum = 0;
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1]?.score === sorted[start]?.score) end += 1;
    const averageRank = (start + end) / 2 + 1;
    for (let index = start; index <= end; index += 1)
      if (sorted[index]?.churned === false) renewalRankSum += averageRank;
    start = end + 1;
  }
  const pairsWhereRenewalScoresHigher = renewalRankSum - (renewals * (renewals + 1)) / 2;
  return divideOrNotDefined(pairsWhereRenewalScoresHigher, churners * renewals, 'No churner–renewal pairs');
}

/**
 * ROC curve of "predict churn when score ≤ threshold", from (0, 0) through each distinct score
 * ascending to (1, 1); tied scores form one step. Empty when either class is empty.
 */
export function rocCurve(outcomes: readonly ScoredOutcome[]): RocPoint[] {
  const churners = outcomes.filter((outcome) => outcome.churned).length;
  const renewals = outcomes.length - churners;
  if (churners === 0 || renewals === 0) return [];
  const sorted = [...outcomes].sort((a, b) => a.score - b.score);
  const points: RocPoint[] = [{ threshold: null, falsePositiveRate: 0, truePositiveRate: 0 }];
  let caughtChurners = 0;
  let flaggedRenewals = 0;
  sorted.forEach((outcome, index) => {
    if (outcome.churned) caughtChurners += 1;
    else flaggedRenewals += 1;
    if (sorted[index + 1]?.score === outcome.score) return;
    points.push({
      threshold: outcome.score,
      falsePositiveRate: flaggedRenewals / renewals,
      truePositiveRate: caughtChurners / churners,
    });
  });
  return points;
}
