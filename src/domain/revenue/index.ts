/** Revenue and retention metrics: pure functions over subscriptions and per-account monthly MRR. */
export * from './breakdown';
export * from './churn-rates';
export * from './churn-reasons';
export * from './cohorts';
export * from './metric-value';
export * from './money-rounding';
export * from './monthly-mrr';
export * from './months';
export * from './mrr-movements';
export * from './mrr-table';
export * from './period-cohort';
export * from './quick-ratio';
export * from './retention';
export * from './unit-economics';
