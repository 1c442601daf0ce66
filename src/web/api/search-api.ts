import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchResult } from '../../shared/api/search.contract';
import { apiRequest } from './api-client';

/** The shortest text the server searches for. */
export const SEARCH_MIN_LENGTH = 2;

/** Global search's TanStack Query keys. */
export const searchQueryKeys = {
  results: (text: string) => ['search', text] as const,
};

/** Accounts and contacts matching `text` (GET /search); idle below 2 characters, keeps the last answer while typing. */
export function useGlobalSearch(text: string) {
  const trimmed = text.trim();
  return useQuery({
    queryKey: searchQueryKeys.results(trimmed),
    queryFn: ({ signal }) => apiRequest<SearchResult>('/search', { query: { q: trimmed, limit: 6 }, signal }),
    enabled: trimmed.length >= SEARCH_MIN_LENGTH,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
