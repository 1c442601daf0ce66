import { type SQL, sql } from 'drizzle-orm';
import type { TouchModel } from '../../../shared/api/enums';
import type { CadenceKind } from '../../../shared/api/tiers.contract';
import type { Queryable } from './segment-fields';

/**
 * Engagement cadences: an account is overdue for an EBR (or a check-in) when its last EBR/QBR (or
 * call/meeting) is more than its tier's cadence days before today, or — with none at all — when it
 * has been a customer for more than the cadence. Customer since: its first subscription's start,
 * else the day it was created. Churned accounts and prospects are left out; activities dated after
 * today do not count. Days are UTC calendar days.
 */

/** The served-account columns of each kind: its cadence and its last touch. */
const columnsOf = (kind: CadenceKind, alias: string) =>
  kind === 'ebr'
    ? { cadence: sql.raw(`${alias}.ebr_every_days`), last: sql.raw(`${alias}.last_ebr`) }
    : { cadence: sql.raw(`${alias}.check_in_every_days`), last: sql.raw(`${alias}.last_check_in`) };

/** Each served account of a tier with its customer-since day and its last EBR and check-in days. */
function servedAccounts(today: string): SQL {
  return sql`
    SELECT a.id, a.name, a.owner_id, t.id AS tier_id, t.name AS tier_name,
           t.ebr_every_days, t.check_in_every_days,
           coalesce(s.first_start, (a.created_at AT TIME ZONE 'UTC')::date) AS customer_since,
           l.last_ebr, l.last_check_in
    FROM tiers t
    JOIN accounts a ON a.tier = t.name AND a.status NOT IN ('churned', 'prospect')
    LEFT JOIN (SELECT account_id, min(start_date) AS first_start FROM subscriptions GROUP BY account_id) s ON s.account_id = a.id
    LEFT JOIN (
      SELECT account_id,
             max((occurred_at AT TIME ZONE 'UTC')::date) FILTER (WHERE kind IN ('ebr', 'qbr')) AS last_ebr,
             max((occurred_at AT TIME ZONE 'UTC')::date) FILTER (WHERE kind IN ('call', 'meeting')) AS last_check_in
      FROM activities
      WHERE kind IN ('ebr', 'qbr', 'call', 'meeting') AND (occurred_at AT TIME ZONE 'UTC')::date <= ${today}::date
      GROUP BY account_id
    ) l ON l.account_id = a.id`;
}

/** Days past the cadence (positive when overdue) of a served account, for one kind. */
function daysOverdue(kind: CadenceKind, today: string): SQL {
  const { cadence, last } = columnsOf(kind, 'x');
  return sql`((${today}::date - coalesce(${last}, x.customer_since)) - ${cadence})`;
}

export type TierCadenceRow = {
  tier_id: string;
  tier: string;
  touch_model: TouchModel;
  ebr_every_days: number | null;
  check_in_every_days: number | null;
  accounts: number;
  overdue_ebr: number;
  overdue_check_in: number;
};

/** Per tier, in order: served accounts and how many are overdue for an EBR and for a check-in. */
export async function tierCadenceRows(db: Queryable, today: string): Promise<TierCadenceRow[]> {
  const result = await db.execute<TierCadenceRow>(sql`
    WITH x AS (${servedAccounts(today)})
    SELECT t.id AS tier_id, t.name AS tier, t.touch_model, t.ebr_every_days, t.check_in_every_days,
           count(x.id)::int AS accounts,
           (count(x.id) FILTER (WHERE x.ebr_every_days IS NOT NULL AND ${daysOverdue('ebr', today)} > 0))::int AS overdue_ebr,
           (count(x.id) FILTER (WHERE x.check_in_every_days IS NOT NULL AND ${daysOverdue('check_in', today)} > 0))::int AS overdue_check_in
    FROM tiers t LEFT JOIN x ON x.tier_id = t.id
    GROUP BY t.id ORDER BY t.position, t.id`);
  return result.rows;
}

export type OverdueRow = {
  id: string;
  name: string;
  tier: string;
  owner_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  cadence_days: number;
  last_touch_on: string | null;
  customer_since: string;
  days_overdue: number;
};

/** One page of accounts overdue on a cadence (of one tier, or every tier), the longest overdue first. */
export async function overdueRows(
  db: Queryable,
  options: { kind: CadenceKind; tierId?: string; today: string; page: number; pageSize: number },
): Promise<{ rows: OverdueRow[]; total: number }> {
  const { kind, today } = options;
  const { cadence } = columnsOf(kind, 'x');
  const selected = columnsOf(kind, 'o');
  const tierFilter = options.tierId ? sql`AND x.tier_id = ${options.tierId}::uuid` : sql``;
  const overdue = sql`
    SELECT x.*, ${daysOverdue(kind, today)} AS days_overdue FROM (${servedAccounts(today)}) x
    WHERE ${cadence} IS NOT NULL ${tierFilter} AND ${daysOverdue(kind, today)} > 0`;
  const [page, total] = await Promise.all([
    db.execute<OverdueRow>(sql`
      SELECT o.id, o.name, o.tier_name AS tier, u.id AS owner_id, u.name AS owner_name, u.email AS owner_email,
             ${selected.cadence} AS cadence_days, to_char(${selected.last}, 'YYYY-MM-DD') AS last_touch_on,
             to_char(o.customer_since, 'YYYY-MM-DD') AS customer_since, o.days_overdue
      FROM (${overdue}) o LEFT JOIN users u ON u.id = o.owner_id
      ORDER BY o.days_overdue DESC, lower(o.name), o.id
      LIMIT ${options.pageSize} OFFSET ${(options.page - 1) * options.pageSize}`),
    db.execute<{ total: number }>(sql`SELECT count(*)::int AS total FROM (${overdue}) o`),
  ]);
  return { rows: page.rows, total: total.rows[0]?.total ?? 0 };
}
