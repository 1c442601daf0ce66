import { Anchor, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import type { Contact } from '../../../shared/api/contacts.contract';
import { IconStar } from '../../components/icons';
import { contactRoleLabels } from '../../format/labels';
import { sortContactsByRole } from './account-format';
import { ContactRolesEditor } from './ContactRolesEditor';
import { TabTable } from './TabTable';
import { TabEmpty } from './TabEmpty';

const roleColors: Record<Contact['roles'][number], string> = {
  champion: 'grape',
  decision_maker: 'indigo',
  exec_sponsor: 'violet',
  power_user: 'cyan',
  billing: 'gray',
  user: 'gray',
};

/** Roles that decide renewals: their badges are filled and come first. */
const keyRoles: readonly Contact['roles'][number][] = ['champion', 'exec_sponsor'];

/**
 * The people at the customer, champions and exec sponsors first, their roles, and who speaks up for
 * us; those who may edit the account change roles and the advocate flag in place.
 */
export function ContactsTab({
  contacts,
  accountId,
  canEdit,
}: {
  contacts: Contact[];
  accountId: string;
  canEdit: boolean;
}) {
  if (contacts.length === 0) {
    return (
      <TabEmpty
        title="No contacts yet"
        description="Add contacts through the API or import them from your CRM export."
      />
    );
  }
  return (
    <TabTable
      minWidth={720}
      columns={[
        { label: 'Name' },
        { label: 'Email' },
        { label: 'Phone' },
        { label: 'Roles' },
        { label: 'Advocate' },
        ...(canEdit ? [{ label: 'Edit', align: 'right' as const }] : []),
      ]}
    >
      {sortContactsByRole(contacts).map((contact) => (
        <Table.Tr key={contact.id} data-testid="contact-row">
          <Table.Td>
            <Text size="sm" fw={600}>
              {contact.name}
            </Text>
            {contact.title && (
              <Text size="xs" c="dimmed">
                {contact.title}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            {contact.email ? (
              <Anchor href={`mailto:${contact.email}`} size="sm">
                {contact.email}
              </Anchor>
            ) : (
              <Text size="sm" c="dimmed">
                —
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <Text size="sm" c={contact.phone ? undefined : 'dimmed'}>
              {contact.phone ?? '—'}
            </Text>
          </Table.Td>
          <Table.Td>
            <Group gap={4}>
              {contact.roles.length === 0 && (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              )}
              {[...contact.roles]
                .sort((a, b) => Number(keyRoles.includes(b)) - Number(keyRoles.includes(a)))
                .map((role) => (
                  <Badge
                    key={role}
                    variant={keyRoles.includes(role) ? 'filled' : 'light'}
                    color={roleColors[role]}
                    size="sm"
                  >
                    {contactRoleLabels[role]}
                  </Badge>
                ))}
            </Group>
          </Table.Td>
          <Table.Td>
            {contact.isAdvocate ? (
              <Tooltip label="Will act as a reference or speak for us">
                <Badge
                  variant="light"
                  color="yellow"
                  size="sm"
                  leftSection={<IconStar size={12} />}
                  tabIndex={0}
                >
                  Advocate
                </Badge>
              </Tooltip>
            ) : (
              <Text size="sm" c="dimmed">
                No
              </Text>
            )}
          </Table.Td>
          {canEdit && (
            <Table.Td ta="right">
              <ContactRolesEditor contact={contact} accountId={accountId} />
            </Table.Td>
          )}
        </Table.Tr>
      ))}
    </TabTable>
  );
}
