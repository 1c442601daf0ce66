import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, Workspace } from '../../shared/api/auth.contract';
import type { User } from '../../shared/api/users.contract';
import { ApiError, apiRequest } from './api-client';
import { queryKeys } from './query-keys';

/** One person of our team as GET /api/v1/users lists them. */
export type TeamMember = User;

/** The signed-in user; the query fails with a 401 ApiError when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => apiRequest<Me>('/auth/me', { signal }),
    retry: (failureCount, error) => !(error instanceof ApiError && error.status === 401) && failureCount < 2,
    staleTime: 5 * 60_000,
  });
}

export function useWorkspace() {
  return useQuery({
    queryKey: queryKeys.workspace,
    queryFn: ({ signal }) => apiRequest<Workspace>('/workspace', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useTeamMembers() {
  return useQuery({
    queryKey: queryKeys.users,
    queryFn: ({ signal }) => apiRequest<{ items: TeamMember[] }>('/users', { signal }),
    select: (data) => data.items.filter((user) => !user.disabled),
    staleTime: 5 * 60_000,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      apiRequest<Me>('/auth/login', { method: 'POST', body: credentials }),
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me, me);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('/auth/logout', { method: 'POST' }),
    onSettled: () => queryClient.clear(),
  });
}
