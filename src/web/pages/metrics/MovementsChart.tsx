import '@mantine/charts/styles.css';
import { CompositeChart } from '@mantine/charts';
import type { MonthMetrics } from '../../../shared/api/metrics.contract';
import {
  formatCompactMoney,
  formatMonth,
  formatMonthLong,
  formatSignedMoney,
  formatWholeMoney,
} from '../../format/metric-values';
import { ChartLegendRow } from './ChartLegendRow';
import { ChartTooltipCard } from './ChartTooltipCard';
import { movementKinds, type MovementKind } from './metrics-view';
import classes from './MetricsPage.module.css';
import { movementColors, movementLabels, netMovement, signedMovement } from './movement-style';

interface MovementsChartProps {
  months: MonthMetrics[];
  currency: string;
  /** A bar was clicked: the accounts behind that movement in that month. */
  onSelect: (movement: MovementKind, month: string) => void;
}

/**
 * MRR movements by month, gains stacked up (new, expansion, reactivation) and losses down
 * (contraction, churn), with end-of-month MRR as a line on its own axis. Loaded on demand.
 */
export function MovementsChart({ months, currency, onSelect }: MovementsChartProps) {
  const data = months.map((month) => ({
    month: month.month,
    label: formatMonth(month.month),
    new: month.newMinor,
    expansion: month.expansionMinor,
    reactivation: month.reactivationMinor,
    contraction: -month.contractionMinor,
    churn: -month.churnMinor,
    mrr: month.mrrMinor,
  }));
  const money = (value: number) => formatCompactMoney(value, currency);
  return (
    <>
      <ChartLegendRow
        items={[
          ...movementKinds.map((kind) => ({ label: movementLabels[kind], color: movementColors[kind] })),
          { label: 'MRR (right axis)', color: 'indigo.7', shape: 'line' as const },
        ]}
      />
      <CompositeChart
        className={classes.chart}
        h={340}
        data={data}
        dataKey="label"
        series={[
          ...movementKinds.map((kind) => ({
            name: kind,
            label: movementLabels[kind],
            color: movementColors[kind],
            type: 'bar' as const,
          })),
          {
            name: 'mrr',
            label: 'MRR (right axis)',
            color: 'indigo.7',
            type: 'line' as const,
            yAxisId: 'right',
          },
        ]}
        composedChartProps={{ stackOffset: 'sign' }}
        barProps={(series) => ({
          stackId: 'movements',
          onClick: (_item: unknown, index: number) => {
            const month = months[index];
            if (month && series.name !== 'mrr') onSelect(series.name as MovementKind, month.month);
          },
        })}
        maxBarWidth={36}
        withRightYAxis
        valueFormatter={money}
        rightYAxisProps={{ tickFormatter: money, domain: [0, 'auto'] }}
        yAxisProps={{ width: 64 }}
        referenceLines={[{ y: 0, color: 'gray.5' }]}
        gridAxis="y"
        tickLine="none"
        withDots={false}
        curveType="linear"
        tooltipProps={{
          content: ({ payload }) => {
            const month = months.find((candidate) => candidate.month === payload?.[0]?.payload?.month);
            if (!month) return null;
            return (
              <ChartTooltipCard
                title={formatMonthLong(month.month)}
                rows={[
                  ...movementKinds.map((kind) => ({
                    label: movementLabels[kind],
                    color: movementColors[kind],
                    value: formatSignedMoney(signedMovement(month, kind), currency),
                  })),
                  {
                    label: 'Net change',
                    value: formatSignedMoney(netMovement(month), currency),
                    strong: true,
                  },
                  {
                    label: 'MRR at month end',
                    color: 'indigo.7',
                    value: formatWholeMoney(month.mrrMinor, currency),
                    strong: true,
                  },
                ]}
                footer="Click a bar to see its accounts"
              />
            );
          },
        }}
        role="img"
        aria-label="MRR movements by month: gains up, losses down, with MRR as a line"
      />
    </>
  );
}
