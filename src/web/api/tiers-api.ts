import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  OverdueAccountPage,
  Tier,
  TierCadenceList,
  TierCreate,
  TierList,
  TierUpdate,
} from '../../shared/api/tiers.contract';
import { ApiError, apiRequest, type QueryValues } from './api-client';
import { refreshAfterJourneyChange } from './journey-api';
import { queryKeys } from './query-keys';

const retry = (failureCount: number, error: unknown) =>
  !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2;

/** Every tier in the order rules are tried, the default last. */
export function useTiers() {
  return useQuery({
    queryKey: queryKeys.tiers,
    queryFn: ({ signal }) => apiRequest<TierList>('/tiers', { signal }),
    select: (data) => data.items,
    retry,
  });
}

/** Per tier: accounts served and how many are overdue for an EBR and for a check-in. */
export function useTierCadence() {
  return useQuery({
    queryKey: queryKeys.tierCadence,
    queryFn: ({ signal }) => apiRequest<TierCadenceList>('/tiers/cadence', { signal }),
    retry,
  });
}

/** One page of the accounts overdue on a cadence (`kind`), optionally of one tier; off while `query` is null. */
export function useOverdueAccounts(query: QueryValues | null) {
  return useQuery({
    queryKey: queryKeys.overdueAccounts(query ?? {}),
    queryFn: ({ signal }) =>
      apiRequest<OverdueAccountPage>('/tiers/cadence/overdue', { signal, query: query ?? {} }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    retry,
  });
}

/** Creates a tier (rule null: the default) or changes one; accounts are re-tiered before the answer. */
export function useSaveTier() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { id?: undefined; body: TierCreate } | { id: string; body: TierUpdate }) =>
      request.id === undefined
        ? apiRequest<Tier>('/tiers', { method: 'POST', body: request.body })
        : apiRequest<Tier>(`/tiers/${encodeURIComponent(request.id)}`, { method: 'PUT', body: request.body }),
    onSuccess: () => refreshAfterJourneyChange(queryClient),
  });
}

/** Sets the order tier rules are tried in (the default stays last). */
export function useReorderTiers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => apiRequest<TierList>('/tiers/order', { method: 'PUT', body: { ids } }),
    onSuccess: (list) => {
      queryClient.setQueryData(queryKeys.tiers, list);
      return refreshAfterJourneyChange(queryClient);
    },
  });
}

/** Deletes a tier (the default only when it is the last one). */
export function useDeleteTier() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/tiers/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => refreshAfterJourneyChange(queryClient),
  });
}
