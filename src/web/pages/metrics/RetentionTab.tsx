import { List, Stack, Table, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { MetricsOverview } from '../../../shared/api/metrics.contract';
import { formatMonth } from '../../format/metric-values';
import { describeBenchmark, retentionBenchmarks } from './benchmarks';
import { MetricValueText } from './MetricValueText';
import classes from './MetricsPage.module.css';
import { ChartSkeleton, MetricsSection } from './MetricsSection';

const RetentionChart = lazy(() =>
  import('./RetentionChart').then((module) => ({ default: module.RetentionChart })),
);

/** Why some months have no trailing-12 figure, each reason once. */
function gapReasons(overview: MetricsOverview): string[] {
  const reasons = new Set<string>();
  for (const month of overview.months) {
    for (const value of [month.nrrTrailing12, month.grrTrailing12])
      if (value.status !== 'defined') reasons.add(value.reason);
  }
  return [...reasons].slice(0, 3);
}

/** NRR and GRR over the trailing twelve months, month by month, against the public benchmarks. */
export function RetentionTab({ overview }: { overview: MetricsOverview }) {
  const benchmarks = retentionBenchmarks(overview);
  const gaps = gapReasons(overview);
  return (
    <Stack gap="lg">
      <MetricsSection
        title="Net and gross revenue retention, trailing 12 months"
        description={
          benchmarks.length > 0
            ? `Each point is the 12 months ending that month. The dashed lines are public benchmarks for comparison, not your data: ${benchmarks
                .map(describeBenchmark)
                .join('; ')}.`
            : 'Each point is the 12 months ending that month.'
        }
      >
        <Suspense fallback={<ChartSkeleton />}>
          <RetentionChart overview={overview} />
        </Suspense>
        {gaps.length > 0 && (
          <Text size="sm" c="dimmed" mt="sm" component="div">
            Gaps in the lines are months without a figure:
            <List size="sm" c="dimmed" mt={4}>
              {gaps.map((reason) => (
                <List.Item key={reason}>{reason}</List.Item>
              ))}
            </List>
          </Text>
        )}
      </MetricsSection>
      <MetricsSection title="Month by month">
        <Table.ScrollContainer minWidth={520}>
          <Table className={classes.numbers} verticalSpacing={6} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>12 months to</Table.Th>
                <Table.Th ta="right">NRR</Table.Th>
                <Table.Th ta="right">GRR</Table.Th>
                <Table.Th ta="right">Customers at month end</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overview.months.map((month) => (
                <Table.Tr key={month.month}>
                  <Table.Td>{formatMonth(month.month)}</Table.Td>
                  <Table.Td ta="right">
                    <MetricValueText metric={month.nrrTrailing12} unit="percent" />
                  </Table.Td>
                  <Table.Td ta="right">
                    <MetricValueText metric={month.grrTrailing12} unit="percent" />
                  </Table.Td>
                  <Table.Td ta="right">{month.customers.toLocaleString()}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </MetricsSection>
    </Stack>
  );
}
