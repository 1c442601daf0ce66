import { Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import { useAccountUsage } from '../../api/account-360-api';
import { ErrorState } from '../../components/ErrorState';
import { formatDate } from '../../format/dates';
import { formatWholePercent } from '../../format/metric-values';
import { KeyNumber } from './KeyNumber';
import { TabEmpty } from './TabEmpty';

const ActiveUsersChart = lazy(() =>
  import('./UsageTrendCharts').then((module) => ({ default: module.ActiveUsersChart })),
);
const EventsChart = lazy(() =>
  import('./UsageTrendCharts').then((module) => ({ default: module.EventsChart })),
);

const WINDOW_DAYS = 90;

function ChartCard({ title, height, children }: { title: string; height: number; children: ReactNode }) {
  return (
    <Paper withBorder p="lg">
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      <Suspense fallback={<Skeleton h={height} />}>{children}</Suspense>
    </Paper>
  );
}

/** Adoption over 90 days: daily active users against seats, and product events per day. */
export function UsageTab({ accountId }: { accountId: string }) {
  const usage = useAccountUsage(accountId, WINDOW_DAYS);
  if (usage.isPending) return <Skeleton h={420} aria-label="Loading usage" />;
  if (usage.isError)
    return (
      <ErrorState title="Could not load usage" error={usage.error} onRetry={() => void usage.refetch()} />
    );
  const data = usage.data;
  if (data.averageActiveUsers === null) {
    return (
      <TabEmpty
        title={`No usage in the last ${WINDOW_DAYS} days`}
        description="Product usage arrives through the Segment-compatible ingestion endpoints or a usage CSV import."
      />
    );
  }
  const average = Math.round(data.averageActiveUsers).toLocaleString();
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <KeyNumber
          label="Active users"
          value={average}
          hint={`Daily average, ${formatDate(data.from)} – ${formatDate(data.to)}`}
        />
        <KeyNumber
          label="Peak"
          value={data.peakActiveUsers?.toLocaleString() ?? '—'}
          hint="Most active users in one day"
        />
        <KeyNumber
          label="Seats in use"
          value={data.seatUtilisation === null ? '—' : formatWholePercent(data.seatUtilisation)}
          hint={
            data.seatsPurchased === null
              ? 'No seats on active subscriptions'
              : `${average} of ${data.seatsPurchased.toLocaleString()} seats`
          }
        />
        <KeyNumber
          label="Events"
          value={data.totalEvents.toLocaleString()}
          hint={
            data.lastActiveDay
              ? `Last active ${formatDate(data.lastActiveDay)}`
              : 'No active day in this window'
          }
        />
      </SimpleGrid>
      <ChartCard title="Daily active users vs seats" height={240}>
        <ActiveUsersChart usage={data} />
      </ChartCard>
      <ChartCard title="Events per day" height={200}>
        <EventsChart usage={data} />
      </ChartCard>
      <Text size="xs" c="dimmed">
        A day without recorded usage counts as zero. Seats are those of the subscriptions active today.
      </Text>
    </Stack>
  );
}
