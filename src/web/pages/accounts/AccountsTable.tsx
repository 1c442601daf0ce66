import { Anchor, Skeleton, Table, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { AccountSummary } from '../../../shared/api/accounts.contract';
import { AccountStatusBadge } from '../../components/AccountStatusBadge';
import { IconChevronDown, IconChevronUp, IconSelector } from '../../components/icons';
import { RenewalText } from '../../components/RenewalText';
import { formatMoney } from '../../format/money';
import type { AccountSort, AccountSortField } from './accounts-view';
import classes from './AccountsTable.module.css';

interface SortableHeaderProps {
  field: AccountSortField;
  sort: AccountSort;
  onSort: (field: AccountSortField) => void;
  align?: 'left' | 'right';
  children: ReactNode;
}

function SortableHeader({ field, sort, onSort, align = 'left', children }: SortableHeaderProps) {
  const direction = sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : 'none';
  const Icon = direction === 'ascending' ? IconChevronUp : direction === 'descending' ? IconChevronDown : IconSelector;
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

function AccountRow({ account }: { account: AccountSummary }) {
  const navigate = useNavigate();
  const location = useLocation();
  const href = `/accounts/${account.id}`;
  return (
    // The name is the real link (keyboard, middle-click); a click anywhere else on the row opens it too.
    <Table.Tr
      className={classes.row}
      onClick={(event) => {
        if ((event.target as HTMLElement).closest('a')) return;
        navigate(href, { state: { listSearch: location.search } });
      }}
    >
      <Table.Td>
        <Anchor component={Link} to={href} state={{ listSearch: location.search }} fw={600} size="sm" className={classes.nameLink}>
          {account.name}
        </Anchor>
        {account.domain && (
          <Text size="xs" c="dimmed">
            {account.domain}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <AccountStatusBadge status={account.status} />
      </Table.Td>
      <Table.Td>{account.tier ? <Text size="sm">{account.tier}</Text> : <Empty />}</Table.Td>
      <Table.Td>
        {account.owner ? (
          <Text size="sm">{account.owner.name}</Text>
        ) : (
          <Text size="sm" c="dimmed">
            Unassigned
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm" className={classes.number}>
          {formatMoney(account.mrr, { wholeUnits: true })}
        </Text>
      </Table.Td>
      <Table.Td>
        <RenewalText date={account.renewalDate} muted={account.status === 'churned'} />
      </Table.Td>
      <Table.Td>{account.lifecycleStage ? <Text size="sm">{account.lifecycleStage}</Text> : <Empty />}</Table.Td>
    </Table.Tr>
  );
}

function SkeletonRows({ count }: { count: number }) {
  return Array.from({ length: count }, (_, index) => (
    <Table.Tr key={index} aria-hidden="true">
      <Table.Td>
        <Skeleton height={12} width="70%" mb={6} />
        <Skeleton height={8} width="40%" />
      </Table.Td>
      {[56, 60, 90, 60, 80, 70].map((width, cell) => (
        <Table.Td key={cell}>
          <Skeleton height={12} width={width} ml={cell === 3 ? 'auto' : undefined} />
        </Table.Td>
      ))}
    </Table.Tr>
  ));
}

interface AccountsTableProps {
  accounts: AccountSummary[] | undefined;
  sort: AccountSort;
  onSort: (field: AccountSortField) => void;
  /** Rows of skeleton to show while the first page loads. */
  skeletonRows: number;
  busy: boolean;
}

/** The accounts of one page; headers with a sort field sort server-side when clicked. */
export function AccountsTable({ accounts, sort, onSort, skeletonRows, busy }: AccountsTableProps) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-busy={busy} className={classes.table} data-busy={busy || undefined}>
        <Table.Thead>
          <Table.Tr>
            <SortableHeader field="name" sort={sort} onSort={onSort}>
              Account
            </SortableHeader>
            <Table.Th>Status</Table.Th>
            <Table.Th>Tier</Table.Th>
            <Table.Th>Owner</Table.Th>
            <SortableHeader field="mrr" sort={sort} onSort={onSort} align="right">
              MRR
            </SortableHeader>
            <SortableHeader field="renewalDate" sort={sort} onSort={onSort}>
              Renewal
            </SortableHeader>
            <Table.Th>Stage</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts ? accounts.map((account) => <AccountRow key={account.id} account={account} />) : <SkeletonRows count={skeletonRows} />}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
