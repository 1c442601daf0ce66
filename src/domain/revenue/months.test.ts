import { describe, expect, it } from 'vitest';
import {
  addMonths,
  firstDayOfMonth,
  isIsoDate,
  isMonth,
  isMonthInRange,
  listMonths,
  monthIndexOf,
  monthOfDate,
  monthOfIndex,
  monthsBetween,
  nextMonth,
  previousMonth,
  quarterOf,
  trailingTwelveMonths,
} from './months';

describe('month arithmetic on YYYY-MM', () => {
  it('steps forward and back across a year boundary', () => {
    expect(nextMonth('2024-12')).toBe('2025-01');
    expect(previousMonth('2025-01')).toBe('2024-12');
    expect(nextMonth('2024-02')).toBe('2024-03');
    expect(addMonths('2024-11', 15)).toBe('2026-02');
    expect(addMonths('2024-03', -27)).toBe('2021-12');
  });

  it('counts whole months between two months, signed', () => {
    expect(monthsBetween('2024-11', '2025-02')).toBe(3);
    expect(monthsBetween('2025-02', '2025-02')).toBe(0);
    expect(monthsBetween('2025-02', '2024-11')).toBe(-3);
  });

  it('lists every month of a range with both ends included, and none for a reversed range', () => {
    expect(listMonths({ from: '2024-11', to: '2025-02' })).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    expect(listMonths({ from: '2024-05', to: '2024-05' })).toEqual(['2024-05']);
    expect(listMonths({ from: '2024-05', to: '2024-04' })).toEqual([]);
  });

  it('gives the first day of a month and the month of a day', () => {
    expect(firstDayOfMonth('2024-02')).toBe('2024-02-01');
    expect(monthOfDate('2024-02-29')).toBe('2024-02');
  });

  it('round-trips months through their index', () => {
    expect(monthIndexOf('2024-01')).toBe(24288);
    expect(monthOfIndex(24288)).toBe('2024-01');
    expect(monthOfIndex(monthIndexOf('0999-12'))).toBe('0999-12');
  });

  it('finds the calendar quarter and the trailing twelve months of a month', () => {
    expect(quarterOf('2024-05')).toEqual({ from: '2024-04', to: '2024-06' });
    expect(quarterOf('2024-12')).toEqual({ from: '2024-10', to: '2024-12' });
    expect(trailingTwelveMonths('2025-03')).toEqual({ from: '2024-04', to: '2025-03' });
    expect(isMonthInRange('2024-06', { from: '2024-04', to: '2024-06' })).toBe(true);
    expect(isMonthInRange('2024-07', { from: '2024-04', to: '2024-06' })).toBe(false);
  });

  it('accepts only well-formed months and real calendar days', () => {
    expect(isMonth('2024-02')).toBe(true);
    expect(isMonth('2024-13')).toBe(false);
    expect(isMonth('2024-2')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2024-04-31')).toBe(false);
  });

  it('refuses a malformed month or day with a message saying the expected form', () => {
    expect(() => nextMonth('2024-13')).toThrow(
      '"2024-13" is not a month; write it as YYYY-MM with a month from 01 to 12',
    );
    expect(() => monthOfDate('2023-02-29')).toThrow(
      '"2023-02-29" is not a calendar day; write it as YYYY-MM-DD',
    );
  });
});
