import type { QueryValues } from './api-client';

/** Every TanStack Query key of the app in one place, so invalidation cannot miss a spelling. */
export const queryKeys = {
  me: ['me'] as const,
  workspace: ['workspace'] as const,
  users: ['users'] as const,
  accountList: (query: QueryValues) => ['accounts', 'list', query] as const,
  account: (id: string) => ['accounts', 'detail', id] as const,
  activities: (accountId: string) => ['accounts', 'detail', accountId, 'activities'] as const,
};
