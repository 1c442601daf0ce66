import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { getThemeColor, Group, Paper, Stack, Text, useMantineTheme } from '@mantine/core';
import { formatPercent } from '../../../format/metric-values';
import { formatNumber } from '../../../format/health';
import classes from '../HealthPage.module.css';
import type { BacktestReport } from './backtest-format';

export interface RocCurve {
  label: string;
  /** Mantine colour, e.g. 'indigo.6'. */
  color: string;
  roc: BacktestReport['roc'];
}

type Row = { x: number; chance?: number } & Record<string, number | null | undefined>;

/**
 * ROC curves (false positive rate → true positive rate, predicting churn when the score is at or
 * below a threshold) with the diagonal of a coin toss. Several curves share one chart (before/after).
 * Loaded on demand.
 */
export function RocChart({ curves, height = 300 }: { curves: RocCurve[]; height?: number }) {
  const theme = useMantineTheme();
  const rows: Row[] = [];
  curves.forEach((curve, index) => {
    for (const point of curve.roc) {
      rows.push({
        x: point.falsePositiveRate,
        [`c${index}`]: point.truePositiveRate,
        [`t${index}`]: point.threshold,
      });
    }
  });
  rows.push({ x: 0, chance: 0 }, { x: 1, chance: 1 });
  // Each curve rises in both rates, so sorting by (x, y) keeps every curve's own order.
  const yOf = (row: Row) =>
    curves.reduce((value, _, index) => value ?? row[`c${index}`] ?? null, row.chance ?? null) ?? 0;
  rows.sort((a, b) => a.x - b.x || yOf(a) - yOf(b));
  const series = [
    ...curves.map((curve, index) => ({ name: `c${index}`, label: curve.label, color: curve.color })),
    { name: 'chance', label: 'Chance', color: 'gray.5', strokeDasharray: '5 5' },
  ];
  return (
    <Stack gap="xs">
      <Group gap="lg" justify="flex-end" aria-hidden="true">
        {[...curves, { label: 'Chance (a coin toss)', color: 'gray.5' }].map((curve) => (
          <Group key={curve.label} gap={6} wrap="nowrap">
            <span
              className={classes.legendSwatch}
              style={{ backgroundColor: getThemeColor(curve.color, theme) }}
            />
            <Text size="sm">{curve.label}</Text>
          </Group>
        ))}
      </Group>
      <LineChart
        h={height}
        data={rows}
        dataKey="x"
        series={series}
        curveType="linear"
        connectNulls
        withDots={false}
        gridAxis="xy"
        tickLine="none"
        xAxisProps={{
          type: 'number',
          domain: [0, 1],
          ticks: [0, 0.25, 0.5, 0.75, 1],
          tickFormatter: (value: number) => formatPercent(value),
        }}
        yAxisProps={{ domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1], width: 48 }}
        valueFormatter={(value) => formatPercent(value)}
        xAxisLabel="Renewals flagged (false positive rate)"
        yAxisLabel="Churners caught (true positive rate)"
        tooltipProps={{
          content: ({ payload }) => {
            const row = payload?.[0]?.payload as Row | undefined;
            if (!row) return null;
            const lines = curves.flatMap((curve, index) => {
              const tpr = row[`c${index}`];
              if (tpr === undefined || tpr === null) return [];
              const threshold = row[`t${index}`];
              return [{ curve, tpr, threshold }];
            });
            if (lines.length === 0) return null;
            return (
              <Paper withBorder shadow="md" p="xs" maw={280}>
                {lines.map(({ curve, tpr, threshold }) => (
                  <Text key={curve.label} size="xs">
                    <Text span fw={600} size="xs">
                      {curve.label}:
                    </Text>{' '}
                    {threshold === null || threshold === undefined
                      ? 'flagging none'
                      : `flagging scores ≤ ${formatNumber(threshold)}`}{' '}
                    catches {formatPercent(tpr)} of churners and {formatPercent(row.x)} of renewals
                  </Text>
                ))}
              </Paper>
            );
          },
        }}
        aria-label={`ROC curve${curves.length > 1 ? 's' : ''}: ${curves.map((curve) => curve.label).join(' and ')}, against chance`}
      />
    </Stack>
  );
}
