import { sql } from 'drizzle-orm';
import type { HomeChange } from '../../../shared/api/home.contract';
import type { Db } from '../../db/database';

/** How many changes Home lists; `total` still counts them all. */
export const CHANGES_LISTED = 50;

type ChangeRow = {
  kind: HomeChange['kind'];
  at: Date;
  account_id: string;
  account_name: string;
  subject: string | null;
  detail: string | null;
  /** A survey answer's comment. */
  note: string | null;
  score_from: number | null;
  score_to: number | null;
  band_from: string | null;
  band_to: string | null;
  total: string;
};

function quoted(text: string | null, max = 80): string {
  if (!text) return '';
  const trimmed = text.trim();
  return `"${trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed}"`;
}

function titleOf(row: ChangeRow): string {
  switch (row.kind) {
    case 'band':
      return `Health moved from ${row.band_from} to ${row.band_to} (${row.score_from?.toFixed(2)} → ${row.score_to?.toFixed(2)})`;
    case 'escalation':
      return `Escalated ticket opened: ${quoted(row.subject)}${row.detail ? ` (${row.detail} priority)` : ''}`;
    case 'ticket':
      return `New ticket: ${quoted(row.subject)}${row.detail ? ` (${row.detail} priority)` : ''}`;
    case 'churn':
      return row.detail ? `Churned (reason: ${row.detail})` : 'Churned';
    case 'detractor':
      return `NPS ${row.detail}${row.subject ? ` from ${row.subject}` : ''}${row.note ? `: ${quoted(row.note)}` : ''}`;
  }
}

/**
 * What changed on the owner's accounts (churned ones included) since `since`: a health band
 * different from the one of the last snapshot before `since`, tickets opened (escalated ones as
 * escalations), churn events dated from `since`'s UTC day through today, NPS answers of 0–6.
 * Every part reads by account id through the (account_id, time) indexes of its table.
 */
export async function loadChanges(
  db: Db,
  ownerId: string,
  since: Date,
  now: Date,
): Promise<{ total: number; items: HomeChange[] }> {
  const sinceDay = since.toISOString().slice(0, 10);
  const today = now.toISOString().slice(0, 10);
  const result = await db.execute<ChangeRow>(sql`
    WITH mine AS MATERIALIZED (SELECT id, name FROM accounts WHERE owner_id = ${ownerId}),
    changes AS (
      SELECT 'band' AS kind, h.computed_at AS at, m.id AS account_id, m.name AS account_name,
             NULL::text AS subject, NULL::text AS detail, NULL::text AS note,
             p.display_score::float8 AS score_from, h.display_score::float8 AS score_to, p.band AS band_from, h.band AS band_to
      FROM mine m
      JOIN account_health h ON h.account_id = m.id AND h.computed_at >= ${since} AND h.status = 'scored'
      JOIN LATERAL (
        SELECT s.band, s.display_score FROM health_snapshots s
        WHERE s.account_id = m.id AND s.computed_at < ${since}
        ORDER BY s.computed_at DESC, s.id DESC LIMIT 1
      ) p ON p.band IS NOT NULL AND p.band <> h.band
      UNION ALL
      SELECT CASE WHEN t.escalated THEN 'escalation' ELSE 'ticket' END, t.opened_at, m.id, m.name,
             t.subject, CASE WHEN t.priority IN ('high', 'urgent') THEN t.priority END, NULL, NULL, NULL, NULL, NULL
      FROM mine m JOIN tickets t ON t.account_id = m.id AND t.opened_at >= ${since} AND t.opened_at <= ${now}
      UNION ALL
      SELECT 'churn', c.churned_on::timestamp AT TIME ZONE 'UTC', m.id, m.name, NULL, c.reason_code, NULL, NULL, NULL, NULL, NULL
      FROM mine m JOIN churn_events c ON c.account_id = m.id AND c.churned_on BETWEEN ${sinceDay}::date AND ${today}::date
      UNION ALL
      SELECT 'detractor', r.responded_at, m.id, m.name,
             nullif(trim(coalesce(k.first_name, '') || ' ' || coalesce(k.last_name, '')), ''), r.score::text, r.comment, NULL, NULL, NULL, NULL
      FROM mine m
      JOIN survey_responses r ON r.account_id = m.id AND r.responded_at >= ${since} AND r.responded_at <= ${now}
        AND r.survey_kind = 'nps' AND r.score <= 6
      LEFT JOIN contacts k ON k.id = r.contact_id
    )
    SELECT *, count(*) OVER ()::text AS total FROM changes
    ORDER BY at DESC, kind, account_name
    LIMIT ${CHANGES_LISTED}`);
  const rows = result.rows.map((row) => ({ ...row, at: new Date(row.at) }));
  return {
    total: rows.length === 0 ? 0 : Number(rows[0]!.total),
    items: rows.map((row) => ({
      kind: row.kind,
      at: row.at.toISOString(),
      accountId: row.account_id,
      accountName: row.account_name,
      title: titleOf(row),
      direction: row.kind !== 'band' ? null : (row.score_to ?? 0) >= (row.score_from ?? 0) ? 'up' : 'down',
    })),
  };
}
