import { formatDateTime } from '../../format/dates';

/** A moment in the user's locale, or "Never" (a key or token not used yet). */
export function formatMomentOrNever(isoTimestamp: string | null): string {
  return isoTimestamp === null ? 'Never' : formatDateTime(isoTimestamp);
}

/** "1 event", "12 events": a count with its noun, in the user's locale. */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? singular : plural}`;
}
