import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { teamKinds, type TeamKind } from '../../../shared/api/team.contract';
import { errorMessage } from '../../api/api-client';
import { useCreateTeam } from '../../api/team-api';
import { IconAlert } from '../../components/icons';
import { fieldProblem, isFieldProblem } from '../settings/field-problems';
import { notify } from '../settings/notify';

export const teamKindLabels: Record<TeamKind, string> = {
  csm: 'Customer Success',
  support: 'Support',
  onboarding: 'Onboarding',
  services: 'Services',
  education: 'Education',
};

function NewTeamForm({ onClose }: { onClose: () => void }) {
  const create = useCreateTeam();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<TeamKind>('csm');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), kind },
      {
        onSuccess: (team) => {
          notify('teal', `Created the team “${team.name}”; put people in it with Edit.`);
          onClose();
        },
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Name"
          placeholder="e.g. CSM East"
          required
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldProblem(create.error, 'body.name')}
          data-autofocus
        />
        <Select
          label="Kind"
          data={teamKinds.map((value) => ({ value, label: teamKindLabels[value] }))}
          value={kind}
          onChange={(value) => value && setKind(value as TeamKind)}
          allowDeselect={false}
          error={fieldProblem(create.error, 'body.kind')}
        />
        {create.isError && !isFieldProblem(create.error, ['body.name', 'body.kind']) && (
          <Alert color="red" variant="light" icon={<IconAlert />} title="Not created" role="alert">
            {errorMessage(create.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending} disabled={name.trim() === ''}>
            Create team
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Creates a team: a name and its kind (CSM, Support, Onboarding, Services, Education). */
export function NewTeamModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={<Text fw={650}>New team</Text>}
    >
      <NewTeamForm onClose={onClose} />
    </Modal>
  );
}
