import type { MetricsOverview } from '../../../shared/api/metrics.contract';
import { formatPercent } from '../../format/metric-values';

export type Benchmark = MetricsOverview['benchmarks'][number];

/** The NRR and GRR benchmarks of an overview (NPS belongs to another page). */
export function retentionBenchmarks(
  overview: Pick<MetricsOverview, 'benchmarks'>,
): (Benchmark & { metric: 'nrr' | 'grr' })[] {
  return overview.benchmarks.filter(
    (item): item is Benchmark & { metric: 'nrr' | 'grr' } => item.metric === 'nrr' || item.metric === 'grr',
  );
}

/**
 * A benchmark as text that cannot pass for the team's own figure, e.g.
 * "102%: Median NRR, private B2B SaaS (SaaS Capital 2023, public benchmark)".
 */
export function describeBenchmark(item: Benchmark): string {
  const value = item.metric === 'nps' ? String(item.value) : formatPercent(item.value);
  const label = /benchmark/i.test(item.label) ? item.label : `${item.label} (public benchmark)`;
  return `${value}: ${label}`;
}
