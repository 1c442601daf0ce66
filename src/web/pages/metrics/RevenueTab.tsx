import { Stack } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { MetricsOverview } from '../../../shared/api/metrics.contract';
import type { AccountsDrill } from './metrics-view';
import { ChartSkeleton, MetricsSection } from './MetricsSection';
import { MovementsTable } from './MovementsTable';

const MovementsChart = lazy(() =>
  import('./MovementsChart').then((module) => ({ default: module.MovementsChart })),
);

/** ARR/MRR movements: the chart, then the same numbers month by month; every figure opens its accounts. */
export function RevenueTab({
  overview,
  onDrill,
}: {
  overview: MetricsOverview;
  onDrill: (drill: AccountsDrill) => void;
}) {
  return (
    <Stack gap="lg">
      <MetricsSection
        title="MRR movements by month"
        description="New, expansion and reactivation add recurring revenue (up); contraction and churn remove it (down). The line is MRR at each month's end. Click a bar to see the accounts behind it."
      >
        <Suspense fallback={<ChartSkeleton />}>
          <MovementsChart
            months={overview.months}
            currency={overview.reportingCurrency}
            onSelect={(movement, month) => onDrill({ movement, month, group: null, reason: null })}
          />
        </Suspense>
      </MetricsSection>
      <MetricsSection
        title="Month by month"
        description={`In ${overview.reportingCurrency}. Choose a month or a figure to list its accounts.`}
      >
        <MovementsTable months={overview.months} currency={overview.reportingCurrency} onDrill={onDrill} />
      </MetricsSection>
    </Stack>
  );
}
