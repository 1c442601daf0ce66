import '@mantine/charts/styles.css';
import { Sparkline } from '@mantine/charts';
import type { AccountHealth } from '../../../shared/api/health.contract';

/** The last 90 days of scores (one per day), coloured by the trend. Loaded on demand (charting is heavy). */
export function HealthSparkline({ history }: { history: AccountHealth['history'] }) {
  return (
    <Sparkline
      h={64}
      data={history.map((point) => point.score)}
      curveType="linear"
      trendColors={{ positive: 'teal.6', negative: 'red.6', neutral: 'gray.5' }}
      fillOpacity={0.25}
      strokeWidth={2}
      aria-label={`Health score over the last 90 days, ${history.length} ${history.length === 1 ? 'day' : 'days'} with a score`}
      role="img"
    />
  );
}
