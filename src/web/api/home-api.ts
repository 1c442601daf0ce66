import { useQuery } from '@tanstack/react-query';
import type { HomeBook, HomeTeam } from '../../shared/api/home.contract';
import { apiRequest } from './api-client';

/** Home's TanStack Query keys; everything under ['home'] refreshes together. */
export const homeQueryKeys = {
  all: ['home'] as const,
  book: (owner: string) => ['home', 'book', owner] as const,
  team: ['home', 'team'] as const,
};

/** A person's book of business: "me" or a user id (GET /home/book). */
export function useHomeBook(owner: string, enabled = true) {
  return useQuery({
    queryKey: homeQueryKeys.book(owner),
    queryFn: ({ signal }) => apiRequest<HomeBook>('/home/book', { query: { owner }, signal }),
    enabled,
  });
}

/** The team's retention, health per owner and renewals (GET /home/team). */
export function useHomeTeam(enabled = true) {
  return useQuery({
    queryKey: homeQueryKeys.team,
    queryFn: ({ signal }) => apiRequest<HomeTeam>('/home/team', { signal }),
    enabled,
  });
}
