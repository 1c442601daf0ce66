import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CapacityOverview,
  CapacitySettingsDto,
  CapacitySettingsResponse,
  HiringNeedDto,
  HiringRequest,
  RebalanceApply,
  RebalanceApplyResult,
  RebalancePreview,
} from '../../shared/api/capacity.contract';
import { ApiError, apiRequest } from './api-client';
import { homeQueryKeys } from './home-api';
import { queryKeys } from './query-keys';
import { useMe } from './session-api';

const retry = (failureCount: number, error: unknown) =>
  !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2;

/** Books, previews and hiring need (`capacity.read`), and saving or applying (`capacity.manage`): managers and admins. */
export function useCanUseCapacity(): boolean {
  const role = useMe().data?.role;
  return role === 'admin' || role === 'manager';
}

/** Each CSM's book: accounts, ARR, workload, capacity, utilisation and flag; team totals; benchmarks. */
export function useCapacityOverview(enabled = true) {
  return useQuery({
    queryKey: queryKeys.capacityOverview,
    queryFn: ({ signal }) => apiRequest<CapacityOverview>('/capacity', { signal }),
    enabled,
    retry,
  });
}

/** The saved settings, the defaults and the public benchmarks. */
export function useCapacitySettings(enabled = true) {
  return useQuery({
    queryKey: queryKeys.capacitySettings,
    queryFn: ({ signal }) => apiRequest<CapacitySettingsResponse>('/capacity/settings', { signal }),
    enabled,
    retry,
  });
}

/** Saves every capacity setting; the books are recounted with them. */
export function useSaveCapacitySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: CapacitySettingsDto) =>
      apiRequest<CapacitySettingsResponse>('/capacity/settings', { method: 'PUT', body: settings }),
    onSuccess: (response) => {
      queryClient.setQueryData(queryKeys.capacitySettings, response);
      return queryClient.invalidateQueries({ queryKey: queryKeys.capacityOverview });
    },
  });
}

/** Proposes moves that bring overloaded CSMs within capacity; nothing moves. */
export function usePreviewRebalance() {
  return useMutation({
    mutationFn: () =>
      apiRequest<RebalancePreview>('/capacity/rebalance/preview', { method: 'POST', body: {} }),
  });
}

/**
 * Applies a preview's moves with its basis (409 when the books changed since); the new books are
 * answered, and everything that shows an owner refreshes.
 */
export function useApplyRebalance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RebalanceApply) =>
      apiRequest<RebalanceApplyResult>('/capacity/rebalance/apply', { method: 'POST', body }),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.capacityOverview, result.overview);
      return Promise.all(
        [queryKeys.team, queryKeys.journey, queryKeys.segments, ['accounts'] as const, homeQueryKeys.all].map(
          (queryKey) => queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}

/** CSMs needed per touch model for the customers expected next quarter, and when to start hiring. */
export function usePlanHiring() {
  return useMutation({
    mutationFn: (body: HiringRequest) =>
      apiRequest<HiringNeedDto>('/capacity/hiring', { method: 'POST', body }),
  });
}
