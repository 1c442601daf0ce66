import { compareIds, monthOfDate, monthsBetween } from '../../../domain/revenue';

/** How far (in months, either way) a churn event may be from a churn movement to explain it. */
export const CHURN_EVENT_WINDOW_MONTHS = 3;

/** A churn movement: the account's MRR went to 0 at the end of `month`. */
export interface ChurnToExplain {
  accountId: string;
  month: string;
}

/** A recorded churn event (churn_events). */
export type RecordedChurnEvent = {
  id: string;
  accountId: string;
  /** 'YYYY-MM-DD'. */
  churnedOn: string;
  reasonCode: string | null;
};

/** The key of a churn movement in the map matchChurnReasons returns. */
export function churnKey(accountId: string, month: string): string {
  return `${accountId} ${month}`;
}

/**
 * Pairs each churn movement with the churn event of the same account that explains it, and returns
 * the reason code per churn (key churnKey). Rule: an event explains at most one churn; pairs are
 * taken nearest first — the smallest distance between the event's month and the churn month, at
 * most CHURN_EVENT_WINDOW_MONTHS either way (ties: earlier churn, then earlier event). A churn left
 * without an event is not in the map (shown as "unknown"); a paired event without a code maps to null.
 * @example matchChurnReasons([{ accountId: 'a', month: '2024-03' }], [{ id: 'e', accountId: 'a', churnedOn: '2024-02-20', reasonCode: 'price' }]).get('a 2024-03') // 'price'
 */
export function matchChurnReasons(
  churns: readonly ChurnToExplain[],
  events: readonly RecordedChurnEvent[],
): Map<string, string | null> {
  const eventsByAccount = new Map<string, RecordedChurnEvent[]>();
  for (const event of events) eventsByAccount.set(event.accountId, [...(eventsByAccount.get(event.accountId) ?? []), event]);
  const candidates: { churn: ChurnToExplain; event: RecordedChurnEvent; distance: number }[] = [];
  for (const churn of churns) {
    for (const event of eventsByAccount.get(churn.accountId) ?? []) {
      const distance = Math.abs(monthsBetween(monthOfDate(event.churnedOn), churn.month));
      if (distance <= CHURN_EVENT_WINDOW_MONTHS) candidates.push({ churn, event, distance });
    }
  }
  candidates.sort(
    (left, right) =>
      left.distance - right.distance ||
      compareIds(left.churn.month, right.churn.month) ||
      compareIds(left.event.churnedOn, right.event.churnedOn) ||
      compareIds(left.event.id, right.event.id),
  );
  const reasons = new Map<string, string | null>();
  const usedEvents = new Set<string>();
  for (const { churn, event } of candidates) {
    const key = churnKey(churn.accountId, churn.month);
    if (reasons.has(key) || usedEvents.has(event.id)) continue;
    reasons.set(key, event.reasonCode === null || event.reasonCode.trim() === '' ? null : event.reasonCode);
    usedEvents.add(event.id);
  }
  return reasons;
}
