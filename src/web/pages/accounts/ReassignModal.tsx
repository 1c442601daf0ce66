import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useReassignAccounts } from '../../api/accounts-api';
import { ApiError } from '../../api/api-client';
import { useTeamMembers } from '../../api/session-api';

/** The owner picker's value for "nobody". */
const UNASSIGNED = 'unassigned';

interface ReassignModalProps {
  opened: boolean;
  accountIds: string[];
  onClose: () => void;
  /** Called after the move, to clear the selection. */
  onDone: () => void;
}

/** Confirms and runs a bulk reassign of the selected accounts to one owner (or none). */
export function ReassignModal({ opened, accountIds, onClose, onDone }: ReassignModalProps) {
  const people = useTeamMembers();
  const reassign = useReassignAccounts();
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const count = accountIds.length;
  const noun = count === 1 ? 'account' : 'accounts';
  const options = [
    { value: UNASSIGNED, label: 'Nobody (unassigned)' },
    ...(people.data ?? []).map((user) => ({ value: user.id, label: `${user.name} (${user.role})` })),
  ];
  const chosen = options.find((option) => option.value === ownerId);
  const close = () => {
    setOwnerId(null);
    reassign.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={`Reassign ${count.toLocaleString()} ${noun}`}>
      <Stack>
        <Select
          label="New owner"
          placeholder={people.isPending ? 'Loading people…' : 'Pick a person'}
          data={options}
          value={ownerId}
          onChange={setOwnerId}
          searchable
          nothingFoundMessage="Nobody by that name"
          data-autofocus
        />
        {chosen && (
          <Text size="sm">
            {count.toLocaleString()} {noun} will move to{' '}
            <strong>{chosen.value === UNASSIGNED ? 'nobody' : chosen.label}</strong>, all at once.
          </Text>
        )}
        {reassign.isError && (
          <Alert color="red">
            {reassign.error instanceof ApiError ? reassign.error.detail : 'Could not reassign; try again.'}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            disabled={!ownerId || count === 0}
            loading={reassign.isPending}
            onClick={() =>
              reassign.mutate(
                { accountIds, ownerId: ownerId === UNASSIGNED ? null : ownerId },
                {
                  onSuccess: (result) => {
                    notifications.show({
                      color: 'green',
                      message: `Reassigned ${result.reassigned.toLocaleString()} ${result.reassigned === 1 ? 'account' : 'accounts'}${result.unchanged > 0 ? ` (${result.unchanged.toLocaleString()} already had this owner)` : ''}.`,
                    });
                    onDone();
                    close();
                  },
                },
              )
            }
          >
            Reassign {count.toLocaleString()} {noun}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
