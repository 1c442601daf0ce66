import { Alert, Anchor, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import type { ScorecardDto } from '../../../../shared/api/health.contract';
import { ApiError, errorMessage } from '../../../api/api-client';
import { type BacktestBody, useCalibrate, useSaveScorecard } from '../../../api/health-api';
import { IconAlert } from '../../../components/icons';
import { formatNumber } from '../../../format/health';
import { ChartSkeleton, HealthSection } from '../HealthSection';
import { metricText } from './backtest-format';
import { BreakpointsTable, type Calibrated, ComparisonTable, WeightsTable } from './CalibrationTables';
import { MetricFigure } from './MetricFigure';

const RocChart = lazy(() => import('./RocChart').then((module) => ({ default: module.RocChart })));

/** The note saved with an accepted calibration: what it was fitted on and what it changed, within 500 characters. */
function calibrationNote(result: Calibrated): string {
  const before = metricText(result.before.auc, 'auc') ?? 'not defined';
  const after = metricText(result.after.auc, 'auc') ?? 'not defined';
  const note = `Calibrated on ${result.outcome}: held-out AUC ${before} → ${after} (${result.trainingAccounts} training, ${result.heldOutAccounts} held-out accounts).`;
  return note.length <= 500 ? note : `${note.slice(0, 499)}…`;
}

function AucHeadline({ result }: { result: Calibrated }) {
  const before = result.before.auc;
  const after = result.after.auc;
  const change =
    before.status === 'defined' && after.status === 'defined' ? after.value - before.value : null;
  return (
    <Group gap="xl" align="flex-end" wrap="wrap">
      <div>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
          Held-out AUC now
        </Text>
        <MetricFigure metric={before} format="auc" fz={40} fw={700} lh={1.15} data-testid="auc-before" />
      </div>
      <Text fz={32} c="dimmed" aria-hidden="true" pb={4}>
        →
      </Text>
      <div>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
          Held-out AUC calibrated
        </Text>
        <MetricFigure
          metric={after}
          format="auc"
          fz={40}
          fw={700}
          lh={1.15}
          c="indigo"
          data-testid="auc-after"
        />
      </div>
      {change !== null && (
        <Text fz="lg" fw={600} c={change > 0 ? 'teal.7' : change < 0 ? 'red.7' : 'dimmed'} pb={6}>
          {change >= 0 ? '+' : '−'}
          {formatNumber(Math.abs(change), 2)}
        </Text>
      )}
      <Text size="sm" c="dimmed" pb={6} maw={420}>
        Fitted on {result.trainingAccounts.toLocaleString()} training accounts and tested on{' '}
        {result.heldOutAccounts.toLocaleString()} held-out accounts the fit never saw
        {result.unscoredAccounts > 0 &&
          `; ${result.unscoredAccounts.toLocaleString()} accounts could not be scored and were left out`}
        .
      </Text>
    </Group>
  );
}

function AcceptBar({ result, current }: { result: Calibrated; current: ScorecardDto | undefined }) {
  const save = useSaveScorecard();
  const note = calibrationNote(result);
  if (result.scorecardId === null || result.baseVersion === null) {
    return (
      <Text size="sm" c="dimmed">
        This calibration was of an unsaved draft; save the scorecard first to accept it.
      </Text>
    );
  }
  if (save.isSuccess) {
    const saved = save.data.scorecard;
    return (
      <Alert
        color="teal"
        variant="light"
        title={`Saved as version ${saved.version} of ${saved.name}`}
        data-testid="calibration-accepted"
      >
        {save.data.recompute.accounts.toLocaleString()} accounts were rescored with it.{' '}
        <Anchor component={Link} to={`/health/scorecards/${saved.id}`}>
          Open the scorecard
        </Anchor>
      </Alert>
    );
  }
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const accept = () =>
    save.mutate({
      id: result.scorecardId!,
      body: { definition: result.proposed, baseVersion: result.baseVersion!, note },
    });
  return (
    <Stack gap="xs">
      {save.isError && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlert />}
          title={conflict ? 'The scorecard changed meanwhile' : 'Not saved'}
          role="alert"
        >
          {conflict
            ? `${errorMessage(save.error)} Run the backtest and calibration again on the new version.`
            : errorMessage(save.error)}
        </Alert>
      )}
      <Group justify="space-between" gap="md" wrap="nowrap" align="center">
        <Text size="sm" c="dimmed" maw={720}>
          Accepting saves the fitted breakpoints and weights as version {result.baseVersion + 1}
          {current ? ` of ${current.name}` : ''} and rescores every account. The note kept with it: “{note}”
        </Text>
        <Button
          onClick={accept}
          loading={save.isPending}
          disabled={!current || conflict}
          style={{ flex: 'none' }}
        >
          Accept as version {result.baseVersion + 1}
        </Button>
      </Group>
    </Stack>
  );
}

function CalibrationResultView({
  result,
  current,
}: {
  result: Calibrated;
  current: ScorecardDto | undefined;
}) {
  return (
    <Stack gap="lg" data-testid="calibration-result">
      <AucHeadline result={result} />
      {result.caution && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlert />}
          title="Read the before and after with care"
          data-testid="calibration-caution"
        >
          {result.caution}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Title order={3} size="h5" mb="xs">
            Held-out accounts, now and calibrated
          </Title>
          <ComparisonTable before={result.before} after={result.after} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Title order={3} size="h5" mb="xs">
            ROC on the held-out accounts
          </Title>
          <Suspense fallback={<ChartSkeleton height={280} />}>
            <RocChart
              height={280}
              curves={[
                { label: 'Now', color: 'gray.6', roc: result.before.roc },
                { label: 'Calibrated', color: 'indigo.6', roc: result.after.roc },
              ]}
            />
          </Suspense>
        </Grid.Col>
      </Grid>
      <div>
        <Title order={3} size="h5" mb="xs">
          Weights
        </Title>
        <WeightsTable result={result} current={current} />
      </div>
      <div>
        <Title order={3} size="h5" mb="xs">
          Breakpoints
        </Title>
        <BreakpointsTable result={result} />
      </div>
      <Paper withBorder p="md" bg="var(--mantine-color-default-hover)">
        <AcceptBar result={result} current={current} />
      </Paper>
    </Stack>
  );
}

/**
 * Calibration for managers: fits breakpoints and weights to the same outcome on a seeded 70% of the
 * accounts, backtests the other 30% before and after, and saves the proposal as a new version on accept.
 */
export function CalibrationPanel({
  body,
  current,
}: {
  body: BacktestBody;
  current: ScorecardDto | undefined;
}) {
  const calibrate = useCalibrate();
  const result = calibrate.data;
  return (
    <HealthSection
      title="Calibrate"
      description="Fit the scheme breakpoints and the weights to this outcome on 70% of the accounts, then test on the other 30%. Nothing is saved until you accept."
      actions={
        <Button
          onClick={() => calibrate.mutate(body)}
          loading={calibrate.isPending}
          variant={result ? 'default' : 'filled'}
          style={{ flex: 'none' }}
        >
          {result ? 'Calibrate again' : 'Calibrate'}
        </Button>
      }
    >
      {calibrate.isError ? (
        <Alert color="red" variant="light" icon={<IconAlert />} title="Could not calibrate" role="alert">
          {errorMessage(calibrate.error)}
        </Alert>
      ) : !result ? (
        <Text size="sm" c="dimmed">
          Calibration proposes a new version of {current ? current.name : 'the scorecard'}; you see the
          held-out backtest before and after, and decide.
        </Text>
      ) : result.status === 'not-calibrated' ? (
        <Alert color="gray" variant="light" title="Not calibrated" data-testid="not-calibrated">
          {result.reason}. Outcome: {result.outcome}.
        </Alert>
      ) : (
        <CalibrationResultView result={result} current={current} />
      )}
    </HealthSection>
  );
}
