import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import type { MetricsOverview } from '../../../shared/api/metrics.contract';
import {
  describeMetricValue,
  formatMonth,
  formatMonthLong,
  formatPercent,
  metricNumber,
} from '../../format/metric-values';
import { describeBenchmark, retentionBenchmarks } from './benchmarks';
import { ChartLegendRow } from './ChartLegendRow';
import { ChartTooltipCard } from './ChartTooltipCard';

const colors = { nrr: 'indigo.6', grr: 'teal.6' } as const;

/**
 * Trailing-twelve-month NRR and GRR for each month of the period, with the public benchmarks as
 * dashed, labelled reference lines. Months without a year of history leave a gap. Loaded on demand.
 */
export function RetentionChart({ overview }: { overview: MetricsOverview }) {
  const data = overview.months.map((month) => ({
    month: month.month,
    label: formatMonth(month.month),
    nrr: metricNumber(month.nrrTrailing12),
    grr: metricNumber(month.grrTrailing12),
  }));
  const benchmarks = retentionBenchmarks(overview);
  const values = [
    ...data.flatMap((row) => [row.nrr, row.grr]),
    ...benchmarks.map((item) => item.value),
  ].filter((value): value is number => value !== null);
  // A domain that keeps both lines and both benchmarks in view, in steps of 10 percentage points.
  const low = Math.max(0, Math.floor((Math.min(...values, 0.8) - 0.05) * 10) / 10);
  const high = Math.ceil((Math.max(...values, 1.1) + 0.05) * 10) / 10;
  const ticks = Array.from(
    { length: Math.round((high - low) * 10) + 1 },
    (_, index) => Math.round((low + index / 10) * 100) / 100,
  );
  const benchmarkColor = (metric: 'nrr' | 'grr') => (metric === 'nrr' ? 'indigo.4' : 'teal.5');
  return (
    <>
      <ChartLegendRow
        items={[
          { label: 'NRR, trailing 12 months', color: colors.nrr, shape: 'line' },
          { label: 'GRR, trailing 12 months', color: colors.grr, shape: 'line' },
          ...benchmarks.map((item) => ({
            label: `Public benchmark ${item.metric.toUpperCase()}`,
            color: benchmarkColor(item.metric),
            shape: 'dashed' as const,
          })),
        ]}
      />
      <LineChart
        h={340}
        data={data}
        dataKey="label"
        series={[
          { name: 'nrr', label: 'NRR (trailing 12 months)', color: colors.nrr },
          { name: 'grr', label: 'GRR (trailing 12 months)', color: colors.grr },
        ]}
        connectNulls={false}
        curveType="linear"
        gridAxis="y"
        tickLine="none"
        valueFormatter={(value) => formatPercent(value)}
        yAxisProps={{ domain: [low, high], ticks, interval: 0, width: 56 }}
        referenceLines={benchmarks.map((item) => ({
          y: item.value,
          color: benchmarkColor(item.metric),
          strokeDasharray: '6 4',
          // A halo in the page colour keeps the label readable where a data line crosses it.
          label: {
            value: describeBenchmark(item),
            stroke: 'var(--mantine-color-body)',
            strokeWidth: 4,
            paintOrder: 'stroke',
          },
          // NRR's label above its line, GRR's below, so the two never collide.
          labelPosition: item.metric === 'nrr' ? 'insideBottomRight' : 'insideTopRight',
          ifOverflow: 'extendDomain',
        }))}
        tooltipProps={{
          content: ({ payload }) => {
            const month = overview.months.find(
              (candidate) => candidate.month === payload?.[0]?.payload?.month,
            );
            if (!month) return null;
            const nrr = describeMetricValue(month.nrrTrailing12, 'percent');
            const grr = describeMetricValue(month.grrTrailing12, 'percent');
            return (
              <ChartTooltipCard
                title={`12 months to ${formatMonthLong(month.month)}`}
                rows={[
                  { label: 'NRR', color: colors.nrr, value: nrr.text },
                  { label: 'GRR', color: colors.grr, value: grr.text },
                ]}
                footer={nrr.reason ?? grr.reason ?? undefined}
              />
            );
          },
        }}
        aria-label="Net and gross revenue retention over the trailing twelve months, month by month, against public benchmarks"
      />
    </>
  );
}
