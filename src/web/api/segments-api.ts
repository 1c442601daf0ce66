import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SegmentRule } from '../../domain/segments';
import type {
  RulePurpose,
  Segment,
  SegmentAccountsChangeResult,
  SegmentCreate,
  SegmentFieldList,
  SegmentHistoryPage,
  SegmentList,
  SegmentMemberPage,
  SegmentPreview,
  SegmentUpdate,
} from '../../shared/api/segments.contract';
import { ApiError, apiRequest, type QueryValues } from './api-client';
import { queryKeys } from './query-keys';
import { useMe } from './session-api';

/** Not worth retrying: the answer will not change (bad rule, not allowed, no such segment). */
const retry = (failureCount: number, error: unknown) =>
  !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2;

const segmentPath = (id: string) => `/segments/${encodeURIComponent(id)}`;

/** Admins, managers and CSMs define segments (`segments.write`); viewers read them. */
export function useCanWriteSegments(): boolean {
  const role = useMe().data?.role;
  return role === 'admin' || role === 'manager' || role === 'csm';
}

/** The fields a rule of this purpose can test (tier rules leave out `tier`, stage rules `lifecycle_stage`). */
export function useRuleFields(purpose: RulePurpose) {
  return useQuery({
    queryKey: queryKeys.ruleFields(purpose),
    queryFn: ({ signal }) => apiRequest<SegmentFieldList>('/segments/fields', { signal, query: { purpose } }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
    retry,
  });
}

/**
 * The live count and the 10 highest-ARR accounts a rule matches now, without saving it; off while
 * `rule` is null (the rule is not complete). The previous answer stays on screen while the next loads.
 */
export function useRulePreview(rule: SegmentRule | null, purpose: RulePurpose) {
  const body = rule === null ? null : { rule, purpose };
  return useQuery({
    queryKey: queryKeys.rulePreview(body),
    queryFn: ({ signal }) =>
      apiRequest<SegmentPreview>('/segments/preview', { method: 'POST', body, signal }),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry,
  });
}

/** Every segment with its member count, rule problems and when it was last recomputed. */
export function useSegments() {
  return useQuery({
    queryKey: queryKeys.segmentList,
    queryFn: ({ signal }) => apiRequest<SegmentList>('/segments', { signal }),
    select: (data) => data.items,
    retry,
  });
}

/** One segment; off while `id` is undefined (a new segment). */
export function useSegment(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.segment(id ?? ''),
    queryFn: ({ signal }) => apiRequest<Segment>(segmentPath(id ?? ''), { signal }),
    enabled: id !== undefined,
    retry,
  });
}

/** One page of a segment's members, by name or ARR; keeps the previous page on screen while the next loads. */
export function useSegmentMembers(id: string, query: QueryValues) {
  return useQuery({
    queryKey: queryKeys.segmentMembers(id, query),
    queryFn: ({ signal }) => apiRequest<SegmentMemberPage>(`${segmentPath(id)}/members`, { signal, query }),
    placeholderData: keepPreviousData,
    retry,
  });
}

/** One page of who entered and left the segment, newest first. */
export function useSegmentHistory(id: string, query: QueryValues) {
  return useQuery({
    queryKey: queryKeys.segmentHistory(id, query),
    queryFn: ({ signal }) => apiRequest<SegmentHistoryPage>(`${segmentPath(id)}/history`, { signal, query }),
    placeholderData: keepPreviousData,
    retry,
  });
}

/** Creates (POST) or changes (PUT) a segment; its members are computed before the answer. */
export function useSaveSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { id?: undefined; body: SegmentCreate } | { id: string; body: SegmentUpdate }) =>
      request.id === undefined
        ? apiRequest<Segment>('/segments', { method: 'POST', body: request.body })
        : apiRequest<Segment>(segmentPath(request.id), { method: 'PUT', body: request.body }),
    onSuccess: (segment) => {
      queryClient.setQueryData(queryKeys.segment(segment.id), segment);
      void queryClient.invalidateQueries({ queryKey: queryKeys.segments });
    },
  });
}

/** Deletes a segment with its members and history. */
export function useDeleteSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(segmentPath(id), { method: 'DELETE' }),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: queryKeys.segment(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.segmentList });
    },
  });
}

/** Adds accounts to a static list, or removes them from it. */
export function useChangeStaticMembers(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ accountIds, change }: { accountIds: string[]; change: 'add' | 'remove' }) =>
      apiRequest<SegmentAccountsChangeResult>(`${segmentPath(id)}/accounts`, {
        method: change === 'add' ? 'POST' : 'DELETE',
        body: { accountIds },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.segments }),
  });
}
