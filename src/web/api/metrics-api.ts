import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChurnReasons,
  Cohorts,
  MetricsBreakdown,
  MetricsOverview,
  MovementAccounts,
} from '../../shared/api/metrics.contract';
import { ApiError, apiRequest, type QueryValues } from './api-client';
import { queryKeys } from './query-keys';

/** A month range as every metrics endpoint takes it: 'YYYY-MM', both ends included. */
export interface MonthRange {
  from: string;
  to: string;
}

/** One month's CS cost as GET /api/v1/metrics/cs-costs lists it (minor units of `currency`). */
export interface CsCost {
  month: string;
  amountMinor: number;
  currency: string;
}

/** Not worth retrying: the answer will not change (bad query, not allowed, no such route). */
function isFinal(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

const retry = (failureCount: number, error: unknown) => !isFinal(error) && failureCount < 2;

/** The dashboard: monthly series, the period summary, data-quality warnings and public benchmarks. */
export function useMetricsOverview(range: MonthRange) {
  const query: QueryValues = { from: range.from, to: range.to };
  return useQuery({
    queryKey: queryKeys.metricsOverview(query),
    queryFn: ({ signal }) => apiRequest<MetricsOverview>('/metrics/overview', { signal, query }),
    placeholderData: keepPreviousData,
    retry,
  });
}

/** The period summary per group of `by`; not fetched while no dimension is chosen. */
export function useMetricsBreakdown(range: MonthRange, by: string) {
  const query: QueryValues = { from: range.from, to: range.to, by };
  return useQuery({
    queryKey: queryKeys.metricsBreakdown(query),
    queryFn: ({ signal }) => apiRequest<MetricsBreakdown>('/metrics/breakdown', { signal, query }),
    enabled: by !== '',
    placeholderData: keepPreviousData,
    retry,
  });
}

export function useChurnReasons(range: MonthRange) {
  const query: QueryValues = { from: range.from, to: range.to };
  return useQuery({
    queryKey: queryKeys.churnReasons(query),
    queryFn: ({ signal }) => apiRequest<ChurnReasons>('/metrics/churn-reasons', { signal, query }),
    placeholderData: keepPreviousData,
    retry,
  });
}

export function useCohorts(range: MonthRange) {
  const query: QueryValues = { from: range.from, to: range.to };
  return useQuery({
    queryKey: queryKeys.cohorts(query),
    queryFn: ({ signal }) => apiRequest<Cohorts>('/metrics/cohorts', { signal, query }),
    placeholderData: keepPreviousData,
    retry,
  });
}

export interface MovementAccountsQuery extends MonthRange {
  movement?: string;
  by?: string;
  /** A group of `by`; '' for the accounts without a value. */
  group?: string | null;
  page: number;
  pageSize: number;
}

/**
 * The path with its query string written out here, because the group '' (accounts without a value)
 * is a real filter and buildApiUrl leaves empty values out.
 */
function movementAccountsPath(query: QueryValues): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (value === '' && key !== 'group') continue;
    params.set(key, String(value));
  }
  return `/metrics/movements/accounts?${params.toString()}`;
}

/** The accounts behind a figure (who churned in March, the movements of one tier…); off while `enabled` is false. */
export function useMovementAccounts(request: MovementAccountsQuery, enabled: boolean) {
  const query: QueryValues = {
    from: request.from,
    to: request.to,
    movement: request.movement,
    by: request.by,
    group: request.by ? (request.group ?? undefined) : undefined,
    page: request.page,
    pageSize: request.pageSize,
  };
  return useQuery({
    queryKey: queryKeys.movementAccounts(query),
    queryFn: ({ signal }) => apiRequest<MovementAccounts>(movementAccountsPath(query), { signal }),
    enabled,
    placeholderData: keepPreviousData,
    retry,
  });
}

export function useCsCosts(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.csCosts,
    queryFn: ({ signal }) => apiRequest<{ items: CsCost[] }>('/metrics/cs-costs', { signal }),
    enabled,
    retry,
  });
}

/** Saves the CS cost of some months (PUT per month), then refreshes every metric (CRC depends on them). */
export function useSaveCsCosts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (costs: CsCost[]) => {
      for (const cost of costs) {
        await apiRequest<unknown>(`/metrics/cs-costs/${encodeURIComponent(cost.month)}`, {
          method: 'PUT',
          body: { amountMinor: cost.amountMinor, currency: cost.currency },
        });
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.metrics }),
  });
}
