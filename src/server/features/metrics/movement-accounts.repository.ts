import { sql } from 'drizzle-orm';
import type { MrrMovementKind } from '../../../domain/revenue';
import type { MonthRange } from '../../../domain/revenue';
import type { Executor } from '../revenue/mrr-facts.repository';
import { accountGroupsQuery, subscriptionCurrencies } from './account-groups.repository';
import { monthStart } from './metrics-range';

/** Which account movements to list. `group` null is the group of accounts without a value. */
export interface MovementFilter {
  period: MonthRange;
  movement?: MrrMovementKind;
  breakdown?: { by: string; group: string | null };
}

export type MovementAccountRow = {
  accountId: string;
  accountName: string;
  ownerName: string | null;
  month: string;
  movement: MrrMovementKind;
  previousMrrMinor: number;
  mrrMinor: number;
  changeMinor: number;
};

/**
 * One page of the account-months with a movement matching `filter` (from account_mrr_monthly),
 * largest |change| first, then month, account name and id; with the number of all matches.
 */
export async function findMovementAccounts(
  db: Executor,
  filter: MovementFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: MovementAccountRow[]; total: number }> {
  const { period, movement, breakdown } = filter;
  const groups = breakdown
    ? sql`JOIN (${accountGroupsQuery(breakdown.by, period.to, breakdown.by === 'plan' ? await subscriptionCurrencies(db) : [])}) g
            ON g.account_id = f.account_id AND g.key IS NOT DISTINCT FROM ${breakdown.group}::text`
    : sql``;
  const where = sql`
    f.month BETWEEN ${monthStart(period.from)}::date AND ${monthStart(period.to)}::date
    AND f.movement <> 'none' ${movement ? sql`AND f.movement = ${movement}` : sql``}`;
  const counted = await db.execute<{ total: number }>(sql`
    SELECT count(*)::int AS total FROM account_mrr_monthly f ${groups} WHERE ${where}`);
  const result = await db.execute<MovementAccountRow>(sql`
    SELECT f.account_id AS "accountId", a.name AS "accountName", u.name AS "ownerName",
           to_char(f.month, 'YYYY-MM') AS "month", f.movement AS "movement",
           f.previous_mrr_minor AS "previousMrrMinor", f.mrr_minor AS "mrrMinor",
           (f.mrr_minor - f.previous_mrr_minor) AS "changeMinor"
    FROM account_mrr_monthly f
    JOIN accounts a ON a.id = f.account_id
    LEFT JOIN users u ON u.id = a.owner_id
    ${groups}
    WHERE ${where}
    ORDER BY abs(f.mrr_minor - f.previous_mrr_minor) DESC, f.month, a.name, f.account_id
    LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`);
  return { rows: result.rows, total: counted.rows[0]?.total ?? 0 };
}
