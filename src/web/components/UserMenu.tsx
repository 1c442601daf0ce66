import { Avatar, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import type { Me } from '../../shared/api/auth.contract';
import { errorMessage } from '../api/api-client';
import { useSignOut } from '../api/session-api';
import { userRoleLabels } from '../format/labels';
import { IconChevronDown, IconLogout } from './icons';
import classes from './UserMenu.module.css';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
}

/** The signed-in user's name and role, with Sign out. */
export function UserMenu({ me }: { me: Me }) {
  const signOut = useSignOut();
  const navigate = useNavigate();
  const onSignOut = () =>
    signOut.mutate(undefined, {
      onSuccess: () => navigate('/login', { replace: true }),
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Could not sign out', message: errorMessage(error) }),
    });
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      {/* The button's name comes from its content (no aria-label), so what is seen is what is announced. */}
      <Menu.Target>
        <UnstyledButton className={classes.target}>
          <VisuallyHidden>Account menu for </VisuallyHidden>
          <Group gap="xs" wrap="nowrap">
            <Avatar color="indigo" radius="xl" size={32} aria-hidden="true">
              {initials(me.name)}
            </Avatar>
            <div className={classes.identity}>
              <Text size="sm" fw={600} lh={1.2} truncate>
                {me.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {userRoleLabels[me.role]}
              </Text>
            </div>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Signed in as</Menu.Label>
        <Text size="sm" px="sm" pb="xs" truncate>
          {me.email}
        </Text>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={onSignOut} disabled={signOut.isPending}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
