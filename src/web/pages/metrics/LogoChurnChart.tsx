import '@mantine/charts/styles.css';
import { CompositeChart } from '@mantine/charts';
import type { MetricsOverview } from '../../../shared/api/metrics.contract';
import { formatMonth, formatMonthLong, formatPercent } from '../../format/metric-values';
import { ChartLegendRow } from './ChartLegendRow';
import { ChartTooltipCard } from './ChartTooltipCard';
import classes from './MetricsPage.module.css';
import { monthlyLogoChurn } from './monthly-logo-churn';

/**
 * Customers lost each month (bars, clickable) and the monthly logo churn rate (line, right axis):
 * churned ÷ customers at the end of the month before. Loaded on demand.
 */
export function LogoChurnChart({
  overview,
  onSelect,
}: {
  overview: MetricsOverview;
  onSelect: (month: string) => void;
}) {
  const rows = monthlyLogoChurn(overview);
  const data = rows.map((row) => ({
    month: row.month,
    label: formatMonth(row.month),
    churnedLogos: row.churnedLogos,
    rate: row.rate,
  }));
  return (
    <>
      <ChartLegendRow
        items={[
          { label: 'Customers lost', color: 'red.6' },
          { label: 'Logo churn rate (right axis)', color: 'gray.7', shape: 'line' },
        ]}
      />
      <CompositeChart
        className={classes.chart}
        h={300}
        data={data}
        dataKey="label"
        series={[
          { name: 'churnedLogos', label: 'Customers lost', color: 'red.6', type: 'bar' },
          {
            name: 'rate',
            label: 'Logo churn rate (right axis)',
            color: 'gray.7',
            type: 'line',
            yAxisId: 'right',
          },
        ]}
        barProps={{
          onClick: (_item: unknown, index: number) => {
            const row = rows[index];
            if (row && row.churnedLogos > 0) onSelect(row.month);
          },
        }}
        maxBarWidth={36}
        withRightYAxis
        yAxisProps={{ allowDecimals: false, width: 40 }}
        rightYAxisProps={{
          tickFormatter: (value: number) => formatPercent(value),
          domain: [0, 'auto'],
          width: 56,
        }}
        gridAxis="y"
        tickLine="none"
        curveType="linear"
        connectNulls={false}
        tooltipProps={{
          content: ({ payload }) => {
            const row = rows.find((candidate) => candidate.month === payload?.[0]?.payload?.month);
            if (!row) return null;
            return (
              <ChartTooltipCard
                title={formatMonthLong(row.month)}
                rows={[
                  { label: 'Customers lost', color: 'red.6', value: row.churnedLogos.toLocaleString() },
                  { label: 'Customers at the start', value: row.customersAtStart.toLocaleString() },
                  {
                    label: 'Logo churn rate',
                    color: 'gray.7',
                    value: row.rate === null ? '—' : formatPercent(row.rate),
                    strong: true,
                  },
                  { label: 'New customers', value: row.newLogos.toLocaleString() },
                  { label: 'Reactivated', value: row.reactivatedLogos.toLocaleString() },
                ]}
                footer={row.churnedLogos > 0 ? 'Click the bar to see who churned' : undefined}
              />
            );
          },
        }}
        aria-label="Customers lost per month, with the monthly logo churn rate"
      />
    </>
  );
}
