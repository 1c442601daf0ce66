import { Alert, Paper, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { AccountAssignment, AccountRole } from '../../../shared/api/team.contract';
import { errorMessage } from '../../api/api-client';
import { useAccountAssignments, useChangeAccountAssignment, usePeople } from '../../api/team-api';
import { ErrorState } from '../../components/ErrorState';
import { formatDate } from '../../format/dates';

interface PersonOption {
  value: string;
  label: string;
}

function Holder({ assignment }: { assignment: AccountAssignment }) {
  if (!assignment.user)
    return (
      <Text size="sm" c="dimmed">
        Unassigned
      </Text>
    );
  return (
    <Text size="sm">
      {assignment.user.name}
      {assignment.since && (
        <Text span size="xs" c="dimmed">
          {' '}
          · since {formatDate(assignment.since)}
        </Text>
      )}
    </Text>
  );
}

/** A select of people for one role; the current holder stays listed even when deactivated. */
function RoleSelect({
  assignment,
  people,
  disabled,
  onChange,
}: {
  assignment: AccountAssignment;
  people: PersonOption[];
  disabled: boolean;
  onChange: (role: AccountRole, userId: string | null) => void;
}) {
  const holder = assignment.user;
  const data =
    holder && !people.some((person) => person.value === holder.id)
      ? [{ value: holder.id, label: holder.name }, ...people]
      : people;
  return (
    <Select
      aria-label={assignment.label}
      placeholder="Unassigned"
      data={data}
      value={holder?.id ?? null}
      onChange={(userId) => onChange(assignment.role, userId)}
      searchable
      clearable
      disabled={disabled}
      size="sm"
      data-testid={`assignment-${assignment.role}`}
    />
  );
}

/**
 * Who looks after the account on our side: CSM (the owner), executive sponsor, onboarding lead and
 * support lead. Those who may edit the account change them in place; the server has the last word
 * (a CSM cannot hand the account to someone else), and its refusal shows in the card.
 */
export function TeamCard({ accountId, canEdit }: { accountId: string; canEdit: boolean }) {
  const assignments = useAccountAssignments(accountId);
  const people = usePeople();
  const change = useChangeAccountAssignment(accountId);

  if (assignments.isPending) return <Skeleton height={240} aria-label="Loading team" />;
  if (assignments.isError)
    return (
      <ErrorState
        title="Could not load the account team"
        error={assignments.error}
        onRetry={() => void assignments.refetch()}
      />
    );
  const editable = canEdit && people.isSuccess;
  const options: PersonOption[] = (people.data ?? [])
    .filter((person) => !person.disabled)
    .map((person) => ({ value: person.id, label: person.name }));
  return (
    <Paper withBorder p="lg" component="section" aria-label="Team">
      <Title order={2} size="h4" mb="sm">
        Team
      </Title>
      <Stack gap="sm">
        <Table layout="fixed" verticalSpacing={8} fz="sm">
          <Table.Tbody>
            {assignments.data.items.map((assignment) => (
              <Table.Tr key={assignment.role}>
                <Table.Td w="38%" c="dimmed" pl={0}>
                  {assignment.label}
                </Table.Td>
                <Table.Td pr={0}>
                  {editable ? (
                    <RoleSelect
                      assignment={assignment}
                      people={options}
                      disabled={change.isPending}
                      onChange={(role, userId) => change.mutate({ role, userId })}
                    />
                  ) : (
                    <Holder assignment={assignment} />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {canEdit && people.isError && (
          <Text size="sm" c="dimmed">
            Could not load the people to choose from: {errorMessage(people.error)}
          </Text>
        )}
        {change.isError && (
          <Alert color="red" variant="light" role="alert" p="xs">
            <Text size="sm">Could not change the team: {errorMessage(change.error)}</Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
