import { Button, Code, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { MetricsOverview } from '../../../shared/api/metrics.contract';
import { useMetricsBreakdown, useMetricsOverview } from '../../api/metrics-api';
import { useMe } from '../../api/session-api';
import { ErrorState } from '../../components/ErrorState';
import { IconChart } from '../../components/icons';
import { Notice } from '../../components/Notice';
import { formatMonthRange } from '../../format/metric-values';
import { AccountsDrawer } from './AccountsDrawer';
import { BreakdownTab } from './BreakdownTab';
import { ChurnTab } from './ChurnTab';
import { CohortsTab } from './CohortsTab';
import { CsCostsModal } from './CsCostsModal';
import { DataQualityWarnings } from './DataQualityWarnings';
import { HeadlineCards, HeadlineCardsSkeleton } from './HeadlineCards';
import { ChartSkeleton } from './MetricsSection';
import {
  type AccountsDrill,
  type MetricsTab,
  type MetricsView,
  presetPeriod,
  readMetricsView,
  writeMetricsView,
} from './metrics-view';
import { PeriodControls } from './PeriodControls';
import { RetentionTab } from './RetentionTab';
import { RevenueTab } from './RevenueTab';

const tabLabels: Record<MetricsTab, string> = {
  revenue: 'Revenue',
  retention: 'Retention',
  churn: 'Churn',
  cohorts: 'Cohorts',
  breakdown: 'Breakdown',
};

/** No recurring revenue at all in the period: nothing to measure yet. */
function hasNoRevenue(overview: MetricsOverview): boolean {
  return (
    overview.summary.mrrStartMinor === 0 &&
    overview.months.every(
      (month) => month.mrrMinor === 0 && month.churnMinor === 0 && month.contractionMinor === 0,
    )
  );
}

function NoRevenue({ period, onLastYear }: { period: string; onLastYear: () => void }) {
  return (
    <Paper withBorder>
      <Notice
        py={56}
        icon={<IconChart size={24} />}
        title="No recurring revenue in this period"
        description={
          <>
            No subscription counts in {period}. If you have not imported subscriptions yet, do it with{' '}
            <Code>cycle import subscriptions billing.csv</Code> (and{' '}
            <Code>cycle import churn-events churn.csv</Code> for churn reasons), or explore with demo data:{' '}
            <Code>cycle demo</Code>. Otherwise, choose another period.
          </>
        }
        actions={
          <Button variant="light" onClick={onLastYear}>
            Show the last 12 months
          </Button>
        }
      />
    </Paper>
  );
}

/** Revenue and retention: headline figures, movements, NRR/GRR trends, churn, cohorts and breakdowns; the URL holds the view. */
export function MetricsPage() {
  useDocumentTitle('Metrics · Cycle');
  const [searchParams, setSearchParams] = useSearchParams();
  const view = readMetricsView(searchParams);
  const range = { from: view.from, to: view.to };
  const overview = useMetricsOverview(range);
  const drilledGroup = view.drill?.group ?? null;
  const breakdownForLabel = useMetricsBreakdown(range, drilledGroup !== null ? view.by : '');
  const [csCostsOpen, setCsCostsOpen] = useState(false);
  // Entering CS costs is for managers and admins (PUT /metrics/cs-costs is `metrics.manage`).
  const role = useMe().data?.role;
  const canEnterCsCosts = role === 'admin' || role === 'manager';

  const setView = (next: MetricsView) => setSearchParams(writeMetricsView(next));
  const drill = (next: AccountsDrill) => setView({ ...view, drill: next });
  const data = overview.data;
  const period = formatMonthRange(view.from, view.to);
  const groupLabel =
    drilledGroup === null
      ? undefined
      : breakdownForLabel.data?.groups.find((group) => (group.key ?? '') === drilledGroup)?.label;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Metrics
          </Title>
          <Text c="dimmed" size="sm">
            Revenue and retention, {period}
            {data && ` · in ${data.reportingCurrency}`}
          </Text>
        </div>
        {overview.isFetching && data && <Loader size="sm" aria-label="Updating" />}
      </Group>

      <PeriodControls
        from={view.from}
        to={view.to}
        by={view.by}
        onPeriodChange={(next) => setView({ ...view, ...next, drill: null })}
        onByChange={(by) => setView({ ...view, by, tab: by ? 'breakdown' : view.tab, drill: null })}
      />

      {overview.isError && !data ? (
        <ErrorState
          title="Could not load the metrics"
          error={overview.error}
          onRetry={() => void overview.refetch()}
        />
      ) : !data ? (
        <Stack gap="lg">
          <HeadlineCardsSkeleton />
          <ChartSkeleton />
        </Stack>
      ) : (
        <>
          <DataQualityWarnings warnings={data.warnings} />
          {hasNoRevenue(data) ? (
            <NoRevenue
              period={period}
              onLastYear={() => setView({ ...view, ...presetPeriod('last-12'), drill: null })}
            />
          ) : (
            <>
              <HeadlineCards
                overview={data}
                onDrill={drill}
                onEnterCsCosts={canEnterCsCosts ? () => setCsCostsOpen(true) : undefined}
              />
              <Tabs
                value={view.tab}
                onChange={(tab) => tab && setView({ ...view, tab: tab as MetricsTab })}
                keepMounted={false}
              >
                <Tabs.List mb="lg">
                  {(Object.keys(tabLabels) as MetricsTab[]).map((tab) => (
                    <Tabs.Tab key={tab} value={tab}>
                      {tabLabels[tab]}
                    </Tabs.Tab>
                  ))}
                </Tabs.List>
                <Tabs.Panel value="revenue">
                  <RevenueTab overview={data} onDrill={drill} />
                </Tabs.Panel>
                <Tabs.Panel value="retention">
                  <RetentionTab overview={data} />
                </Tabs.Panel>
                <Tabs.Panel value="churn">
                  <ChurnTab overview={data} onDrill={drill} />
                </Tabs.Panel>
                <Tabs.Panel value="cohorts">
                  <CohortsTab
                    range={range}
                    mode={view.cohorts}
                    onModeChange={(cohorts) => setView({ ...view, cohorts })}
                  />
                </Tabs.Panel>
                <Tabs.Panel value="breakdown">
                  <BreakdownTab
                    overview={data}
                    by={view.by}
                    onChooseDimension={(by) => setView({ ...view, by, drill: null })}
                    onDrill={drill}
                  />
                </Tabs.Panel>
              </Tabs>
            </>
          )}
          <CsCostsModal
            opened={csCostsOpen}
            onClose={() => setCsCostsOpen(false)}
            from={view.from}
            to={view.to}
            currency={data.reportingCurrency}
          />
        </>
      )}

      <AccountsDrawer view={view} groupLabel={groupLabel} onClose={() => setView({ ...view, drill: null })} />
    </Stack>
  );
}
