import { Anchor, Badge, Button, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import type { AccountHealth } from '../../../shared/api/health.contract';
import { useAccountHealth, useCanManageHealth } from '../../api/health-api';
import { ErrorState } from '../../components/ErrorState';
import { HealthBandBadge } from '../../components/HealthBandBadge';
import { ScoreChange } from '../../components/ScoreChange';
import { formatDate, formatDateTime } from '../../format/dates';
import { formatScore, sentimentColors, sentimentLabelText } from '../../format/health';
import classes from './HealthCard.module.css';
import { HealthExplanationTable } from './HealthExplanationTable';
import { HealthMovedList } from './HealthMovedList';
import { SentimentModal } from './SentimentModal';

const HealthSparkline = lazy(() =>
  import('./HealthSparkline').then((module) => ({ default: module.HealthSparkline })),
);

type TrendChange = AccountHealth['trend']['days7'];

function TrendLine({ label, trend }: { label: string; trend: TrendChange }) {
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" w={92} style={{ flex: 'none' }}>
        {label}
      </Text>
      {trend.status === 'known' ? (
        <Text size="sm">
          <ScoreChange change={trend.change} suffix="pts" />{' '}
          <Text span size="xs" c="dimmed">
            from {formatScore(trend.fromScore)} on {formatDate(trend.fromDate)}
          </Text>
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {trend.reason}
        </Text>
      )}
    </Group>
  );
}

function SentimentBlock({
  health,
  canEdit,
  onSet,
}: {
  health: AccountHealth;
  canEdit: boolean;
  onSet: () => void;
}) {
  const { sentiment } = health;
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
          CSM sentiment
        </Text>
        {canEdit && (
          <Button size="compact-sm" variant="light" onClick={onSet}>
            Set sentiment
          </Button>
        )}
      </Group>
      {sentiment ? (
        <Stack gap={4} data-testid="current-sentiment">
          <Badge color={sentimentColors[sentiment.sentiment]} variant="light" size="lg">
            {sentimentLabelText[sentiment.sentiment]}
          </Badge>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {sentiment.note}
          </Text>
          <Text size="xs" c="dimmed">
            {sentiment.setBy ?? 'Someone'} on {formatDate(sentiment.createdAt)} · counts until{' '}
            {formatDate(sentiment.expiresOn)}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          No sentiment recorded{canEdit ? '' : ' (the owner, a manager or an admin sets it)'}.
        </Text>
      )}
    </Stack>
  );
}

/** Why the account has no score, and the way forward: compact, since it shows on every account until scores exist. */
function NoScore({ health, status }: { health: AccountHealth; status: string }) {
  const canManage = useCanManageHealth();
  const noScorecard = health.bands.length === 0;
  const scored = status === 'active' || status === 'onboarding';
  let description: string;
  if (noScorecard)
    description =
      'A manager creates a scorecard under Health; every active and onboarding account is then scored with it.';
  else if (scored)
    description =
      'This account has not been scored yet. Scores are computed every day, and a manager can recompute them now under Health.';
  else description = 'Only active and onboarding accounts are scored.';
  return (
    <Stack gap="xs" align="flex-start">
      <Title order={3} size="h5">
        No health score yet
      </Title>
      <Text size="sm" c="dimmed" maw={520}>
        {description}
      </Text>
      {noScorecard && (
        <Button
          component={Link}
          to={canManage ? '/health/scorecards/new' : '/health'}
          variant="light"
          size="compact-md"
        >
          {canManage ? 'Create a scorecard' : 'Go to Health'}
        </Button>
      )}
    </Stack>
  );
}

function ScoreSummary({ health }: { health: AccountHealth }) {
  const current = health.current!;
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        Score
      </Text>
      {current.status === 'scored' && current.score !== null ? (
        <Group gap="sm" align="center">
          <Text fz={40} fw={700} lh={1.1} className={classes.score} data-testid="health-score">
            {formatScore(current.score)}
          </Text>
          <HealthBandBadge band={current.band} bands={health.bands} size="lg" data-testid="health-band" />
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          Not scored: {current.reason}
        </Text>
      )}
      <Stack gap={2} mt={4}>
        <TrendLine label="vs 7 days" trend={health.trend.days7} />
        <TrendLine label="vs 30 days" trend={health.trend.days30} />
      </Stack>
    </Stack>
  );
}

function History({ history }: { history: AccountHealth['history'] }) {
  return (
    <Stack gap={6}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        Last 90 days
      </Text>
      {history.length < 2 ? (
        <Text size="sm" c="dimmed">
          {history.length === 0
            ? 'No scores yet.'
            : 'One day of scores so far; the line appears from the second day.'}
        </Text>
      ) : (
        <>
          <Suspense fallback={<Skeleton h={64} />}>
            <HealthSparkline history={history} />
          </Suspense>
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {formatDate(history[0]!.date)} · {formatScore(history[0]!.score)}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDate(history[history.length - 1]!.date)} ·{' '}
              {formatScore(history[history.length - 1]!.score)}
            </Text>
          </Group>
        </>
      )}
    </Stack>
  );
}

/**
 * The account's health on the Overview tab: score and band, trend, the last 90 days, the CSM's
 * sentiment (set by those who may edit the account), why the score is what it is, and what moved.
 */
export function HealthCard({
  accountId,
  status,
  canEdit,
}: {
  accountId: string;
  status: string;
  canEdit: boolean;
}) {
  const health = useAccountHealth(accountId);
  const [sentimentOpen, setSentimentOpen] = useState(false);

  if (health.isPending) return <Skeleton height={280} aria-label="Loading health" />;
  if (health.isError) {
    return (
      <ErrorState
        title="Could not load the health score"
        error={health.error}
        onRetry={() => void health.refetch()}
      />
    );
  }
  const data = health.data;
  const { current, previous } = data;
  return (
    <Paper withBorder p="lg" component="section" aria-label="Health">
      <Group justify="space-between" align="flex-start" mb="md" gap="xs">
        <Title order={2} size="h4">
          Health
        </Title>
        {current && (
          <Text size="sm" c="dimmed" data-testid="health-scorecard">
            <Anchor component={Link} to={`/health/scorecards/${current.scorecardId}`} size="sm">
              {current.scorecardName}
            </Anchor>{' '}
            v{current.scorecardVersion} · computed {formatDateTime(current.computedAt)}
          </Text>
        )}
      </Group>
      {!current ? (
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <NoScore health={data} status={status} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <SentimentBlock health={data} canEdit={canEdit} onSet={() => setSentimentOpen(true)} />
          </Grid.Col>
        </Grid>
      ) : (
        <Stack gap="xl">
          <Grid gap="xl">
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <ScoreSummary health={data} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <History history={data.history} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <SentimentBlock health={data} canEdit={canEdit} onSet={() => setSentimentOpen(true)} />
            </Grid.Col>
          </Grid>
          {data.explanation.length > 0 && (
            <Grid gap="xl">
              <Grid.Col span={{ base: 12, lg: 8 }}>
                <Title order={3} size="h5" mb="xs">
                  Why this score
                </Title>
                <HealthExplanationTable explanation={data.explanation} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 4 }}>
                <Title order={3} size="h5" mb="xs">
                  {previous ? `What moved since ${formatDateTime(previous.computedAt)}` : 'What moved'}
                </Title>
                {previous ? (
                  <HealthMovedList moved={data.moved} />
                ) : (
                  <Text size="sm" c="dimmed">
                    This is the account&apos;s first score; changes show from the next one.
                  </Text>
                )}
              </Grid.Col>
            </Grid>
          )}
        </Stack>
      )}
      {canEdit && (
        <SentimentModal
          accountId={accountId}
          opened={sentimentOpen}
          onClose={() => setSentimentOpen(false)}
        />
      )}
    </Paper>
  );
}
