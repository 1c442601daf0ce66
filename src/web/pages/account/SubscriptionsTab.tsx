import { Badge, Table, Text } from '@mantine/core';
import type { Account360 } from '../../../shared/api/account-360.contract';
import { formatDate } from '../../format/dates';
import { humanize } from '../../format/labels';
import { formatMoney } from '../../format/money';
import { TabTable } from './TabTable';
import { TabEmpty } from './TabEmpty';

const intervalLabels = { month: 'month', quarter: 'quarter', year: 'year' } as const;

/** Revenue lines: what they buy, at what price, how many seats, and whether it runs today. */
export function SubscriptionsTab({ subscriptions }: { subscriptions: Account360['subscriptions'] }) {
  if (subscriptions.length === 0) {
    return (
      <TabEmpty
        title="No subscriptions"
        description="Subscriptions arrive with a billing import; MRR counts the ones active today."
      />
    );
  }
  return (
    <TabTable
      minWidth={820}
      columns={[
        { label: 'Product' },
        { label: 'Price', align: 'right' },
        { label: 'Monthly', align: 'right' },
        { label: 'Seats', align: 'right' },
        { label: 'Runs' },
        { label: 'Status' },
      ]}
    >
      {subscriptions.map((subscription) => (
        <Table.Tr key={subscription.id}>
          <Table.Td>
            <Text size="sm" fw={600}>
              {subscription.product}
            </Text>
            {subscription.plan && (
              <Text size="xs" c="dimmed">
                {subscription.plan}
              </Text>
            )}
          </Table.Td>
          <Table.Td ta="right">
            <Text size="sm">
              {formatMoney(subscription.price)}
              <Text span size="xs" c="dimmed">
                {' '}
                / {intervalLabels[subscription.billingInterval]}
              </Text>
            </Text>
          </Table.Td>
          <Table.Td ta="right">
            <Text size="sm">{formatMoney(subscription.monthly)}</Text>
          </Table.Td>
          <Table.Td ta="right">
            <Text size="sm">{subscription.seats?.toLocaleString() ?? '—'}</Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">
              {formatDate(subscription.startDate)}{' '}
              {subscription.endDate ? `until ${formatDate(subscription.endDate)}` : 'onwards'}
            </Text>
          </Table.Td>
          <Table.Td>
            <Badge variant="light" color={subscription.activeToday ? 'teal' : 'gray'}>
              {subscription.activeToday ? 'Active today' : humanize(subscription.status)}
            </Badge>
          </Table.Td>
        </Table.Tr>
      ))}
    </TabTable>
  );
}
