import { divideOrNotDefined, type MetricValue } from '../revenue/metric-value';
import { backtestVerdict, type BacktestVerdict } from './backtest-verdict';
import { churnAuc, rocCurve, type RocPoint, type ScoredOutcome } from './churn-auc';
import { bandFor } from './score-bands';
import type { ScoreBand } from './scorecard';

/** One account in a backtest: its score as of the as-of date, measure scores (null when excluded), outcome. */
export type BacktestAccount = ScoredOutcome & {
  accountId: string;
  measureScores: Readonly<Record<string, number | null>>;
};

export type BandChurn = { band: string; accounts: number; churned: number; churnRate: MetricValue };

export type LowestDecile = {
  /** Accounts in the lowest decile: ⌈n/10⌉, widened to every account tied with the last one. */
  accounts: number;
  highestScore: number | null;
  churnRate: MetricValue;
  overallChurnRate: MetricValue;
  /** Lowest-decile churn rate ÷ overall churn rate; 1 means the lowest scores churn no more than average. */
  lift: MetricValue;
};

export type MeasureAuc = { measureId: string; accounts: number; auc: MetricValue };

export type Backtest = {
  accounts: number;
  churned: number;
  auc: MetricValue;
  roc: RocPoint[];
  churnByBand: BandChurn[];
  lowestDecile: LowestDecile;
  measureAucs: MeasureAuc[];
  verdict: BacktestVerdict;
};

/**
 * Churn rate (0–1) in each band, in band order; a band's membership follows `bandFor` on the
 * score as given (pass display scores to match what people saw).
 */
export function churnByBand(outcomes: readonly ScoredOutcome[], bands: readonly ScoreBand[]): BandChurn[] {
  const counts = new Map(bands.map((band) => [band.name, { accounts: 0, churned: 0 }]));
  for (const outcome of outcomes) {
    const count = counts.get(bandFor(bands, outcome.score).name);
    if (count === undefined) continue;
    count.accounts += 1;
    if (outcome.churned) count.churned += 1;
  }
  return bands.map((band) => {
    const { accounts, churned } = counts.get(band.name) ?? { accounts: 0, churned: 0 };
    return {
      band: band.name,
      accounts,
      churned,
      churnRate: divideOrNotDefined(churned, accounts, `No accounts in band "${band.name}"`),
    };
  });
}

/**
 * Lift of the lowest-scoring decile: its churn rate ÷ the overall churn rate. The decile is the
 * ⌈n/10⌉ lowest scores, widened to include every account tied with the last, so ties are never split.
 */
export function lowestDecileLift(outcomes: readonly ScoredOutcome[]): LowestDecile {
  const sorted = [...outcomes].sort((a, b) => a.score - b.score);
  let size = Math.ceil(sorted.length / 10);
  const boundary = sorted[size - 1]?.score ?? null;
  while (boundary !== null && sorted[size]?.score === boundary) size += 1;
  const decile = sorted.slice(0, size);
  const decileChurned = decile.filter((outcome) => outcome.churned).length;
  const totalChurned = outcomes.filter((outcome) => outcome.churned).length;
  const churnRate = divideOrNotDefined(decileChurned, size, 'No accounts with a known outcome');
  const overallChurnRate = divideOrNotDefined(
    totalChurned,
    outcomes.length,
    'No accounts with a known outcome',
  );
  const lift =
    churnRate.status === 'defined' && overallChurnRate.status === 'defined'
      ? divideOrNotDefined(
          churnRate.value,
          overallChurnRate.value,
          'No account churned, so lift has no meaning',
        )
      : { status: 'not-defined' as const, reason: 'No accounts with a known outcome' };
  return { accounts: size, highestScore: boundary, churnRate, overallChurnRate, lift };
}

/**
 * Each measure's own AUC of "a low measure score predicts churn", over the accounts where that
 * measure was scored; `measureIds` fixes the order.
 */
export function measureAucs(
  accounts: readonly BacktestAccount[],
  measureIds: readonly string[],
): MeasureAuc[] {
  return measureIds.map((measureId) => {
    const outcomes: ScoredOutcome[] = [];
    for (const account of accounts) {
      const score = account.measureScores[measureId];
      if (score !== undefined && score !== null) outcomes.push({ score, churned: account.churned });
    }
    return { measureId, accounts: outcomes.length, auc: churnAuc(outcomes) };
  });
}

/**
 * The whole backtest over accounts scored as of one date with a known outcome: AUC, ROC curve,
 * churn by band, lowest-decile lift, each measure's AUC, and the plain-words verdict.
 */
export function runBacktest(
  accounts: readonly BacktestAccount[],
  bands: readonly ScoreBand[],
  measureIds: readonly string[],
): Backtest {
  const auc = churnAuc(accounts);
  return {
    accounts: accounts.length,
    churned: accounts.filter((account) => account.churned).length,
    auc,
    roc: rocCurve(accounts),
    churnByBand: churnByBand(accounts, bands),
    lowestDecile: lowestDecileLift(accounts),
    measureAucs: measureAucs(accounts, measureIds),
    verdict: backtestVerdict(auc),
  };
}
