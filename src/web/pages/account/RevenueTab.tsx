import { Alert, Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { Account360 } from '../../../shared/api/account-360.contract';
import type { AccountRevenue } from '../../../shared/api/account-tabs.contract';
import { useAccountRevenue } from '../../api/account-360-api';
import { ErrorState } from '../../components/ErrorState';
import { formatMonthLong, formatSignedMoney, formatWholeMoney } from '../../format/metric-values';
import { movementLabels } from './account-format';
import { KeyNumber } from './KeyNumber';
import { SubscriptionsTab } from './SubscriptionsTab';
import { TabEmpty } from './TabEmpty';
import { TabTable } from './TabTable';

const MrrHistoryChart = lazy(() =>
  import('./MrrHistoryChart').then((module) => ({ default: module.MrrHistoryChart })),
);

const badgeColors = {
  new: 'teal',
  expansion: 'teal',
  reactivation: 'cyan',
  contraction: 'orange',
  churn: 'red',
  none: 'gray',
} as const;

function MovementTable({ revenue }: { revenue: AccountRevenue }) {
  const moves = revenue.months.filter((month) => month.movement !== 'none').reverse();
  if (moves.length === 0) return null;
  return (
    <TabTable
      minWidth={560}
      columns={[
        { label: 'Month' },
        { label: 'Movement' },
        { label: 'Change', align: 'right' },
        { label: 'MRR at month end', align: 'right' },
      ]}
    >
      {moves.map((month) => (
        <Table.Tr key={month.month}>
          <Table.Td>{formatMonthLong(month.month)}</Table.Td>
          <Table.Td>
            <Badge variant="light" color={badgeColors[month.movement]} size="sm">
              {movementLabels[month.movement]}
            </Badge>
          </Table.Td>
          <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatSignedMoney(month.changeMinor, revenue.currency)}
          </Table.Td>
          <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatWholeMoney(month.mrrMinor, revenue.currency)}
          </Table.Td>
        </Table.Tr>
      ))}
    </TabTable>
  );
}

function MrrHistory({ accountId }: { accountId: string }) {
  const revenue = useAccountRevenue(accountId);
  if (revenue.isPending) return <Skeleton h={360} aria-label="Loading the MRR history" />;
  if (revenue.isError)
    return (
      <ErrorState
        title="Could not load the MRR history"
        error={revenue.error}
        onRetry={() => void revenue.refetch()}
      />
    );
  const { months, totals, currency } = revenue.data;
  if (months.length === 0) {
    return (
      <TabEmpty
        title="No MRR history"
        description="The monthly MRR history starts with the account's first subscription (from a billing import)."
      />
    );
  }
  const missingRates = [...new Set(months.flatMap((month) => month.missingRateCurrencies))];
  const gained = totals.newMinor + totals.expansionMinor + totals.reactivationMinor;
  const lost = totals.contractionMinor + totals.churnMinor;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        <KeyNumber
          label="MRR now"
          value={formatWholeMoney(months[months.length - 1]!.mrrMinor, currency)}
          hint={`Since ${formatMonthLong(months[0]!.month)}`}
        />
        <KeyNumber
          label="Gained"
          value={formatSignedMoney(gained, currency)}
          hint="New, expansion and reactivation"
        />
        <KeyNumber label="Lost" value={formatSignedMoney(-lost, currency)} hint="Contraction and churn" />
      </SimpleGrid>
      {missingRates.length > 0 && (
        <Alert color="orange" variant="light" title="Some revenue is left out">
          No exchange rate for {missingRates.join(', ')} in some months; those subscriptions are not counted.
          Add the rates to see the full MRR.
        </Alert>
      )}
      <Paper withBorder p="lg">
        <Title order={3} size="h5" mb="sm">
          Month-end MRR by movement
        </Title>
        <Suspense fallback={<Skeleton h={280} />}>
          <MrrHistoryChart revenue={revenue.data} />
        </Suspense>
      </Paper>
      <MovementTable revenue={revenue.data} />
    </Stack>
  );
}

/** The account's MRR history with its movements, then the subscriptions behind it. */
export function RevenueTab({
  accountId,
  subscriptions,
}: {
  accountId: string;
  subscriptions: Account360['subscriptions'];
}) {
  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={2} size="h4">
          MRR history
        </Title>
        <MrrHistory accountId={accountId} />
      </Stack>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            Subscriptions
          </Title>
          <Text size="sm" c="dimmed">
            {subscriptions.filter((subscription) => subscription.activeToday).length} active today
          </Text>
        </Group>
        <SubscriptionsTab subscriptions={subscriptions} />
      </Stack>
    </Stack>
  );
}
