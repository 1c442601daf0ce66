import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import type { Webhook } from '../../../../shared/api/webhooks.contract';
import { errorMessage } from '../../../api/api-client';
import { useRevealWebhookSecret } from '../../../api/webhooks-api';
import { IconAlert } from '../../../components/icons';
import { SecretValue } from '../SecretValue';

/** Fetches and shows a webhook's signing secret when an admin asks for it; it is not kept afterwards. */
export function RevealSecretModal({
  webhook,
  opened,
  onClose,
}: {
  webhook: Webhook | null;
  opened: boolean;
  onClose: () => void;
}) {
  const reveal = useRevealWebhookSecret();
  const { mutate, reset } = reveal;
  const webhookId = webhook?.id;
  useEffect(() => {
    if (opened && webhookId) mutate(webhookId);
  }, [opened, webhookId, mutate]);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={reset}
      closeButtonProps={{ 'aria-label': 'Close' }}
      size="lg"
      title={<Text fw={650}>Signing secret</Text>}
    >
      <Stack gap="md">
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          Requests to <strong>{webhook?.url}</strong> are signed with this secret (the{' '}
          <code>Cycle-Signature</code> header). Anyone who has it can forge events, so share it only with the
          receiver.
        </Text>
        {reveal.isPending && (
          <Group gap="xs" role="status">
            <Loader size="sm" />
            <Text size="sm">Fetching the secret…</Text>
          </Group>
        )}
        {reveal.isError && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlert />}
            title="Could not reveal the secret"
            role="alert"
          >
            {errorMessage(reveal.error)}
          </Alert>
        )}
        {reveal.data && <SecretValue label="Signing secret" value={reveal.data} />}
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            Done
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
