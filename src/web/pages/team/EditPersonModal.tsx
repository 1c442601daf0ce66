import {
  Alert,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Person, PersonUpdate } from '../../../shared/api/team.contract';
import { errorMessage } from '../../api/api-client';
import { useTeams, useUpdatePerson } from '../../api/team-api';
import { useTiers } from '../../api/tiers-api';
import { IconAlert } from '../../components/icons';
import { fieldProblem, isFieldProblem } from '../settings/field-problems';
import { notify } from '../settings/notify';
import { FormActions } from '../../components/FormActions';

const formFields = [
  'body.teamId',
  'body.managerId',
  'body.title',
  'body.responsibilities',
  'body.coversTiers',
  'body.workloadCapacity',
] as const;

const blankToNull = (text: string) => (text.trim() === '' ? null : text.trim());

function PersonForm({
  person,
  people,
  onClose,
}: {
  person: Person;
  people: readonly Person[];
  onClose: () => void;
}) {
  const update = useUpdatePerson();
  const teams = useTeams();
  const tiers = useTiers();
  const [teamId, setTeamId] = useState<string | null>(person.team?.id ?? null);
  const [managerId, setManagerId] = useState<string | null>(person.manager?.id ?? null);
  const [title, setTitle] = useState(person.title ?? '');
  const [responsibilities, setResponsibilities] = useState(person.responsibilities ?? '');
  const [coversTiers, setCoversTiers] = useState<string[]>(person.coversTiers);
  const [capacity, setCapacity] = useState<string | number>(person.workloadCapacity ?? '');
  const tierNames = [...new Set([...(tiers.data ?? []).map((tier) => tier.name), ...person.coversTiers])];
  const managers = people
    .filter((candidate) => candidate.id !== person.id && !candidate.disabled)
    .map((candidate) => ({ value: candidate.id, label: candidate.name }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body: PersonUpdate = {
      teamId,
      managerId,
      title: blankToNull(title),
      responsibilities: blankToNull(responsibilities),
      coversTiers,
      workloadCapacity: typeof capacity === 'number' ? capacity : null,
    };
    update.mutate(
      { id: person.id, body },
      {
        onSuccess: (saved) => {
          notify('teal', `Saved ${saved.name}.`);
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label="Team"
            placeholder={teams.data?.length === 0 ? 'No teams yet' : 'No team'}
            data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            value={teamId}
            onChange={setTeamId}
            clearable
            error={fieldProblem(update.error, 'body.teamId')}
            data-autofocus
          />
          <Select
            label="Manager"
            placeholder="No manager"
            data={managers}
            value={managerId}
            onChange={setManagerId}
            searchable
            clearable
            error={fieldProblem(update.error, 'body.managerId')}
          />
        </SimpleGrid>
        <TextInput
          label="Title"
          placeholder="e.g. Senior Customer Success Manager"
          maxLength={200}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={fieldProblem(update.error, 'body.title')}
        />
        <Textarea
          label="Responsibilities"
          placeholder="e.g. Enterprise renewals in EMEA; runs the onboarding programme"
          autosize
          minRows={2}
          maxLength={2000}
          value={responsibilities}
          onChange={(event) => setResponsibilities(event.currentTarget.value)}
          error={fieldProblem(update.error, 'body.responsibilities')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <MultiSelect
            label="Tiers covered"
            description="Which tiers this person may be given; none picked means every tier"
            placeholder={coversTiers.length === 0 ? 'Every tier' : undefined}
            data={tierNames}
            value={coversTiers}
            onChange={setCoversTiers}
            clearable
            error={fieldProblem(update.error, 'body.coversTiers')}
          />
          <NumberInput
            label="Workload capacity"
            description="Units this person carries; blank for the team's setting"
            placeholder="Team setting"
            min={0.01}
            max={1000}
            decimalScale={2}
            value={capacity}
            onChange={setCapacity}
            error={fieldProblem(update.error, 'body.workloadCapacity')}
          />
        </SimpleGrid>
        {update.isError && !isFieldProblem(update.error, formFields) && (
          <Alert color="red" variant="light" icon={<IconAlert />} title="Not saved" role="alert">
            {errorMessage(update.error)}
          </Alert>
        )}
        <FormActions onCancel={onClose} loading={update.isPending}>
          Save
        </FormActions>
      </Stack>
    </form>
  );
}

/** Managers change a person's team, manager, title, responsibilities, tiers covered and capacity (PATCH /people/:id). */
export function EditPersonModal({
  person,
  people,
  opened,
  onClose,
}: {
  person: Person | null;
  people: readonly Person[];
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={<Text fw={650}>{person ? `Edit ${person.name}` : 'Edit person'}</Text>}
    >
      {person && <PersonForm person={person} people={people} onClose={onClose} />}
    </Modal>
  );
}
