import { Anchor, Badge, Paper, Skeleton, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useSegmentHistory } from '../../api/segments-api';
import { ErrorState } from '../../components/ErrorState';
import { Notice } from '../../components/Notice';
import { formatDateTime } from '../../format/dates';
import { pageParam } from './segment-format';
import { TablePager } from './TablePager';

const PAGE_SIZE = 50;

/** Who entered and left the segment and when, newest first, paged (`?page=`). */
export function SegmentHistoryTab({ segmentId }: { segmentId: string }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = pageParam(searchParams.get('page'));
  const history = useSegmentHistory(segmentId, { page, pageSize: PAGE_SIZE });
  const setPage = (next: number) => {
    const params = new URLSearchParams(searchParams);
    params.set('page', String(next));
    setSearchParams(params);
  };
  if (history.isPending) return <Skeleton height={200} aria-label="Loading the history" />;
  if (history.isError)
    return (
      <ErrorState
        title="Could not load the history"
        error={history.error}
        onRetry={() => void history.refetch()}
      />
    );
  const data = history.data;
  if (data.total === 0)
    return (
      <Paper withBorder>
        <Notice
          py={48}
          title="No one has entered or left yet"
          description="Each time an account starts or stops matching the rule (or is added to or removed from a list), it shows here with the time."
        />
      </Paper>
    );
  return (
    <>
      <Paper withBorder>
        <Table
          verticalSpacing="sm"
          horizontalSpacing="md"
          aria-label="Enter and leave history"
          aria-busy={history.isPlaceholderData}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Account</Table.Th>
              <Table.Th>Change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((event) => (
              <Table.Tr key={event.id} data-testid="history-row">
                <Table.Td fz="sm">{formatDateTime(event.at)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/accounts/${event.account.id}`} size="sm" fw={600}>
                    {event.account.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={event.change === 'entered' ? 'teal' : 'gray'}>
                    {event.change === 'entered' ? 'Entered' : 'Left'}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <TablePager total={data.total} page={page} pageSize={PAGE_SIZE} noun="changes" onPage={setPage} />
      {data.items.length === 0 && (
        <Text size="sm" c="dimmed" mt="sm">
          This page is past the end; go back to page 1.
        </Text>
      )}
    </>
  );
}
