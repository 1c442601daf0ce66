/** Health scoring: scorecards, schemes, one account's explained score, trends, backtest and calibration. */
export * from './account-score';
export * from './backtest';
export * from './backtest-verdict';
export * from './breakpoint-calibration';
export * from './calibration';
export * from './churn-auc';
export * from './explanation-comparison';
export * from './held-out-split';
export * from './logistic-regression';
export * from './measure-scheme';
export * from './score-bands';
export * from './score-trend';
export * from './scorecard';
export * from './scorecard-validation';
