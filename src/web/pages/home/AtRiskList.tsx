import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { HomeAtRisk } from '../../../shared/api/home.contract';
import { HealthBandBadge } from '../../components/HealthBandBadge';
import { formatDate } from '../../format/dates';
import { formatScore } from '../../format/health';
import { formatWholeMoney } from '../../format/metric-values';
import classes from './HomePage.module.css';

interface AtRiskListProps {
  items: readonly HomeAtRisk[];
  bands: readonly { name: string }[];
  currency: string;
}

/** The worst band's lowest scores, each with the measure that cost it the most points. */
export function AtRiskList({ items, bands, currency }: AtRiskListProps) {
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No account in the {bands[0]?.name ?? 'lowest'} band. Nice.
      </Text>
    );
  }
  return (
    <ul className={classes.changeList}>
      {items.map((account) => (
        <li key={account.accountId} className={classes.changeItem} data-testid="at-risk-row">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2} miw={0}>
              <Anchor component={Link} to={`/accounts/${account.accountId}`} size="sm" fw={600}>
                {account.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {account.topReason ? `Costing most: ${account.topReason}` : 'No single measure stands out'}
              </Text>
              <Text size="xs" c="dimmed">
                {formatWholeMoney(account.arrMinor, currency)} ARR
                {account.renewalDate ? ` · renews ${formatDate(account.renewalDate)}` : ''}
              </Text>
            </Stack>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" fw={600}>
                {formatScore(account.score)}
              </Text>
              <HealthBandBadge band={account.band} bands={bands} />
            </Group>
          </Group>
        </li>
      ))}
    </ul>
  );
}
