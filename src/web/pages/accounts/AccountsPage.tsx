import { Button, Code, Group, Loader, Pagination, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAccountList } from '../../api/accounts-api';
import { useMe } from '../../api/session-api';
import { ErrorState } from '../../components/ErrorState';
import { IconBuilding, IconFilterOff } from '../../components/icons';
import { Notice } from '../../components/Notice';
import { AccountsFilters } from './AccountsFilters';
import { AccountsTable } from './AccountsTable';
import { ColumnChooser } from './ColumnChooser';
import { ReassignModal } from './ReassignModal';
import { SavedViewsMenu } from './SavedViewsMenu';
import { useHealthBands } from './use-health-bands';
import {
  accountExportUrl,
  type AccountsView,
  defaultAccountsView,
  hasFilters,
  nextSort,
  pageSizes,
  readAccountsView,
  savedViewQuery,
  toAccountListQuery,
  writeAccountsView,
} from './accounts-view';

function NoAccounts({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  if (filtered) {
    return (
      <Notice
        py={56}
        icon={<IconFilterOff size={24} />}
        title="No accounts match"
        description="Nothing fits this search and these filters. Loosen them, or start over."
        actions={
          <Button variant="light" onClick={onClear}>
            Clear filters
          </Button>
        }
      />
    );
  }
  return (
    <Notice
      py={56}
      icon={<IconBuilding size={24} />}
      title="No accounts yet"
      description={
        <>
          Import your customers with <Code>cycle import accounts file.csv</Code>, or explore with sample data:{' '}
          <Code>cycle demo</Code>.
        </>
      }
    />
  );
}

function describeCount(total: number | undefined, filtered: boolean): string {
  if (total === undefined) return 'Loading accounts…';
  if (total === 0) return filtered ? 'No accounts match' : 'No accounts yet';
  const noun = total === 1 ? 'account' : 'accounts';
  return `${total.toLocaleString()} ${noun}${filtered ? (total === 1 ? ' matches' : ' match') : ''}`;
}

/**
 * The portfolio: every account, searchable, filterable by health and renewal window, sortable and paged on
 * the server, with chosen columns, saved views, CSV export and (managers, admins) bulk reassign.
 * The URL holds the whole view, so a link shares it.
 */
export function AccountsPage() {
  useDocumentTitle('Accounts · Cycle');
  const [searchParams, setSearchParams] = useSearchParams();
  const view = readAccountsView(searchParams);
  const list = useAccountList(toAccountListQuery(view));
  const bands = useHealthBands();
  const role = useMe().data?.role;
  const canReassign = role === 'admin' || role === 'manager';
  // Selected ids survive paging and filtering, so a book can be gathered from several pages.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [reassigning, setReassigning] = useState(false);
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const toggleAll = (ids: string[], select: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (select) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const setView = (next: AccountsView, options: { replace?: boolean } = {}) =>
    setSearchParams(writeAccountsView(next), { replace: options.replace ?? false });
  // Any change of filter starts again at page 1.
  const changeFilters = (patch: Partial<AccountsView>, options?: { replace?: boolean }) =>
    setView({ ...view, ...patch, page: 1 }, options);
  const clearFilters = () =>
    setView({ ...defaultAccountsView, sort: view.sort, pageSize: view.pageSize, cols: view.cols });

  const data = list.data;
  const total = data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / view.pageSize));
  const firstRow = total === 0 ? 0 : (view.page - 1) * view.pageSize + 1;
  const lastRow = Math.min(total, view.page * view.pageSize);
  const knownTiers = [
    ...new Set(
      (data?.items ?? []).map((account) => account.tier).filter((tier): tier is string => Boolean(tier)),
    ),
  ];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Accounts
          </Title>
          <Text c="dimmed" size="sm" aria-live="polite">
            {describeCount(data?.total, hasFilters(view))}
          </Text>
        </div>
        <Group gap="sm">
          {list.isFetching && data && <Loader size="sm" aria-label="Updating" />}
          <SavedViewsMenu
            currentQuery={savedViewQuery(view)}
            onOpen={(query) => setSearchParams(new URLSearchParams(query))}
          />
          <ColumnChooser
            columns={view.cols}
            onChange={(cols) => setView({ ...view, cols }, { replace: true })}
          />
          <Button component="a" href={accountExportUrl(view)} download variant="default">
            Export CSV
          </Button>
        </Group>
      </Group>

      <AccountsFilters
        view={view}
        knownTiers={knownTiers}
        bandNames={bands.names}
        onChange={changeFilters}
        onClear={clearFilters}
      />

      {canReassign && selected.size > 0 && (
        <Paper withBorder p="sm" role="region" aria-label="Selected accounts">
          <Group justify="space-between">
            <Text size="sm" fw={600}>
              {selected.size.toLocaleString()} {selected.size === 1 ? 'account' : 'accounts'} selected
            </Text>
            <Group gap="sm">
              <Button variant="subtle" color="gray" onClick={() => setSelected(new Set())}>
                Clear selection
              </Button>
              <Button onClick={() => setReassigning(true)}>Reassign owner</Button>
            </Group>
          </Group>
        </Paper>
      )}
      <ReassignModal
        opened={reassigning}
        accountIds={[...selected]}
        onClose={() => setReassigning(false)}
        onDone={() => setSelected(new Set())}
      />

      <Paper withBorder>
        {list.isError && !data ? (
          <ErrorState
            title="Could not load accounts"
            error={list.error}
            onRetry={() => void list.refetch()}
          />
        ) : data && data.total === 0 ? (
          <NoAccounts filtered={hasFilters(view)} onClear={clearFilters} />
        ) : data && data.items.length === 0 && !list.isPlaceholderData ? (
          <Notice
            py={56}
            title="This page is past the end"
            description={`There are ${pageCount.toLocaleString()} pages of accounts with this view.`}
            actions={
              <Button variant="light" onClick={() => setView({ ...view, page: 1 })}>
                Go to the first page
              </Button>
            }
          />
        ) : (
          <AccountsTable
            accounts={data?.items}
            columns={view.cols}
            bands={bands}
            selection={canReassign ? { selected, onToggle: toggle, onToggleAll: toggleAll } : undefined}
            sort={view.sort}
            onSort={(field) => setView({ ...view, sort: nextSort(view.sort, field), page: 1 })}
            skeletonRows={8}
            busy={!data || list.isPlaceholderData}
          />
        )}
      </Paper>

      {data && total > 0 && (
        <Group justify="space-between">
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              Showing {firstRow.toLocaleString()}–{lastRow.toLocaleString()} of {total.toLocaleString()}
            </Text>
            <Select
              aria-label="Rows per page"
              size="xs"
              w={130}
              data={pageSizes.map((size) => ({ value: String(size), label: `${size} per page` }))}
              value={String(view.pageSize)}
              onChange={(value) => value && setView({ ...view, pageSize: Number(value), page: 1 })}
              allowDeselect={false}
            />
          </Group>
          <Pagination
            total={pageCount}
            value={Math.min(view.page, pageCount)}
            onChange={(page) => setView({ ...view, page })}
            getControlProps={(control) => ({ 'aria-label': `${control} page` })}
            getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
            hideWithOnePage
          />
        </Group>
      )}
    </Stack>
  );
}
