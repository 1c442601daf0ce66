import { Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { Person, Team } from '../../../shared/api/team.contract';
import { useCanManageTeam, useDeleteTeam, usePeople, useTeams } from '../../api/team-api';
import { ErrorState } from '../../components/ErrorState';
import { Notice } from '../../components/Notice';
import { userRoleLabels } from '../../format/labels';
import { ConfirmModal } from '../settings/ConfirmModal';
import { notify } from '../settings/notify';
import { useDialogTarget } from '../settings/use-dialog-target';
import { EditPersonModal } from './EditPersonModal';
import { TeamModal, teamKindLabels } from './TeamModal';

/** People by team (every team, empty ones too), teams by name and the people without a team last; each group by name. */
function groupByTeam(people: readonly Person[], teams: readonly Team[]) {
  const groups: { key: string; title: string; team: Team | null; people: Person[] }[] = teams.map((team) => ({
    key: team.id,
    title: team.name,
    team,
    people: people.filter((person) => person.team?.id === team.id),
  }));
  const known = new Set(teams.map((team) => team.id));
  const loose = people.filter((person) => !person.team || !known.has(person.team.id));
  if (loose.length > 0) groups.push({ key: 'none', title: 'No team', team: null, people: loose });
  // A new team shows while still empty, so it can be filled, renamed or deleted.
  return groups.map((group) => ({
    ...group,
    people: [...group.people].sort((left, right) => left.name.localeCompare(right.name)),
  }));
}

function accountsText(person: Person): string {
  const { csm, executiveSponsor, onboardingLead, supportLead } = person.accounts;
  const parts = [
    csm > 0 && `${csm} as CSM`,
    executiveSponsor > 0 && `${executiveSponsor} as sponsor`,
    onboardingLead > 0 && `${onboardingLead} onboarding`,
    supportLead > 0 && `${supportLead} support`,
  ].filter(Boolean);
  return parts.length === 0 ? 'None' : parts.join(' · ');
}

function PersonRow({
  person,
  canManage,
  onEdit,
}: {
  person: Person;
  canManage: boolean;
  onEdit: () => void;
}) {
  return (
    <Table.Tr data-testid="person-row" data-person={person.name}>
      <Table.Td>
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {person.name}
          </Text>
          {person.disabled && (
            <Badge size="xs" variant="outline" color="gray">
              Deactivated
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {person.title ?? person.email}
        </Text>
      </Table.Td>
      <Table.Td fz="sm">{userRoleLabels[person.role]}</Table.Td>
      <Table.Td fz="sm">{person.manager?.name ?? '—'}</Table.Td>
      <Table.Td fz="sm">
        <Text size="sm" lineClamp={2}>
          {person.responsibilities ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td fz="sm">
        {person.coversTiers.length === 0 ? 'Every tier' : person.coversTiers.join(', ')}
      </Table.Td>
      <Table.Td fz="sm">{accountsText(person)}</Table.Td>
      {canManage && (
        <Table.Td ta="right">
          <Button size="compact-sm" variant="default" onClick={onEdit} aria-label={`Edit ${person.name}`}>
            Edit
          </Button>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** Team → People: everyone grouped by team with role, title, manager, responsibilities, tiers covered and accounts. */
export function PeopleTab() {
  const people = usePeople();
  const teams = useTeams();
  const canManage = useCanManageTeam();
  const editing = useDialogTarget<Person>();
  // A team to edit, or null for a new one.
  const teamDialog = useDialogTarget<Team | null>();
  const removing = useDialogTarget<Team>();
  const remove = useDeleteTeam();
  if (people.isPending || teams.isPending) return <Skeleton height={280} aria-label="Loading people" />;
  if (people.isError || teams.isError)
    return (
      <ErrorState
        title="Could not load the team"
        error={people.error ?? teams.error}
        onRetry={() => {
          void people.refetch();
          void teams.refetch();
        }}
      />
    );
  const groups = groupByTeam(people.data, teams.data);
  if (groups.length === 0)
    return (
      <Paper withBorder>
        <Notice
          py={48}
          title="No one here yet"
          description="Add people with cycle users add; they show here with their team and role."
        />
      </Paper>
    );
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {teams.data.length === 0
            ? canManage
              ? 'No teams yet: create them (Customer Success, Support, Onboarding, Services, Education), then put people in them with Edit.'
              : 'No teams yet: a manager or admin creates them.'
            : `${people.data.length.toLocaleString()} people in ${teams.data.length.toLocaleString()} ${teams.data.length === 1 ? 'team' : 'teams'}`}
        </Text>
        {canManage && (
          <Button variant="default" onClick={() => teamDialog.open(null)}>
            New team
          </Button>
        )}
      </Group>
      {groups.map(({ team, ...group }) => (
        <Paper key={group.key} withBorder component="section" aria-label={group.title}>
          <Group gap="xs" px="md" pt="md" pb="xs">
            <Title order={2} size="h4">
              {group.title}
            </Title>
            {team && (
              <Badge variant="light" color="gray">
                {teamKindLabels[team.kind]}
              </Badge>
            )}
            <Text size="sm" c="dimmed">
              {group.people.length} {group.people.length === 1 ? 'person' : 'people'}
            </Text>
            {canManage && team && (
              <Group gap={4} ml="auto">
                <Button
                  size="xs"
                  variant="subtle"
                  aria-label={`Edit team ${group.title}`}
                  onClick={() => teamDialog.open(team)}
                >
                  Edit team
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={`Delete team ${group.title}`}
                  onClick={() => {
                    remove.reset();
                    removing.open(team);
                  }}
                >
                  Delete
                </Button>
              </Group>
            )}
          </Group>
          {group.people.length === 0 ? (
            <Text size="sm" c="dimmed" px="md" pb="md">
              No one in this team yet{canManage ? ': put people in it with Edit on their row.' : '.'}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              {/* Fixed widths, so the columns line up from one team's table to the next. */}
              <Table
                layout="fixed"
                verticalSpacing="sm"
                horizontalSpacing="md"
                aria-label={`People in ${group.title}`}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="20%">Person</Table.Th>
                    <Table.Th w="9%">Role</Table.Th>
                    <Table.Th w="12%">Manager</Table.Th>
                    <Table.Th>Responsibilities</Table.Th>
                    <Table.Th w="15%">Tiers covered</Table.Th>
                    <Table.Th w="11%">Accounts</Table.Th>
                    {canManage && <Table.Th w={80} aria-label="Actions" />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {group.people.map((person) => (
                    <PersonRow
                      key={person.id}
                      person={person}
                      canManage={canManage}
                      onEdit={() => editing.open(person)}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      ))}
      <TeamModal team={teamDialog.target} opened={teamDialog.opened} onClose={teamDialog.close} />
      <ConfirmModal
        opened={removing.opened}
        title="Delete team"
        confirmLabel="Delete team"
        pending={remove.isPending}
        error={remove.error}
        onClose={removing.close}
        onConfirm={() => {
          const team = removing.target;
          if (!team) return;
          remove.mutate(team.id, {
            onSuccess: () => {
              notify('teal', `Deleted the team “${team.name}”; its people are now without a team.`);
              removing.close();
            },
          });
        }}
      >
        The team <strong>{removing.target?.name}</strong> will be deleted.{' '}
        {removing.target?.members === 1
          ? 'Its one person stays, without a team, and keeps their accounts.'
          : `Its ${removing.target?.members ?? 0} people stay, without a team, and keep their accounts.`}
      </ConfirmModal>
      <EditPersonModal
        person={editing.target}
        people={people.data}
        opened={editing.opened}
        onClose={editing.close}
      />
    </Stack>
  );
}
