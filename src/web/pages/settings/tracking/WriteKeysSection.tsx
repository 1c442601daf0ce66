import { Badge, Button, Code, Paper, Skeleton, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { WriteKey } from '../../../../shared/api/tracking.contract';
import { useRevokeWriteKey, useWriteKeys } from '../../../api/tracking-api';
import { ErrorState } from '../../../components/ErrorState';
import { Notice } from '../../../components/Notice';
import { formatDateTime } from '../../../format/dates';
import { ConfirmModal } from '../ConfirmModal';
import { formatMomentOrNever } from '../settings-format';
import { SettingsSection } from '../SettingsSection';
import { useDialogTarget } from '../use-dialog-target';
import { CreateWriteKeyModal } from './CreateWriteKeyModal';
import { notify } from '../notify';

/** Write keys of the tracking endpoints (admins): one per source, created once, revoked when leaked. */
export function WriteKeysSection() {
  const keys = useWriteKeys();
  const revoke = useRevokeWriteKey();
  const [creating, setCreating] = useState(false);
  const revoking = useDialogTarget<WriteKey>();

  const confirmRevoke = () => {
    const key = revoking.target;
    if (!key) return;
    revoke.mutate(key.id, {
      onSuccess: () => {
        notify('teal', `Revoked the write key of ${key.source}. Its events now get 401.`);
        revoking.close();
      },
    });
  };

  return (
    <SettingsSection
      title="Write keys"
      description="Your product sends usage events to Cycle with a Segment library; each source (web-app, ios, backend) has its own key."
      action={<Button onClick={() => setCreating(true)}>Create write key</Button>}
    >
      {keys.isPending ? (
        <Skeleton height={120} aria-label="Loading write keys" />
      ) : keys.isError ? (
        <ErrorState
          title="Could not load the write keys"
          error={keys.error}
          onRetry={() => void keys.refetch()}
        />
      ) : keys.data.length === 0 ? (
        <Paper withBorder>
          <Notice
            py={40}
            title="No write keys yet"
            description="Create a key for each app that sends events. It is shown once, with an example to paste into your code."
          />
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Write keys">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Source</Table.Th>
                  <Table.Th>Key</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {keys.data.map((key) => (
                  <Table.Tr key={key.id} data-testid="write-key-row">
                    <Table.Td fw={600}>{key.source}</Table.Td>
                    <Table.Td>
                      <Code>{key.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>{formatDateTime(key.createdAt)}</Table.Td>
                    <Table.Td>{formatMomentOrNever(key.lastUsedAt)}</Table.Td>
                    <Table.Td>
                      {key.revokedAt === null ? (
                        <Badge color="teal" variant="light">
                          Active
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          Revoked {formatDateTime(key.revokedAt)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {key.revokedAt === null && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => {
                            revoke.reset();
                            revoking.open(key);
                          }}
                          aria-label={`Revoke the write key of ${key.source}`}
                        >
                          Revoke
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <CreateWriteKeyModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmModal
        opened={revoking.opened}
        title="Revoke write key"
        confirmLabel="Revoke write key"
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={confirmRevoke}
        onClose={revoking.close}
      >
        Events sent with the key of <strong>{revoking.target?.source}</strong> ({revoking.target?.prefix}…)
        will be refused with 401 from now on. This cannot be undone; you can create a new key for the source
        afterwards.
      </ConfirmModal>
    </SettingsSection>
  );
}
