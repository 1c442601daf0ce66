import { type SQL, sql } from 'drizzle-orm';
import type { AccountSupport } from '../../../shared/api/account-tabs.contract';
import type { Db } from '../../db/database';
import { requireAccount } from '../accounts/account.service';

type Kpis = AccountSupport['kpis'];

type TicketRow = Omit<AccountSupport['tickets'][number], 'hoursToResolve'> & {
  hoursToResolve: string | null;
};

const isOpen = sql`t.status NOT IN ('solved', 'closed')`;

/** A timestamptz as ISO 8601 in UTC, e.g. 2026-03-05T14:30:00.000Z (null stays null). */
const iso = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * An account's support KPIs, all computed in SQL over its tickets (windows end now): open, opened in
 * the last 30 and 90 days, escalated among those of 90 days, and over tickets resolved in the last 90
 * days the median hours to resolve and the mean CSAT; then one page of tickets, open ones first.
 */
export async function getAccountSupport(
  db: Db,
  accountId: string,
  page: number,
  pageSize: number,
): Promise<AccountSupport> {
  await requireAccount(db, accountId);
  const resolvedRecently = sql`t.resolved_at IS NOT NULL AND t.resolved_at >= now() - interval '90 days'`;
  const [kpiResult, ticketResult] = await Promise.all([
    db.execute<
      Omit<Kpis, 'medianHoursToResolve' | 'csatAverage'> & {
        medianHoursToResolve: number | null;
        csatAverage: string | null;
        total: number;
      }
    >(sql`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE ${isOpen})::int AS "open",
             count(*) FILTER (WHERE t.opened_at >= now() - interval '30 days')::int AS "openedLast30Days",
             count(*) FILTER (WHERE t.opened_at >= now() - interval '90 days')::int AS "openedLast90Days",
             count(*) FILTER (WHERE t.escalated AND t.opened_at >= now() - interval '90 days')::int AS "escalatedLast90Days",
             count(*) FILTER (WHERE ${resolvedRecently})::int AS "resolvedLast90Days",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.resolved_at - t.opened_at)::float8 / 3600)
               FILTER (WHERE ${resolvedRecently}) AS "medianHoursToResolve",
             avg(t.csat_score) FILTER (WHERE ${resolvedRecently} AND t.csat_score IS NOT NULL)::text AS "csatAverage",
             count(t.csat_score) FILTER (WHERE ${resolvedRecently})::int AS "csatResponses"
      FROM tickets t WHERE t.account_id = ${accountId}`),
    db.execute<TicketRow>(sql`
      SELECT t.id, t.subject, t.status, t.priority, t.escalated, (${isOpen}) AS "isOpen", t.requester_email AS "requesterEmail",
             t.channel, ${iso(sql`t.opened_at`)} AS "openedAt", ${iso(sql`t.first_response_at`)} AS "firstResponseAt",
             ${iso(sql`t.resolved_at`)} AS "resolvedAt",
             (extract(epoch FROM t.resolved_at - t.opened_at) / 3600)::text AS "hoursToResolve", t.csat_score AS "csatScore"
      FROM tickets t WHERE t.account_id = ${accountId}
      ORDER BY (${isOpen}) DESC, t.opened_at DESC, t.id
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`),
  ]);
  const { total, csatAverage, ...kpis } = kpiResult.rows[0]!;
  return {
    kpis: { ...kpis, csatAverage: csatAverage === null ? null : Number(csatAverage) },
    tickets: ticketResult.rows.map((row) => ({
      ...row,
      hoursToResolve: row.hoursToResolve === null ? null : Number(row.hoursToResolve),
    })),
    total,
    page,
    pageSize,
  };
}
