import {
  Button,
  Grid,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/api-client';
import { useCanManageHealth, useHealthSummary, useRecomputeHealth } from '../../api/health-api';
import { useMe } from '../../api/session-api';
import { ErrorState } from '../../components/ErrorState';
import { IconChart } from '../../components/icons';
import { Notice } from '../../components/Notice';
import { formatDateTime } from '../../format/dates';
import { formatDuration } from '../../format/health';
import { BandCards } from './BandCards';
import { ChartSkeleton, HealthSection } from './HealthSection';
import { LowestScoresTable } from './LowestScoresTable';
import { OwnersTable } from './OwnersTable';

const ScoreBucketsChart = lazy(() =>
  import('./ScoreBucketsChart').then((module) => ({ default: module.ScoreBucketsChart })),
);

function RecomputeButton() {
  const recompute = useRecomputeHealth();
  const onClick = () =>
    recompute.mutate(undefined, {
      onSuccess: (result) =>
        notifications.show({
          color: 'teal',
          title: 'Scores recomputed',
          message: `${result.accounts.toLocaleString()} accounts scored, ${result.snapshots.toLocaleString()} new snapshots, ${formatDuration(result.seconds)}.`,
        }),
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Could not recompute', message: errorMessage(error) }),
    });
  return (
    <Button variant="light" onClick={onClick} loading={recompute.isPending}>
      Recompute now
    </Button>
  );
}

function NoScorecard({ canManage }: { canManage: boolean }) {
  return (
    <Paper withBorder>
      <Notice
        py={56}
        icon={<IconChart size={24} />}
        title="No health scores yet"
        description={
          canManage
            ? 'Create a scorecard: the measures that make up the score (usage, support, engagement, revenue…), their weights and the bands. Every active and onboarding account is then scored daily.'
            : 'A manager or an admin creates a scorecard under Health → Scorecards; every active and onboarding account is then scored daily.'
        }
        actions={
          canManage && (
            <Button component={Link} to="/health/scorecards/new">
              Create a scorecard
            </Button>
          )
        }
      />
    </Paper>
  );
}

function OverviewSkeleton() {
  return (
    <Stack gap="lg" aria-busy="true" aria-label="Loading health overview">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        {[0, 1, 2, 3].map((index) => (
          <Skeleton key={index} height={120} />
        ))}
      </SimpleGrid>
      <Skeleton height={320} />
    </Stack>
  );
}

/** The portfolio's health: accounts per band with ARR, the score distribution, the lowest scores and each owner's book. */
export function HealthOverviewTab() {
  const [searchParams, setSearchParams] = useSearchParams();
  const mine = searchParams.get('owner') === 'me';
  const me = useMe().data;
  const summary = useHealthSummary(mine ? me?.id : undefined);
  const canManage = useCanManageHealth();
  const data = summary.data;

  const setMine = (value: string) => {
    const next = new URLSearchParams(searchParams);
    if (value === 'me') next.set('owner', 'me');
    else next.delete('owner');
    setSearchParams(next, { replace: true });
  };

  // Nothing to filter or recompute before the first scorecard.
  const noScorecard = data !== undefined && data.bands.length === 0;
  return (
    <Stack gap="lg">
      <Group justify="space-between" gap="sm" display={noScorecard ? 'none' : undefined}>
        <Group gap="md">
          <SegmentedControl
            aria-label="Whose accounts"
            value={mine ? 'me' : 'all'}
            onChange={setMine}
            data={[
              { value: 'all', label: 'All accounts' },
              { value: 'me', label: 'My accounts' },
            ]}
          />
          {summary.isFetching && data && <Loader size="sm" aria-label="Updating" />}
        </Group>
        <Group gap="md">
          {data && (
            <Text size="sm" c="dimmed" data-testid="last-computed">
              {data.lastComputedAt
                ? `Last computed ${formatDateTime(data.lastComputedAt)}`
                : 'Not computed yet'}
            </Text>
          )}
          {canManage && data && data.bands.length > 0 && <RecomputeButton />}
        </Group>
      </Group>

      {summary.isError && !data ? (
        <ErrorState
          title="Could not load the health overview"
          error={summary.error}
          onRetry={() => void summary.refetch()}
        />
      ) : !data ? (
        <OverviewSkeleton />
      ) : data.bands.length === 0 ? (
        <NoScorecard canManage={canManage} />
      ) : data.accounts === 0 ? (
        <Paper withBorder>
          <Notice
            py={56}
            title={mine ? 'You own no scored accounts' : 'No scored accounts'}
            description={
              mine
                ? 'Only active and onboarding accounts are scored, and none of them is yours. Show all accounts instead.'
                : 'Only active and onboarding accounts are scored. Import or create accounts, or change their status.'
            }
            actions={
              mine && (
                <Button variant="light" onClick={() => setMine('all')}>
                  Show all accounts
                </Button>
              )
            }
          />
        </Paper>
      ) : (
        <>
          <BandCards distribution={data} currency={data.reportingCurrency} />
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <HealthSection
                title="Score distribution"
                description="Accounts per 10-point score bucket, coloured by band."
              >
                <Suspense fallback={<ChartSkeleton height={300} />}>
                  <ScoreBucketsChart distribution={data} height={300} />
                </Suspense>
              </HealthSection>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <HealthSection
                title="Lowest scores"
                description="The ten accounts most at risk, with the change over the last 7 days."
              >
                <LowestScoresTable summary={data} />
              </HealthSection>
            </Grid.Col>
          </Grid>
          <HealthSection
            title="By owner"
            description="Each owner's accounts, their average score and how many sit in each band."
          >
            <OwnersTable summary={data} />
          </HealthSection>
        </>
      )}
    </Stack>
  );
}
