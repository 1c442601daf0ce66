import { Alert, Button, Checkbox, Group, Popover, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Contact } from '../../../shared/api/contacts.contract';
import type { ContactRole } from '../../../shared/api/enums';
import { errorMessage } from '../../api/api-client';
import { useUpdateContact } from '../../api/account-360-api';
import { contactRoleLabels } from '../../format/labels';

const roleOrder: readonly ContactRole[] = [
  'exec_sponsor',
  'champion',
  'decision_maker',
  'power_user',
  'billing',
  'user',
];

/** A small form in a popover: the contact's roles and advocate flag, saved with PATCH /contacts/:id. */
export function ContactRolesEditor({ contact, accountId }: { contact: Contact; accountId: string }) {
  const [opened, setOpened] = useState(false);
  const [roles, setRoles] = useState<string[]>(contact.roles);
  const [isAdvocate, setIsAdvocate] = useState(contact.isAdvocate);
  const update = useUpdateContact(accountId);

  const open = () => {
    setRoles(contact.roles);
    setIsAdvocate(contact.isAdvocate);
    update.reset();
    setOpened(true);
  };
  const save = () => {
    update.mutate(
      { id: contact.id, changes: { roles: roleOrder.filter((role) => roles.includes(role)), isAdvocate } },
      {
        onSuccess: () => {
          setOpened(false);
          notifications.show({
            color: 'teal',
            title: 'Contact updated',
            message: `${contact.name}'s roles are saved.`,
          });
        },
      },
    );
  };

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      withArrow
      shadow="md"
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <Button
          variant="subtle"
          size="compact-xs"
          onClick={() => (opened ? setOpened(false) : open())}
          aria-label={`Edit roles of ${contact.name}`}
        >
          Edit
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm" w={240}>
          <Text size="sm" fw={600}>
            {contact.name}
          </Text>
          {update.isError && (
            <Alert color="red" variant="light" role="alert" p="xs">
              {errorMessage(update.error)}
            </Alert>
          )}
          <Checkbox.Group label="Roles" value={roles} onChange={setRoles}>
            <Stack gap={6} mt={6}>
              {roleOrder.map((role) => (
                <Checkbox key={role} value={role} label={contactRoleLabels[role]} size="sm" />
              ))}
            </Stack>
          </Checkbox.Group>
          <Switch
            label="Advocate (will act as a reference)"
            checked={isAdvocate}
            onChange={(event) => setIsAdvocate(event.currentTarget.checked)}
            size="sm"
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="xs" onClick={() => setOpened(false)}>
              Cancel
            </Button>
            <Button size="xs" onClick={save} loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
