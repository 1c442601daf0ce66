import { describe, expect, it } from 'vitest';
import { daysBetween, describeDaysLeft, formatDate, renewalUrgency, todayUtc } from './dates';
import { humanize } from './labels';
import { formatMoney } from './money';

describe('formatMoney', () => {
  it('turns minor units into the currency amount in the given locale', () => {
    expect(formatMoney({ amountMinor: 123456, currency: 'USD' }, { locale: 'en-US' })).toBe('$1,234.56');
    expect(formatMoney({ amountMinor: 123456, currency: 'EUR' }, { locale: 'de-DE' })).toBe('1.234,56\u00a0€');
  });

  it('knows currencies without minor units', () => {
    expect(formatMoney({ amountMinor: 5000, currency: 'JPY' }, { locale: 'en-US' })).toBe('¥5,000');
  });

  it('rounds to whole units when asked', () => {
    expect(formatMoney({ amountMinor: 123456, currency: 'USD' }, { locale: 'en-US', wholeUnits: true })).toBe('$1,235');
  });
});

describe('dates', () => {
  it('counts whole calendar days between two dates', () => {
    expect(daysBetween('2026-01-30', '2026-03-01')).toBe(30);
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
  });

  it('takes today from UTC', () => {
    expect(todayUtc(new Date('2026-05-01T23:30:00-05:00'))).toBe('2026-05-02');
  });

  it('formats a calendar date without shifting it by time zone', () => {
    expect(formatDate('2026-03-05', 'en-US')).toBe('Mar 5, 2026');
  });

  it('describes the distance to a renewal in words', () => {
    expect(describeDaysLeft(12, 'en-US')).toBe('in 12 days');
    expect(describeDaysLeft(0, 'en-US')).toBe('today');
    expect(describeDaysLeft(-3, 'en-US')).toBe('3 days ago');
  });

  it('grades renewal urgency at 0, 30 and 90 days', () => {
    expect([-1, 0, 30, 31, 90, 91].map(renewalUrgency)).toEqual(['overdue', 'soon', 'soon', 'upcoming', 'upcoming', 'later']);
  });
});

describe('humanize', () => {
  it('turns codes into words', () => {
    expect(humanize('on_hold')).toBe('On hold');
    expect(humanize('decision-maker')).toBe('Decision maker');
  });
});
