import { Anchor, Badge, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Account360 } from '../../../shared/api/account-360.contract';
import { useAccountChildren } from '../../api/account-360-api';
import { AccountStatusBadge } from '../../components/AccountStatusBadge';
import { ErrorState } from '../../components/ErrorState';
import { bandColor, formatScore } from '../../format/health';
import { formatMoney } from '../../format/money';

function ChildRows({ accountId }: { accountId: string }) {
  const children = useAccountChildren(accountId, true);
  if (children.isPending) return <Skeleton h={80} aria-label="Loading child accounts" />;
  if (children.isError)
    return (
      <ErrorState
        title="Could not load the child accounts"
        error={children.error}
        onRetry={() => void children.refetch()}
      />
    );
  return (
    <Stack gap="xs">
      <Table verticalSpacing={6} aria-label="Child accounts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Child account</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Health</Table.Th>
            <Table.Th ta="right">ARR</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {children.data.items.map((child) => (
            <Table.Tr key={child.id}>
              <Table.Td>
                <Anchor component={Link} to={`/accounts/${child.id}`} size="sm">
                  {child.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <AccountStatusBadge status={child.status} size="sm" />
              </Table.Td>
              <Table.Td>
                {child.health?.band ? (
                  <Group gap={6} wrap="nowrap">
                    <Badge
                      variant="light"
                      size="sm"
                      color={bandColor(child.health.bandIndex ?? -1, child.health.bandCount)}
                    >
                      {child.health.band}
                    </Badge>
                    {child.health.score !== null && (
                      <Text size="xs" c="dimmed">
                        {formatScore(child.health.score)}
                      </Text>
                    )}
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    Not scored
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatMoney(child.arr, { wholeUnits: true })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" ta="right">
        Roll-up ARR (this account and everything below it){' '}
        <Text span fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatMoney(children.data.rollupArr, { wholeUnits: true })}
        </Text>
      </Text>
    </Stack>
  );
}

/** The account's place in its hierarchy: its parent (a link) and its children with ARR and health. */
export function ChildAccounts({ data }: { data: Account360 }) {
  const hasChildren = data.children.length > 0;
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h4" mb="sm">
        {hasChildren ? 'Child accounts' : 'Account family'}
      </Title>
      <Stack gap="sm">
        {data.parent && (
          <Text size="sm">
            Part of{' '}
            <Anchor component={Link} to={`/accounts/${data.parent.id}`}>
              {data.parent.name}
            </Anchor>
          </Text>
        )}
        {hasChildren ? (
          <ChildRows accountId={data.account.id} />
        ) : (
          !data.parent && (
            <Text size="sm" c="dimmed">
              A top-level account with no child accounts.
            </Text>
          )
        )}
      </Stack>
    </Paper>
  );
}
