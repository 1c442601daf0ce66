import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SavedView, SavedViewList, SavedViewPage } from '../../shared/api/views.contract';
import { apiRequest } from './api-client';

/** Query keys of the saved views; kept here, beside their only users. */
export const savedViewKeys = {
  all: ['views'] as const,
  list: (page: SavedViewPage) => ['views', page] as const,
};

/** The signed-in user's saved views of a list, by name. */
export function useSavedViews(page: SavedViewPage) {
  return useQuery({
    queryKey: savedViewKeys.list(page),
    queryFn: ({ signal }) => apiRequest<SavedViewList>('/views', { signal, query: { page } }),
    select: (data) => data.items,
  });
}

/** Saves the current view under a name (409 when the user already has one by that name). */
export function useCreateSavedView(page: SavedViewPage) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; query: string }) =>
      apiRequest<SavedView>('/views', { method: 'POST', body: { page, ...body } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewKeys.list(page) }),
  });
}

/** Renames a saved view, or points it at another query. */
export function useUpdateSavedView(page: SavedViewPage) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; name?: string; query?: string }) =>
      apiRequest<SavedView>(`/views/${encodeURIComponent(id)}`, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewKeys.list(page) }),
  });
}

export function useDeleteSavedView(page: SavedViewPage) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/views/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewKeys.list(page) }),
  });
}
