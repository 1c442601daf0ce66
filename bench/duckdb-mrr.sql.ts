/**
 * The DuckDB baseline of bench/metrics.bench.ts: per-account month-end MRR and movements, and the
 * monthly roll-up, recomputed from scratch from `subscriptions`, `exchange_rates` and
 * `currency_scales` tables in DuckDB. Written from the rules of docs/metrics.md, not from
 * src/server/features/revenue/mrr-facts.sql.ts, so the row-for-row comparison checks one against
 * the other:
 * - a subscription counts in month m when it is active on m's last day (start ≤ last day < end);
 * - its price is normalised to twelfths of a month (month ×12, quarter ×4, year ×1) and converted
 *   with the rate whose valid_from is the latest ≤ the month's first day (ASOF join over a small
 *   currency × month table); a month of a currency without such a rate leaves that money out and
 *   names the currency (`missing`);
 * - money is summed per account-month as an exact integer in 10⁻¹² minor units of the reporting
 *   currency (rates have 10 decimals, decimals of each currency applied through `currency_scales`),
 *   then divided by 12 and rounded once, half away from zero, in integer arithmetic;
 * - rows run from the month of the account's first subscription start through `throughMonth`;
 * - movements from the previous month's MRR; "paid before" = an earlier month had MRR > 0.
 */

/** Integer 10⁻¹² fractions of a minor unit of the reporting currency per twelfth-of-a-month unit. */
export const PICO_DIGITS = 12;
const PICO = 10n ** BigInt(PICO_DIGITS);
/** Exchange rates are numeric(20, 10): rate × 10¹⁰ is an integer. */
export const RATE_DIGITS = 10;
const RATE_SCALE = 10n ** BigInt(RATE_DIGITS);

export const duckTablesDdl = `
  CREATE OR REPLACE TABLE subscriptions (
    account_id UUID NOT NULL,
    amount_minor BIGINT NOT NULL,
    currency VARCHAR NOT NULL,
    billing_interval VARCHAR NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE
  );
  CREATE OR REPLACE TABLE exchange_rates (currency VARCHAR NOT NULL, valid_from DATE NOT NULL, rate_to_reporting DECIMAL(20, 10) NOT NULL);
  -- factor: 10^(reporting decimals − currency decimals) × 10¹² ÷ 10¹⁰ (rate scale), an integer.
  CREATE OR REPLACE TABLE currency_scales (currency VARCHAR NOT NULL, factor HUGEINT NOT NULL);`;

/** Recomputes duck_facts (one row per account-month) and duck_totals (one row per month). */
export function duckRecomputeSql(options: { throughMonth: string; reportingCurrency: string }): string {
  // Months are integers (year × 12 + month − 1) and accounts dense integers while computing.
  const through =
    Number(options.throughMonth.slice(0, 4)) * 12 + Number(options.throughMonth.slice(5, 7)) - 1;
  const reporting = `'${options.reportingCurrency}'`;
  return `
  CREATE OR REPLACE TABLE duck_facts AS
  WITH acct AS (
    SELECT account_id, (row_number() OVER ())::INTEGER AS k FROM (SELECT DISTINCT account_id FROM subscriptions)
  ),
  sub AS (
    -- Active on the last day of m ⟺ start ≤ last day of m < end ⟺ month(start) ≤ m ≤ month(end) − 1:
    -- the last day of the start month is never before the start, that of the end month never before the end.
    SELECT a.k, s.currency,
           s.amount_minor * CASE s.billing_interval WHEN 'month' THEN 12 WHEN 'quarter' THEN 4 WHEN 'year' THEN 1 END AS twelfths,
           (year(s.start_date) * 12 + month(s.start_date) - 1)::INTEGER AS first_idx,
           (CASE WHEN s.end_date IS NULL THEN ${through}
                 ELSE least(year(s.end_date) * 12 + month(s.end_date) - 2, ${through}) END)::INTEGER AS last_idx
    FROM subscriptions s JOIN acct a USING (account_id)
  ),
  fx_month AS (
    SELECT currency, unnest(range(min(first_idx), ${through} + 1))::INTEGER AS idx
    FROM sub WHERE currency <> ${reporting} GROUP BY currency
  ),
  month_rate AS (
    -- the rate whose valid_from is the latest ≤ the month's first day; NULL when there is none
    SELECT f.currency, f.idx, CAST(r.rate_to_reporting * ${RATE_SCALE} AS HUGEINT) * cs.factor AS pico_per_twelfth
    FROM fx_month f
    ASOF LEFT JOIN exchange_rates r ON r.currency = f.currency AND make_date(f.idx // 12, f.idx % 12 + 1, 1) >= r.valid_from
    LEFT JOIN currency_scales cs ON cs.currency = f.currency
  ),
  line AS (
    SELECT k, currency, twelfths, unnest(range(first_idx, last_idx + 1))::INTEGER AS idx FROM sub
  ),
  sums AS (
    SELECT l.k, l.idx,
           sum(l.twelfths) FILTER (WHERE l.currency = ${reporting}) AS reporting_twelfths,
           sum(l.twelfths * r.pico_per_twelfth) AS fx_pico_twelfths
    FROM line l LEFT JOIN month_rate r ON r.currency = l.currency AND r.idx = l.idx
    GROUP BY l.k, l.idx
  ),
  missing AS (
    SELECT s.k, r.idx, string_agg(DISTINCT s.currency, ',' ORDER BY s.currency) AS missing
    FROM sub s
    JOIN month_rate r ON r.currency = s.currency AND r.pico_per_twelfth IS NULL AND r.idx BETWEEN s.first_idx AND s.last_idx
    GROUP BY s.k, r.idx
  ),
  grid AS (
    SELECT k, unnest(range(min(first_idx), ${through} + 1))::INTEGER AS idx FROM sub GROUP BY k
  ),
  mrr AS (
    -- Σ ÷ 12 rounded once, half away from zero (Σ ≥ 0), in exact integers
    SELECT g.k, g.idx,
           CASE WHEN s.fx_pico_twelfths IS NULL THEN (coalesce(s.reporting_twelfths, 0) + 6) // 12
                ELSE CAST((coalesce(s.reporting_twelfths, 0)::HUGEINT * ${PICO} + s.fx_pico_twelfths + ${6n * PICO}) // ${12n * PICO} AS BIGINT)
           END AS mrr_minor,
           coalesce(m.missing, '') AS missing
    FROM grid g
    LEFT JOIN sums s ON s.k = g.k AND s.idx = g.idx
    LEFT JOIN missing m ON m.k = g.k AND m.idx = g.idx
  ),
  history AS (
    SELECT *,
           lag(mrr_minor, 1, 0) OVER w AS previous_mrr_minor,
           lag(mrr_minor, 12, 0) OVER w AS base12_minor,
           min(idx) FILTER (WHERE mrr_minor > 0) OVER (PARTITION BY k) AS first_paid_idx
    FROM mrr
    WINDOW w AS (PARTITION BY k ORDER BY idx)
  )
  SELECT a.account_id, make_date(h.idx // 12, h.idx % 12 + 1, 1) AS month, h.mrr_minor, h.previous_mrr_minor, h.base12_minor,
         coalesce(h.first_paid_idx < h.idx, false) AS paid_before, h.missing,
         CASE
           WHEN h.mrr_minor = h.previous_mrr_minor THEN 'none'
           WHEN h.previous_mrr_minor = 0 THEN CASE WHEN h.first_paid_idx < h.idx THEN 'reactivation' ELSE 'new' END
           WHEN h.mrr_minor = 0 THEN 'churn'
           WHEN h.mrr_minor > h.previous_mrr_minor THEN 'expansion'
           ELSE 'contraction'
         END AS movement
  FROM history h JOIN acct a ON a.k = h.k;

  CREATE OR REPLACE TABLE duck_totals AS
  SELECT month,
         sum(mrr_minor)::BIGINT AS mrr_minor,
         count(*) FILTER (WHERE mrr_minor > 0) AS customers,
         coalesce(sum(mrr_minor) FILTER (WHERE movement = 'new'), 0)::BIGINT AS new_minor,
         coalesce(sum(mrr_minor - previous_mrr_minor) FILTER (WHERE movement = 'expansion'), 0)::BIGINT AS expansion_minor,
         coalesce(sum(previous_mrr_minor - mrr_minor) FILTER (WHERE movement = 'contraction'), 0)::BIGINT AS contraction_minor,
         coalesce(sum(previous_mrr_minor) FILTER (WHERE movement = 'churn'), 0)::BIGINT AS churn_minor,
         coalesce(sum(mrr_minor) FILTER (WHERE movement = 'reactivation'), 0)::BIGINT AS reactivation_minor,
         count(*) FILTER (WHERE movement = 'new') AS new_logos,
         count(*) FILTER (WHERE movement = 'churn') AS churned_logos,
         count(*) FILTER (WHERE movement = 'reactivation') AS reactivated_logos,
         sum(base12_minor)::BIGINT AS base12_minor,
         coalesce(sum(mrr_minor) FILTER (WHERE base12_minor > 0), 0)::BIGINT AS retained12_minor,
         coalesce(sum(least(mrr_minor, base12_minor)) FILTER (WHERE base12_minor > 0), 0)::BIGINT AS retained_capped12_minor,
         count(*) FILTER (WHERE missing <> '') AS missing_rate_rows
  FROM duck_facts GROUP BY month;`;
}

/** Columns of duck_totals / mrr_monthly_totals compared month by month. */
export const comparedTotalsColumns = [
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

/** Columns of duck_facts / account_mrr_monthly compared row by row. */
export const comparedFactColumns = [
  'mrr_minor',
  'movement',
  'previous_mrr_minor',
  'paid_before',
  'base12_minor',
  'missing',
] as const;

/**
 * The row-for-row comparison of duck_facts with pg_facts (account_mrr_monthly loaded from a CSV
 * export): a full outer join on (account_id, month), a row mismatching when it is missing on one
 * side or any compared column differs.
 */
export const factMismatchesSql = `
  CREATE OR REPLACE TABLE fact_diff AS
  SELECT coalesce(d.account_id, p.account_id) AS account_id, coalesce(d.month, p.month) AS month,
         d.account_id IS NOT NULL AS in_duckdb, p.account_id IS NOT NULL AS in_cycle,
         ${comparedFactColumns.map((column) => `d.${column} AS duck_${column}, p.${column} AS cycle_${column}`).join(',\n         ')},
         (d.account_id IS NULL OR p.account_id IS NULL
          ${comparedFactColumns.map((column) => `OR d.${column} IS DISTINCT FROM p.${column}`).join(' ')}) AS mismatch
  FROM duck_facts d FULL OUTER JOIN pg_facts p ON p.account_id = d.account_id AND p.month = d.month`;
