import { Grid, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import type { BacktestResult, ScorecardDto } from '../../../../shared/api/health.contract';
import { useBacktest, useCanManageHealth, useScorecards } from '../../../api/health-api';
import { ErrorState } from '../../../components/ErrorState';
import { Notice } from '../../../components/Notice';
import { formatDate, todayUtc } from '../../../format/dates';
import { ChartSkeleton, HealthSection } from '../HealthSection';
import { BacktestFigures, ChurnByBandTable, MeasureAucTable, VerdictAlert } from './BacktestFigures';
import { BacktestForm } from './BacktestForm';
import { readBacktestView, toBacktestBody, writeBacktestView } from './backtest-view';
import { CalibrationPanel } from './CalibrationPanel';

const RocChart = lazy(() => import('./RocChart').then((module) => ({ default: module.RocChart })));
const ChurnByBandChart = lazy(() =>
  import('./ChurnByBandChart').then((module) => ({ default: module.ChurnByBandChart })),
);

function BacktestReportView({ result }: { result: BacktestResult }) {
  const { report } = result;
  return (
    <Stack gap="lg" data-testid="backtest-result">
      <VerdictAlert verdict={report.verdict}>
        <Text size="sm">
          {result.scorecardName}
          {result.scorecardVersion !== null && ` v${result.scorecardVersion}`} · churn means {result.outcome}
          {result.horizonDays === null && ` · today's inputs (${formatDate(result.asOf)})`}
        </Text>
      </VerdictAlert>
      <BacktestFigures report={report} excluded={result.excluded} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <HealthSection
            title="ROC curve"
            description="Flag every account at or below a score: how many churners it catches against how many renewals it flags."
          >
            {report.auc.status === 'defined' ? (
              <Suspense fallback={<ChartSkeleton />}>
                <RocChart curves={[{ label: result.scorecardName, color: 'indigo.6', roc: report.roc }]} />
              </Suspense>
            ) : (
              <Text size="sm" c="dimmed">
                No curve to draw: {report.auc.reason}.
              </Text>
            )}
          </HealthSection>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <HealthSection
            title="Churn rate by band"
            description="A useful score churns most in its first band and least in its last."
          >
            <Stack gap="md">
              <Suspense fallback={<ChartSkeleton height={200} />}>
                <ChurnByBandChart churnByBand={report.churnByBand} height={200} />
              </Suspense>
              <ChurnByBandTable churnByBand={report.churnByBand} />
            </Stack>
          </HealthSection>
        </Grid.Col>
      </Grid>
      <HealthSection
        title="Each measure on its own"
        description="A measure's AUC over the accounts where it had a score: which measures carry the signal."
      >
        <MeasureAucTable measureAucs={report.measureAucs} />
      </HealthSection>
    </Stack>
  );
}

function BacktestIntro() {
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h4">
        Does the score predict churn?
      </Title>
      <Text size="sm" c="dimmed" mt={4} maw={760}>
        A backtest scores your accounts and checks the scores against who actually churned. A useful score
        ranks churners below renewals (AUC well above 0.5), and its lowest band churns the most. Choose the
        outcome above and run it.
      </Text>
    </Paper>
  );
}

/** Backtest a scorecard against churn, and (for managers) calibrate it; the form lives in the URL so a result can be shared. */
export function BacktestTab() {
  const [searchParams, setSearchParams] = useSearchParams();
  const view = readBacktestView(searchParams);
  const body = toBacktestBody(view, todayUtc());
  const backtest = useBacktest(body);
  const scorecards = useScorecards();
  const canManage = useCanManageHealth();

  if (scorecards.isPending) return <Skeleton height={180} aria-label="Loading scorecards" />;
  if (scorecards.isError)
    return (
      <ErrorState
        title="Could not load the scorecards"
        error={scorecards.error}
        onRetry={() => void scorecards.refetch()}
      />
    );
  const items = scorecards.data.items;
  if (items.length === 0) {
    return (
      <Paper withBorder>
        <Notice
          py={48}
          title="No scorecard to backtest yet"
          description="Create a scorecard first; then check here whether its score predicts churn."
        />
      </Paper>
    );
  }
  const scorecardId = body?.scorecardId ?? items.find((scorecard) => scorecard.isDefault)?.id;
  const current: ScorecardDto | undefined = items.find((scorecard) => scorecard.id === scorecardId);

  return (
    <Stack gap="lg">
      <Paper withBorder p="lg">
        <BacktestForm
          key={searchParams.toString()}
          view={view}
          scorecards={items}
          running={backtest.isFetching}
          onRun={(next) => setSearchParams(writeBacktestView(next))}
        />
      </Paper>
      {!body ? (
        <BacktestIntro />
      ) : backtest.isError ? (
        <ErrorState
          title="Could not run the backtest"
          error={backtest.error}
          onRetry={() => void backtest.refetch()}
        />
      ) : !backtest.data ? (
        <Stack gap="lg" aria-busy="true" aria-label="Running the backtest">
          <Skeleton height={72} />
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Skeleton height={300} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Skeleton height={300} />
            </Grid.Col>
          </Grid>
        </Stack>
      ) : (
        <>
          <BacktestReportView result={backtest.data} />
          {canManage && <CalibrationPanel key={JSON.stringify(body)} body={body} current={current} />}
        </>
      )}
    </Stack>
  );
}
