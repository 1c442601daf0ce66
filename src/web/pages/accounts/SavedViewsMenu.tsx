import { Alert, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { SavedView } from '../../../shared/api/views.contract';
import { ApiError } from '../../api/api-client';
import {
  useCreateSavedView,
  useDeleteSavedView,
  useSavedViews,
  useUpdateSavedView,
} from '../../api/views-api';
import { IconChevronDown } from '../../components/icons';
import { FormActions } from '../../components/FormActions';

const messageOf = (error: unknown) =>
  error instanceof ApiError ? error.detail : 'Something went wrong; try again.';

function SaveViewModal({ opened, onClose, query }: { opened: boolean; onClose: () => void; query: string }) {
  const [name, setName] = useState('');
  const create = useCreateSavedView('accounts');
  const close = () => {
    setName('');
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Save this view">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(
            { name, query },
            {
              onSuccess: (saved) => {
                notifications.show({ color: 'green', message: `Saved the view “${saved.name}”.` });
                close();
              },
            },
          );
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            Filters, sort and columns are saved; only you see your views.
          </Text>
          <TextInput
            label="View name"
            placeholder="e.g. Renewals at risk"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            required
            data-autofocus
            maxLength={100}
          />
          {create.isError && <Alert color="red">{messageOf(create.error)}</Alert>}
          <FormActions onCancel={close} loading={create.isPending} disabled={!name.trim()}>
            Save view
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}

function ManageRow({ view }: { view: SavedView }) {
  const [name, setName] = useState(view.name);
  const update = useUpdateSavedView('accounts');
  const remove = useDeleteSavedView('accounts');
  const error = update.error ?? remove.error;
  return (
    <Stack gap={4}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          label={`Name of “${view.name}”`}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          flex={1}
          maxLength={100}
        />
        <Button
          variant="default"
          disabled={!name.trim() || name.trim() === view.name}
          loading={update.isPending}
          onClick={() => update.mutate({ id: view.id, name })}
        >
          Rename
        </Button>
        <Button
          color="red"
          variant="light"
          loading={remove.isPending}
          onClick={() => remove.mutate(view.id)}
          aria-label={`Delete the view “${view.name}”`}
        >
          Delete
        </Button>
      </Group>
      {error && (
        <Text size="xs" c="red">
          {messageOf(error)}
        </Text>
      )}
    </Stack>
  );
}

function ManageViewsModal({
  opened,
  onClose,
  views,
}: {
  opened: boolean;
  onClose: () => void;
  views: SavedView[];
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Your saved views" size="lg">
      <Stack>
        {views.length === 0 ? (
          <Text size="sm" c="dimmed">
            No saved views left.
          </Text>
        ) : (
          views.map((view) => <ManageRow key={view.id} view={view} />)
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Done
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface SavedViewsMenuProps {
  /** The current view's saved form (query string without the page). */
  currentQuery: string;
  onOpen: (query: string) => void;
}

/** The user's saved views: open one, save the current view under a name, rename or delete them. */
export function SavedViewsMenu({ currentQuery, onOpen }: SavedViewsMenuProps) {
  const views = useSavedViews('accounts');
  const [saving, setSaving] = useState(false);
  const [managing, setManaging] = useState(false);
  const items = views.data ?? [];
  const active = items.find((view) => view.query === currentQuery);
  return (
    <>
      <Menu position="bottom-end" shadow="md" width={260}>
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={14} />}>
            {active ? `View: ${active.name}` : 'Saved views'}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Your views</Menu.Label>
          {views.isPending && <Menu.Item disabled>Loading…</Menu.Item>}
          {views.isError && <Menu.Item disabled>Could not load your views</Menu.Item>}
          {views.isSuccess && items.length === 0 && <Menu.Item disabled>None yet</Menu.Item>}
          {items.map((view) => (
            <Menu.Item
              key={view.id}
              onClick={() => onOpen(view.query)}
              fw={view === active ? 600 : undefined}
            >
              {view.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={() => setSaving(true)}>Save current view…</Menu.Item>
          <Menu.Item onClick={() => setManaging(true)} disabled={items.length === 0}>
            Rename or delete views…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <SaveViewModal opened={saving} onClose={() => setSaving(false)} query={currentQuery} />
      <ManageViewsModal opened={managing} onClose={() => setManaging(false)} views={items} />
    </>
  );
}
