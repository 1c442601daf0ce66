import { Anchor, Badge, Drawer, Pagination, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { MovementAccounts } from '../../../shared/api/metrics.contract';
import { useMovementAccounts } from '../../api/metrics-api';
import { ErrorState } from '../../components/ErrorState';
import { Notice } from '../../components/Notice';
import {
  formatMonth,
  formatMonthRange,
  formatSignedMoney,
  formatWholeMoney,
} from '../../format/metric-values';
import { type AccountsDrill, dimensionLabel, type MetricsView } from './metrics-view';
import classes from './MetricsPage.module.css';
import { churnReasonLabel, movementLabels } from './movement-style';

type Item = MovementAccounts['items'][number];

const PAGE_SIZE = 100;
/** A churn-reason list is filtered here (the API has no reason filter), over the largest page it gives. */
const REASON_PAGE_SIZE = 500;

const badgeColors: Record<Item['movement'], string> = {
  new: 'teal',
  expansion: 'teal',
  reactivation: 'cyan',
  contraction: 'orange',
  churn: 'red',
};

/** "Churn · March 2026", "All movements · Tier: Enterprise · Dec 2025 – Nov 2026", "Churned: Price · …". */
export function drillTitle(
  drill: AccountsDrill,
  view: Pick<MetricsView, 'from' | 'to' | 'by'>,
  groupLabel?: string,
): string {
  const parts: string[] = [];
  if (drill.reason) parts.push(`Churned: ${churnReasonLabel(drill.reason)}`);
  else parts.push(drill.movement === 'all' ? 'All MRR movements' : movementLabels[drill.movement]);
  if (drill.group !== null && view.by)
    parts.push(`${dimensionLabel(view.by)}: ${groupLabel ?? (drill.group || 'none')}`);
  parts.push(drill.month ? formatMonthRange(drill.month, drill.month) : formatMonthRange(view.from, view.to));
  return parts.join(' · ');
}

function MovementRows({
  items,
  currency,
  withReason,
}: {
  items: Item[];
  currency: string;
  withReason: boolean;
}) {
  return (
    <Table.Tbody>
      {items.map((item) => (
        <Table.Tr key={`${item.accountId}-${item.month}-${item.movement}`}>
          <Table.Td>
            <Anchor component={Link} to={`/accounts/${item.accountId}`} fw={600} size="sm">
              {item.accountName}
            </Anchor>
            <Text size="xs" c="dimmed">
              {item.ownerName ?? 'Unassigned'}
            </Text>
          </Table.Td>
          <Table.Td>{formatMonth(item.month)}</Table.Td>
          <Table.Td>
            <Badge variant="light" color={badgeColors[item.movement]}>
              {movementLabels[item.movement]}
            </Badge>
          </Table.Td>
          <Table.Td ta="right">
            <Text span size="sm" c="dimmed">
              {formatWholeMoney(item.previousMrrMinor, currency)} →{' '}
            </Text>
            {formatWholeMoney(item.mrrMinor, currency)}
          </Table.Td>
          <Table.Td ta="right" fw={600} c={item.changeMinor < 0 ? 'red.8' : 'teal.8'}>
            {formatSignedMoney(item.changeMinor, currency)}
          </Table.Td>
          {withReason && (
            <Table.Td>
              {item.movement === 'churn' ? churnReasonLabel(item.churnReason ?? 'unknown') : ''}
            </Table.Td>
          )}
        </Table.Tr>
      ))}
    </Table.Tbody>
  );
}

interface AccountsDrawerProps {
  view: MetricsView;
  /** The label of the drilled breakdown group, when the breakdown is loaded. */
  groupLabel?: string;
  onClose: () => void;
}

/** The accounts behind a figure, in a drawer over the page; each links to its account page. */
export function AccountsDrawer({ view, groupLabel, onClose }: AccountsDrawerProps) {
  const drill = view.drill;
  const [page, setPage] = useState(1);
  const drillKey = JSON.stringify(drill);
  const [pageOf, setPageOf] = useState(drillKey);
  // A new figure starts at its first page.
  if (pageOf !== drillKey) {
    setPageOf(drillKey);
    setPage(1);
  }
  const byReason = Boolean(drill?.reason);
  const withGroup = drill !== null && drill.group !== null && view.by !== '';
  const list = useMovementAccounts(
    {
      from: drill?.month ?? view.from,
      to: drill?.month ?? view.to,
      movement: byReason ? 'churn' : drill?.movement === 'all' ? undefined : drill?.movement,
      by: withGroup ? view.by : undefined,
      group: withGroup ? drill.group : undefined,
      page: byReason ? 1 : page,
      pageSize: byReason ? REASON_PAGE_SIZE : PAGE_SIZE,
    },
    drill !== null,
  );
  const data = list.data;
  const items =
    data && byReason
      ? data.items.filter((item) => (item.churnReason ?? 'unknown') === drill?.reason)
      : (data?.items ?? []);
  const total = byReason ? items.length : (data?.total ?? 0);
  const netChange = items.reduce((sum, item) => sum + item.changeMinor, 0);
  const currency = data?.reportingCurrency ?? 'USD';
  const pageCount = Math.max(1, Math.ceil((data?.total ?? 0) / PAGE_SIZE));
  const withReason = items.some((item) => item.movement === 'churn');

  return (
    <Drawer
      opened={drill !== null}
      onClose={onClose}
      position="right"
      size={880}
      title={
        <Text fw={650} size="lg" component="span">
          {drill ? drillTitle(drill, view, groupLabel) : ''}
        </Text>
      }
      closeButtonProps={{ 'aria-label': 'Close the account list' }}
    >
      {list.isError && !data ? (
        <ErrorState
          title="Could not load these accounts"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : !data ? (
        <Stack gap="xs" aria-busy="true" aria-label="Loading accounts">
          {Array.from({ length: 6 }, (_, index) => (
            <Skeleton key={index} height={36} />
          ))}
        </Stack>
      ) : items.length === 0 ? (
        <Notice
          py="xl"
          headingOrder={3}
          title="No accounts"
          description="No account had this movement in this period."
        />
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed" aria-live="polite">
            {total.toLocaleString()} {total === 1 ? 'movement' : 'movements'}
            {!byReason &&
              data.total > PAGE_SIZE &&
              ` (showing ${((page - 1) * PAGE_SIZE + 1).toLocaleString()}–${Math.min(page * PAGE_SIZE, data.total).toLocaleString()})`}
            {' · '}net MRR change {formatSignedMoney(netChange, currency)}
            {byReason &&
              data.total > REASON_PAGE_SIZE &&
              ` · among the first ${REASON_PAGE_SIZE} churns of the period`}
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table
              className={classes.numbers}
              verticalSpacing={8}
              highlightOnHover
              aria-busy={list.isPlaceholderData || undefined}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Account</Table.Th>
                  <Table.Th>Month</Table.Th>
                  <Table.Th>Movement</Table.Th>
                  <Table.Th ta="right">MRR before → after</Table.Th>
                  <Table.Th ta="right">Change</Table.Th>
                  {withReason && <Table.Th>Churn reason</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <MovementRows items={items} currency={currency} withReason={withReason} />
            </Table>
          </Table.ScrollContainer>
          {!byReason && (
            <Pagination
              total={pageCount}
              value={Math.min(page, pageCount)}
              onChange={setPage}
              hideWithOnePage
              getControlProps={(control) => ({ 'aria-label': `${control} page` })}
              getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
            />
          )}
        </Stack>
      )}
    </Drawer>
  );
}
