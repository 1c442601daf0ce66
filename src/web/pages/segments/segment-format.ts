import type { Segment } from '../../../shared/api/segments.contract';

export const segmentKindLabels: Record<Segment['kind'], string> = {
  dynamic: 'Dynamic',
  static: 'Static list',
};

/** What each kind means, in one line, for the kind picker. */
export const segmentKindDescriptions: Record<Segment['kind'], string> = {
  dynamic: 'Follows a rule: accounts enter and leave as their data changes.',
  static: 'A hand-picked list: accounts stay until someone removes them.',
};

/** A positive whole number from the URL, or the fallback. */
export function pageParam(value: string | null, fallback = 1): number {
  if (value === null || !/^\d{1,6}$/.test(value)) return fallback;
  return Math.max(1, Number(value));
}
