import '@mantine/charts/styles.css';
import { AreaChart } from '@mantine/charts';
import type { Account360 } from '../../../shared/api/account-360.contract';
import { formatDate } from '../../format/dates';

/** Daily active users over the usage window, against the seats bought. Loaded on demand (charting is heavy). */
export function UsageChart({ usage }: { usage: Account360['usage'] }) {
  const data = usage.daily.map((day) => ({
    day: formatDate(day.day).replace(/,? \d{4}$/, ''),
    activeUsers: day.activeUsers,
  }));
  return (
    <AreaChart
      h={220}
      data={data}
      dataKey="day"
      series={[{ name: 'activeUsers', label: 'Active users', color: 'indigo.6' }]}
      curveType="monotone"
      withDots={false}
      gridAxis="x"
      tickLine="none"
      referenceLines={
        usage.seatsPurchased
          ? [{ y: usage.seatsPurchased, label: `${usage.seatsPurchased} seats`, color: 'gray.6' }]
          : []
      }
      xAxisProps={{ minTickGap: 24 }}
      yAxisProps={{ domain: [0, Math.max(usage.seatsPurchased ?? 0, usage.peakActiveUsers ?? 0)] }}
      role="img"
      aria-label={`Daily active users over the last ${usage.days} days`}
    />
  );
}
