import {
  Alert,
  Button,
  Drawer,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useId, useState } from 'react';
import type { Webhook, WebhookDelivery } from '../../../../shared/api/webhooks.contract';
import { errorMessage } from '../../../api/api-client';
import {
  DELIVERIES_PER_PAGE,
  useRetryDelivery,
  useWebhookDeliveries,
  type WebhookDeliveryStatus,
} from '../../../api/webhooks-api';
import { ErrorState } from '../../../components/ErrorState';
import { Notice } from '../../../components/Notice';
import { formatDateTime } from '../../../format/dates';
import { DeliveryStatusBadge } from './DeliveryStatusBadge';
import { deliveryStatusLabels } from './webhook-events';
import { notify } from '../notify';

type StatusFilter = WebhookDeliveryStatus | 'all';

const filterOptions: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'pending', label: deliveryStatusLabels.pending },
  { value: 'succeeded', label: deliveryStatusLabels.succeeded },
  { value: 'failed', label: deliveryStatusLabels.failed },
];

/** When it was delivered, or (pending) when it is tried next, or (failed) that it gave up. */
function deliveryOutcome(delivery: WebhookDelivery): string {
  if (delivery.deliveredAt) return `Delivered ${formatDateTime(delivery.deliveredAt)}`;
  if (delivery.status === 'pending')
    return delivery.nextAttemptAt ? `Next attempt ${formatDateTime(delivery.nextAttemptAt)}` : 'Sending now';
  return delivery.lastAttemptAt ? `Gave up ${formatDateTime(delivery.lastAttemptAt)}` : 'Gave up';
}

function DeliveryRow({ webhookId, delivery }: { webhookId: string; delivery: WebhookDelivery }) {
  const retry = useRetryDelivery();
  return (
    <Table.Tr data-testid="delivery-row">
      <Table.Td>
        <Text size="sm" ff="monospace">
          {delivery.eventType}
        </Text>
      </Table.Td>
      <Table.Td>
        <DeliveryStatusBadge status={delivery.status} />
      </Table.Td>
      <Table.Td ta="right">{delivery.attempts.toLocaleString()}</Table.Td>
      <Table.Td ta="right">{delivery.lastStatusCode ?? '—'}</Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={2} maw={220} c={delivery.lastError ? undefined : 'dimmed'}>
          {delivery.lastError ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>{formatDateTime(delivery.createdAt)}</Table.Td>
      <Table.Td>{deliveryOutcome(delivery)}</Table.Td>
      <Table.Td ta="right">
        {delivery.status === 'failed' && (
          <Button
            size="compact-sm"
            variant="light"
            loading={retry.isPending}
            aria-label={`Retry delivery ${delivery.id} (${delivery.eventType})`}
            onClick={() =>
              retry.mutate(
                { webhookId, deliveryId: delivery.id },
                {
                  onSuccess: () => notify('teal', `Sending ${delivery.eventType} again.`),
                  onError: (error) => notify('red', `Not retried: ${errorMessage(error)}`),
                },
              )
            }
          >
            Retry
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The delivery log of one webhook, newest first, filtered by status; follows pending ones live. */
export function DeliveryLogDrawer({
  webhook,
  opened,
  onClose,
}: {
  webhook: Webhook | null;
  opened: boolean;
  onClose: () => void;
}) {
  const [filter, setFilter] = useState<StatusFilter>('all');
  const filterLabelId = useId();
  const deliveries = useWebhookDeliveries(
    opened ? (webhook?.id ?? null) : null,
    filter === 'all' ? null : filter,
  );
  const polling = deliveries.data?.deliveries.some((delivery) => delivery.status === 'pending') ?? false;

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={() => setFilter('all')}
      closeButtonProps={{ 'aria-label': 'Close the delivery log' }}
      position="right"
      size="min(1080px, 100%)"
      title={
        <Stack gap={0}>
          <Text fw={650}>Delivery log</Text>
          <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {webhook?.url}
          </Text>
        </Stack>
      }
    >
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Group gap="xs">
            <Text size="sm" fw={500} id={filterLabelId}>
              Status
            </Text>
            <SegmentedControl
              aria-labelledby={filterLabelId}
              size="xs"
              value={filter}
              onChange={(value) => setFilter(value as StatusFilter)}
              data={filterOptions}
            />
          </Group>
          {polling && (
            <Group gap={6} role="status">
              <Loader size={14} />
              <Text size="sm" c="dimmed">
                Refreshing every 3 seconds while a delivery is pending
              </Text>
            </Group>
          )}
        </Group>
        {deliveries.isPending ? (
          <Skeleton height={160} aria-label="Loading deliveries" />
        ) : deliveries.isError ? (
          <ErrorState
            title="Could not load the deliveries"
            error={deliveries.error}
            onRetry={() => void deliveries.refetch()}
          />
        ) : deliveries.data.deliveries.length === 0 ? (
          <Paper withBorder>
            <Notice
              py={40}
              headingOrder={3}
              title={
                filter === 'all'
                  ? 'No deliveries yet'
                  : `No ${deliveryStatusLabels[filter].toLowerCase()} deliveries`
              }
              description={
                filter === 'all'
                  ? 'Events show here as they are sent. Use Send test to check the URL now.'
                  : 'Choose All to see every recent delivery.'
              }
            />
          </Paper>
        ) : (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={960}>
              <Table verticalSpacing="sm" horizontalSpacing="sm" aria-label="Deliveries">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Event</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th ta="right">Attempts</Table.Th>
                    <Table.Th ta="right">Response</Table.Th>
                    <Table.Th>Last error</Table.Th>
                    <Table.Th>Created</Table.Th>
                    <Table.Th>Delivered or next attempt</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {deliveries.data.deliveries.map((delivery) => (
                    <DeliveryRow key={delivery.id} webhookId={webhook?.id ?? ''} delivery={delivery} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
        {deliveries.isFetchNextPageError && (
          <Alert color="red" variant="light" role="alert" title="Could not load older deliveries">
            The server did not answer. Press Show older deliveries to try again.
          </Alert>
        )}
        {deliveries.hasNextPage && (
          <Group justify="center">
            <Button
              variant="default"
              onClick={() => void deliveries.fetchNextPage()}
              loading={deliveries.isFetchingNextPage}
            >
              Show older deliveries
            </Button>
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {deliveries.data && deliveries.data.deliveries.length > 0
            ? `Newest first: ${deliveries.data.deliveries.length.toLocaleString()} shown${deliveries.hasNextPage ? `, ${DELIVERIES_PER_PAGE} more with each Show older` : ', that is all of them'}. `
            : ''}
          A failed delivery has used up its retries; Retry sends it again now.
        </Text>
      </Stack>
    </Drawer>
  );
}
