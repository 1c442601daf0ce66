import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import type { AccountRevenue } from '../../../shared/api/account-tabs.contract';
import { formatCompactMoney, formatMonth, formatWholeMoney } from '../../format/metric-values';
import { movementColors, movementLabels } from './account-format';

const movements = ['new', 'expansion', 'reactivation', 'contraction', 'churn', 'none'] as const;

/**
 * Month-end MRR as one bar per month, coloured by that month's movement (new, expansion, …), so the
 * moves stand out against the steady months. Loaded on demand (charting is heavy).
 */
export function MrrHistoryChart({ revenue }: { revenue: AccountRevenue }) {
  const present = movements.filter((movement) => revenue.months.some((month) => month.movement === movement));
  const data = revenue.months.map((month) => ({
    label: formatMonth(month.month),
    [month.movement]: month.mrrMinor,
  }));
  return (
    <BarChart
      h={280}
      data={data}
      dataKey="label"
      type="stacked"
      series={present.map((movement) => ({
        name: movement,
        label: movementLabels[movement],
        color: movementColors[movement],
      }))}
      withLegend
      legendProps={{ verticalAlign: 'top', height: 36 }}
      gridAxis="x"
      tickLine="none"
      valueFormatter={(value) => formatWholeMoney(value, revenue.currency)}
      yAxisProps={{
        tickFormatter: (value: number) => formatCompactMoney(value, revenue.currency),
        width: 70,
      }}
      xAxisProps={{ minTickGap: 16 }}
      aria-label={`Month-end MRR over ${revenue.months.length} months, coloured by movement; the table below lists each movement`}
      role="img"
    />
  );
}
