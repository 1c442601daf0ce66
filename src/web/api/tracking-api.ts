import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnmatchedTracking, WriteKey } from '../../shared/api/tracking.contract';
import { ApiError, apiRequest } from './api-client';

/** POST /write-keys answers with the key itself, this once; only its SHA-256 is stored. */
export type CreatedWriteKey = WriteKey & { key: string };

/** PUT …/account answers with the account and how many waiting events it now has. */
export interface MappedToAccount {
  accountId: string;
  attributedEvents: number;
}

/** What tracking could not attribute yet, mapped to an account by a group or by a single user. */
export type UnmatchedTarget =
  { kind: 'group'; source: string; groupId: string } | { kind: 'user'; source: string; userKey: string };

/** Query keys of Settings → Tracking; everything under `all` refreshes together after a change. */
export const trackingKeys = {
  all: ['tracking'] as const,
  writeKeys: ['tracking', 'write-keys'] as const,
  unmatched: ['tracking', 'unmatched'] as const,
};

const retry = (failureCount: number, error: unknown) =>
  !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2;

/** Every write key, active first (admins: `tracking.manage`). */
export function useWriteKeys() {
  return useQuery({
    queryKey: trackingKeys.writeKeys,
    queryFn: ({ signal }) => apiRequest<{ items: WriteKey[] }>('/write-keys', { signal }),
    select: (data) => data.items,
    retry,
  });
}

/** Creates the write key of a source; a 400 (bad name) or 409 (source has an active key) names the field. */
export function useCreateWriteKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (source: string) =>
      apiRequest<CreatedWriteKey>('/write-keys', { method: 'POST', body: { source } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trackingKeys.writeKeys }),
  });
}

/** Revokes a write key: events sent with it get 401 from then on. */
export function useRevokeWriteKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<void>(`/write-keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: trackingKeys.writeKeys }),
  });
}

/** Groups and users whose events wait for an account (admins and managers: `tracking.read`). */
export function useUnmatchedTracking() {
  return useQuery({
    queryKey: trackingKeys.unmatched,
    queryFn: ({ signal }) => apiRequest<UnmatchedTracking>('/tracking/unmatched', { signal }),
    retry,
  });
}

function mappingPath(target: UnmatchedTarget): string {
  const source = encodeURIComponent(target.source);
  return target.kind === 'group'
    ? `/tracking/groups/${source}/${encodeURIComponent(target.groupId)}/account`
    : `/tracking/users/${source}/${encodeURIComponent(target.userKey)}/account`;
}

/**
 * Maps a group or a user to an account: every waiting event is attributed to it in one transaction.
 * Refreshes the unmatched list and anything about accounts (their usage and health changed).
 */
export function useMapToAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ target, accountId }: { target: UnmatchedTarget; accountId: string }) =>
      apiRequest<MappedToAccount>(mappingPath(target), { method: 'PUT', body: { accountId } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trackingKeys.unmatched });
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
    },
  });
}
