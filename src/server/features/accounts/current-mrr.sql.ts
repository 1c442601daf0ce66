import { type SQL, sql } from 'drizzle-orm';

/** The workspace reporting currency until settings for it exist (issue #3 adds them). */
export const REPORTING_CURRENCY = 'USD';

/**
 * SQL for each account's MRR today, in minor units of the reporting currency: the sum of its
 * subscriptions active today (start ≤ today < end), each normalised to one month (quarterly ÷ 3,
 * annual ÷ 12) and converted at the latest exchange rate in force, rounded once per account.
 * A subscription in a currency without a rate is left out of the sum.
 * Columns: account_id, mrr_minor.
 */
export function currentMrrByAccount(accountFilter?: SQL): SQL {
  return sql`
    SELECT s.account_id,
           round(sum(
             s.amount_minor::numeric
             * CASE WHEN s.currency = ${REPORTING_CURRENCY} THEN 1 ELSE r.rate_to_reporting END
             / CASE s.billing_interval WHEN 'month' THEN 1 WHEN 'quarter' THEN 3 ELSE 12 END
           ))::bigint AS mrr_minor
    FROM subscriptions s
    LEFT JOIN LATERAL (
      SELECT rate_to_reporting FROM exchange_rates er
      WHERE er.currency = s.currency AND er.valid_from <= current_date
      ORDER BY er.valid_from DESC LIMIT 1
    ) r ON true
    WHERE s.start_date <= current_date
      AND (s.end_date IS NULL OR s.end_date > current_date)
      ${accountFilter ? sql`AND ${accountFilter}` : sql``}
    GROUP BY s.account_id`;
}
