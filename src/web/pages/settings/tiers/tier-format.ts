import type { TouchModel } from '../../../../shared/api/enums';

export const touchModelLabels: Record<TouchModel, string> = {
  high: 'High touch',
  low: 'Low touch',
  tech: 'Tech touch',
};

/** What each touch model means for the customer and the team, in one line. */
export const touchModelExplanations: Record<TouchModel, string> = {
  high: 'A named CSM, regular EBRs and proactive calls: for the largest or most strategic customers.',
  low: 'Pooled CSMs, one-to-many programmes and calls when needed: the middle of the book.',
  tech: 'Digital only (in-app guides, emails, webinars) with little CSM time: the long tail.',
};

/** Mantine colour per touch model, the same on the tiers list and the team page. */
export const touchModelColors: Record<TouchModel, string> = {
  high: 'violet',
  low: 'blue',
  tech: 'cyan',
};

const every = (days: number) => (days === 1 ? 'every day' : `every ${days.toLocaleString()} days`);

/** A tier's cadences in words: "EBR every 90 days · check-in every 30 days", "No EBR or check-in expected". */
export function describeCadences(ebrEveryDays: number | null, checkInEveryDays: number | null): string {
  if (ebrEveryDays === null && checkInEveryDays === null) return 'No EBR or check-in expected';
  const ebr = ebrEveryDays === null ? 'no EBRs' : `EBR ${every(ebrEveryDays)}`;
  const checkIn = checkInEveryDays === null ? 'no check-ins' : `check-in ${every(checkInEveryDays)}`;
  return `${ebr} · ${checkIn}`.replace(/^no/, 'No');
}
