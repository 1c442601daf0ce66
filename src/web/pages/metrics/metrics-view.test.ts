import { describe, expect, it } from 'vitest';
import type { MetricsOverview } from '../../../shared/api/metrics.contract';
import { churnPareto } from './churn-pareto';
import {
  addMonths,
  defaultMetricsView,
  dimensionLabel,
  monthCount,
  presetOf,
  presetPeriod,
  readMetricsView,
  writeMetricsView,
} from './metrics-view';
import { monthlyLogoChurn } from './monthly-logo-churn';

const now = new Date('2026-11-24T12:00:00Z');

describe('months', () => {
  it('moves across year ends without Date', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-11', -24)).toBe('2024-11');
    expect(monthCount('2025-11', '2026-10')).toBe(12);
    expect(monthCount('2026-03', '2026-03')).toBe(1);
  });

  it('gives presets from the current month: full months for "last N", to date for "this year"', () => {
    expect(presetPeriod('last-12', now)).toEqual({ from: '2025-11', to: '2026-10' });
    expect(presetPeriod('last-24', now)).toEqual({ from: '2024-11', to: '2026-10' });
    expect(presetPeriod('this-year', now)).toEqual({ from: '2026-01', to: '2026-11' });
    expect(presetPeriod('last-year', now)).toEqual({ from: '2025-01', to: '2025-12' });
    expect(presetOf({ from: '2025-01', to: '2025-12' }, now)).toBe('last-year');
    expect(presetOf({ from: '2025-02', to: '2025-12' }, now)).toBe('custom');
  });
});

describe('metrics view in the URL', () => {
  it('round-trips every field through the query string', () => {
    const view = {
      from: '2025-01',
      to: '2025-12',
      by: 'trait:employees',
      tab: 'breakdown' as const,
      cohorts: 'revenue' as const,
      drill: { movement: 'all' as const, month: null, group: '', reason: null },
    };
    const params = writeMetricsView(view, now);
    expect(params.toString()).toBe(
      'from=2025-01&to=2025-12&by=trait%3Aemployees&tab=breakdown&cohorts=revenue&drill=all&drillGroup=',
    );
    expect(readMetricsView(params, now)).toEqual(view);
  });

  it('keeps a drill on one movement of one month, or one churn reason', () => {
    const churnInMarch = {
      ...defaultMetricsView(now),
      drill: { movement: 'churn' as const, month: '2026-03', group: null, reason: null },
    };
    expect(writeMetricsView(churnInMarch, now).toString()).toBe('drill=churn&drillMonth=2026-03');
    const byReason = readMetricsView(new URLSearchParams('drill=churn&drillReason=price'), now);
    expect(byReason.drill).toEqual({ movement: 'churn', month: null, group: null, reason: 'price' });
  });

  it('leaves defaults out of the URL (the last 12 full months, the revenue tab)', () => {
    expect(writeMetricsView(defaultMetricsView(now), now).toString()).toBe('');
    expect(readMetricsView(new URLSearchParams(), now)).toEqual({
      from: '2025-11',
      to: '2026-10',
      by: '',
      tab: 'revenue',
      cohorts: 'logos',
      drill: null,
    });
  });

  it('ignores values the page cannot use and turns a reversed period around', () => {
    const view = readMetricsView(
      new URLSearchParams('from=2026-13&to=2026-02&by=colour&tab=pies&drill=explode&drillMonth=x'),
      now,
    );
    expect(view).toEqual({ ...defaultMetricsView(now), from: '2025-11', to: '2026-02' });
    expect(readMetricsView(new URLSearchParams('from=2026-05&to=2026-02'), now)).toMatchObject({
      from: '2026-02',
      to: '2026-05',
    });
  });

  it('names dimensions for people', () => {
    expect(dimensionLabel('owner')).toBe('Owner (CSM)');
    expect(dimensionLabel('trait:employees')).toBe('Trait: employees');
  });
});

describe('churn reasons pareto', () => {
  it('sorts reasons by churned MRR and adds the running share', () => {
    const share = { status: 'not-defined' as const, reason: '' };
    const rows = churnPareto([
      { reasonCode: 'unknown', churnedMrrMinor: 100_000, accounts: 1, share },
      { reasonCode: 'price', churnedMrrMinor: 200_000, accounts: 1, share },
      { reasonCode: 'product_gaps', churnedMrrMinor: 100_000, accounts: 1, share },
    ]);
    expect(rows.map((row) => [row.reasonCode, row.share, row.cumulativeShare])).toEqual([
      ['price', 0.5, 0.5],
      ['product_gaps', 0.25, 0.75],
      ['unknown', 0.25, 1],
    ]);
  });
});

describe('monthly logo churn', () => {
  it('divides each month’s lost customers by the customers at the end of the month before', () => {
    const month = (key: string, customers: number, churnedLogos: number) =>
      ({
        month: key,
        customers,
        churnedLogos,
        newLogos: 0,
        reactivatedLogos: 0,
      }) as MetricsOverview['months'][number];
    const rows = monthlyLogoChurn({
      summary: { customersStart: 10 } as MetricsOverview['summary'],
      months: [month('2026-01', 9, 1), month('2026-02', 0, 9), month('2026-03', 0, 0)],
    });
    expect(rows.map((row) => [row.customersAtStart, row.rate])).toEqual([
      [10, 0.1],
      [9, 1],
      [0, null],
    ]);
  });
});
