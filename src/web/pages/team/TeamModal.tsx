import { Alert, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type Team, teamKinds, type TeamKind } from '../../../shared/api/team.contract';
import { errorMessage } from '../../api/api-client';
import { useCreateTeam, useUpdateTeam } from '../../api/team-api';
import { IconAlert } from '../../components/icons';
import { fieldProblem, isFieldProblem } from '../settings/field-problems';
import { notify } from '../settings/notify';
import { FormActions } from '../../components/FormActions';

export const teamKindLabels: Record<TeamKind, string> = {
  csm: 'Customer Success',
  support: 'Support',
  onboarding: 'Onboarding',
  services: 'Services',
  education: 'Education',
};

/** The name and kind of a new team (`team` null) or of an existing one. */
function TeamForm({ team, onClose }: { team: Team | null; onClose: () => void }) {
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const saving = team === null ? create : update;
  const [name, setName] = useState(team?.name ?? '');
  const [kind, setKind] = useState<TeamKind>(team?.kind ?? 'csm');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = { name: name.trim(), kind };
    if (team === null) {
      create.mutate(body, {
        onSuccess: (created) => {
          notify('teal', `Created the team “${created.name}”; put people in it with Edit.`);
          onClose();
        },
      });
    } else {
      update.mutate(
        { id: team.id, body },
        {
          onSuccess: (saved) => {
            notify('teal', `Saved the team “${saved.name}”.`);
            onClose();
          },
        },
      );
    }
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
          error={fieldProblem(saving.error, 'body.name')}
          data-autofocus
        />
        <Select
          label="Kind"
          data={teamKinds.map((value) => ({ value, label: teamKindLabels[value] }))}
          value={kind}
          onChange={(value) => value && setKind(value as TeamKind)}
          allowDeselect={false}
          error={fieldProblem(saving.error, 'body.kind')}
        />
        {saving.isError && !isFieldProblem(saving.error, ['body.name', 'body.kind']) && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlert />}
            title={team === null ? 'Not created' : 'Not saved'}
            role="alert"
          >
            {errorMessage(saving.error)}
          </Alert>
        )}
        <FormActions onCancel={onClose} loading={saving.isPending} disabled={name.trim() === ''}>
          {team === null ? 'Create team' : 'Save team'}
        </FormActions>
      </Stack>
    </form>
  );
}

/**
 * Creates a team (`team` null) or renames one and changes its kind (CSM, Support, Onboarding,
 * Services, Education).
 */
export function TeamModal({
  team,
  opened,
  onClose,
}: {
  team: Team | null;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={<Text fw={650}>{team === null ? 'New team' : `Edit team ${team.name}`}</Text>}
    >
      {/* A fresh form for each team opened. */}
      <TeamForm key={team?.id ?? 'new'} team={team} onClose={onClose} />
    </Modal>
  );
}
