import { type SQL, sql } from 'drizzle-orm';
import { HEALTH_CHANGE_POINTS, type TimelineKind } from '../../../shared/api/account-timeline.contract';
import type { TimelineCursor } from './timeline-cursor';

/**
 * Each source of the timeline as one SQL branch with the same columns (at, entry_key, kind,
 * payload). Every branch filters by account and cursor, sorts and limits on its own, so it reads
 * only the newest `limit` rows through its (account_id, time) index; the caller merges them.
 */
interface BranchInput {
  accountId: string;
  cursor: TimelineCursor | null;
  limit: number;
}

/** The cursor moment as timestamptz, exact to the microsecond (no floating point on the way). */
function cursorAt(cursor: TimelineCursor): SQL {
  return sql`(timestamptz 'epoch' + ${cursor.atMicros}::bigint * interval '1 microsecond')`;
}

/** Strictly older than the cursor; the plain `<=` lets the planner use the time index. */
function olderThan(cursor: TimelineCursor | null, at: SQL, key: SQL): SQL {
  if (!cursor) return sql``;
  return sql`AND ${at} <= ${cursorAt(cursor)} AND (${at}, (${key}) COLLATE "C") < (${cursorAt(cursor)}, ${cursor.key}::text COLLATE "C")`;
}

// Ordinals, because entry_key is an alias; the key is already in the "C" collation (byte order).
const newestFirst = sql`ORDER BY 1 DESC, 2 DESC`;

function activityBranch({ accountId, cursor, limit }: BranchInput): SQL {
  const key = sql`'activity:' || a.id`;
  return sql`(SELECT a.occurred_at AS at, (${key}) COLLATE "C" AS entry_key, 'activity' AS kind,
      jsonb_build_object('id', a.id, 'kind', a.kind, 'subject', a.subject, 'body', a.body, 'outcome', a.outcome,
                         'userId', u.id, 'userName', u.name) AS payload
    FROM activities a LEFT JOIN users u ON u.id = a.user_id
    WHERE a.account_id = ${accountId} ${olderThan(cursor, sql`a.occurred_at`, key)}
    ${newestFirst} LIMIT ${limit})`;
}

function ticketPayload(event: 'opened' | 'resolved'): SQL {
  return sql`jsonb_build_object('id', t.id, 'event', ${event}::text, 'subject', t.subject, 'status', t.status,
    'priority', t.priority, 'escalated', t.escalated, 'requesterEmail', t.requester_email, 'csatScore', t.csat_score)`;
}

function ticketOpenedBranch({ accountId, cursor, limit }: BranchInput): SQL {
  const key = sql`'ticket-opened:' || t.id`;
  return sql`(SELECT t.opened_at AS at, (${key}) COLLATE "C" AS entry_key, 'ticket' AS kind, ${ticketPayload('opened')} AS payload
    FROM tickets t
    WHERE t.account_id = ${accountId} ${olderThan(cursor, sql`t.opened_at`, key)}
    ${newestFirst} LIMIT ${limit})`;
}

function ticketResolvedBranch({ accountId, cursor, limit }: BranchInput): SQL {
  const key = sql`'ticket-resolved:' || t.id`;
  return sql`(SELECT t.resolved_at AS at, (${key}) COLLATE "C" AS entry_key, 'ticket' AS kind, ${ticketPayload('resolved')} AS payload
    FROM tickets t
    WHERE t.account_id = ${accountId} AND t.resolved_at IS NOT NULL ${olderThan(cursor, sql`t.resolved_at`, key)}
    ${newestFirst} LIMIT ${limit})`;
}

function surveyBranch({ accountId, cursor, limit }: BranchInput): SQL {
  const key = sql`'survey:' || r.id`;
  return sql`(SELECT r.responded_at AS at, (${key}) COLLATE "C" AS entry_key, 'survey' AS kind,
      jsonb_build_object('id', r.id, 'surveyKind', r.survey_kind, 'surveyName', r.survey_name, 'score', r.score,
                         'comment', r.comment, 'contactId', c.id,
                         'contactName', coalesce(nullif(concat_ws(' ', c.first_name, c.last_name), ''), c.email)) AS payload
    FROM survey_responses r LEFT JOIN contacts c ON c.id = r.contact_id
    WHERE r.account_id = ${accountId} ${olderThan(cursor, sql`r.responded_at`, key)}
    ${newestFirst} LIMIT ${limit})`;
}

/**
 * Health changes: a scored snapshot whose band differs from the previous scored snapshot's, or whose
 * displayed score moved by HEALTH_CHANGE_POINTS or more, plus the account's first score. The previous
 * snapshot is always older, so the window over `computed_at <= cursor` sees it.
 */
function healthBranch({ accountId, cursor, limit }: BranchInput): SQL {
  const key = sql`'health:' || h.id`;
  return sql`(SELECT h.computed_at AS at, (${key}) COLLATE "C" AS entry_key, 'health' AS kind,
      jsonb_build_object('score', h.display_score, 'band', h.band, 'previousScore', h.previous_score,
                         'previousBand', h.previous_band) AS payload
    FROM (
      SELECT s.id, s.computed_at, s.display_score, s.band,
             lag(s.display_score) OVER w AS previous_score, lag(s.band) OVER w AS previous_band, lag(s.id) OVER w AS previous_id
      FROM health_snapshots s
      WHERE s.account_id = ${accountId} AND s.status = 'scored' AND s.display_score IS NOT NULL
        ${cursor ? sql`AND s.computed_at <= ${cursorAt(cursor)}` : sql``}
      WINDOW w AS (ORDER BY s.computed_at, s.id)
    ) h
    WHERE (h.previous_id IS NULL OR h.band IS DISTINCT FROM h.previous_band
           OR abs(h.display_score - h.previous_score) >= ${HEALTH_CHANGE_POINTS})
      ${olderThan(cursor, sql`h.computed_at`, key)}
    ${newestFirst} LIMIT ${limit})`;
}

/** Monthly MRR movements, placed at the first moment of their month (UTC). */
function revenueBranch({ accountId, cursor, limit }: BranchInput): SQL {
  const at = sql`(f.month::timestamp AT TIME ZONE 'UTC')`;
  const key = sql`'revenue:' || to_char(f.month, 'YYYY-MM')`;
  return sql`(SELECT ${at} AS at, (${key}) COLLATE "C" AS entry_key, 'revenue' AS kind,
      jsonb_build_object('month', to_char(f.month, 'YYYY-MM'), 'movement', f.movement,
                         'mrrMinor', f.mrr_minor, 'previousMrrMinor', f.previous_mrr_minor) AS payload
    FROM account_mrr_monthly f
    WHERE f.account_id = ${accountId} AND f.movement <> 'none' ${olderThan(cursor, at, key)}
    ${newestFirst} LIMIT ${limit})`;
}

const branchesByKind: Record<TimelineKind, ((input: BranchInput) => SQL)[]> = {
  activity: [activityBranch],
  ticket: [ticketOpenedBranch, ticketResolvedBranch],
  survey: [surveyBranch],
  health: [healthBranch],
  revenue: [revenueBranch],
};

/**
 * One page of an account's timeline, newest first: the UNION ALL of the chosen sources' branches,
 * merged and cut to `limit` rows. Columns: at (ISO, milliseconds), entry_key, kind, payload, at_micros (for the cursor).
 */
export function timelinePageQuery(input: BranchInput & { kinds: readonly TimelineKind[] }): SQL {
  const branches = input.kinds.flatMap((kind) => branchesByKind[kind].map((branch) => branch(input)));
  return sql`
    SELECT to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, e.entry_key, e.kind, e.payload,
           (extract(epoch FROM e.at) * 1000000)::bigint::text AS at_micros
    FROM (${sql.join(branches, sql` UNION ALL `)}) e
    ORDER BY e.at DESC, e.entry_key COLLATE "C" DESC
    LIMIT ${input.limit}`;
}
