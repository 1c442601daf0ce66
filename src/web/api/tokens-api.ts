import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from './api-client';

/** What an API token may do, at most (the owner's role still limits it). */
export const tokenScopes = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof tokenScopes)[number];

/**
 * One of the signed-in user's API tokens as GET /api/v1/tokens lists it
 * (src/server/features/tokens/token.routes.ts; there is no shared contract for tokens yet).
 */
export interface ApiToken {
  id: string;
  name: string;
  scope: TokenScope;
  /** The token's first characters, to recognise it; the token itself is shown only when created. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** POST /tokens answers with the token itself, this once; only its hash is stored. */
export type CreatedApiToken = ApiToken & { token: string };

/** Query keys of Settings → API tokens. */
export const tokenKeys = {
  mine: ['tokens', 'mine'] as const,
};

/** The signed-in user's own API tokens, revoked ones included. */
export function useApiTokens() {
  return useQuery({
    queryKey: tokenKeys.mine,
    queryFn: ({ signal }) => apiRequest<{ items: ApiToken[] }>('/tokens', { signal }),
    select: (data) => data.items,
    retry: (failureCount, error) =>
      !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scope: TokenScope }) =>
      apiRequest<CreatedApiToken>('/tokens', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.mine }),
  });
}

/** Revokes a token: requests with it get 401 from then on. */
export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokenKeys.mine }),
  });
}
