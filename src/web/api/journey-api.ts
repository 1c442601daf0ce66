import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  AccountStageChange,
  AccountStages,
  BoardAccounts,
  JourneyBoard,
  Stage,
  StageCreate,
  StageList,
  StageUpdate,
} from '../../shared/api/journey.contract';
import { ApiError, apiRequest, type QueryValues } from './api-client';
import { queryKeys } from './query-keys';
import { useMe } from './session-api';

const retry = (failureCount: number, error: unknown) =>
  !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2;

/** Managers and admins change tiers and stages (`journey.manage`); everyone reads them. */
export function useCanManageJourney(): boolean {
  const role = useMe().data?.role;
  return role === 'admin' || role === 'manager';
}

/**
 * Saving a tier or a stage re-applies the journey (tiers, stage rules, segments) before the answer,
 * and tiers set touch models: everything that shows an account's tier, stage or workload refreshes.
 */
export function refreshAfterJourneyChange(queryClient: QueryClient): Promise<unknown> {
  return Promise.all(
    [queryKeys.journey, queryKeys.segments, queryKeys.capacity, ['accounts'] as const].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

/** The stages of the journey map in order, with the metric catalogue the editor offers. */
export function useStages() {
  return useQuery({
    queryKey: queryKeys.stages,
    queryFn: ({ signal }) => apiRequest<StageList>('/stages', { signal }),
    retry,
  });
}

/** Adds a stage (POST, at the end) or changes one (PUT). */
export function useSaveStage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { id?: undefined; body: StageCreate } | { id: string; body: StageUpdate }) =>
      request.id === undefined
        ? apiRequest<Stage>('/stages', { method: 'POST', body: request.body })
        : apiRequest<Stage>(`/stages/${encodeURIComponent(request.id)}`, {
            method: 'PUT',
            body: request.body,
          }),
    onSuccess: () => refreshAfterJourneyChange(queryClient),
  });
}

/** Puts the stages in a new order (every id once); the answer is the list in its new order. */
export function useReorderStages() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => apiRequest<StageList>('/stages/order', { method: 'PUT', body: { ids } }),
    onSuccess: (list) => {
      queryClient.setQueryData(queryKeys.stages, list);
      return refreshAfterJourneyChange(queryClient);
    },
  });
}

/** Deletes a stage no account is in (the server answers 409, saying how many, otherwise). */
export function useDeleteStage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/stages/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => refreshAfterJourneyChange(queryClient),
  });
}

/** The journey board: a column per stage with accounts, ARR, overdue count and median days in stage. */
/**
 * The journey board: the figures first (`metrics=skip`, quick), then the whole board with each
 * stage's metrics, which read usage, health and surveys and take longer on a big workspace. Returns
 * the fullest board there is and whether the metrics are still on their way.
 */
export function useJourneyBoard() {
  const quick = useQuery({
    queryKey: [...queryKeys.journeyBoard, 'figures'],
    queryFn: ({ signal }) => apiRequest<JourneyBoard>('/journey/board?metrics=skip', { signal }),
    retry,
  });
  const full = useQuery({
    queryKey: [...queryKeys.journeyBoard, 'with-metrics'],
    queryFn: ({ signal }) => apiRequest<JourneyBoard>('/journey/board', { signal }),
    retry,
  });
  return {
    data: full.data ?? quick.data,
    isPending: quick.isPending && full.isPending,
    isError: quick.isError && full.isError,
    error: quick.error ?? full.error,
    refetch: () => Promise.all([quick.refetch(), full.refetch()]),
    /** A board on screen is being refreshed (not the first load of the metrics). */
    isFetching: quick.isFetching || (full.isFetching && full.data !== undefined),
    metricsPending: full.data === undefined && !full.isError,
  };
}

/** One page of a board column's accounts; off while no column is chosen. */
export function useBoardAccounts(stageId: string | null, query: QueryValues) {
  return useQuery({
    queryKey: queryKeys.boardAccounts(stageId ?? '', query),
    queryFn: ({ signal }) =>
      apiRequest<BoardAccounts>(`/journey/board/${encodeURIComponent(stageId ?? '')}/accounts`, {
        signal,
        query,
      }),
    enabled: stageId !== null,
    placeholderData: (previous, previousQuery) =>
      // Keep the last page while paging or sorting one column, not when another column opens.
      previousQuery?.queryKey[2] === stageId ? keepPreviousData(previous) : undefined,
    retry,
  });
}

/** An account's current stage (days in stage, on track or overdue) and every stage it went through. */
export function useAccountStages(accountId: string) {
  return useQuery({
    queryKey: queryKeys.accountStages(accountId),
    queryFn: ({ signal }) =>
      apiRequest<AccountStages>(`/accounts/${encodeURIComponent(accountId)}/stages`, { signal }),
    retry,
  });
}

/**
 * Moves an account to a stage by hand (null takes it off the journey). The stage can choose the
 * account's scorecard and moves it on the board, so the header, health and journey views refresh.
 */
export function useChangeAccountStage(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AccountStageChange) =>
      apiRequest<AccountStages>(`/accounts/${encodeURIComponent(accountId)}/stage`, { method: 'PUT', body }),
    onSuccess: (stages) => {
      queryClient.setQueryData(queryKeys.accountStages(accountId), stages);
      return Promise.all(
        [queryKeys.account(accountId), queryKeys.accountHealth(accountId), queryKeys.journey, queryKeys.segments].map(
          (queryKey) => queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}
