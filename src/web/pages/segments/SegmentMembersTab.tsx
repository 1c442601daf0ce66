import { Anchor, Button, Group, Paper, Select, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Segment, SegmentMember } from '../../../shared/api/segments.contract';
import { errorMessage } from '../../api/api-client';
import { useChangeStaticMembers, useSegmentMembers } from '../../api/segments-api';
import { AccountStatusBadge } from '../../components/AccountStatusBadge';
import { ErrorState } from '../../components/ErrorState';
import { HealthBandBadge } from '../../components/HealthBandBadge';
import { Notice } from '../../components/Notice';
import { formatDate } from '../../format/dates';
import { formatMoney } from '../../format/money';
import { useHealthBands } from '../accounts/use-health-bands';
import { notify } from '../settings/notify';
import { AccountsPicker, type PickedAccount } from './AccountsPicker';
import { pageParam } from './segment-format';
import { TablePager } from './TablePager';

const PAGE_SIZE = 50;
const sorts = [
  { value: 'name', label: 'Name, A to Z' },
  { value: '-name', label: 'Name, Z to A' },
  { value: '-arr', label: 'ARR, highest first' },
  { value: 'arr', label: 'ARR, lowest first' },
] as const;
type MemberSort = (typeof sorts)[number]['value'];

/** Adds picked accounts to a static list. */
function AddAccounts({ segment }: { segment: Segment }) {
  const change = useChangeStaticMembers(segment.id);
  const [picked, setPicked] = useState<PickedAccount[]>([]);
  const add = () =>
    change.mutate(
      { accountIds: picked.map((account) => account.id), change: 'add' },
      {
        onSuccess: (result) => {
          notify(
            'teal',
            `Added ${result.changed.toLocaleString()} ${result.changed === 1 ? 'account' : 'accounts'}` +
              (result.unchanged > 0 ? ` (${result.unchanged.toLocaleString()} already in the list)` : '') +
              '.',
          );
          setPicked([]);
        },
      },
    );
  return (
    <Paper withBorder p="md">
      <Group align="flex-end" gap="sm">
        <AccountsPicker
          value={picked}
          onChange={setPicked}
          error={change.isError ? errorMessage(change.error) : undefined}
        />
        <Button onClick={add} disabled={picked.length === 0} loading={change.isPending}>
          Add to list
        </Button>
      </Group>
    </Paper>
  );
}

interface MemberRowProps {
  member: SegmentMember;
  bands: readonly { name: string }[];
  onRemove?: () => void;
  removing: boolean;
}

function MemberRow({ member, bands, onRemove, removing }: MemberRowProps) {
  return (
    <Table.Tr data-testid="member-row">
      <Table.Td>
        <Anchor component={Link} to={`/accounts/${member.id}`} size="sm" fw={600}>
          {member.name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <AccountStatusBadge status={member.status} />
      </Table.Td>
      <Table.Td fz="sm">{member.tier ?? '—'}</Table.Td>
      <Table.Td fz="sm">{member.lifecycleStage ?? '—'}</Table.Td>
      <Table.Td fz="sm">{member.owner?.name ?? 'Unassigned'}</Table.Td>
      <Table.Td>
        {member.health ? (
          <HealthBandBadge band={member.health.band} bands={bands} size="sm" />
        ) : (
          <Text size="xs" c="dimmed">
            Not scored
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatMoney(member.arr, { wholeUnits: true })}
      </Table.Td>
      <Table.Td fz="sm">{formatDate(member.since)}</Table.Td>
      {onRemove && (
        <Table.Td ta="right">
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            onClick={onRemove}
            loading={removing}
            aria-label={`Remove ${member.name} from the list`}
          >
            Remove
          </Button>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** A segment's members, paged and sorted (`?sort=&page=`), each linking to its Account 360; static lists add and remove here. */
export function SegmentMembersTab({ segment, canWrite }: { segment: Segment; canWrite: boolean }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = pageParam(searchParams.get('page'));
  const sortParam = searchParams.get('sort');
  const sort: MemberSort = sorts.find((option) => option.value === sortParam)?.value ?? 'name';
  const members = useSegmentMembers(segment.id, { sort, page, pageSize: PAGE_SIZE });
  const change = useChangeStaticMembers(segment.id);
  const bands = useHealthBands().names.map((name) => ({ name }));
  const editable = canWrite && segment.kind === 'static';
  const setParams = (patch: Record<string, string>) => {
    const params = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(patch)) params.set(key, value);
    setSearchParams(params);
  };
  const remove = (member: SegmentMember) =>
    change.mutate(
      { accountIds: [member.id], change: 'remove' },
      {
        onSuccess: () => notify('teal', `Removed ${member.name} from the list.`),
        onError: (error) => notify('red', `Not removed: ${errorMessage(error)}`),
      },
    );

  let table;
  if (members.isPending) table = <Skeleton height={240} aria-label="Loading the members" />;
  else if (members.isError)
    table = (
      <ErrorState
        title="Could not load the members"
        error={members.error}
        onRetry={() => void members.refetch()}
      />
    );
  else if (members.data.total === 0)
    table = (
      <Paper withBorder>
        <Notice
          py={48}
          title="No members"
          description={
            segment.kind === 'static'
              ? editable
                ? 'This list is empty: search for accounts above and add them.'
                : 'This list is empty. Someone who may edit segments can add accounts.'
              : 'No account matches the rule now. Members appear as soon as an account matches (checked every few minutes and after each change).'
          }
        />
      </Paper>
    );
  else
    table = (
      <>
        <Paper withBorder>
          <Table.ScrollContainer minWidth={900}>
            <Table
              verticalSpacing="sm"
              horizontalSpacing="md"
              aria-label="Members"
              aria-busy={members.isPlaceholderData}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Account</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Tier</Table.Th>
                  <Table.Th>Stage</Table.Th>
                  <Table.Th>Owner</Table.Th>
                  <Table.Th>Health</Table.Th>
                  <Table.Th ta="right">ARR</Table.Th>
                  <Table.Th>Member since</Table.Th>
                  {editable && <Table.Th aria-label="Actions" />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.items.map((member) => (
                  <MemberRow
                    key={member.id}
                    member={member}
                    bands={bands}
                    onRemove={editable ? () => remove(member) : undefined}
                    removing={change.isPending && change.variables.accountIds[0] === member.id}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
        <TablePager
          total={members.data.total}
          page={page}
          pageSize={PAGE_SIZE}
          noun="members"
          onPage={(next) => setParams({ page: String(next) })}
        />
      </>
    );

  return (
    <Stack gap="md">
      {editable && <AddAccounts segment={segment} />}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {segment.memberCount.toLocaleString()} {segment.memberCount === 1 ? 'account' : 'accounts'}
          {segment.kind === 'dynamic' ? ' match the rule' : ' in the list'}
        </Text>
        <Select
          aria-label="Sort members"
          size="xs"
          w={190}
          data={sorts.map((option) => ({ ...option }))}
          value={sort}
          onChange={(value) => value && setParams({ sort: value, page: '1' })}
          allowDeselect={false}
        />
      </Group>
      {table}
    </Stack>
  );
}
