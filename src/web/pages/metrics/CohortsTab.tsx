import { Group, SegmentedControl, Skeleton, Text } from '@mantine/core';
import { type MonthRange, useCohorts } from '../../api/metrics-api';
import { ErrorState } from '../../components/ErrorState';
import { Notice } from '../../components/Notice';
import { CohortHeatmap, cohortColourLevel } from './CohortHeatmap';
import heatmapClasses from './CohortHeatmap.module.css';
import type { CohortMode } from './metrics-view';
import { MetricsSection } from './MetricsSection';

function ScaleLegend() {
  return (
    <Group gap={6} wrap="nowrap" aria-hidden="true">
      <Text size="xs" c="dimmed">
        0%
      </Text>
      {[0, 0.25, 0.5, 0.75, 1].map((retention) => (
        <span
          key={retention}
          className={heatmapClasses.cell}
          style={{
            ['--level' as string]: cohortColourLevel(retention),
            minWidth: 18,
            height: 12,
            display: 'inline-block',
          }}
        />
      ))}
      <Text size="xs" c="dimmed">
        100%+
      </Text>
    </Group>
  );
}

interface CohortsTabProps {
  range: MonthRange;
  mode: CohortMode;
  onModeChange: (mode: CohortMode) => void;
}

/** Cohort retention heatmap: customers (logos) or revenue kept by start month, toggled in the URL. */
export function CohortsTab({ range, mode, onModeChange }: CohortsTabProps) {
  const cohorts = useCohorts(range);
  const data = cohorts.data;
  return (
    <MetricsSection
      title="Cohort retention"
      description={
        mode === 'logos'
          ? 'Customers grouped by their first paying month; each cell is the share of the cohort still paying that many months later.'
          : 'Customers grouped by their first paying month; each cell is the cohort’s MRR that many months later ÷ its MRR in its first month (expansion included, so it can exceed 100%).'
      }
      actions={
        <SegmentedControl
          aria-label="Retention measured by"
          value={mode}
          onChange={(value) => onModeChange(value === 'revenue' ? 'revenue' : 'logos')}
          data={[
            { value: 'logos', label: 'Customers' },
            { value: 'revenue', label: 'Revenue' },
          ]}
        />
      }
    >
      {cohorts.isError && !data ? (
        <ErrorState
          title="Could not load cohorts"
          error={cohorts.error}
          onRetry={() => void cohorts.refetch()}
        />
      ) : !data ? (
        <Skeleton height={320} aria-label="Loading cohorts" />
      ) : data.cohorts.length === 0 ? (
        <Notice
          py="xl"
          headingOrder={3}
          title="No cohort starts in this period"
          description="No account had its first paying month between these months. Choose a longer period to see older cohorts."
        />
      ) : (
        <>
          <CohortHeatmap cohorts={data.cohorts} mode={mode} currency={data.reportingCurrency} />
          <Group justify="space-between" mt="sm" gap="sm">
            <Text size="xs" c="dimmed">
              “Start” is the cohort’s first paying month; M1, M2… the months after it. “—” marks months the
              cohort has not reached yet.
            </Text>
            <ScaleLegend />
          </Group>
        </>
      )}
    </MetricsSection>
  );
}
