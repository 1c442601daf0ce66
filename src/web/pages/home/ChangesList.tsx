import { Anchor, Badge, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { HomeChange, HomeChangeKind } from '../../../shared/api/home.contract';
import { formatDateTime } from '../../format/dates';
import classes from './HomePage.module.css';

const kindLabels: Record<HomeChangeKind, string> = {
  band: 'Health',
  ticket: 'Ticket',
  escalation: 'Escalation',
  churn: 'Churn',
  detractor: 'Detractor',
};

function colorOf(change: HomeChange): string {
  if (change.kind === 'band') return change.direction === 'up' ? 'green' : 'red';
  if (change.kind === 'ticket') return 'blue';
  if (change.kind === 'escalation') return 'orange';
  return 'red';
}

/** What changed on the book in the last 24 hours, newest first. */
export function ChangesList({ items, total }: { items: readonly HomeChange[]; total: number }) {
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Quiet day: no band change, new ticket, churn or detractor on your accounts in the last 24 hours.
      </Text>
    );
  }
  return (
    <>
      <ul className={classes.changeList}>
        {items.map((change, index) => (
          <li
            key={`${change.kind}-${change.accountId}-${change.at}-${index}`}
            className={classes.changeItem}
            data-testid="change-row"
          >
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <Badge color={colorOf(change)} variant="light" w={96} style={{ flex: '0 0 auto' }}>
                {change.kind === 'band'
                  ? `${kindLabels.band} ${change.direction === 'up' ? '↑' : '↓'}`
                  : kindLabels[change.kind]}
              </Badge>
              <div style={{ minWidth: 0 }}>
                <Text size="sm">
                  <Anchor component={Link} to={`/accounts/${change.accountId}`} fw={600}>
                    {change.accountName}
                  </Anchor>
                  {' — '}
                  {change.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(change.at)}
                </Text>
              </div>
            </Group>
          </li>
        ))}
      </ul>
      {total > items.length && (
        <Text size="xs" c="dimmed" mt="xs">
          Showing the newest {items.length} of {total}.
        </Text>
      )}
    </>
  );
}
