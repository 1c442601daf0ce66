import { Badge, Group, Pagination, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { AccountSupport } from '../../../shared/api/account-tabs.contract';
import { useAccountSupport } from '../../api/account-360-api';
import { ErrorState } from '../../components/ErrorState';
import { formatDateTime } from '../../format/dates';
import { humanize } from '../../format/labels';
import { formatCsat, formatHours } from './account-format';
import { KeyNumber } from './KeyNumber';
import { TabEmpty } from './TabEmpty';
import { TabTable } from './TabTable';

const priorityColors = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' } as const;

function Kpis({ kpis }: { kpis: AccountSupport['kpis'] }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="md">
      <KeyNumber label="Open" value={kpis.open} hint="Not solved or closed" />
      <KeyNumber
        label="Opened"
        value={`${kpis.openedLast30Days} / ${kpis.openedLast90Days}`}
        hint="Last 30 / 90 days"
      />
      <KeyNumber label="Escalated" value={kpis.escalatedLast90Days} hint="Opened in the last 90 days" />
      <KeyNumber
        label="Median time to resolve"
        value={formatHours(kpis.medianHoursToResolve)}
        hint={`${kpis.resolvedLast90Days} resolved in the last 90 days`}
      />
      <KeyNumber
        label="CSAT"
        value={formatCsat(kpis.csatAverage)}
        hint={
          kpis.csatResponses === 0
            ? 'No ratings in the last 90 days'
            : `Mean of ${kpis.csatResponses} ${kpis.csatResponses === 1 ? 'rating' : 'ratings'}, 90 days`
        }
      />
    </SimpleGrid>
  );
}

function TicketRows({ tickets }: { tickets: AccountSupport['tickets'] }) {
  return (
    <TabTable
      minWidth={860}
      columns={[
        { label: 'Subject' },
        { label: 'Status' },
        { label: 'Priority' },
        { label: 'Opened' },
        { label: 'Resolved' },
        { label: 'Time to resolve', align: 'right' },
        { label: 'CSAT', align: 'right' },
      ]}
    >
      {tickets.map((ticket) => (
        <Table.Tr key={ticket.id} data-testid="support-ticket">
          <Table.Td>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" fw={ticket.isOpen ? 600 : 400}>
                {ticket.subject}
              </Text>
              {ticket.escalated && (
                <Badge color="red" variant="outline" size="xs">
                  Escalated
                </Badge>
              )}
            </Group>
            {ticket.requesterEmail && (
              <Text size="xs" c="dimmed">
                {ticket.requesterEmail}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <Badge
              variant={ticket.isOpen ? 'light' : 'outline'}
              color={ticket.isOpen ? 'orange' : 'gray'}
              size="sm"
            >
              {humanize(ticket.status)}
            </Badge>
          </Table.Td>
          <Table.Td>
            <Badge variant="light" color={priorityColors[ticket.priority]} size="sm">
              {humanize(ticket.priority)}
            </Badge>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{formatDateTime(ticket.openedAt)}</Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm" c={ticket.resolvedAt ? undefined : 'dimmed'}>
              {ticket.resolvedAt
                ? formatDateTime(ticket.resolvedAt)
                : ticket.firstResponseAt
                  ? 'Answered, not resolved'
                  : 'Waiting for a first response'}
            </Text>
          </Table.Td>
          <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatHours(ticket.hoursToResolve)}
          </Table.Td>
          <Table.Td ta="right">{ticket.csatScore === null ? '—' : `${ticket.csatScore} / 5`}</Table.Td>
        </Table.Tr>
      ))}
    </TabTable>
  );
}

/** Support at a glance: KPIs over 30 and 90 days, then every ticket, open ones first. */
export function SupportTab({ accountId }: { accountId: string }) {
  const [page, setPage] = useState(1);
  const support = useAccountSupport(accountId, page);
  if (support.isPending) return <Skeleton h={360} aria-label="Loading support" />;
  if (support.isError)
    return (
      <ErrorState
        title="Could not load support"
        error={support.error}
        onRetry={() => void support.refetch()}
      />
    );
  const { kpis, tickets, total, pageSize } = support.data;
  return (
    <Stack gap="md">
      <Kpis kpis={kpis} />
      {total === 0 ? (
        <TabEmpty
          title="No tickets"
          description="Tickets come from your support tool's export (cycle import tickets …)."
        />
      ) : (
        <>
          <TicketRows tickets={tickets} />
          {total > pageSize && (
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {total} tickets
              </Text>
              <Pagination
                total={Math.ceil(total / pageSize)}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': `${control} page` })}
                getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
              />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
