import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccountHealth,
  AssignmentCriterion,
  BacktestResult,
  CalibrationResult,
  HealthSummary,
  Preview,
  ScorecardDefinition,
  ScorecardDto,
  SentimentCreate,
} from '../../shared/api/health.contract';
import { ApiError, apiRequest, type QueryValues } from './api-client';
import { queryKeys } from './query-keys';
import { useMe } from './session-api';

/** What POST /health/recompute answers: accounts scored, snapshots written, and how long it took. */
export interface RecomputeResult {
  accounts: number;
  snapshots: number;
  seconds: number;
}

/** What saving a scorecard answers: the scorecard as saved and the rescoring it caused. */
export interface ScorecardSaved {
  scorecard: ScorecardDto;
  recompute: RecomputeResult;
}

/** The body of POST /health/backtest and /health/calibrate (one outcome: a horizon or a churn column). */
export interface BacktestBody {
  scorecardId?: string;
  asOf?: string;
  horizonDays?: number;
  outcomeField?: string;
  outcomeValue?: string;
}

/** The body of POST /health/scorecards/preview. */
export interface PreviewBody {
  definition: ScorecardDefinition;
  criteria: AssignmentCriterion[];
  scorecardId?: string;
}

/** Not worth retrying: the answer will not change (bad draft, not allowed, no such scorecard). */
function isFinal(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

const retry = (failureCount: number, error: unknown) => !isFinal(error) && failureCount < 2;

/** Creating and editing scorecards, recomputing and calibrating are for managers and admins (`health.manage`). */
export function useCanManageHealth(): boolean {
  const role = useMe().data?.role;
  return role === 'admin' || role === 'manager';
}

/** An account's score, band, trend, explanation, what moved and the CSM's sentiment. */
export function useAccountHealth(accountId: string) {
  return useQuery({
    queryKey: queryKeys.accountHealth(accountId),
    queryFn: ({ signal }) =>
      apiRequest<AccountHealth>(`/accounts/${encodeURIComponent(accountId)}/health`, { signal }),
    retry,
  });
}

/** Records the CSM's sentiment; the server rescores the account and answers with its new health. */
export function useSetSentiment(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sentiment: SentimentCreate) =>
      apiRequest<AccountHealth>(`/accounts/${encodeURIComponent(accountId)}/health/sentiment`, {
        method: 'POST',
        body: sentiment,
      }),
    onSuccess: (health) => {
      queryClient.setQueryData(queryKeys.accountHealth(accountId), health);
      void queryClient.invalidateQueries({ queryKey: ['health', 'summary'] });
    },
  });
}

/** The portfolio: accounts per band and bucket, per owner, the lowest scores; `ownerId` narrows to one book. */
export function useHealthSummary(ownerId: string | undefined) {
  const query: QueryValues = { ownerId };
  return useQuery({
    queryKey: queryKeys.healthSummary(query),
    queryFn: ({ signal }) => apiRequest<HealthSummary>('/health/summary', { signal, query }),
    placeholderData: keepPreviousData,
    retry,
  });
}

/** Rescores every account now, then refreshes everything health shows. */
export function useRecomputeHealth() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<RecomputeResult>('/health/recompute', { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.health }),
  });
}

export function useScorecards() {
  return useQuery({
    queryKey: queryKeys.scorecards,
    queryFn: ({ signal }) => apiRequest<{ items: ScorecardDto[] }>('/health/scorecards', { signal }),
    retry,
  });
}

export function useScorecard(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.scorecard(id ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<ScorecardDto>(`/health/scorecards/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== undefined,
    retry,
  });
}

/** What a draft would score, without saving it; off while `body` is null (the draft is incomplete). */
export function useScorecardPreview(body: PreviewBody | null) {
  return useQuery({
    queryKey: queryKeys.scorecardPreview(body),
    queryFn: ({ signal }) =>
      apiRequest<Preview>('/health/scorecards/preview', { method: 'POST', body, signal }),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry,
  });
}

export type SaveScorecardRequest =
  | {
      id: string;
      body: {
        name?: string;
        criteria?: AssignmentCriterion[];
        definition: ScorecardDefinition;
        note?: string;
        baseVersion: number;
      };
    }
  | {
      id?: undefined;
      body: { name: string; criteria: AssignmentCriterion[]; definition: ScorecardDefinition; note?: string };
    };

/** Creates (POST) or edits (PUT, refused with 409 when someone saved meanwhile) a scorecard; scores are recomputed. */
export function useSaveScorecard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SaveScorecardRequest) =>
      request.id === undefined
        ? apiRequest<ScorecardSaved>('/health/scorecards', { method: 'POST', body: request.body })
        : apiRequest<ScorecardSaved>(`/health/scorecards/${encodeURIComponent(request.id)}`, {
            method: 'PUT',
            body: request.body,
          }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.scorecard(saved.scorecard.id), saved.scorecard);
      void queryClient.invalidateQueries({ queryKey: queryKeys.health });
    },
  });
}

/** How well a scorecard separated churners; off while `body` is null (no complete request in the URL). */
export function useBacktest(body: BacktestBody | null) {
  return useQuery({
    queryKey: queryKeys.backtest(body),
    queryFn: ({ signal }) => apiRequest<BacktestResult>('/health/backtest', { method: 'POST', body, signal }),
    enabled: body !== null,
    staleTime: 5 * 60_000,
    retry,
  });
}

/** Fits breakpoints and weights to the outcome; nothing is saved until the proposal is accepted. */
export function useCalibrate() {
  return useMutation({
    mutationFn: (body: BacktestBody) =>
      apiRequest<CalibrationResult>('/health/calibrate', { method: 'POST', body }),
  });
}
