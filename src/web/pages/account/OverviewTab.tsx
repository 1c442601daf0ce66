import { Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import type { Account360 } from '../../../shared/api/account-360.contract';
import { formatDate } from '../../format/dates';
import { formatMoney } from '../../format/money';
import { ChildAccounts } from './ChildAccounts';
import { HealthCard } from './HealthCard';
import { JourneyCard } from './JourneyCard';
import { KeyNumber } from './KeyNumber';
import { TeamCard } from './TeamCard';

const UsageChart = lazy(() => import('./UsageChart').then((module) => ({ default: module.UsageChart })));

function percent(ratio: number): string {
  return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

function seatsFigure(usage: Account360['usage']): { value: string; hint: string } {
  if (usage.seatsPurchased === null) return { value: '—', hint: 'No seats on active subscriptions' };
  if (usage.averageActiveUsers === null)
    return {
      value: usage.seatsPurchased.toLocaleString(),
      hint: `No usage recorded in the last ${usage.days} days`,
    };
  const average = Math.round(usage.averageActiveUsers).toLocaleString();
  const hint =
    usage.seatUtilisation === null
      ? `${average} active on average`
      : `${percent(usage.seatUtilisation)} in use (${average} active on average)`;
  return { value: usage.seatsPurchased.toLocaleString(), hint };
}

function npsHint(score: number | null): string {
  if (score === null) return 'No NPS answer yet';
  if (score >= 9) return 'Promoter';
  if (score >= 7) return 'Passive';
  return 'Detractor';
}

function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td w="38%" c="dimmed" pl={0}>
        {label}
      </Table.Td>
      <Table.Td>{children || <Text c="dimmed">—</Text>}</Table.Td>
    </Table.Tr>
  );
}

function Usage({ usage }: { usage: Account360['usage'] }) {
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          Active users, last {usage.days} days
        </Title>
        <Text size="sm" c="dimmed">
          {usage.lastActiveDay
            ? `Last active ${formatDate(usage.lastActiveDay)}`
            : 'No activity in this window'}
          {' · '}
          {usage.events.toLocaleString()} events
        </Text>
      </Group>
      <Suspense fallback={<Skeleton h={220} />}>
        <UsageChart usage={usage} />
      </Suspense>
    </Paper>
  );
}

function Details({ data }: { data: Account360 }) {
  const { account } = data;
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h4" mb="sm">
        Details
      </Title>
      <Table layout="fixed" verticalSpacing={8} fz="sm">
        <Table.Tbody>
          <DetailRow label="Segment">{account.segment}</DetailRow>
          <DetailRow label="Industry">{account.industry}</DetailRow>
          <DetailRow label="Region">{account.region}</DetailRow>
          <DetailRow label="Go-live">{account.goLiveDate && formatDate(account.goLiveDate)}</DetailRow>
          <DetailRow label="Exec sponsor">{account.execSponsor?.name}</DetailRow>
          <DetailRow label="CRM id">{account.crmId}</DetailRow>
          <DetailRow label="Billing id">{account.billingId}</DetailRow>
          <DetailRow label="Support id">{account.supportId}</DetailRow>
          <DetailRow label="Source">{account.source}</DetailRow>
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Key numbers, health, journey stage and account team, usage, profile details and the parent/child family of an account. */
export function OverviewTab({ data }: { data: Account360 }) {
  const seats = seatsFigure(data.usage);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="md">
        <KeyNumber
          label="MRR"
          value={formatMoney(data.account.mrr, { wholeUnits: true })}
          hint="From subscriptions active today"
        />
        <KeyNumber label="ARR" value={formatMoney(data.account.arr, { wholeUnits: true })} hint="MRR × 12" />
        <KeyNumber label="Seats" value={seats.value} hint={seats.hint} />
        <KeyNumber
          label="Open tickets"
          value={data.ticketCounts.open}
          hint={`${data.ticketCounts.last90Days} in 90 days, ${data.ticketCounts.escalatedLast90Days} escalated`}
        />
        <KeyNumber label="Latest NPS" value={data.latestNps ?? '—'} hint={npsHint(data.latestNps)} />
      </SimpleGrid>
      <HealthCard
        accountId={data.account.id}
        status={data.account.status}
        canEdit={data.permissions.canEdit}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <JourneyCard
          accountId={data.account.id}
          status={data.account.status}
          canEdit={data.permissions.canEdit}
        />
        <TeamCard accountId={data.account.id} canEdit={data.permissions.canEdit} />
      </SimpleGrid>
      {data.usage.daily.length > 0 && <Usage usage={data.usage} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Details data={data} />
        <ChildAccounts data={data} />
      </SimpleGrid>
    </Stack>
  );
}
