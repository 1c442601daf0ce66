import {
  type InfiniteData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  AccountChildren,
  AccountRevenue,
  AccountSupport,
  AccountUsage,
} from '../../shared/api/account-tabs.contract';
import type {
  TimelineEntry,
  TimelineKind,
  TimelineResponse,
} from '../../shared/api/account-timeline.contract';
import type { Activity, ActivityCreate } from '../../shared/api/activities.contract';
import type { Contact, ContactUpdate } from '../../shared/api/contacts.contract';
import { ApiError, apiRequest } from './api-client';
import { queryKeys } from './query-keys';

/**
 * Query keys of the Account 360 tabs. They sit under the account's own key, so whatever refreshes
 * the account (an edit, a logged activity) refreshes its tabs too.
 */
export const account360Keys = {
  timeline: (accountId: string, kinds: readonly TimelineKind[]) =>
    [...queryKeys.account(accountId), 'timeline', kinds.join(',')] as const,
  timelineAll: (accountId: string) => [...queryKeys.account(accountId), 'timeline'] as const,
  revenue: (accountId: string) => [...queryKeys.account(accountId), 'revenue'] as const,
  usage: (accountId: string, days: number) => [...queryKeys.account(accountId), 'usage', days] as const,
  support: (accountId: string, page: number) => [...queryKeys.account(accountId), 'support', page] as const,
  children: (accountId: string) => [...queryKeys.account(accountId), 'children'] as const,
};

/** Not worth retrying: the answer will not change (bad id, no such account, not allowed). */
function isFinal(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

const retry = (failureCount: number, error: unknown) => !isFinal(error) && failureCount < 2;
const accountPath = (accountId: string, tab: string) => `/accounts/${encodeURIComponent(accountId)}/${tab}`;

/** The account's timeline for the chosen kinds, newest first, a page of 50 at a time ("Load more"). */
export function useAccountTimeline(accountId: string, kinds: readonly TimelineKind[]) {
  return useInfiniteQuery({
    queryKey: account360Keys.timeline(accountId, kinds),
    queryFn: ({ signal, pageParam }) =>
      apiRequest<TimelineResponse>(accountPath(accountId, 'timeline'), {
        signal,
        query: { kinds: kinds.join(','), before: pageParam, limit: 50 },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    enabled: kinds.length > 0,
    retry,
  });
}

/** An activity as the timeline shows it, so a logged one can appear before the refetch answers. */
function activityEntry(activity: Activity): TimelineEntry {
  return {
    id: `activity:${activity.id}`,
    kind: 'activity',
    at: activity.occurredAt,
    activity: {
      id: activity.id,
      kind: activity.kind,
      subject: activity.subject,
      body: activity.body,
      outcome: activity.outcome,
      user: activity.user,
    },
  };
}

/**
 * Logs a call, meeting, email or note. On success the entry goes straight to the top of every loaded
 * timeline that shows activities, then the account and its tabs refetch.
 */
export function useLogTimelineActivity(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (activity: ActivityCreate) =>
      apiRequest<Activity>(accountPath(accountId, 'activities'), { method: 'POST', body: activity }),
    onSuccess: (activity) => {
      const entry = activityEntry(activity);
      const showsActivities = {
        queryKey: account360Keys.timelineAll(accountId),
        predicate: (query: { queryKey: readonly unknown[] }) =>
          String(query.queryKey[4]).split(',').includes('activity'),
      };
      queryClient.setQueriesData<InfiniteData<TimelineResponse, string | undefined>>(
        showsActivities,
        (data) => {
          const first = data?.pages[0];
          if (!data || !first) return data;
          return {
            ...data,
            pages: [
              { ...first, items: [entry, ...first.items.filter((item) => item.id !== entry.id)] },
              ...data.pages.slice(1),
            ],
          };
        },
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.account(accountId) });
    },
  });
}

/** Month-end MRR history with each month's movement. */
export function useAccountRevenue(accountId: string) {
  return useQuery({
    queryKey: account360Keys.revenue(accountId),
    queryFn: ({ signal }) => apiRequest<AccountRevenue>(accountPath(accountId, 'revenue'), { signal }),
    retry,
  });
}

/** Daily active users and events over `days` days, against the seats bought. */
export function useAccountUsage(accountId: string, days = 90) {
  return useQuery({
    queryKey: account360Keys.usage(accountId, days),
    queryFn: ({ signal }) =>
      apiRequest<AccountUsage>(accountPath(accountId, 'usage'), { signal, query: { days } }),
    retry,
  });
}

/** Support KPIs and one page of tickets, open ones first. */
export function useAccountSupport(accountId: string, page = 1) {
  return useQuery({
    queryKey: account360Keys.support(accountId, page),
    queryFn: ({ signal }) =>
      apiRequest<AccountSupport>(accountPath(accountId, 'support'), {
        signal,
        query: { page, pageSize: 50 },
      }),
    retry,
  });
}

/** Child accounts with ARR and health, and the roll-up ARR. */
export function useAccountChildren(accountId: string, enabled: boolean) {
  return useQuery({
    queryKey: account360Keys.children(accountId),
    queryFn: ({ signal }) => apiRequest<AccountChildren>(accountPath(accountId, 'children'), { signal }),
    enabled,
    retry,
  });
}

/** Changes a contact's roles or advocate flag; the account (which lists its contacts) refetches. */
export function useUpdateContact(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: ContactUpdate }) =>
      apiRequest<Contact>(`/contacts/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.account(accountId) }),
  });
}
