import {
  Badge,
  Box,
  Button,
  Code,
  Group,
  List,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { UnmatchedTracking } from '../../../../shared/api/tracking.contract';
import { useUnmatchedTracking } from '../../../api/tracking-api';
import { ErrorState } from '../../../components/ErrorState';
import { Notice } from '../../../components/Notice';
import { formatDateTime } from '../../../format/dates';
import { pluralize } from '../settings-format';
import { SettingsSection } from '../SettingsSection';
import { useDialogTarget } from '../use-dialog-target';
import { MapToAccountModal, type MappingCandidate } from './MapToAccountModal';
import { summarizeTraits } from './tracking-format';

type UnmatchedGroup = UnmatchedTracking['groups'][number];
type UnmatchedUser = UnmatchedTracking['users'][number];

/** How events find their account, for the empty state and for people who may only read the list. */
function HowMatchingWorks() {
  return (
    <List size="sm" spacing={4} ta="left">
      <List.Item>
        A <Code>group</Code> call puts a user in a group; the group matches the account whose{' '}
        <strong>external id</strong> is the <Code>groupId</Code>.
      </List.Item>
      <List.Item>
        From then on the user&apos;s events, and those sent before, count for that account.
      </List.Item>
      <List.Item>
        Events of users in no group, or in a group no account has as its external id, wait here until they are
        mapped. Nothing is dropped.
      </List.Item>
    </List>
  );
}

function GroupsTable({
  groups,
  onMap,
}: {
  groups: UnmatchedGroup[];
  onMap?: (candidate: MappingCandidate) => void;
}) {
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Groups waiting for an account">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Group</Table.Th>
              <Table.Th>Traits</Table.Th>
              <Table.Th ta="right">Users</Table.Th>
              <Table.Th ta="right">Waiting events</Table.Th>
              <Table.Th>Last seen</Table.Th>
              {onMap && (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((group) => {
              const name = `group ${group.groupId}`;
              return (
                <Table.Tr key={`${group.source}/${group.groupId}`} data-testid="unmatched-group-row">
                  <Table.Td>
                    <Text size="sm" fw={600} ff="monospace">
                      {group.groupId}
                    </Text>
                    <Text size="xs" c="dimmed">
                      from {group.source}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2} maw={320}>
                      {summarizeTraits(group.traits)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{group.users.toLocaleString()}</Table.Td>
                  <Table.Td ta="right" data-testid="waiting-events">
                    {group.waitingEvents.toLocaleString()}
                  </Table.Td>
                  <Table.Td>{formatDateTime(group.lastSeenAt)}</Table.Td>
                  {onMap && (
                    <Table.Td ta="right">
                      <Button
                        size="compact-sm"
                        variant="light"
                        aria-label={`Map to account: group ${group.groupId}`}
                        onClick={() =>
                          onMap({
                            target: { kind: 'group', source: group.source, groupId: group.groupId },
                            name,
                            waitingEvents: group.waitingEvents,
                          })
                        }
                      >
                        Map to account
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function UsersTable({
  users,
  onMap,
}: {
  users: UnmatchedUser[];
  onMap?: (candidate: MappingCandidate) => void;
}) {
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Users in no known group">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>User</Table.Th>
              <Table.Th>Traits</Table.Th>
              <Table.Th ta="right">Waiting events</Table.Th>
              <Table.Th>Last seen</Table.Th>
              {onMap && (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => {
              const id = user.userId ?? user.anonymousId ?? user.userKey;
              return (
                <Table.Tr key={`${user.source}/${user.userKey}`} data-testid="unmatched-user-row">
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={600} ff="monospace">
                        {id}
                      </Text>
                      {user.userId === null && (
                        <Badge size="sm" variant="light" color="gray">
                          Anonymous
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      from {user.source}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2} maw={320}>
                      {summarizeTraits(user.traits)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{user.waitingEvents.toLocaleString()}</Table.Td>
                  <Table.Td>{formatDateTime(user.lastSeenAt)}</Table.Td>
                  {onMap && (
                    <Table.Td ta="right">
                      <Button
                        size="compact-sm"
                        variant="light"
                        aria-label={`Map to account: user ${id}`}
                        onClick={() =>
                          onMap({
                            target: { kind: 'user', source: user.source, userKey: user.userKey },
                            name: `user ${id}`,
                            waitingEvents: user.waitingEvents,
                          })
                        }
                      >
                        Map to account
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/**
 * "Waiting for an account": groups that match no account and users in no known group, with the
 * events they sent that wait to be attributed. Admins map them to an account; managers read.
 */
export function UnmatchedSection({ canMap }: { canMap: boolean }) {
  const unmatched = useUnmatchedTracking();
  const mapDialog = useDialogTarget<MappingCandidate>();
  const onMap = canMap ? mapDialog.open : undefined;
  const waiting = unmatched.data?.waitingEvents;

  return (
    <SettingsSection
      title="Waiting for an account"
      description={
        canMap
          ? 'Tracked groups and users that match no account yet. Map one to an account and every waiting event is attributed to it.'
          : 'Tracked groups and users that match no account yet. An admin maps them to accounts.'
      }
      action={
        waiting !== undefined && (
          <Badge
            size="lg"
            variant="light"
            color={waiting > 0 ? 'orange' : 'teal'}
            data-testid="waiting-total"
          >
            {pluralize(waiting, 'event')} waiting
          </Badge>
        )
      }
    >
      {unmatched.isPending ? (
        <Skeleton height={160} aria-label="Loading what waits for an account" />
      ) : unmatched.isError ? (
        <ErrorState
          title="Could not load what waits for an account"
          error={unmatched.error}
          onRetry={() => void unmatched.refetch()}
        />
      ) : unmatched.data.groups.length === 0 && unmatched.data.users.length === 0 ? (
        <Paper withBorder pb="xl">
          <Notice
            pt={32}
            pb="md"
            title="Every event has found its account"
            description="Nothing waits to be mapped. This is how tracked events find their account:"
          />
          <Box maw={640} mx="auto" px="md">
            <HowMatchingWorks />
          </Box>
        </Paper>
      ) : (
        <Stack gap="lg">
          <Stack gap="xs">
            <Title order={3} size="h5">
              Groups ({unmatched.data.groups.length.toLocaleString()})
            </Title>
            {unmatched.data.groups.length === 0 ? (
              <Text size="sm" c="dimmed">
                Every group matches an account.
              </Text>
            ) : (
              <GroupsTable groups={unmatched.data.groups} onMap={onMap} />
            )}
          </Stack>
          <Stack gap="xs">
            <Title order={3} size="h5">
              Users in no known group ({unmatched.data.users.length.toLocaleString()})
            </Title>
            {unmatched.data.users.length === 0 ? (
              <Text size="sm" c="dimmed">
                Every user with waiting events is in one of the groups above.
              </Text>
            ) : (
              <UsersTable users={unmatched.data.users} onMap={onMap} />
            )}
          </Stack>
        </Stack>
      )}
      <MapToAccountModal candidate={mapDialog.target} opened={mapDialog.opened} onClose={mapDialog.close} />
    </SettingsSection>
  );
}
