import type { TimelineEntry } from '../../../shared/api/account-timeline.contract';
import { REPORTING_CURRENCY } from '../accounts/current-mrr.sql';
import type { TimelineRow } from './timeline.repository';

type Payload = Record<string, unknown>;

const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
const number = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
const money = (amountMinor: number) => ({ amountMinor, currency: REPORTING_CURRENCY });

function personOf(payload: Payload, idKey: string, nameKey: string): { id: string; name: string } | null {
  const id = text(payload[idKey]);
  return id ? { id, name: text(payload[nameKey]) ?? '(unknown)' } : null;
}

/** Turns one merged SQL row into its public entry; the payload's shape is fixed by its branch in timeline.sql.ts. */
export function presentTimelineEntry(row: TimelineRow): TimelineEntry {
  const base = { id: row.entry_key, at: row.at };
  const payload = row.payload;
  switch (row.kind) {
    case 'activity':
      return {
        ...base,
        kind: 'activity',
        activity: {
          id: String(payload.id),
          kind: payload.kind as Extract<TimelineEntry, { kind: 'activity' }>['activity']['kind'],
          subject: String(payload.subject),
          body: text(payload.body),
          outcome: text(payload.outcome),
          user: personOf(payload, 'userId', 'userName'),
        },
      };
    case 'ticket':
      return {
        ...base,
        kind: 'ticket',
        ticket: {
          id: String(payload.id),
          event: payload.event as 'opened' | 'resolved',
          subject: String(payload.subject),
          status: payload.status as Extract<TimelineEntry, { kind: 'ticket' }>['ticket']['status'],
          priority: payload.priority as Extract<TimelineEntry, { kind: 'ticket' }>['ticket']['priority'],
          escalated: payload.escalated === true,
          requesterEmail: text(payload.requesterEmail),
          csatScore: number(payload.csatScore),
        },
      };
    case 'survey':
      return {
        ...base,
        kind: 'survey',
        survey: {
          id: String(payload.id),
          surveyKind: payload.surveyKind as Extract<
            TimelineEntry,
            { kind: 'survey' }
          >['survey']['surveyKind'],
          surveyName: text(payload.surveyName),
          score: Number(payload.score),
          comment: text(payload.comment),
          contact: personOf(payload, 'contactId', 'contactName'),
        },
      };
    case 'health': {
      const score = Number(payload.score);
      const previousScore = number(payload.previousScore);
      return {
        ...base,
        kind: 'health',
        health: {
          score,
          band: text(payload.band),
          previousScore,
          previousBand: text(payload.previousBand),
          // Both are two-decimal display scores; rounding removes the binary noise of the subtraction.
          change: previousScore === null ? null : Math.round((score - previousScore) * 100) / 100,
        },
      };
    }
    case 'revenue': {
      const mrrMinor = Number(payload.mrrMinor);
      const previousMrrMinor = Number(payload.previousMrrMinor);
      return {
        ...base,
        kind: 'revenue',
        revenue: {
          month: String(payload.month),
          movement: payload.movement as Extract<TimelineEntry, { kind: 'revenue' }>['revenue']['movement'],
          mrr: money(mrrMinor),
          previousMrr: money(previousMrrMinor),
          change: money(mrrMinor - previousMrrMinor),
        },
      };
    }
  }
}
