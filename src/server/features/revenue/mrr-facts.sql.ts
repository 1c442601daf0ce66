import { type SQL, sql } from 'drizzle-orm';

/**
 * SQL computing account_mrr_monthly rows for the accounts matched by `accountFilter` (on
 * subscriptions `s`), through `throughMonth`. Same rules as src/domain/revenue/monthly-mrr.ts:
 * a subscription counts in month m when active on m's last day (start month … month before the
 * end date's month); amounts are normalised to a month, converted at the rate in force on the first
 * day of the month (decimals of each currency respected), summed per account-month in exact
 * numeric, then rounded once, half away from zero. Currencies without a rate are left out and named.
 * `decimals` lists (currency, minor-unit decimals) for every currency involved.
 */
export function accountMrrFactsQuery(options: {
  accountFilter: SQL;
  throughMonth: string;
  reportingCurrency: string;
  reportingDecimals: number;
  decimals: { currencies: string[]; decimals: number[] };
}): SQL {
  const { accountFilter, throughMonth, reportingCurrency, reportingDecimals, decimals } = options;
  return sql`
    WITH subs AS (
      SELECT s.account_id, s.amount_minor, s.currency,
             CASE s.billing_interval WHEN 'month' THEN 12 WHEN 'quarter' THEN 4 ELSE 1 END AS twelfths_per_price,
             date_trunc('month', s.start_date)::date AS first_month,
             CASE WHEN s.end_date IS NULL THEN NULL
                  ELSE (date_trunc('month', s.end_date) - interval '1 month')::date END AS last_month
      FROM subscriptions s
      WHERE ${accountFilter}
    ),
    currency_decimals AS (
      SELECT * FROM unnest(${sql.param(decimals.currencies)}::text[], ${sql.param(decimals.decimals)}::int[]) AS d(currency, decimals)
    ),
    months AS (
      SELECT account_id, generate_series(min(first_month), ${throughMonth}::date, interval '1 month')::date AS month
      FROM subs GROUP BY account_id
    ),
    lines AS (
      SELECT m.account_id, m.month, s.currency, s.amount_minor::numeric * s.twelfths_per_price AS twelfths
      FROM months m
      JOIN subs s ON s.account_id = m.account_id
                 AND s.first_month <= m.month
                 AND (s.last_month IS NULL OR s.last_month >= m.month)
    ),
    converted AS (
      SELECT l.account_id, l.month, l.currency,
             CASE WHEN l.currency = ${reportingCurrency} THEN l.twelfths
                  ELSE l.twelfths * r.rate_to_reporting * power(10::numeric, ${reportingDecimals}::int - coalesce(d.decimals, 2)) END AS value
      FROM lines l
      LEFT JOIN currency_decimals d ON d.currency = l.currency
      LEFT JOIN LATERAL (
        SELECT er.rate_to_reporting FROM exchange_rates er
        WHERE er.currency = l.currency AND er.valid_from <= l.month
        ORDER BY er.valid_from DESC LIMIT 1
      ) r ON l.currency <> ${reportingCurrency}
    ),
    per_month AS (
      SELECT m.account_id, m.month,
             coalesce(round(sum(c.value) / 12), 0)::bigint AS mrr_minor,
             coalesce(array_agg(DISTINCT c.currency::text) FILTER (WHERE c.currency IS NOT NULL AND c.value IS NULL), '{}') AS missing
      FROM months m
      LEFT JOIN converted c ON c.account_id = m.account_id AND c.month = m.month
      GROUP BY m.account_id, m.month
    ),
    with_history AS (
      SELECT account_id, month, mrr_minor, missing,
             lag(mrr_minor, 1, 0::bigint) OVER w AS previous_mrr_minor,
             coalesce(bool_or(mrr_minor > 0) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), false) AS paid_before,
             lag(mrr_minor, 12, 0::bigint) OVER w AS base12_minor
      FROM per_month
      WINDOW w AS (PARTITION BY account_id ORDER BY month)
    )
    SELECT account_id, month, mrr_minor, previous_mrr_minor, paid_before, base12_minor, missing AS missing_rate_currencies,
           CASE
             WHEN previous_mrr_minor = 0 AND mrr_minor > 0 AND NOT paid_before THEN 'new'
             WHEN previous_mrr_minor = 0 AND mrr_minor > 0 THEN 'reactivation'
             WHEN previous_mrr_minor > 0 AND mrr_minor = 0 THEN 'churn'
             WHEN mrr_minor > previous_mrr_minor THEN 'expansion'
             WHEN mrr_minor < previous_mrr_minor THEN 'contraction'
             ELSE 'none'
           END AS movement
    FROM with_history`;
}

/** Per-month sums of account_mrr_monthly rows in `source` (a table or CTE name with its columns). */
export function monthlyTotalsOf(source: SQL): SQL {
  return sql`
    SELECT month,
           sum(mrr_minor)::bigint AS mrr_minor,
           count(*) FILTER (WHERE mrr_minor > 0)::int AS customers,
           coalesce(sum(mrr_minor) FILTER (WHERE movement = 'new'), 0)::bigint AS new_minor,
           coalesce(sum(mrr_minor - previous_mrr_minor) FILTER (WHERE movement = 'expansion'), 0)::bigint AS expansion_minor,
           coalesce(sum(previous_mrr_minor - mrr_minor) FILTER (WHERE movement = 'contraction'), 0)::bigint AS contraction_minor,
           coalesce(sum(previous_mrr_minor) FILTER (WHERE movement = 'churn'), 0)::bigint AS churn_minor,
           coalesce(sum(mrr_minor) FILTER (WHERE movement = 'reactivation'), 0)::bigint AS reactivation_minor,
           count(*) FILTER (WHERE movement = 'new')::int AS new_logos,
           count(*) FILTER (WHERE movement = 'churn')::int AS churned_logos,
           count(*) FILTER (WHERE movement = 'reactivation')::int AS reactivated_logos,
           coalesce(sum(base12_minor), 0)::bigint AS base12_minor,
           coalesce(sum(mrr_minor) FILTER (WHERE base12_minor > 0), 0)::bigint AS retained12_minor,
           coalesce(sum(least(mrr_minor, base12_minor)) FILTER (WHERE base12_minor > 0), 0)::bigint AS retained_capped12_minor,
           count(*) FILTER (WHERE cardinality(missing_rate_currencies) > 0)::int AS missing_rate_rows
    FROM ${source}
    GROUP BY month`;
}

export const totalsColumns = [
  'mrr_minor',
  'customers',
  'new_minor',
  'expansion_minor',
  'contraction_minor',
  'churn_minor',
  'reactivation_minor',
  'new_logos',
  'churned_logos',
  'reactivated_logos',
  'base12_minor',
  'retained12_minor',
  'retained_capped12_minor',
  'missing_rate_rows',
] as const;
