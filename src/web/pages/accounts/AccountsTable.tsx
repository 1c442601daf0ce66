import {
  Anchor,
  Checkbox,
  Group,
  Skeleton,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { AccountColumn, AccountListItem } from '../../../shared/api/accounts.contract';
import { AccountStatusBadge } from '../../components/AccountStatusBadge';
import { HealthBandBadge } from '../../components/HealthBandBadge';
import { IconChevronDown, IconChevronUp, IconSelector } from '../../components/icons';
import { RenewalText } from '../../components/RenewalText';
import { formatScore } from '../../format/health';
import { formatMoney } from '../../format/money';
import type { AccountSort, AccountSortField } from './accounts-view';
import { columnLabels } from './column-labels';
import classes from './AccountsTable.module.css';
import type { HealthBands } from './use-health-bands';

interface SortableHeaderProps {
  field: AccountSortField;
  sort: AccountSort;
  onSort: (field: AccountSortField) => void;
  align?: 'left' | 'right';
  children: ReactNode;
}

function SortableHeader({ field, sort, onSort, align = 'left', children }: SortableHeaderProps) {
  const direction = sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : 'none';
  const Icon =
    direction === 'ascending' ? IconChevronUp : direction === 'descending' ? IconChevronDown : IconSelector;
  return (
    <Table.Th aria-sort={direction} ta={align} className={classes.sortable}>
      <UnstyledButton
        className={classes.sortButton}
        data-align={align}
        data-active={direction !== 'none' || undefined}
        onClick={() => onSort(field)}
      >
        {children}
        <Icon size={14} />
      </UnstyledButton>
    </Table.Th>
  );
}

function Empty() {
  return (
    <Text size="sm" c="dimmed" component="span">
      —
    </Text>
  );
}

const plain = (value: string | null) => (value ? <Text size="sm">{value}</Text> : <Empty />);

/** The sort field behind a column header, where the API sorts by it. */
const sortFieldOf: Partial<Record<AccountColumn, AccountSortField>> = {
  name: 'name',
  health: 'health',
  mrr: 'mrr',
  arr: 'mrr',
  renewalDate: 'renewalDate',
};
const rightAligned: ReadonlySet<AccountColumn> = new Set(['mrr', 'arr']);

function Cell({
  column,
  account,
  bands,
}: {
  column: AccountColumn;
  account: AccountListItem;
  bands: HealthBands;
}) {
  const location = useLocation();
  switch (column) {
    case 'name':
      return (
        <>
          <Anchor
            component={Link}
            to={`/accounts/${account.id}`}
            state={{ listSearch: location.search }}
            fw={600}
            size="sm"
            className={classes.nameLink}
          >
            {account.name}
          </Anchor>
          {account.domain && (
            <Text size="xs" c="dimmed">
              {account.domain}
            </Text>
          )}
        </>
      );
    case 'domain':
      return plain(account.domain);
    case 'status':
      return <AccountStatusBadge status={account.status} />;
    case 'tier':
      return plain(account.tier);
    case 'segment':
      return plain(account.segment);
    case 'stage':
      return plain(account.lifecycleStage);
    case 'industry':
      return plain(account.industry);
    case 'region':
      return plain(account.region);
    case 'owner':
      return account.owner ? (
        <Text size="sm">{account.owner.name}</Text>
      ) : (
        <Text size="sm" c="dimmed">
          Unassigned
        </Text>
      );
    case 'health':
      return account.health ? (
        <Group gap={8} wrap="nowrap">
          <Text size="sm" className={classes.number} w={44} ta="right">
            {formatScore(account.health.score)}
          </Text>
          <HealthBandBadge
            band={account.health.band}
            bands={bands.bandsOf(account.health.band, account.health.bandIndex)}
            size="sm"
          />
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          Not scored
        </Text>
      );
    case 'mrr':
    case 'arr':
      return (
        <Text size="sm" className={classes.number}>
          {formatMoney(account[column], { wholeUnits: true })}
        </Text>
      );
    case 'renewalDate':
      return <RenewalText date={account.renewalDate} muted={account.status === 'churned'} />;
  }
}

interface RowProps {
  account: AccountListItem;
  columns: readonly AccountColumn[];
  bands: HealthBands;
  selectable: boolean;
  selected: boolean;
  onToggle: (id: string) => void;
}

function AccountRow({ account, columns, bands, selectable, selected, onToggle }: RowProps) {
  const navigate = useNavigate();
  const location = useLocation();
  return (
    // The name is the real link (keyboard, middle-click); a click anywhere else on the row opens it too.
    <Table.Tr
      className={classes.row}
      data-selected={selected || undefined}
      onClick={(event) => {
        if ((event.target as HTMLElement).closest('a, input, label, button')) return;
        navigate(`/accounts/${account.id}`, { state: { listSearch: location.search } });
      }}
    >
      {selectable && (
        <Table.Td className={classes.selectCell}>
          <Checkbox
            aria-label={`Select ${account.name}`}
            checked={selected}
            onChange={() => onToggle(account.id)}
          />
        </Table.Td>
      )}
      {columns.map((column) => (
        <Table.Td key={column} ta={rightAligned.has(column) ? 'right' : undefined}>
          <Cell column={column} account={account} bands={bands} />
        </Table.Td>
      ))}
    </Table.Tr>
  );
}

function SkeletonRows({ count, cells }: { count: number; cells: number }) {
  return Array.from({ length: count }, (_, index) => (
    <Table.Tr key={index} aria-hidden="true">
      {Array.from({ length: cells }, (_, cell) => (
        <Table.Td key={cell}>
          <Skeleton height={12} width={cell === 0 ? '70%' : 64} />
        </Table.Td>
      ))}
    </Table.Tr>
  ));
}

interface AccountsTableProps {
  accounts: AccountListItem[] | undefined;
  columns: readonly AccountColumn[];
  bands: HealthBands;
  sort: AccountSort;
  onSort: (field: AccountSortField) => void;
  /** Rows of skeleton to show while the first page loads. */
  skeletonRows: number;
  busy: boolean;
  /** Checkboxes for bulk actions; off for people who may not reassign. */
  selection?: {
    selected: ReadonlySet<string>;
    onToggle: (id: string) => void;
    onToggleAll: (ids: string[], select: boolean) => void;
  };
}

/** The accounts of one page with the chosen columns; headers with a sort field sort server-side when clicked. */
export function AccountsTable({
  accounts,
  columns,
  bands,
  sort,
  onSort,
  skeletonRows,
  busy,
  selection,
}: AccountsTableProps) {
  const pageIds = (accounts ?? []).map((account) => account.id);
  const selectedOnPage = pageIds.filter((id) => selection?.selected.has(id)).length;
  return (
    <Table.ScrollContainer minWidth={Math.max(640, columns.length * 120)}>
      <Table
        verticalSpacing="sm"
        horizontalSpacing="md"
        highlightOnHover
        aria-busy={busy}
        className={classes.table}
        data-busy={busy || undefined}
      >
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th className={classes.selectCell}>
                <VisuallyHidden>Selection</VisuallyHidden>
                <Checkbox
                  aria-label="Select every account on this page"
                  checked={pageIds.length > 0 && selectedOnPage === pageIds.length}
                  indeterminate={selectedOnPage > 0 && selectedOnPage < pageIds.length}
                  disabled={pageIds.length === 0}
                  onChange={() => selection.onToggleAll(pageIds, selectedOnPage < pageIds.length)}
                />
              </Table.Th>
            )}
            {columns.map((column) => {
              const field = sortFieldOf[column];
              const align = rightAligned.has(column) ? 'right' : 'left';
              return field ? (
                <SortableHeader key={column} field={field} sort={sort} onSort={onSort} align={align}>
                  {columnLabels[column]}
                </SortableHeader>
              ) : (
                <Table.Th key={column} ta={align}>
                  {columnLabels[column]}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts ? (
            accounts.map((account) => (
              <AccountRow
                key={account.id}
                account={account}
                columns={columns}
                bands={bands}
                selectable={Boolean(selection)}
                selected={selection?.selected.has(account.id) ?? false}
                onToggle={(id) => selection?.onToggle(id)}
              />
            ))
          ) : (
            <SkeletonRows count={skeletonRows} cells={columns.length + (selection ? 1 : 0)} />
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
