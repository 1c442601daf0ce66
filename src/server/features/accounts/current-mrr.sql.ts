import { type SQL, sql } from 'drizzle-orm';
import { currenciesWithoutTwoDecimals, currencyDecimals } from '../../../domain/imports/currency-codes';

/** The workspace reporting currency until settings for it exist (issue #3 adds them). */
export const REPORTING_CURRENCY = 'USD';

/** Minor-unit decimals of a currency code in SQL (2 unless listed). */
const decimalsOf = (currency: SQL) => {
  const arms = currenciesWithoutTwoDecimals().map(
    ([code, decimals]) => sql`WHEN ${code} THEN ${decimals}::int`,
  );
  return sql`(CASE ${currency} ${sql.join(arms, sql` `)} ELSE 2 END)`;
};

/**
 * SQL for each account's MRR today, in minor units of the reporting currency: the sum of its
 * subscriptions active today (start ≤ today < end), each normalised to one month (quarterly ÷ 3,
 * annual ÷ 12) and converted at the latest exchange rate in force — minor units of one currency
 * scaled to the other's decimals (1 JPY is 1 minor unit, 1 USD is 100) — rounded once per account.
 * A subscription in a currency without a rate is left out of the sum.
 * Columns: account_id, mrr_minor.
 */
export function currentMrrByAccount(accountFilter?: SQL): SQL {
  const reportingDecimals = currencyDecimals(REPORTING_CURRENCY) ?? 2;
  return sql`
    SELECT s.account_id,
           round(sum(
             s.amount_minor::numeric
             * CASE WHEN s.currency = ${REPORTING_CURRENCY} THEN 1
                    ELSE r.rate_to_reporting * power(10::numeric, ${reportingDecimals}::int - ${decimalsOf(sql`s.currency`)}) END
             / CASE s.billing_interval WHEN 'month' THEN 1 WHEN 'quarter' THEN 3 ELSE 12 END
           ))::bigint AS mrr_minor
    FROM subscriptions s
    -- The rate in force today of each currency: a handful of rows, hash-joined (one lookup per
    -- subscription was most of the time of computing every account's MRR).
    LEFT JOIN (
      SELECT DISTINCT ON (er.currency) er.currency, er.rate_to_reporting FROM exchange_rates er
      WHERE er.valid_from <= current_date
      ORDER BY er.currency, er.valid_from DESC
    ) r ON r.currency = s.currency
    WHERE s.start_date <= current_date
      AND (s.end_date IS NULL OR s.end_date > current_date)
      ${accountFilter ? sql`AND ${accountFilter}` : sql``}
    GROUP BY s.account_id`;
}
