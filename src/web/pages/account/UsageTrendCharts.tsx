import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import type { AccountUsage } from '../../../shared/api/account-tabs.contract';
import { formatDate } from '../../format/dates';

/** "Mar 5, 2026" → "Mar 5": the axis shows the year nowhere, the window says it. */
const shortDay = (day: string) => formatDate(day).replace(/,? \d{4}$/, '');

/** Daily active users against the seats bought (a dashed reference line). Loaded on demand. */
export function ActiveUsersChart({ usage }: { usage: AccountUsage }) {
  const data = usage.daily.map((day) => ({ day: shortDay(day.day), activeUsers: day.activeUsers }));
  // The seats line always shows: the axis reaches the larger of seats and peak, to the next ten.
  const top = Math.ceil(Math.max(usage.seatsPurchased ?? 0, usage.peakActiveUsers ?? 0, 1) / 10) * 10;
  return (
    <LineChart
      h={240}
      data={data}
      dataKey="day"
      series={[{ name: 'activeUsers', label: 'Active users', color: 'indigo.6' }]}
      curveType="monotone"
      withDots={false}
      gridAxis="x"
      tickLine="none"
      referenceLines={
        usage.seatsPurchased
          ? [
              {
                y: usage.seatsPurchased,
                label: `${usage.seatsPurchased.toLocaleString()} seats`,
                color: 'gray.6',
                strokeDasharray: '6 4',
              },
            ]
          : []
      }
      xAxisProps={{ minTickGap: 28 }}
      yAxisProps={{ domain: [0, top], allowDecimals: false }}
      aria-label={`Daily active users over the last ${usage.days} days${usage.seatsPurchased ? `, against ${usage.seatsPurchased} seats` : ''}`}
      role="img"
    />
  );
}

/** Product events per day. Loaded on demand. */
export function EventsChart({ usage }: { usage: AccountUsage }) {
  const data = usage.daily.map((day) => ({ day: shortDay(day.day), events: day.events }));
  return (
    <BarChart
      h={200}
      data={data}
      dataKey="day"
      series={[{ name: 'events', label: 'Events', color: 'teal.6' }]}
      gridAxis="x"
      tickLine="none"
      xAxisProps={{ minTickGap: 28 }}
      valueFormatter={(value) => value.toLocaleString()}
      aria-label={`Product events per day over the last ${usage.days} days, ${usage.totalEvents.toLocaleString()} in all`}
      role="img"
    />
  );
}
