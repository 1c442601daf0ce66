import { userLocale } from './money';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Today as YYYY-MM-DD in UTC, the calendar the server counts renewal days in. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is in the past. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A calendar date (YYYY-MM-DD) in the user's locale, e.g. "Mar 5, 2026"; never shifted by time zone. */
export function formatDate(isoDate: string, locale: string = userLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** A moment (ISO timestamp) in the user's locale and time zone, e.g. "Mar 5, 2026, 2:30 PM". */
export function formatDateTime(isoTimestamp: string, locale: string = userLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(isoTimestamp));
}

/** "in 12 days", "today", "3 days ago" — the distance to a renewal date in words. */
export function describeDaysLeft(days: number, locale: string = userLocale()): string {
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
}

/** How pressing a renewal is: overdue, within 30 days, within 90 days, or comfortably far. */
export function renewalUrgency(days: number): 'overdue' | 'soon' | 'upcoming' | 'later' {
  if (days < 0) return 'overdue';
  if (days <= 30) return 'soon';
  if (days <= 90) return 'upcoming';
  return 'later';
}
