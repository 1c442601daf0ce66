import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import type { CsmBookDto } from '../../../shared/api/capacity.contract';
import {
  formatUnits,
  formatUtilisation,
  loadFlagColors,
  loadFlagLabels,
  type LoadFlag,
} from './capacity-format';

const flags: readonly LoadFlag[] = ['over', 'ok', 'under'];

/**
 * Workload against capacity per CSM, one row each: the workload bar in the colour of the CSM's flag
 * (red over, teal balanced, yellow under) beside a grey capacity bar, labelled with the utilisation.
 * Loaded on demand (charting is heavy).
 */
export function WorkloadChart({ books }: { books: readonly CsmBookDto[] }) {
  const data = books.map((book) => {
    const row: Record<string, string | number | undefined> = {
      csm: `${book.name} · ${formatUtilisation(book.utilisation)}`,
      capacity: book.capacity,
    };
    // Only the CSM's own flag carries the workload, so the bar takes its colour.
    for (const flag of flags) row[flag] = book.flag === flag ? book.workload : undefined;
    return row;
  });
  const present = new Set(books.map((book) => book.flag));
  // Ticks on whole (or half) units in up to five steps, so the axis never reads 0.85, 1.7, 2.55.
  const highest = Math.max(1, ...books.flatMap((book) => [book.workload, book.capacity]));
  const step = highest <= 2 ? 0.5 : Math.ceil(highest / 5);
  const ticks = Array.from({ length: Math.ceil(highest / step) + 1 }, (_, index) => index * step);
  return (
    <BarChart
      h={Math.max(140, 56 + books.length * 48)}
      data={data}
      dataKey="csm"
      orientation="vertical"
      series={[
        ...flags
          .filter((flag) => present.has(flag))
          .map((flag) => ({
            name: flag,
            label: `Workload (${loadFlagLabels[flag].toLowerCase()})`,
            color: `${loadFlagColors[flag]}.6`,
            stackId: 'workload',
          })),
        { name: 'capacity', label: 'Capacity', color: 'gray.5' },
      ]}
      withLegend
      legendProps={{ verticalAlign: 'top', height: 36 }}
      gridAxis="x"
      tickLine="none"
      maxBarWidth={16}
      valueFormatter={(value) => formatUnits(value)}
      xAxisProps={{ domain: [0, ticks[ticks.length - 1]!], ticks, interval: 0 }}
      yAxisProps={{ width: 170 }}
      xAxisLabel="Workload units"
    />
  );
}
