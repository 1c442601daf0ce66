import { Alert, Anchor, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { RebalancePreview } from '../../../shared/api/capacity.contract';
import { ApiError, errorMessage } from '../../api/api-client';
import { useApplyRebalance, usePreviewRebalance } from '../../api/capacity-api';
import { IconAlert } from '../../components/icons';
import { notify } from '../settings/notify';
import { formatUnits, formatUtilisation } from './capacity-format';

const numeric = { fontVariantNumeric: 'tabular-nums' } as const;

function LoadsTable({ preview }: { preview: RebalancePreview }) {
  const after = new Map(preview.after.map((load) => [load.csmId, load]));
  return (
    <Table verticalSpacing="xs" aria-label="Load before and after" data-testid="rebalance-loads" maw={720}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>CSM</Table.Th>
          <Table.Th ta="right">Before</Table.Th>
          <Table.Th ta="right">After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {preview.before.map((load) => {
          const next = after.get(load.csmId) ?? load;
          const changed = next.workload !== load.workload;
          return (
            <Table.Tr key={load.csmId} data-testid="load-row" data-csm={load.name}>
              <Table.Td fz="sm">{load.name}</Table.Td>
              <Table.Td ta="right" fz="sm" style={numeric}>
                {formatUnits(load.workload)} / {formatUnits(load.capacity)} ·{' '}
                {formatUtilisation(load.utilisation)}
              </Table.Td>
              <Table.Td ta="right" fz="sm" fw={changed ? 650 : undefined} style={numeric}>
                {formatUnits(next.workload)} / {formatUnits(next.capacity)} ·{' '}
                {formatUtilisation(next.utilisation)}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function MovesTable({ preview }: { preview: RebalancePreview }) {
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table verticalSpacing="xs" aria-label="Proposed moves" data-testid="rebalance-moves">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Account</Table.Th>
            <Table.Th>From → to</Table.Th>
            <Table.Th ta="right">Weight</Table.Th>
            <Table.Th>Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.moves.map((move) => (
            <Table.Tr key={move.accountId} data-testid="move-row">
              <Table.Td>
                <Anchor component={Link} to={`/accounts/${move.accountId}`} size="sm" fw={600}>
                  {move.accountName}
                </Anchor>
              </Table.Td>
              <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                {move.fromName} → {move.toName}
              </Table.Td>
              <Table.Td ta="right" fz="sm" style={numeric}>
                {formatUnits(move.weight)}
              </Table.Td>
              <Table.Td fz="sm" maw={360}>
                {move.reason}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Rebalancing: a preview of the fewest moves that bring every overloaded CSM within capacity (nothing
 * moves), load before and after, what cannot be resolved and why; a manager accepts it, and a 409
 * (the books changed meanwhile) offers a fresh preview.
 */
export function RebalancePanel({ canApply }: { canApply: boolean }) {
  const preview = usePreviewRebalance();
  const apply = useApplyRebalance();
  const data = preview.data;
  const names = new Map((data?.before ?? []).map((load) => [load.csmId, load.name]));
  const stale = apply.error instanceof ApiError && apply.error.status === 409;
  const runPreview = () => {
    apply.reset();
    preview.mutate();
  };
  const accept = (proposal: RebalancePreview) =>
    apply.mutate(
      {
        moves: proposal.moves.map(({ accountId, fromId, toId }) => ({ accountId, fromId, toId })),
        basis: proposal.basis,
      },
      {
        onSuccess: (result) => {
          notify(
            'teal',
            `Moved ${result.applied.toLocaleString()} ${result.applied === 1 ? 'account' : 'accounts'}; the books are updated.`,
          );
          preview.reset();
        },
      },
    );

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="rebalance-title">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={2} size="h4" id="rebalance-title">
            Rebalancing
          </Title>
          <Text size="sm" c="dimmed" maw={720}>
            Proposes the fewest moves that bring every overloaded CSM within capacity: the most recently
            assigned accounts move first (long relationships stay), each only to a CSM who covers its tier.
            Nothing moves until you accept.
          </Text>
        </div>
        <Button variant={data ? 'default' : 'filled'} onClick={runPreview} loading={preview.isPending}>
          {data ? 'Preview again' : 'Preview rebalancing'}
        </Button>
      </Group>
      {preview.isError && (
        <Alert color="red" variant="light" icon={<IconAlert />} title="Could not preview" role="alert">
          {errorMessage(preview.error)}
        </Alert>
      )}
      {data && (
        <Stack gap="md" data-testid="rebalance-preview">
          {data.moves.length === 0 && data.unresolved.length === 0 ? (
            <Text size="sm">Every CSM is within capacity: there is nothing to move.</Text>
          ) : (
            <Text size="sm" fw={600} data-testid="rebalance-summary">
              {data.moves.length === 0
                ? 'No move can help.'
                : `${data.moves.length.toLocaleString()} ${data.moves.length === 1 ? 'move' : 'moves'} proposed.`}
            </Text>
          )}
          {data.moves.length > 0 && <MovesTable preview={data} />}
          <div>
            <Title order={3} size="h5" mb={4}>
              Load before and after (workload / capacity units · utilisation)
            </Title>
            <LoadsTable preview={data} />
          </div>
          {data.unresolved.length > 0 && (
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlert />}
              title="Not everything can be resolved"
              data-testid="rebalance-unresolved"
            >
              <List size="sm">
                {data.unresolved.map((item) => (
                  <List.Item key={item.csmId}>
                    {names.get(item.csmId) ?? 'A CSM'} stays {formatUnits(item.excess)} units over: {item.why}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {stale && (
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlert />}
              title="The books changed since this preview"
              role="alert"
            >
              <Stack gap="xs" align="flex-start">
                <Text size="sm">
                  {errorMessage(apply.error)} Nothing was moved. Preview again to get a proposal for the books
                  as they are now.
                </Text>
                <Button size="compact-sm" onClick={runPreview} loading={preview.isPending}>
                  Preview again
                </Button>
              </Stack>
            </Alert>
          )}
          {apply.isError && !stale && (
            <Alert color="red" variant="light" icon={<IconAlert />} title="Not applied" role="alert">
              {errorMessage(apply.error)}
            </Alert>
          )}
          {data.moves.length > 0 && !stale && (
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => preview.reset()}>
                Discard
              </Button>
              {canApply ? (
                <Button onClick={() => accept(data)} loading={apply.isPending}>
                  Accept and move {data.moves.length.toLocaleString()}{' '}
                  {data.moves.length === 1 ? 'account' : 'accounts'}
                </Button>
              ) : (
                <Text size="sm" c="dimmed">
                  A manager or admin can accept it.
                </Text>
              )}
            </Group>
          )}
        </Stack>
      )}
    </Paper>
  );
}
