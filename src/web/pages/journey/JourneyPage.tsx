import { Anchor, Button, Group, Loader, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { NO_STAGE } from '../../../shared/api/accounts.contract';
import { accountStatuses } from '../../../shared/api/enums';
import type { JourneyBoard } from '../../../shared/api/journey.contract';
import { useCanManageJourney, useJourneyBoard } from '../../api/journey-api';
import { ErrorState } from '../../components/ErrorState';
import { Notice } from '../../components/Notice';
import { formatWholeMoney } from '../../format/metric-values';
import { BoardColumnCard } from './BoardColumnCard';
import { type JourneyView, readJourneyView, writeJourneyView } from './journey-view';
import classes from './JourneyPage.module.css';
import { StageAccountsPanel } from './StageAccountsPanel';

/** Accounts with no stage, and those in a stage name that is not on the map, at the end of the board. */
function OffBoard({ board, canManage }: { board: JourneyBoard; canManage: boolean }) {
  return (
    <div className={classes.aside} data-testid="no-stage">
      <div>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          Off the journey
        </Text>
        <Text fw={650}>No stage</Text>
      </div>
      <Text fz={28} fw={700} lh={1.1} className={classes.figure}>
        {board.noStage.accounts.toLocaleString()}
      </Text>
      <Text size="xs" c="dimmed">
        {board.noStage.accounts === 1 ? 'account' : 'accounts'} ·{' '}
        {formatWholeMoney(board.noStage.arrMinor, 'USD')} ARR
      </Text>
      {board.noStage.accounts > 0 && (
        // The board leaves churned accounts out; so does the list it opens.
        <Anchor
          component={Link}
          to={`/accounts?stage=${NO_STAGE}&status=${accountStatuses.filter((status) => status !== 'churned').join(',')}`}
          size="xs"
        >
          Show them in Accounts
        </Anchor>
      )}
      {board.offMap.length > 0 && (
        <Text size="xs" mt="xs">
          Also in stages not on the map:{' '}
          {board.offMap.map((item) => `${item.stage} (${item.accounts.toLocaleString()})`).join(', ')}.{' '}
          {canManage ? (
            <Anchor component={Link} to="/settings?tab=stages" size="xs">
              Add them to the map
            </Anchor>
          ) : (
            'A manager can add them to the map.'
          )}
        </Text>
      )}
    </div>
  );
}

/**
 * The journey board (`/journey`): a column per lifecycle stage in order with its accounts, ARR, overdue
 * count and median days in stage; a column (or its overdue count) opens its accounts below. Churned
 * accounts are not on the board. The open column, filter, sort and page are in the URL.
 */
export function JourneyPage() {
  useDocumentTitle('Journey · Cycle');
  const board = useJourneyBoard();
  const canManage = useCanManageJourney();
  const [searchParams, setSearchParams] = useSearchParams();
  const view = readJourneyView(searchParams);
  const setView = (next: JourneyView) =>
    setSearchParams(writeJourneyView(next), { replace: next.stage === view.stage, preventScrollReset: true });
  const open = (stageId: string, overdueOnly: boolean) =>
    setView({ stage: stageId, filter: overdueOnly ? 'overdue' : 'all', sort: view.sort, page: 1 });
  const data = board.data;
  const selected = data?.columns.find((column) => column.stage.id === view.stage) ?? null;
  const totals = data?.columns.reduce(
    (sum, column) => ({ accounts: sum.accounts + column.accounts, overdue: sum.overdue + column.overdue }),
    { accounts: 0, overdue: 0 },
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Journey
          </Title>
          <Text c="dimmed" size="sm" aria-live="polite">
            {totals && data && data.columns.length > 0
              ? `${totals.accounts.toLocaleString()} accounts across ${data.columns.length} stages · ${totals.overdue.toLocaleString()} overdue`
              : 'Where every customer is in the lifecycle, and for how long'}
          </Text>
        </div>
        <Group gap="sm">
          {board.isFetching && data && <Loader size="sm" aria-label="Updating" />}
          {canManage && (
            <Button component={Link} to="/settings?tab=stages" variant="default">
              Edit stages
            </Button>
          )}
        </Group>
      </Group>

      {board.isPending ? (
        <Group gap="sm" wrap="nowrap" aria-label="Loading the board" aria-busy="true">
          {Array.from({ length: 5 }, (_, index) => (
            <Skeleton key={index} height={230} width={210} />
          ))}
        </Group>
      ) : board.isError ? (
        <Paper withBorder>
          <ErrorState
            title="Could not load the journey board"
            error={board.error}
            onRetry={() => void board.refetch()}
          />
        </Paper>
      ) : data && data.columns.length === 0 ? (
        <Paper withBorder>
          <Notice
            py={56}
            title="No journey map yet"
            description={
              canManage
                ? 'Add the stages your customers go through (Handoff, Onboarding, Adoption, Renewal…) with how long each should take; the board then shows where every account is.'
                : 'A manager or admin adds the lifecycle stages in Settings → Journey stages; the board then shows where every account is.'
            }
            actions={
              canManage && (
                <Button component={Link} to="/settings?tab=stages">
                  Set up the stages
                </Button>
              )
            }
          />
        </Paper>
      ) : data ? (
        <>
          <div className={classes.board} role="list" aria-label="Stages in order">
            {data.columns.map((column) => (
              <div role="listitem" key={column.stage.id} className={classes.columnItem}>
                <BoardColumnCard
                  column={column}
                  selected={column.stage.id === view.stage}
                  onOpen={() => open(column.stage.id, false)}
                  onOpenOverdue={() => open(column.stage.id, true)}
                  metricsPending={board.metricsPending}
                />
              </div>
            ))}
            {/* Only when some account is off the journey: otherwise it would only take width. */}
            {(data.noStage.accounts > 0 || data.offMap.length > 0) && (
              <div role="listitem" className={classes.columnItem}>
                <OffBoard board={data} canManage={canManage} />
              </div>
            )}
          </div>
          {selected ? (
            <StageAccountsPanel
              key={selected.stage.id}
              column={selected}
              view={view}
              onChange={(patch) => setView({ ...view, ...patch })}
              onClose={() => setView({ ...view, stage: null, page: 1 })}
            />
          ) : (
            <Text size="sm" c="dimmed">
              Choose a stage to see its accounts: who owns them, how long they have been there, and their next
              touchpoint.
            </Text>
          )}
        </>
      ) : null}
    </Stack>
  );
}
