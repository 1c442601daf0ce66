/**
 * Calendar arithmetic on UTC day numbers (days since 1970-01-01) and month indexes
 * (year × 12 + zero-based month), which keep the generator fast and free of time zones.
 */

export const MILLISECONDS_PER_DAY = 86_400_000;
export const MILLISECONDS_PER_HOUR = 3_600_000;

/** The UTC calendar day of an instant, as a day number. */
export function dayNumberOf(instant: Date): number {
  return Math.floor(instant.getTime() / MILLISECONDS_PER_DAY);
}

/** 'YYYY-MM-DD' of a day number. */
export function isoDateOf(day: number): string {
  return new Date(day * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
}

/** The month index (year × 12 + month 0–11) a day falls in. */
export function monthIndexOf(day: number): number {
  const date = new Date(day * MILLISECONDS_PER_DAY);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** The day number of the first day of a month index. */
export function firstDayOfMonth(monthIndex: number): number {
  return Date.UTC(Math.floor(monthIndex / 12), monthIndex % 12, 1) / MILLISECONDS_PER_DAY;
}

/** Zero-based calendar month (0 = January) of a month index. */
export function calendarMonthOf(monthIndex: number): number {
  return monthIndex % 12;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return (day + 4) % 7;
}

/** True on Saturday and Sunday. */
export function isWeekend(day: number): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

/** Moves a weekend day to the following Monday. */
export function nextBusinessDay(day: number): number {
  const weekday = weekdayOf(day);
  if (weekday === 6) return day + 2;
  if (weekday === 0) return day + 1;
  return day;
}
