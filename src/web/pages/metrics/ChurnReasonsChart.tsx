import '@mantine/charts/styles.css';
import { CompositeChart } from '@mantine/charts';
import { formatCompactMoney, formatPercent, formatWholeMoney } from '../../format/metric-values';
import { ChartLegendRow } from './ChartLegendRow';
import { ChartTooltipCard } from './ChartTooltipCard';
import type { ParetoRow } from './churn-pareto';
import classes from './MetricsPage.module.css';
import { churnReasonLabel } from './movement-style';

/**
 * The churn reasons pareto: churned MRR per reason, largest first, with the cumulative share of
 * all churned MRR as a line. Clicking a bar lists the accounts that churned for that reason.
 */
export function ChurnReasonsChart({
  rows,
  currency,
  onSelect,
}: {
  rows: ParetoRow[];
  currency: string;
  onSelect: (reasonCode: string) => void;
}) {
  const data = rows.map((row) => ({
    reasonCode: row.reasonCode,
    label: churnReasonLabel(row.reasonCode),
    churnedMrr: row.churnedMrrMinor,
    cumulativeShare: row.cumulativeShare,
  }));
  return (
    <>
      <ChartLegendRow
        items={[
          { label: 'Churned MRR', color: 'red.6' },
          { label: 'Cumulative share (right axis)', color: 'gray.7', shape: 'line' },
        ]}
      />
      <CompositeChart
        className={classes.chart}
        h={300}
        data={data}
        dataKey="label"
        series={[
          { name: 'churnedMrr', label: 'Churned MRR', color: 'red.6', type: 'bar' },
          {
            name: 'cumulativeShare',
            label: 'Cumulative share (right axis)',
            color: 'gray.7',
            type: 'line',
            yAxisId: 'right',
          },
        ]}
        barProps={{
          onClick: (_item: unknown, index: number) => {
            const row = rows[index];
            if (row) onSelect(row.reasonCode);
          },
        }}
        maxBarWidth={56}
        withRightYAxis
        valueFormatter={(value) => formatCompactMoney(value, currency)}
        yAxisProps={{ width: 64 }}
        rightYAxisProps={{
          tickFormatter: (value: number) => formatPercent(value),
          domain: [0, 1],
          width: 56,
        }}
        xAxisProps={{
          interval: 0,
          tick: { fontSize: 12, fill: 'currentColor', transform: 'translate(0, 10)' },
        }}
        gridAxis="y"
        tickLine="none"
        curveType="linear"
        tooltipProps={{
          content: ({ payload }) => {
            const row = rows.find((candidate) => candidate.reasonCode === payload?.[0]?.payload?.reasonCode);
            if (!row) return null;
            return (
              <ChartTooltipCard
                title={churnReasonLabel(row.reasonCode)}
                rows={[
                  {
                    label: 'Churned MRR',
                    color: 'red.6',
                    value: formatWholeMoney(row.churnedMrrMinor, currency),
                  },
                  { label: 'Accounts', value: row.accounts.toLocaleString() },
                  { label: 'Share of churned MRR', value: formatPercent(row.share) },
                  {
                    label: 'Cumulative share',
                    color: 'gray.7',
                    value: formatPercent(row.cumulativeShare),
                    strong: true,
                  },
                ]}
                footer="Click the bar to see these accounts"
              />
            );
          },
        }}
        aria-label="Churned MRR by churn reason, largest first, with the cumulative share"
      />
    </>
  );
}
