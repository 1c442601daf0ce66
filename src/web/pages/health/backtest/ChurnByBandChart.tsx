import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';
import { bandColor } from '../../../format/health';
import { formatPercent } from '../../../format/metric-values';
import { type BacktestReport, metricNumber } from './backtest-format';

/**
 * The churn rate of each band (churned ÷ accounts in the band), bars in the band's colour; a band
 * without accounts has no bar. Loaded on demand.
 */
export function ChurnByBandChart({
  churnByBand,
  height = 240,
}: {
  churnByBand: BacktestReport['churnByBand'];
  height?: number;
}) {
  const count = churnByBand.length;
  const highest = Math.max(0, ...churnByBand.map((band) => metricNumber(band.churnRate) ?? 0));
  const data = churnByBand.map((band, index) => {
    const row: Record<string, string | number | null> = { band: band.band };
    churnByBand.forEach((_, other) => {
      row[`b${other}`] = other === index ? metricNumber(band.churnRate) : null;
    });
    return row;
  });
  return (
    <BarChart
      h={height}
      data={data}
      dataKey="band"
      type="stacked"
      series={churnByBand.map((band, index) => ({
        name: `b${index}`,
        label: band.band,
        color: `${bandColor(index, count)}.6`,
        stackId: 'rate',
      }))}
      gridAxis="y"
      tickLine="none"
      maxBarWidth={56}
      valueFormatter={(value) => formatPercent(value)}
      // Rates are 0–1: without churn, a 0–100% axis rather than recharts' arbitrary one.
      yAxisProps={{ domain: [0, highest === 0 ? 1 : 'auto'], width: 52 }}
      tooltipProps={{
        content: ({ payload }) => {
          const name = (payload?.[0]?.payload as { band?: string } | undefined)?.band;
          const band = churnByBand.find((candidate) => candidate.band === name);
          if (!band) return null;
          return (
            <Paper withBorder shadow="md" p="xs">
              <Text size="sm" fw={600}>
                {band.band}
              </Text>
              <Text size="sm">
                {band.churned.toLocaleString()} of {band.accounts.toLocaleString()} churned
                {band.churnRate.status === 'defined' ? ` (${formatPercent(band.churnRate.value)})` : ''}
              </Text>
            </Paper>
          );
        },
      }}
      aria-label={`Churn rate by band: ${churnByBand
        .map(
          (band) =>
            `${band.band} ${band.churnRate.status === 'defined' ? formatPercent(band.churnRate.value) : 'not defined'}`,
        )
        .join(', ')}`}
    />
  );
}
