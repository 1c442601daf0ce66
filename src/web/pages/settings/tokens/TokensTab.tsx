import { Badge, Button, Code, Paper, Skeleton, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { type ApiToken, useApiTokens, useRevokeApiToken } from '../../../api/tokens-api';
import { ErrorState } from '../../../components/ErrorState';
import { Notice } from '../../../components/Notice';
import { formatDateTime } from '../../../format/dates';
import { ConfirmModal } from '../ConfirmModal';
import { formatMomentOrNever } from '../settings-format';
import { SettingsSection } from '../SettingsSection';
import { useDialogTarget } from '../use-dialog-target';
import { CreateTokenModal } from './CreateTokenModal';
import { tokenScopeLabels } from './token-scopes';
import { notify } from '../notify';

/** Settings → API tokens: the signed-in user's own tokens for scripts and integrations. */
export function TokensTab() {
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);
  const revoking = useDialogTarget<ApiToken>();

  const confirmRevoke = () => {
    const token = revoking.target;
    if (!token) return;
    revoke.mutate(token.id, {
      onSuccess: () => {
        notify('teal', `Revoked the token "${token.name}".`);
        revoking.close();
      },
    });
  };

  return (
    <SettingsSection
      title="API tokens"
      description={
        <>
          Call the Cycle API as yourself from scripts and other tools: send a token as{' '}
          <Code>Authorization: Bearer &lt;token&gt;</Code>. Only you see your tokens.
        </>
      }
      action={<Button onClick={() => setCreating(true)}>Create token</Button>}
    >
      {tokens.isPending ? (
        <Skeleton height={120} aria-label="Loading API tokens" />
      ) : tokens.isError ? (
        <ErrorState
          title="Could not load your API tokens"
          error={tokens.error}
          onRetry={() => void tokens.refetch()}
        />
      ) : tokens.data.length === 0 ? (
        <Paper withBorder>
          <Notice
            py={40}
            title="No API tokens yet"
            description="Create one for each script or tool, with the narrowest scope it needs, so you can revoke it alone."
          />
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="API tokens">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Scope</Table.Th>
                  <Table.Th>Token</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.map((token) => (
                  <Table.Tr key={token.id} data-testid="token-row">
                    <Table.Td fw={600}>{token.name}</Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={
                          token.scope === 'admin' ? 'orange' : token.scope === 'write' ? 'indigo' : 'gray'
                        }
                      >
                        {tokenScopeLabels[token.scope]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Code>{token.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
                    <Table.Td>{formatMomentOrNever(token.lastUsedAt)}</Table.Td>
                    <Table.Td>
                      {token.revokedAt === null ? (
                        <Badge color="teal" variant="light">
                          Active
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed" data-testid="token-revoked">
                          Revoked {formatDateTime(token.revokedAt)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {token.revokedAt === null && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => {
                            revoke.reset();
                            revoking.open(token);
                          }}
                          aria-label={`Revoke the token ${token.name}`}
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
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmModal
        opened={revoking.opened}
        title="Revoke API token"
        confirmLabel="Revoke token"
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={confirmRevoke}
        onClose={revoking.close}
      >
        Requests with <strong>{revoking.target?.name}</strong> ({revoking.target?.prefix}…) will be refused
        from now on. This cannot be undone.
      </ConfirmModal>
    </SettingsSection>
  );
}
