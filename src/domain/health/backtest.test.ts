import { describe, expect, it } from 'vitest';
import { churnByBand, lowestDecileLift, runBacktest, type BacktestAccount } from './backtest';
import { TRAFFIC_LIGHT_BANDS } from './scorecard.fixture';

const scores = (pairs: Array<[number, boolean]>) => pairs.map(([score, churned]) => ({ score, churned }));

describe('churn by band', () => {
  it('counts accounts and churners per band, edges going to the lower band', () => {
    const outcomes = scores([
      [10, true],
      [50, true],
      [50, false],
      [50.5, true],
      [75, false],
      [90, false],
      [100, false],
    ]);
    expect(churnByBand(outcomes, TRAFFIC_LIGHT_BANDS)).toEqual([
      { band: 'red', accounts: 3, churned: 2, churnRate: { status: 'defined', value: 2 / 3 } },
      { band: 'yellow', accounts: 2, churned: 1, churnRate: { status: 'defined', value: 0.5 } },
      { band: 'green', accounts: 2, churned: 0, churnRate: { status: 'defined', value: 0 } },
    ]);
  });

  it('reports an empty band as not defined rather than 0%', () => {
    expect(churnByBand(scores([[10, true]]), TRAFFIC_LIGHT_BANDS)[2]).toEqual({
      band: 'green',
      accounts: 0,
      churned: 0,
      churnRate: { status: 'not-defined', reason: 'No accounts in band "green"' },
    });
  });
});

describe('lowest-decile lift', () => {
  it('is the churn rate of the lowest tenth over the overall churn rate', () => {
    // 20 accounts, 4 churned (20%); the 2 lowest both churned (100%) → lift 5
    const outcomes = scores(
      Array.from({ length: 20 }, (_, index): [number, boolean] => [
        index * 5,
        index < 2 || index === 10 || index === 15,
      ]),
    );
    expect(lowestDecileLift(outcomes)).toEqual({
      accounts: 2,
      highestScore: 5,
      churnRate: { status: 'defined', value: 1 },
      overallChurnRate: { status: 'defined', value: 0.2 },
      lift: { status: 'defined', value: 5 },
    });
  });

  it('rounds the decile up and widens it to every account tied with its last score', () => {
    // 11 accounts → ⌈1.1⌉ = 2, but scores 20 are tied three ways → 4 accounts
    const outcomes = scores([
      [10, true],
      [20, true],
      [20, false],
      [20, false],
      [30, false],
      [40, false],
      [50, false],
      [60, false],
      [70, false],
      [80, true],
      [90, false],
    ]);
    const decile = lowestDecileLift(outcomes);
    expect(decile).toMatchObject({
      accounts: 4,
      highestScore: 20,
      churnRate: { status: 'defined', value: 0.5 },
    });
    expect(decile.lift).toEqual({ status: 'defined', value: 0.5 / (3 / 11) });
  });

  it('is not defined when nobody churned or there are no accounts', () => {
    expect(
      lowestDecileLift(
        scores([
          [10, false],
          [20, false],
        ]),
      ).lift,
    ).toEqual({ status: 'not-defined', reason: 'No account churned, so lift has no meaning' });
    expect(lowestDecileLift([])).toMatchObject({
      accounts: 0,
      highestScore: null,
      lift: { status: 'not-defined' },
    });
  });
});

describe('running a backtest', () => {
  it('reports overall and per-measure AUC, with the verdict in plain words', () => {
    const accounts: BacktestAccount[] = [
      { accountId: 'a', score: 20, churned: true, measureScores: { usage: 10, nps: 90 } },
      { accountId: 'b', score: 40, churned: true, measureScores: { usage: 30, nps: null } },
      { accountId: 'c', score: 60, churned: false, measureScores: { usage: 70, nps: 20 } },
      { accountId: 'd', score: 80, churned: false, measureScores: { usage: 90, nps: 95 } },
    ];
    const backtest = runBacktest(accounts, TRAFFIC_LIGHT_BANDS, ['usage', 'nps']);
    expect(backtest).toMatchObject({
      accounts: 4,
      churned: 2,
      auc: { status: 'defined', value: 1 },
      verdict: { level: 'well' },
    });
    expect(backtest.measureAucs).toEqual([
      { measureId: 'usage', accounts: 4, auc: { status: 'defined', value: 1 } },
      { measureId: 'nps', accounts: 3, auc: { status: 'defined', value: 0.5 } },
    ]);
    expect(backtest.roc).toHaveLength(5);
    expect(backtest.churnByBand.map((band) => band.churned)).toEqual([2, 0, 0]);
  });
});
