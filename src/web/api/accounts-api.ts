import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Account360 } from '../../shared/api/account-360.contract';
import type {
  AccountListResponse,
  AccountReassign,
  AccountReassignResult,
} from '../../shared/api/accounts.contract';
import type { Activity, ActivityCreate } from '../../shared/api/activities.contract';
import { ApiError, apiRequest, type QueryValues } from './api-client';
import { queryKeys } from './query-keys';

export interface ActivityList {
  items: Activity[];
  total: number;
  page: number;
  pageSize: number;
}

/** Not worth retrying: the answer will not change (bad id, no such account, not allowed). */
function isFinal(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

/** One page of the accounts list; keeps the previous page on screen while the next one loads. */
export function useAccountList(query: QueryValues) {
  return useQuery({
    queryKey: queryKeys.accountList(query),
    queryFn: ({ signal }) => apiRequest<AccountListResponse>('/accounts', { signal, query }),
    placeholderData: keepPreviousData,
    retry: (failureCount, error) => !isFinal(error) && failureCount < 2,
  });
}

/** Moves many accounts to one owner (managers and admins); every list and account refreshes after. */
export function useReassignAccounts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AccountReassign) =>
      apiRequest<AccountReassignResult>('/accounts/reassign', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accounts'] }),
  });
}

export function useAccount360(id: string) {
  return useQuery({
    queryKey: queryKeys.account(id),
    queryFn: ({ signal }) => apiRequest<Account360>(`/accounts/${encodeURIComponent(id)}`, { signal }),
    retry: (failureCount, error) => !isFinal(error) && failureCount < 2,
  });
}

export function useActivities(accountId: string, pageSize = 50) {
  return useQuery({
    queryKey: queryKeys.activities(accountId),
    queryFn: ({ signal }) =>
      apiRequest<ActivityList>(`/accounts/${encodeURIComponent(accountId)}/activities`, {
        signal,
        query: { pageSize },
      }),
    retry: (failureCount, error) => !isFinal(error) && failureCount < 2,
  });
}

/** Logs a call, meeting, note or email; refreshes the account (its recent activities) and the activity list. */
export function useLogActivity(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (activity: ActivityCreate) =>
      apiRequest<Activity>(`/accounts/${encodeURIComponent(accountId)}/activities`, {
        method: 'POST',
        body: activity,
      }),
    // The server rescored the account before answering (days since last touch moved): refresh both.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.account(accountId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.accountHealth(accountId) }),
      ]),
  });
}
