import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Menu,
  Paper,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import type { Webhook } from '../../../../shared/api/webhooks.contract';
import { errorMessage } from '../../../api/api-client';
import {
  useDeleteWebhook,
  useSendTestEvent,
  useSetWebhookActive,
  useWebhooks,
} from '../../../api/webhooks-api';
import { ErrorState } from '../../../components/ErrorState';
import { Notice } from '../../../components/Notice';
import { ConfirmModal } from '../ConfirmModal';
import { SettingsSection } from '../SettingsSection';
import { useDialogTarget } from '../use-dialog-target';
import { CreateWebhookModal } from './CreateWebhookModal';
import { DeliveryLogDrawer } from './DeliveryLogDrawer';
import { RevealSecretModal } from './RevealSecretModal';
import { webhookFormatLabels } from './webhook-events';
import { notify } from '../notify';

/** Three dots, for the row's menu of less frequent actions. */
function IconDots() {
  return (
    <svg width={18} height={18} viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" focusable="false">
      <circle cx="5" cy="12" r="1.8" />
      <circle cx="12" cy="12" r="1.8" />
      <circle cx="19" cy="12" r="1.8" />
    </svg>
  );
}

/** The last 7 days at a glance: succeeded, pending and failed deliveries (zeros left out). */
function RecentDeliveries({ recent }: { recent: Webhook['recent'] }) {
  const parts = [
    { count: recent.succeeded, label: 'succeeded', color: 'teal' },
    { count: recent.pending, label: 'pending', color: 'yellow' },
    { count: recent.failed, label: 'failed', color: 'red' },
  ].filter((part) => part.count > 0);
  if (parts.length === 0)
    return (
      <Text size="sm" c="dimmed">
        None
      </Text>
    );
  return (
    <Group gap={4} data-testid="recent-deliveries">
      {parts.map((part) => (
        <Badge key={part.label} color={part.color} variant="light">
          {part.count.toLocaleString()} {part.label}
        </Badge>
      ))}
    </Group>
  );
}

function WebhookRow({
  webhook,
  onShowLog,
  onRevealSecret,
  onDelete,
}: {
  webhook: Webhook;
  onShowLog: () => void;
  onRevealSecret: () => void;
  onDelete: () => void;
}) {
  const setActive = useSetWebhookActive();
  const sendTest = useSendTestEvent();
  const active = setActive.isPending ? (setActive.variables?.active ?? webhook.active) : webhook.active;
  return (
    <Table.Tr data-testid="webhook-row">
      <Table.Td miw={260}>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {webhook.url}
        </Text>
        {webhook.description && (
          <Text size="xs" c="dimmed">
            {webhook.description}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {webhook.events.map((event) => (
            <Badge key={event} variant="outline" color="gray" tt="none" ff="monospace" fw={500}>
              {event}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>{webhookFormatLabels[webhook.format]}</Table.Td>
      <Table.Td>
        <Switch
          checked={active}
          label="Active"
          aria-label={`Active: ${webhook.url}`}
          onChange={(event) =>
            setActive.mutate(
              { id: webhook.id, active: event.currentTarget.checked },
              {
                onError: (error) => notify('red', `Not changed: ${errorMessage(error)}`),
              },
            )
          }
        />
      </Table.Td>
      <Table.Td>
        <RecentDeliveries recent={webhook.recent} />
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap" justify="flex-end">
          <Button
            size="compact-sm"
            variant="default"
            onClick={onShowLog}
            aria-label={`Delivery log of ${webhook.url}`}
          >
            Delivery log
          </Button>
          <Button
            size="compact-sm"
            variant="light"
            loading={sendTest.isPending}
            aria-label={`Send test to ${webhook.url}`}
            onClick={() =>
              sendTest.mutate(webhook.id, {
                onSuccess: () => {
                  notify('teal', `Sent a webhook.test event to ${webhook.url}.`);
                  onShowLog();
                },
                onError: (error) => notify('red', `Test not sent: ${errorMessage(error)}`),
              })
            }
          >
            Send test
          </Button>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`More actions for ${webhook.url}`}>
                <IconDots />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={onRevealSecret}>Reveal secret</Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" onClick={onDelete}>
                Delete webhook
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Settings → Webhooks (admins): where events go, whether they arrive, and the log of each delivery. */
export function WebhooksTab() {
  const webhooks = useWebhooks();
  const deleteWebhook = useDeleteWebhook();
  const [creating, setCreating] = useState(false);
  const log = useDialogTarget<Webhook>();
  const secret = useDialogTarget<Webhook>();
  const deleting = useDialogTarget<Webhook>();

  const confirmDelete = () => {
    const webhook = deleting.target;
    if (!webhook) return;
    deleteWebhook.mutate(webhook.id, {
      onSuccess: () => {
        notify('teal', `Deleted the webhook to ${webhook.url}.`);
        deleting.close();
      },
    });
  };

  return (
    <Stack gap="xl">
      <SettingsSection
        title="Webhooks"
        description="Cycle POSTs a signed event to each URL when something important happens: a health band changes, an account churns, a survey answer arrives, an import completes."
        action={<Button onClick={() => setCreating(true)}>Add webhook</Button>}
      >
        {webhooks.isPending ? (
          <Skeleton height={140} aria-label="Loading webhooks" />
        ) : webhooks.isError ? (
          <ErrorState
            title="Could not load the webhooks"
            error={webhooks.error}
            onRetry={() => void webhooks.refetch()}
          />
        ) : webhooks.data.length === 0 ? (
          <Paper withBorder>
            <Notice
              py={40}
              title="No webhooks yet"
              description="Add one to tell another tool (your own service, an automation platform or a Slack channel) when an account churns or its health changes."
            />
          </Paper>
        ) : (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={1080}>
              <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Webhooks">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>URL</Table.Th>
                    <Table.Th>Events</Table.Th>
                    <Table.Th>Format</Table.Th>
                    <Table.Th>Active</Table.Th>
                    <Table.Th>Last 7 days</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {webhooks.data.map((webhook) => (
                    <WebhookRow
                      key={webhook.id}
                      webhook={webhook}
                      onShowLog={() => log.open(webhook)}
                      onRevealSecret={() => secret.open(webhook)}
                      onDelete={() => {
                        deleteWebhook.reset();
                        deleting.open(webhook);
                      }}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </SettingsSection>
      <CreateWebhookModal opened={creating} onClose={() => setCreating(false)} />
      <DeliveryLogDrawer webhook={log.target} opened={log.opened} onClose={log.close} />
      <RevealSecretModal webhook={secret.target} opened={secret.opened} onClose={secret.close} />
      <ConfirmModal
        opened={deleting.opened}
        title="Delete webhook"
        confirmLabel="Delete webhook"
        pending={deleteWebhook.isPending}
        error={deleteWebhook.error}
        onConfirm={confirmDelete}
        onClose={deleting.close}
      >
        <strong>{deleting.target?.url}</strong> will get no more events, and its delivery log is deleted with
        it. This cannot be undone.
      </ConfirmModal>
    </Stack>
  );
}
