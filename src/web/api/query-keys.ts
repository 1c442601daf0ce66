import type { QueryValues } from './api-client';

/** Every TanStack Query key of the app in one place, so invalidation cannot miss a spelling. */
export const queryKeys = {
  me: ['me'] as const,
  workspace: ['workspace'] as const,
  users: ['users'] as const,
  accountList: (query: QueryValues) => ['accounts', 'list', query] as const,
  account: (id: string) => ['accounts', 'detail', id] as const,
  activities: (accountId: string) => ['accounts', 'detail', accountId, 'activities'] as const,
  /** Under the account's key, so whatever refreshes the account refreshes its stage history too. */
  accountStages: (accountId: string) => ['accounts', 'detail', accountId, 'stages'] as const,
  accountAssignments: (accountId: string) => ['accounts', 'detail', accountId, 'assignments'] as const,
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
  /** Everything under ['segments'] is invalidated together when a segment, tier or stage changes members. */
  segments: ['segments'] as const,
  segmentList: ['segments', 'list'] as const,
  segment: (id: string) => ['segments', 'detail', id] as const,
  segmentMembers: (id: string, query: QueryValues) => ['segments', 'detail', id, 'members', query] as const,
  segmentHistory: (id: string, query: QueryValues) => ['segments', 'detail', id, 'history', query] as const,
  ruleFields: (purpose: string) => ['segments', 'fields', purpose] as const,
  rulePreview: (body: unknown) => ['segments', 'preview', body] as const,
  /** Everything under ['journey'] (tiers, cadences, stages, board) refreshes together: a tier or stage change moves accounts. */
  journey: ['journey'] as const,
  tiers: ['journey', 'tiers'] as const,
  tierCadence: ['journey', 'cadence'] as const,
  overdueAccounts: (query: QueryValues) => ['journey', 'cadence', 'overdue', query] as const,
  stages: ['journey', 'stages'] as const,
  journeyBoard: ['journey', 'board'] as const,
  boardAccounts: (stageId: string, query: QueryValues) => ['journey', 'board', stageId, query] as const,
  /** Teams and people; account counts per person change when accounts move. */
  team: ['team'] as const,
  teams: ['team', 'teams'] as const,
  people: ['team', 'people'] as const,
  /** Books of business and capacity settings. */
  capacity: ['capacity'] as const,
  capacityOverview: ['capacity', 'overview'] as const,
  capacitySettings: ['capacity', 'settings'] as const,
};
