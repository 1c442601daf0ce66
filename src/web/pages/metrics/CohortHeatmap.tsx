import { ScrollArea } from '@mantine/core';
import type { CSSProperties } from 'react';
import type { Cohorts } from '../../../shared/api/metrics.contract';
import { formatMonth, formatPercent, formatWholeMoney, formatWholePercent } from '../../format/metric-values';
import classes from './CohortHeatmap.module.css';
import type { CohortMode } from './metrics-view';

type Cohort = Cohorts['cohorts'][number];
type Cell = Cohort['cells'][number];

/**
 * Colour strength 5–95 of a retention: full colour at 100% and above (net revenue can exceed it).
 * Squared, because retention mostly lies between 60% and 100% and a linear scale would flatten it.
 */
export function cohortColourLevel(retention: number): number {
  const clamped = Math.min(1, Math.max(0, retention));
  return Math.round(clamped * clamped * 90 + 5);
}

function describeCell(cohort: Cohort, cell: Cell, currency: string): string {
  const logos =
    cell.logoRetention.status === 'defined' ? ` (${formatPercent(cell.logoRetention.value)})` : '';
  const revenue =
    cell.revenueRetention.status === 'defined'
      ? ` (${formatPercent(cell.revenueRetention.value)} of its start)`
      : '';
  return (
    `${formatMonth(cohort.cohortMonth)} cohort, month ${cell.monthOffset} (${formatMonth(cell.month)}): ` +
    `${cell.retainedCustomers} of ${cohort.startingCustomers} customers paying${logos}; MRR ${formatWholeMoney(cell.mrrMinor, currency)}${revenue}`
  );
}

/**
 * Retention by start month: one row per cohort, one column per month since its start, each cell
 * coloured by its retention and showing it; "—" where the cohort has not reached that month yet.
 */
export function CohortHeatmap({
  cohorts,
  mode,
  currency,
}: {
  cohorts: Cohorts['cohorts'];
  mode: CohortMode;
  currency: string;
}) {
  const offsets =
    Math.max(0, ...cohorts.flatMap((cohort) => cohort.cells.map((cell) => cell.monthOffset))) + 1;
  const columns = Array.from({ length: offsets }, (_, offset) => offset);
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <table
        className={classes.table}
        aria-label={`Cohort retention by ${mode === 'logos' ? 'customers' : 'revenue'}`}
      >
        <thead>
          <tr>
            <th scope="col" className={classes.rowHead}>
              Cohort
            </th>
            <th scope="col">Customers</th>
            <th scope="col">Starting MRR</th>
            {columns.map((offset) => (
              <th scope="col" key={offset} style={{ textAlign: 'center' }}>
                {offset === 0 ? 'Start' : `M${offset}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cohorts.map((cohort) => {
            const byOffset = new Map(cohort.cells.map((cell) => [cell.monthOffset, cell]));
            return (
              <tr key={cohort.cohortMonth}>
                <th scope="row" className={classes.rowHead}>
                  {formatMonth(cohort.cohortMonth)}
                </th>
                <td className={classes.meta}>{cohort.startingCustomers.toLocaleString()}</td>
                <td className={classes.meta}>{formatWholeMoney(cohort.startingMrrMinor, currency)}</td>
                {columns.map((offset) => {
                  const cell = byOffset.get(offset);
                  if (!cell) {
                    return (
                      <td key={offset} className={classes.notReached} title="Not reached yet">
                        —
                      </td>
                    );
                  }
                  const retention = mode === 'logos' ? cell.logoRetention : cell.revenueRetention;
                  if (retention.status !== 'defined') {
                    return (
                      <td key={offset} className={classes.notReached} title={retention.reason}>
                        —
                      </td>
                    );
                  }
                  const level = cohortColourLevel(retention.value);
                  return (
                    <td
                      key={offset}
                      className={classes.cell}
                      style={{ '--level': level } as CSSProperties}
                      data-strong={level > 55 || undefined}
                      title={describeCell(cohort, cell, currency)}
                    >
                      {formatWholePercent(retention.value)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollArea>
  );
}
