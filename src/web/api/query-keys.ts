import type { QueryValues } from './api-client';

/** Every TanStack Query key of the app in one place, so invalidation cannot miss a spelling. */
export const queryKeys = {
  me: ['me'] as const,
  workspace: ['workspace'] as const,
  users: ['users'] as const,
  accountList: (query: QueryValues) => ['accounts', 'list', query] as const,
  account: (id: string) => ['accounts', 'detail', id] as const,
  activities: (accountId: string) => ['accounts', 'detail', accountId, 'activities'] as const,
  /** Everything under ['metrics'] is invalidated together when CS costs change. */
  metrics: ['metrics'] as const,
  metricsOverview: (query: QueryValues) => ['metrics', 'overview', query] as const,
  metricsBreakdown: (query: QueryValues) => ['metrics', 'breakdown', query] as const,
  churnReasons: (query: QueryValues) => ['metrics', 'churn-reasons', query] as const,
  cohorts: (query: QueryValues) => ['metrics', 'cohorts', query] as const,
  movementAccounts: (query: QueryValues) => ['metrics', 'movement-accounts', query] as const,
  csCosts: ['metrics', 'cs-costs'] as const,
  /** Everything under ['health'] is invalidated together when scores are recomputed or a scorecard is saved. */
  health: ['health'] as const,
  accountHealth: (accountId: string) => ['health', 'account', accountId] as const,
  healthSummary: (query: QueryValues) => ['health', 'summary', query] as const,
  scorecards: ['health', 'scorecards'] as const,
  scorecard: (id: string) => ['health', 'scorecards', id] as const,
  scorecardPreview: (body: unknown) => ['health', 'preview', body] as const,
  backtest: (body: unknown) => ['health', 'backtest', body] as const,
};
