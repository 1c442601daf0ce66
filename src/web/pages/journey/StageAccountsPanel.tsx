import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link } from 'react-router';
import type { BoardAccount, BoardColumn } from '../../../shared/api/journey.contract';
import { useBoardAccounts } from '../../api/journey-api';
import { ErrorState } from '../../components/ErrorState';
import { HealthBandBadge } from '../../components/HealthBandBadge';
import { Notice } from '../../components/Notice';
import { formatDate } from '../../format/dates';
import { formatWholeMoney } from '../../format/metric-values';
import { useHealthBands } from '../accounts/use-health-bands';
import { TablePager } from '../segments/TablePager';
import {
  BOARD_PAGE_SIZE,
  type BoardFilter,
  boardAccountsQuery,
  boardSorts,
  type JourneyView,
} from './journey-view';
import classes from './JourneyPage.module.css';

function AccountRow({
  item,
  bands,
  expectedDays,
}: {
  item: BoardAccount;
  bands: readonly { name: string }[];
  expectedDays: number | null;
}) {
  const overdue = item.status === 'overdue';
  return (
    <Table.Tr data-testid="stage-account-row">
      <Table.Td>
        <Anchor component={Link} to={`/accounts/${item.account.id}`} size="sm" fw={600}>
          {item.account.name}
        </Anchor>
      </Table.Td>
      <Table.Td fz="sm">{item.owner?.name ?? 'Unassigned'}</Table.Td>
      <Table.Td ta="right" fz="sm" className={classes.figure}>
        {formatWholeMoney(item.arrMinor, 'USD')}
      </Table.Td>
      <Table.Td>
        {item.healthBand ? (
          <HealthBandBadge band={item.healthBand} bands={bands} size="sm" />
        ) : (
          <Text size="xs" c="dimmed">
            Not scored
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" className={classes.figure}>
        <Text size="sm" fw={600} span data-testid="days-in-stage">
          {item.daysInStage.toLocaleString()} {item.daysInStage === 1 ? 'day' : 'days'}
        </Text>
        {expectedDays !== null && (
          <Text size="xs" c="dimmed">
            of {expectedDays.toLocaleString()} expected
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={overdue ? 'red' : 'teal'}>
          {overdue ? 'Overdue' : 'On track'}
        </Badge>
      </Table.Td>
      <Table.Td fz="sm">{formatDate(item.enteredAt)}</Table.Td>
      <Table.Td fz="sm">
        {item.nextTouchpoint ? (
          <>
            <Text size="sm">{item.nextTouchpoint.title}</Text>
            <Text size="xs" c="dimmed">
              Day {item.nextTouchpoint.dueDay} · {formatDate(item.nextTouchpoint.dueOn)}
            </Text>
          </>
        ) : (
          <Text size="xs" c="dimmed">
            None planned
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

interface StageAccountsPanelProps {
  column: BoardColumn;
  view: JourneyView;
  onChange: (patch: Partial<JourneyView>) => void;
  onClose: () => void;
}

/** The accounts of one board column: owner, ARR, health, days in stage, on track or overdue, next touchpoint. */
export function StageAccountsPanel({ column, view, onChange, onClose }: StageAccountsPanelProps) {
  const accounts = useBoardAccounts(column.stage.id, boardAccountsQuery(view));
  const bands = useHealthBands().names.map((name) => ({ name }));
  const data = accounts.data;
  const filterNoun = view.filter === 'overdue' ? 'overdue ' : view.filter === 'on_track' ? 'on-track ' : '';
  let body;
  if (accounts.isPending) body = <Skeleton height={240} aria-label="Loading the stage's accounts" />;
  else if (accounts.isError)
    body = (
      <ErrorState
        title="Could not load the stage's accounts"
        error={accounts.error}
        onRetry={() => void accounts.refetch()}
      />
    );
  else if (data && data.total === 0)
    body = (
      <Notice
        py={40}
        title={`No ${filterNoun}accounts in ${column.stage.name}`}
        description={
          view.filter === 'all'
            ? 'Accounts enter this stage by its entry rule, or when someone moves them here from their page.'
            : 'Show all the accounts in this stage to see the others.'
        }
      />
    );
  else if (data)
    body = (
      <>
        <Table.ScrollContainer minWidth={980}>
          <Table
            verticalSpacing="sm"
            horizontalSpacing="md"
            aria-label={`Accounts in ${column.stage.name}`}
            aria-busy={accounts.isPlaceholderData}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Account</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th ta="right">ARR</Table.Th>
                <Table.Th>Health</Table.Th>
                <Table.Th ta="right">In stage</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Entered</Table.Th>
                <Table.Th>Next touchpoint</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((item) => (
                <AccountRow
                  key={item.account.id}
                  item={item}
                  bands={bands}
                  expectedDays={column.stage.expectedDays}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <TablePager
          total={data.total}
          page={view.page}
          pageSize={BOARD_PAGE_SIZE}
          noun="accounts"
          onPage={(page) => onChange({ page })}
        />
      </>
    );
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="stage-accounts-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2} size="h4" id="stage-accounts-title">
              {column.stage.name}
            </Title>
            <Text size="sm" c="dimmed">
              {data
                ? `${data.total.toLocaleString()} ${filterNoun}${data.total === 1 ? 'account' : 'accounts'}`
                : 'Loading…'}
              {column.stage.expectedDays !== null &&
                ` · overdue after ${column.stage.expectedDays.toLocaleString()} days`}
            </Text>
          </div>
          <Group gap="sm">
            <SegmentedControl
              aria-label="Which accounts"
              size="xs"
              value={view.filter}
              onChange={(value) => onChange({ filter: value as BoardFilter, page: 1 })}
              data={[
                { value: 'all', label: 'All' },
                { value: 'overdue', label: 'Overdue' },
                { value: 'on_track', label: 'On track' },
              ]}
            />
            <Select
              aria-label="Sort accounts"
              size="xs"
              w={200}
              data={boardSorts.map((option) => ({ ...option }))}
              value={view.sort}
              onChange={(value) => value && onChange({ sort: value as JourneyView['sort'], page: 1 })}
              allowDeselect={false}
            />
            <Button variant="subtle" color="gray" size="compact-sm" onClick={onClose}>
              Close
            </Button>
          </Group>
        </Group>
        {body}
      </Stack>
    </Paper>
  );
}
