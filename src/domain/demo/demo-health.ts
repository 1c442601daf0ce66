import { type RawValue, type Scorecard, scoreAccount } from '../health';
import { firstDayOfMonth, MILLISECONDS_PER_DAY, monthIndexOf } from './calendar';
import type {
  DemoActivity,
  DemoSubscription,
  DemoSurveyResponse,
  DemoTicket,
  DemoUsageDay,
} from './demo-model';

/**
 * The health band an account's rows will score on the demo's today, so the generator can place it in
 * the journey before the scores exist (they are computed from the loaded rows after the load). Each
 * input is read the way health scoring's SQL reads it (scoring-inputs.sql.ts) as of the start of
 * today — every demo row is dated before it.
 */

/** The rows of one account that health inputs read. */
export interface DemoHealthRows {
  subscriptions: readonly DemoSubscription[];
  usageDays: readonly DemoUsageDay[];
  activities: readonly DemoActivity[];
  tickets: readonly DemoTicket[];
  surveyResponses: readonly DemoSurveyResponse[];
}

/**
 * The raw value of one measure input for an account on `today`; null when missing. Inputs the demo
 * has no data for (sentiment, traits, account fields, custom events) are null.
 * @example demoMeasureInput(rows, { kind: 'open_tickets' }, 30, today) // 2
 */
export function demoMeasureInput(
  rows: DemoHealthRows,
  input: { kind: string; months?: unknown },
  windowDays: number,
  today: number,
): RawValue {
  const asOf = today * MILLISECONDS_PER_DAY;
  const since = asOf - windowDays * MILLISECONDS_PER_DAY;
  switch (input.kind) {
    case 'active_users':
    case 'events':
    case 'seat_utilisation': {
      const recent = rows.usageDays.filter((day) => day.day > today - windowDays && day.day <= today);
      const known = rows.usageDays.some((day) => day.day <= today);
      if (input.kind === 'events') {
        return recent.length > 0 ? sum(recent.map((day) => day.eventCount)) : known ? 0 : null;
      }
      const average =
        recent.length > 0 ? sum(recent.map((day) => day.activeUsers)) / windowDays : known ? 0 : null;
      if (input.kind === 'active_users' || average === null) return average;
      const seats = sum(
        rows.subscriptions
          .filter(
            (item) =>
              item.seats !== null && item.startDay <= today && (item.endDay === null || item.endDay > today),
          )
          .map((item) => item.seats as number),
      );
      return seats > 0 ? (average / seats) * 100 : null;
    }
    case 'usage_change': {
      const activeBetween = (from: number, to: number) =>
        rows.usageDays.filter((day) => day.day > today - from && day.day <= today - to);
      const recent = activeBetween(windowDays, 0);
      const before = activeBetween(windowDays * 2, windowDays);
      const beforeUsers = sum(before.map((day) => day.activeUsers));
      if (before.length === 0 || beforeUsers <= 0) return null;
      return ((sum(recent.map((day) => day.activeUsers)) - beforeUsers) / beforeUsers) * 100;
    }
    case 'open_tickets':
      return rows.tickets.filter(
        (ticket) =>
          ticket.openedAt <= asOf &&
          (ticket.resolvedAt === null
            ? !['solved', 'closed'].includes(ticket.status)
            : ticket.resolvedAt > asOf),
      ).length;
    case 'tickets_opened':
    case 'escalations':
      return rows.tickets.filter(
        (ticket) =>
          ticket.openedAt > since &&
          ticket.openedAt <= asOf &&
          (input.kind === 'tickets_opened' || ticket.escalated),
      ).length;
    case 'last_nps':
    case 'last_csat': {
      const kind = input.kind === 'last_nps' ? 'nps' : 'csat';
      let latest: DemoSurveyResponse | null = null;
      for (const answer of rows.surveyResponses) {
        if (answer.surveyKind !== kind || answer.respondedAt <= since || answer.respondedAt > asOf) continue;
        if (latest === null || answer.respondedAt > latest.respondedAt) latest = answer;
      }
      return latest === null ? null : latest.score;
    }
    case 'days_since_activity':
    case 'days_since_ebr': {
      let last: number | null = null;
      for (const activity of rows.activities) {
        if (activity.occurredAt > asOf) continue;
        if (input.kind === 'days_since_ebr' && activity.kind !== 'ebr' && activity.kind !== 'qbr') continue;
        if (last === null || activity.occurredAt > last) last = activity.occurredAt;
      }
      return last === null ? null : today - Math.floor(last / MILLISECONDS_PER_DAY);
    }
    case 'mrr_change': {
      const months = typeof input.months === 'number' ? input.months : 3;
      // Revenue changes fall on the first of a month, so a month's MRR is its first day's.
      const lastMonth = monthIndexOf(today + 1) - 1;
      const then = mrrOn(rows.subscriptions, firstDayOfMonth(lastMonth - months));
      return then > 0 ? ((mrrOn(rows.subscriptions, firstDayOfMonth(lastMonth)) - then) / then) * 100 : null;
    }
    default:
      return null;
  }
}

/**
 * The band `scorecard` gives the account's rows on `today`; null when it cannot be scored (every
 * measure missing and excluded).
 */
export function demoHealthBand(scorecard: Scorecard, rows: DemoHealthRows, today: number): string | null {
  const inputs: Record<string, RawValue> = {};
  for (const measure of scorecard.measures) {
    inputs[measure.id] = demoMeasureInput(rows, measure.input, measure.windowDays, today);
  }
  const score = scoreAccount(scorecard, inputs);
  return score.status === 'scored' ? score.band : null;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Monthly revenue of the subscriptions active on `day`, in their own minor units (ratios only). */
function mrrOn(subscriptions: readonly DemoSubscription[], day: number): number {
  let total = 0;
  for (const item of subscriptions) {
    if (item.startDay > day || (item.endDay !== null && item.endDay <= day)) continue;
    total +=
      item.amountMinor / (item.billingInterval === 'year' ? 12 : item.billingInterval === 'quarter' ? 3 : 1);
  }
  return total;
}
