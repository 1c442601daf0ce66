import { Alert, Modal, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../../api/api-client';
import { type UnmatchedTarget, useMapToAccount } from '../../../api/tracking-api';
import { IconAlert } from '../../../components/icons';
import { pluralize } from '../settings-format';
import { AccountSelect, type PickedAccount } from './AccountSelect';
import { notify } from '../notify';
import { FormActions } from '../../../components/FormActions';

/** What is being mapped, as the list shows it. */
export interface MappingCandidate {
  target: UnmatchedTarget;
  /** "group acme-2 (web-app)" or "user u-42 (web-app)". */
  name: string;
  waitingEvents: number;
}

/** Maps a group or a user to an account chosen by search; their waiting events are attributed at once. */
export function MapToAccountModal({
  candidate,
  opened,
  onClose,
}: {
  candidate: MappingCandidate | null;
  opened: boolean;
  onClose: () => void;
}) {
  const mapping = useMapToAccount();
  const [account, setAccount] = useState<PickedAccount | null>(null);

  const clear = () => {
    setAccount(null);
    mapping.reset();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!candidate || !account) return;
    mapping.mutate(
      { target: candidate.target, accountId: account.id },
      {
        onSuccess: (result) => {
          notify(
            'teal',
            `Mapped ${candidate.name} to ${account.name}: ${pluralize(result.attributedEvents, 'event')} attributed.`,
          );
          onClose();
        },
      },
    );
  };
  const isGroup = candidate?.target.kind === 'group';

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={clear}
      closeButtonProps={{ 'aria-label': 'Cancel' }}
      title={<Text fw={650}>Map {candidate?.name} to an account</Text>}
    >
      <form onSubmit={onSubmit}>
        <Stack gap="md">
          <Text size="sm">
            {pluralize(candidate?.waitingEvents ?? 0, 'waiting event')} will be attributed to the account and
            counted in its daily usage{isGroup ? ', and so will the events its users send from now on' : ''}.
          </Text>
          <AccountSelect value={account} onChange={setAccount} />
          {mapping.isError && (
            <Alert color="red" variant="light" icon={<IconAlert />} title="Not mapped" role="alert">
              {errorMessage(mapping.error)}
            </Alert>
          )}
          <FormActions onCancel={onClose} loading={mapping.isPending} disabled={account === null}>
            Map to account
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
