import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { Account360 } from '../../../shared/api/account-360.contract';
import { formatDateTime } from '../../format/dates';
import { humanize } from '../../format/labels';
import { TabTable } from './TabTable';
import { TabEmpty } from './TabEmpty';

const priorityColors = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' } as const;

/** Support tickets still open, newest first, with the 90-day counts above them. */
export function TicketsTab({
  tickets,
  counts,
}: {
  tickets: Account360['openTickets'];
  counts: Account360['ticketCounts'];
}) {
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {counts.open} open · {counts.last90Days} opened in the last 90 days · {counts.escalatedLast90Days}{' '}
        escalated
      </Text>
      {tickets.length === 0 ? (
        <TabEmpty
          title="No open tickets"
          description="Tickets come from your support tool's import; solved and closed ones are not listed here."
        />
      ) : (
        <TabTable
          minWidth={720}
          columns={[
            { label: 'Subject' },
            { label: 'Status' },
            { label: 'Priority' },
            { label: 'Opened' },
            { label: 'First response' },
          ]}
        >
          {tickets.map((ticket) => (
            <Table.Tr key={ticket.id}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={500}>
                    {ticket.subject}
                  </Text>
                  {ticket.escalated && (
                    <Badge color="red" variant="outline" size="xs">
                      Escalated
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{humanize(ticket.status)}</Text>
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
                <Text size="sm" c={ticket.firstResponseAt ? undefined : 'orange'}>
                  {ticket.firstResponseAt ? formatDateTime(ticket.firstResponseAt) : 'Waiting'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </TabTable>
      )}
    </Stack>
  );
}
