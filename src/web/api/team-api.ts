import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccountAssignmentChange,
  AccountAssignments,
  Person,
  PersonList,
  PersonUpdate,
  Team,
  TeamCreate,
  TeamUpdate,
  TeamList,
} from '../../shared/api/team.contract';
import { ApiError, apiRequest } from './api-client';
import { queryKeys } from './query-keys';
import { useMe } from './session-api';

const retry = (failureCount: number, error: unknown) =>
  !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2;

/** Managers and admins change people and teams (`team.manage`); everyone reads them. */
export function useCanManageTeam(): boolean {
  const role = useMe().data?.role;
  return role === 'admin' || role === 'manager';
}

/** Teams by name, with member counts. */
export function useTeams() {
  return useQuery({
    queryKey: queryKeys.teams,
    queryFn: ({ signal }) => apiRequest<TeamList>('/teams', { signal }),
    select: (data) => data.items,
    staleTime: 60_000,
    retry,
  });
}

/** Everyone on our side: team, role, manager, responsibilities, tiers covered, capacity, accounts per role. */
export function usePeople() {
  return useQuery({
    queryKey: queryKeys.people,
    queryFn: ({ signal }) => apiRequest<PersonList>('/people', { signal }),
    select: (data) => data.items,
    retry,
  });
}

/**
 * After a change to people or teams: the team's queries, and the books of business, which show
 * people's teams and feed on their capacity and tiers covered.
 */
function refreshTeamAndBooks(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.team }),
    queryClient.invalidateQueries({ queryKey: queryKeys.capacity }),
  ]);
}

/** Changes a person's team, manager, title, responsibilities, tiers covered or capacity. */
export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: PersonUpdate }) =>
      apiRequest<Person>(`/people/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: () => refreshTeamAndBooks(queryClient),
  });
}

/** Creates a team (name unique ignoring case). */
export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TeamCreate) => apiRequest<Team>('/teams', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.team }),
  });
}

/** Renames a team or changes its kind; people and books show the new name. */
export function useUpdateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TeamUpdate }) =>
      apiRequest<Team>(`/teams/${encodeURIComponent(id)}`, { method: 'PUT', body }),
    onSuccess: () => refreshTeamAndBooks(queryClient),
  });
}

/** Deletes a team; its people stay, without a team. */
export function useDeleteTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<null>(`/teams/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => refreshTeamAndBooks(queryClient),
  });
}

/** Who looks after an account: CSM, executive sponsor, onboarding lead and support lead, assigned or not. */
export function useAccountAssignments(accountId: string) {
  return useQuery({
    queryKey: queryKeys.accountAssignments(accountId),
    queryFn: ({ signal }) =>
      apiRequest<AccountAssignments>(`/accounts/${encodeURIComponent(accountId)}/assignments`, { signal }),
    retry,
  });
}

/**
 * Gives a role on an account to a person, or clears it (userId null). The CSM is the account's
 * owner, shown in the header, and every role counts in people's books of business.
 */
export function useChangeAccountAssignment(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AccountAssignmentChange) =>
      apiRequest<AccountAssignments>(`/accounts/${encodeURIComponent(accountId)}/assignments`, {
        method: 'PUT',
        body,
      }),
    onSuccess: (assignments) => {
      queryClient.setQueryData(queryKeys.accountAssignments(accountId), assignments);
      return Promise.all(
        [queryKeys.account(accountId), queryKeys.team, queryKeys.capacity].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}
