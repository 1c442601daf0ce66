import { sql } from 'drizzle-orm';
import { addMonths, type MonthRange } from '../../../domain/revenue';
import type { Executor } from '../revenue/mrr-facts.repository';
import { monthStart } from './metrics-range';

/** One account and currency whose subscriptions had no exchange rate in some months of a range. */
export type MissingRateRow = {
  accountId: string;
  accountName: string;
  currency: string;
  months: string[];
  /** How many such (account, currency) pairs the whole range has. */
  total: number;
};

/** How many account-months of `months` left revenue out for want of an exchange rate (from the totals). */
export async function countMissingRateRows(db: Executor, months: MonthRange): Promise<number> {
  const result = await db.execute<{ rows: number }>(sql`
    SELECT coalesce(sum(missing_rate_rows), 0)::int AS rows FROM mrr_monthly_totals
    WHERE month BETWEEN ${monthStart(months.from)}::date AND ${monthStart(months.to)}::date`);
  return result.rows[0]?.rows ?? 0;
}

/**
 * The accounts and currencies left out of MRR for want of an exchange rate in `months`
 * (account_mrr_monthly.missing_rate_currencies), by account name; at most `limit` rows.
 */
export async function loadMissingRates(db: Executor, months: MonthRange, limit: number): Promise<MissingRateRow[]> {
  const result = await db.execute<MissingRateRow>(sql`
    SELECT f.account_id AS "accountId", a.name AS "accountName", c.currency,
           array_agg(to_char(f.month, 'YYYY-MM') ORDER BY f.month) AS months,
           (count(*) OVER ())::int AS total
    FROM account_mrr_monthly f
    CROSS JOIN LATERAL unnest(f.missing_rate_currencies) AS c(currency)
    JOIN accounts a ON a.id = f.account_id
    WHERE f.month BETWEEN ${monthStart(months.from)}::date AND ${monthStart(months.to)}::date
      AND cardinality(f.missing_rate_currencies) > 0
    GROUP BY f.account_id, a.name, c.currency
    ORDER BY a.name, f.account_id, c.currency
    LIMIT ${limit}`);
  return result.rows;
}

/** Two subscriptions of one account for the same product and plan whose date ranges overlap. */
export interface OverlapRow {
  accountId: string;
  accountName: string;
  product: string;
  plan: string | null;
  first: SubscriptionRef;
  second: SubscriptionRef;
  /** First day both run, 'YYYY-MM-DD'. */
  overlapFrom: string;
  /** Exclusive end of the overlap, 'YYYY-MM-DD'; null while both run on. */
  overlapTo: string | null;
  total: number;
}

export interface SubscriptionRef {
  source: string;
  externalId: string | null;
  startDate: string;
  endDate: string | null;
}

/**
 * Pairs of subscriptions of the same account, product and plan whose [start, end) ranges overlap
 * during `months` (opening of the first to the end of the last) — likely one row imported twice
 * under another source or external id. By account name; at most `limit` rows.
 */
export async function loadOverlappingSubscriptions(db: Executor, months: MonthRange, limit: number): Promise<OverlapRow[]> {
  const rangeStart = monthStart(months.from);
  const rangeEnd = monthStart(addMonths(months.to, 1));
  const result = await db.execute<{
    account_id: string;
    account_name: string;
    product: string;
    plan: string | null;
    first: SubscriptionRef;
    second: SubscriptionRef;
    overlap_from: string;
    overlap_to: string | null;
    total: number;
  }>(sql`
    SELECT a.id AS account_id, a.name AS account_name, s1.product, s1.plan,
           json_build_object('source', s1.source, 'externalId', s1.external_id, 'startDate', s1.start_date, 'endDate', s1.end_date) AS first,
           json_build_object('source', s2.source, 'externalId', s2.external_id, 'startDate', s2.start_date, 'endDate', s2.end_date) AS second,
           greatest(s1.start_date, s2.start_date) AS overlap_from,
           nullif(least(coalesce(s1.end_date, 'infinity'::date), coalesce(s2.end_date, 'infinity'::date)), 'infinity'::date) AS overlap_to,
           (count(*) OVER ())::int AS total
    FROM subscriptions s1
    JOIN subscriptions s2 ON s2.account_id = s1.account_id AND s2.product = s1.product
                         AND s2.plan IS NOT DISTINCT FROM s1.plan
                         AND (s1.start_date, s1.id) < (s2.start_date, s2.id)
    JOIN accounts a ON a.id = s1.account_id
    WHERE s1.start_date < coalesce(s2.end_date, 'infinity'::date)
      AND s2.start_date < coalesce(s1.end_date, 'infinity'::date)
      AND greatest(s1.start_date, s2.start_date) < ${rangeEnd}::date
      AND least(coalesce(s1.end_date, 'infinity'::date), coalesce(s2.end_date, 'infinity'::date)) > ${rangeStart}::date
    ORDER BY a.name, a.id, greatest(s1.start_date, s2.start_date), s1.start_date, s1.id, s2.id
    LIMIT ${limit}`);
  return result.rows.map((row) => ({
    accountId: row.account_id,
    accountName: row.account_name,
    product: row.product,
    plan: row.plan,
    first: row.first,
    second: row.second,
    overlapFrom: row.overlap_from,
    overlapTo: row.overlap_to,
    total: row.total,
  }));
}
