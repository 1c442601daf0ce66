import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Webhook, WebhookDeliveriesPage, WebhookDelivery } from '../../shared/api/webhooks.contract';
import type { webhookDeliveryStatuses, webhookEventTypes, webhookFormats } from '../../shared/api/enums';
import { ApiError, apiRequest } from './api-client';

export type WebhookEventType = (typeof webhookEventTypes)[number];
export type WebhookFormat = (typeof webhookFormats)[number];
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/** POST /webhooks answers with the signing secret as well. */
export type CreatedWebhook = Webhook & { secret: string };

export interface WebhookCreate {
  url: string;
  events: WebhookEventType[];
  format: WebhookFormat;
  description: string | null;
}

/** Query keys of Settings → Webhooks; the list's 7-day counts refresh with every delivery change. */
export const webhookKeys = {
  all: ['webhooks'] as const,
  list: ['webhooks', 'list'] as const,
  deliveries: (webhookId: string, status: WebhookDeliveryStatus | null) =>
    ['webhooks', 'deliveries', webhookId, status ?? 'all'] as const,
};

const retry = (failureCount: number, error: unknown) =>
  !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2;

/**
 * Every webhook with its last 7 days of deliveries (admins: `webhooks.manage`); polls every 3 s
 * while any delivery is pending, so the counts follow the dispatcher.
 */
export function useWebhooks() {
  return useQuery({
    queryKey: webhookKeys.list,
    queryFn: ({ signal }) => apiRequest<{ items: Webhook[] }>('/webhooks', { signal }),
    select: (data) => data.items,
    refetchInterval: (query) =>
      query.state.data?.items.some((webhook) => webhook.recent.pending > 0) ? 3_000 : false,
    retry,
  });
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookCreate) => apiRequest<CreatedWebhook>('/webhooks', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.list }),
  });
}

/** Pauses or resumes a webhook (a paused one gets no new events). */
export function useSetWebhookActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      apiRequest<Webhook>(`/webhooks/${encodeURIComponent(id)}`, { method: 'PATCH', body: { active } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.list }),
  });
}

/** Deletes a webhook and its delivery log. */
export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/webhooks/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

/** Fetches a webhook's signing secret on request (never cached: it is shown, then forgotten). */
export function useRevealWebhookSecret() {
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<{ secret: string }>(`/webhooks/${encodeURIComponent(id)}/secret`).then(
        (body) => body.secret,
      ),
  });
}

/** Queues a `webhook.test` event for the webhook and sends it now. */
export function useSendTestEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<WebhookDelivery>(`/webhooks/${encodeURIComponent(id)}/test`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

/** Deliveries a page of the log holds. */
export const DELIVERIES_PER_PAGE = 50;

/**
 * A webhook's deliveries, newest first, optionally of one status, 50 a page ("Show older" fetches
 * the next). While any shown delivery is pending, the log polls every 3 s (every loaded page) so it
 * follows the dispatcher without a reload.
 */
export function useWebhookDeliveries(webhookId: string | null, status: WebhookDeliveryStatus | null) {
  return useInfiniteQuery({
    queryKey: webhookKeys.deliveries(webhookId ?? '', status),
    queryFn: ({ signal, pageParam }) =>
      apiRequest<WebhookDeliveriesPage>(`/webhooks/${encodeURIComponent(webhookId ?? '')}/deliveries`, {
        signal,
        query: { status, limit: DELIVERIES_PER_PAGE, before: pageParam },
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (lastPage) => lastPage.nextBefore ?? undefined,
    select: (data) => ({
      deliveries: data.pages.flatMap((page) => page.items),
      pages: data.pages.length,
    }),
    enabled: webhookId !== null,
    // The log is opened to see what happened just now: every opening asks the server again.
    staleTime: 0,
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((delivery) => delivery.status === 'pending'))
        ? 3_000
        : false,
    retry,
  });
}

/** Sends a failed (or waiting) delivery again now; the log and the 7-day counts refresh. */
export function useRetryDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ webhookId, deliveryId }: { webhookId: string; deliveryId: number }) =>
      apiRequest<null>(`/webhooks/${encodeURIComponent(webhookId)}/deliveries/${deliveryId}/retry`, {
        method: 'POST',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}
