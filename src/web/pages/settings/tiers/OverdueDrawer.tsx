import { Anchor, Drawer, Group, SegmentedControl, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CadenceKind } from '../../../../shared/api/tiers.contract';
import { useOverdueAccounts } from '../../../api/tiers-api';
import { ErrorState } from '../../../components/ErrorState';
import { Notice } from '../../../components/Notice';
import { formatDate } from '../../../format/dates';
import { TablePager } from '../../segments/TablePager';

const PAGE_SIZE = 25;

/** Which overdue list to show: a cadence and a tier (null: every tier). */
export interface OverdueTarget {
  kind: CadenceKind;
  tier: { id: string; name: string } | null;
}

function OverdueList({ target }: { target: OverdueTarget }) {
  const [kind, setKind] = useState<CadenceKind>(target.kind);
  const [page, setPage] = useState(1);
  const overdue = useOverdueAccounts({ kind, tier: target.tier?.id, page, pageSize: PAGE_SIZE });
  const data = overdue.data;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <SegmentedControl
          aria-label="Cadence"
          value={kind}
          onChange={(value) => {
            setKind(value === 'check_in' ? 'check_in' : 'ebr');
            setPage(1);
          }}
          data={[
            { value: 'ebr', label: 'EBR overdue' },
            { value: 'check_in', label: 'Check-in overdue' },
          ]}
        />
        {data && (
          <Text size="sm" c="dimmed">
            As of {formatDate(data.asOf)}
          </Text>
        )}
      </Group>
      {overdue.isPending ? (
        <Skeleton height={200} aria-label="Loading overdue accounts" />
      ) : overdue.isError ? (
        <ErrorState
          title="Could not load the overdue accounts"
          error={overdue.error}
          onRetry={() => void overdue.refetch()}
        />
      ) : data && data.total === 0 ? (
        <Notice
          py={40}
          title="Nobody is overdue"
          description={`Every account${target.tier ? ` in ${target.tier.name}` : ''} had its ${kind === 'ebr' ? 'EBR or QBR' : 'call or meeting'} within the cadence.`}
        />
      ) : data ? (
        <>
          <Table verticalSpacing="xs" aria-label="Overdue accounts" aria-busy={overdue.isPlaceholderData}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Account</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Last {kind === 'ebr' ? 'EBR' : 'check-in'}</Table.Th>
                <Table.Th ta="right">Days overdue</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((item) => (
                <Table.Tr key={item.account.id} data-testid="overdue-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/accounts/${item.account.id}`} size="sm" fw={600}>
                      {item.account.name}
                    </Anchor>
                    {!target.tier && (
                      <Text size="xs" c="dimmed">
                        {item.tier}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td fz="sm">{item.owner?.name ?? 'Unassigned'}</Table.Td>
                  <Table.Td fz="sm">
                    {item.lastTouchOn
                      ? formatDate(item.lastTouchOn)
                      : `None since ${formatDate(item.customerSince)}`}
                  </Table.Td>
                  <Table.Td
                    ta="right"
                    fz="sm"
                    fw={600}
                    c="red"
                    style={{ fontVariantNumeric: 'tabular-nums' }}
                  >
                    {item.daysOverdue.toLocaleString()}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <TablePager total={data.total} page={page} pageSize={PAGE_SIZE} noun="accounts" onPage={setPage} />
        </>
      ) : null}
    </Stack>
  );
}

/** The accounts overdue on a tier's EBR or check-in cadence, the longest overdue first. */
export function OverdueDrawer({
  target,
  opened,
  onClose,
}: {
  target: OverdueTarget | null;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="xl"
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={<Text fw={650}>Overdue accounts{target?.tier ? ` · ${target.tier.name}` : ''}</Text>}
    >
      {target && <OverdueList key={`${target.kind}-${target.tier?.id ?? 'all'}`} target={target} />}
    </Drawer>
  );
}
