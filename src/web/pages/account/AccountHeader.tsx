import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Account360 } from '../../../shared/api/account-360.contract';
import { AccountStatusBadge } from '../../components/AccountStatusBadge';
import { RenewalText } from '../../components/RenewalText';
import { formatMoney } from '../../format/money';
import { formatStage } from './account-format';
import { HeaderHealth } from './HeaderHealth';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** Name, status, tier, parent, health (score, band, 7-day trend) and the facts a CSM checks first: owner, ARR, renewal, stage, domain. */
export function AccountHeader({
  account,
  parent,
}: {
  account: Account360['account'];
  parent: Account360['parent'];
}) {
  return (
    <Paper withBorder p="lg">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start" gap="md">
          <Group gap="sm" align="center">
            <Title order={1} size="h2">
              {account.name}
            </Title>
            <AccountStatusBadge status={account.status} size="lg" />
            {account.tier && (
              <Badge variant="outline" color="gray" size="lg">
                {account.tier}
              </Badge>
            )}
          </Group>
          <HeaderHealth accountId={account.id} />
        </Group>
        {parent && (
          <Text size="sm" c="dimmed" mt={-12}>
            Child account of{' '}
            <Anchor component={Link} to={`/accounts/${parent.id}`}>
              {parent.name}
            </Anchor>
          </Text>
        )}
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="lg">
          <Fact label="Owner">
            <Text size="sm">{account.owner?.name ?? 'Unassigned'}</Text>
          </Fact>
          <Fact label="ARR">
            <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatMoney(account.arr, { wholeUnits: true })}{' '}
              <Text span c="dimmed" size="sm" fw={400}>
                ({formatMoney(account.mrr, { wholeUnits: true })} MRR)
              </Text>
            </Text>
          </Fact>
          <Fact label="Renewal">
            <RenewalText
              date={account.renewalDate}
              daysLeft={account.daysToRenewal}
              inline
              muted={account.status === 'churned'}
            />
          </Fact>
          <Fact label="Domain">
            {account.domain ? (
              <Anchor href={`https://${account.domain}`} target="_blank" rel="noreferrer noopener" size="sm">
                {account.domain}
              </Anchor>
            ) : (
              <Text size="sm" c="dimmed">
                None
              </Text>
            )}
          </Fact>
          <Fact label="Stage">
            <Text size="sm">{formatStage(account.lifecycleStage)}</Text>
          </Fact>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
