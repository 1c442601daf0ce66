import { describe, expect, it } from 'vitest';
import {
  describeMetricValue,
  formatCompactMoney,
  formatMonth,
  formatMonthRange,
  formatPercent,
  formatPercentChange,
  formatSignedMoney,
  formatWholeMoney,
  formatWholePercent,
  metricNumber,
} from './metric-values';

describe('metric values', () => {
  it('shows rates, which arrive as fractions, as percentages with at most one decimal', () => {
    expect(formatPercent(0.88, 'en-US')).toBe('88%');
    expect(formatPercent(0.854545, 'en-US')).toBe('85.5%');
    expect(formatPercent(1.1, 'en-US')).toBe('110%');
    expect(formatPercent(0.3, 'de-DE')).toBe('30\u00a0%');
    expect(formatWholePercent(0.8333, 'en-US')).toBe('83%');
  });

  it('signs changes, with a real minus sign for losses', () => {
    expect(formatPercentChange(0.06, 'en-US')).toBe('+6%');
    expect(formatPercentChange(-0.125, 'en-US')).toBe('−12.5%');
    expect(formatSignedMoney(1_800_000, 'USD', 'en-US')).toBe('+$18,000');
    expect(formatSignedMoney(-400_000, 'USD', 'en-US')).toBe('−$4,000');
    expect(formatSignedMoney(0, 'USD', 'en-US')).toBe('$0');
  });

  it('rounds money to whole units for headlines, but keeps cents under one hundred', () => {
    expect(formatWholeMoney(31_800_000, 'USD', 'en-US')).toBe('$318,000');
    expect(formatWholeMoney(16_666.67, 'USD', 'en-US')).toBe('$167');
    expect(formatWholeMoney(4_250, 'USD', 'en-US')).toBe('$42.50');
    expect(formatWholeMoney(5_500, 'USD', 'en-US')).toBe('$55');
    expect(formatWholeMoney(0, 'USD', 'en-US')).toBe('$0');
    expect(formatWholeMoney(123_456, 'JPY', 'en-US')).toBe('¥123,456');
    expect(formatCompactMoney(2_650_000, 'USD', 'en-US')).toBe('$26.5K');
    expect(formatCompactMoney(-400_000, 'USD', 'en-US')).toBe('-$4K');
  });

  it('shows "—" and the reason for infinite and not-defined metrics, never NaN', () => {
    expect(describeMetricValue({ status: 'defined', value: 0.8 }, 'percent', 'USD', 'en-US')).toEqual({
      text: '80%',
      reason: null,
    });
    expect(describeMetricValue({ status: 'defined', value: 1.3 }, 'ratio', 'USD', 'en-US')).toEqual({
      text: '1.3',
      reason: null,
    });
    expect(describeMetricValue({ status: 'defined', value: 250_000 }, 'money', 'USD', 'en-US')).toEqual({
      text: '$2,500',
      reason: null,
    });
    expect(
      describeMetricValue({ status: 'infinite', reason: 'No churn in the period.' }, 'money', 'USD', 'en-US'),
    ).toEqual({
      text: '—',
      reason: 'No churn in the period.',
    });
    expect(
      describeMetricValue({ status: 'not-defined', reason: 'No customers at the start.' }, 'percent'),
    ).toEqual({
      text: '—',
      reason: 'No customers at the start.',
    });
    expect(metricNumber({ status: 'not-defined', reason: 'x' })).toBeNull();
    expect(metricNumber({ status: 'defined', value: 0 })).toBe(0);
  });

  it('names months and ranges of months', () => {
    expect(formatMonth('2026-03', 'en-US')).toBe('Mar 2026');
    expect(formatMonthRange('2025-12', '2026-11', 'en-US')).toBe('Dec 2025 – Nov 2026');
    expect(formatMonthRange('2026-03', '2026-03', 'en-US')).toBe('March 2026');
  });
});
