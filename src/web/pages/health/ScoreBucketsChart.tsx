import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { getThemeColor, Group, Paper, Text, useMantineTheme } from '@mantine/core';
import type { Distribution } from '../../../shared/api/health.contract';
import { bandColor } from '../../format/health';
import classes from './HealthPage.module.css';

/** The band a 10-point bucket mostly falls in: the one holding its middle. */
function bandOfBucket(bucket: { from: number; to: number }, bands: Distribution['bands']): number {
  const middle = (bucket.from + bucket.to) / 2;
  const index = bands.findIndex((band) => middle <= band.upper);
  return index === -1 ? bands.length - 1 : index;
}

/**
 * Accounts per 10-point score bucket (0–10, 10–20, …), each bar in the colour of the band holding the
 * bucket's middle. Loaded on demand (charting is heavy).
 */
export function ScoreBucketsChart({
  distribution,
  height = 240,
  withLegend = true,
}: {
  distribution: Distribution;
  height?: number;
  /** Leave the legend out where the band colours are already named next to the chart. */
  withLegend?: boolean;
}) {
  const theme = useMantineTheme();
  const { bands, buckets } = distribution;
  // Whole-account ticks in up to four even steps, so a short chart never shows uneven ones (0, 2, 4, 8).
  const highest = Math.max(1, ...buckets.map((bucket) => bucket.accounts));
  const step = Math.ceil(highest / 4);
  const ticks = Array.from({ length: Math.ceil(highest / step) + 1 }, (_, index) => index * step);
  const seriesName = (index: number) => `band${index}`;
  const data = buckets.map((bucket) => {
    const row: Record<string, string | number> = {
      label: `${bucket.from}–${bucket.to}`,
      accounts: bucket.accounts,
    };
    const owner = bandOfBucket(bucket, bands);
    bands.forEach((_, index) => {
      row[seriesName(index)] = index === owner ? bucket.accounts : 0;
    });
    return row;
  });
  const series =
    bands.length === 0
      ? [{ name: 'accounts', label: 'Accounts', color: 'indigo.6' }]
      : bands.map((band, index) => ({
          name: seriesName(index),
          label: band.band,
          color: `${bandColor(index, bands.length)}.6`,
          stackId: 'bands',
        }));
  return (
    <>
      {withLegend && (
        <Group gap="lg" justify="flex-end" mb="xs" aria-hidden="true">
          {bands.map((band, index) => (
            <Group key={band.band} gap={6} wrap="nowrap">
              <span
                className={classes.legendSwatch}
                style={{ backgroundColor: getThemeColor(`${bandColor(index, bands.length)}.6`, theme) }}
              />
              <Text size="sm">{band.band}</Text>
            </Group>
          ))}
        </Group>
      )}
      <BarChart
        h={height}
        data={data}
        dataKey="label"
        type="stacked"
        series={series}
        gridAxis="y"
        tickLine="none"
        maxBarWidth={44}
        yAxisProps={{ domain: [0, ticks[ticks.length - 1]!], ticks, interval: 0, width: 32 }}
        xAxisLabel="Score"
        tooltipProps={{
          content: ({ payload }) => {
            const row = payload?.[0]?.payload as { label: string; accounts: number } | undefined;
            if (!row) return null;
            return (
              <Paper withBorder shadow="md" p="xs">
                <Text size="sm" fw={600}>
                  Scores {row.label}
                </Text>
                <Text size="sm">
                  {row.accounts.toLocaleString()} {row.accounts === 1 ? 'account' : 'accounts'}
                </Text>
              </Paper>
            );
          },
        }}
        role="img"
        aria-label={`Accounts per 10-point score bucket: ${buckets.map((bucket) => `${bucket.from}–${bucket.to}: ${bucket.accounts}`).join(', ')}`}
      />
    </>
  );
}
