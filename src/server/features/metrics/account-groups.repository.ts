import { type SQL, sql } from 'drizzle-orm';
import { currencyDecimals } from '../../../domain/imports/currency-codes';
import { addMonths, compareIds } from '../../../domain/revenue';
import { REPORTING_CURRENCY } from '../accounts/current-mrr.sql';
import type { Executor } from '../revenue/mrr-facts.repository';
import { monthStart } from './metrics-range';

/** The label of the group of accounts with no value for a dimension. */
export const NO_VALUE_LABEL = '(none)';

/** An account's group in a breakdown: `key` null for no value. */
export interface AccountGroup {
  key: string | null;
  label: string;
}

/**
 * Orders breakdown groups by label (code-unit order, the same on every machine), the "(none)" group last.
 * @example [{ key: null, label: '(none)' }, { key: 'SMB', label: 'SMB' }].sort(compareGroupsByLabel) // SMB first
 */
export function compareGroupsByLabel(left: AccountGroup, right: AccountGroup): number {
  if (left.key === null || right.key === null) return left.key === right.key ? 0 : left.key === null ? 1 : -1;
  return compareIds(left.label, right.label) || compareIds(left.key, right.key);
}

const accountColumns: Record<string, string> = {
  tier: 'tier',
  segment: 'segment',
  industry: 'industry',
  region: 'region',
  status: 'status',
  stage: 'lifecycle_stage',
};

/**
 * SQL with columns (account_id, key, label) giving every account's group for a breakdown dimension
 * (see breakdownDimensionSchema). Empty values count as no value (key null). `periodEnd` is the
 * period's last month, used by `plan`. `currencies` lists the subscription currencies (for `plan`).
 */
export function accountGroupsQuery(by: string, periodEnd: string, currencies: readonly string[]): SQL {
  if (by === 'owner') {
    return sql`SELECT a.id AS account_id, a.owner_id::text AS key, u.name AS label FROM accounts a LEFT JOIN users u ON u.id = a.owner_id`;
  }
  if (by === 'plan') return planGroupsQuery(periodEnd, currencies);
  if (by.startsWith('trait:')) {
    const key = by.slice('trait:'.length);
    return sql`SELECT a.id AS account_id, nullif(a.traits ->> ${key}, '') AS key, nullif(a.traits ->> ${key}, '') AS label FROM accounts a`;
  }
  const column = accountColumns[by];
  if (column === undefined) throw new RangeError(`Unknown breakdown dimension "${by}"`);
  return sql`SELECT a.id AS account_id, nullif(a.${sql.raw(column)}, '') AS key, nullif(a.${sql.raw(column)}, '') AS label FROM accounts a`;
}

/**
 * The plan rule: an account's plan is the product (and plan, "product / plan") of its largest
 * subscription counting in the period's last month — largest by monthly amount in the reporting
 * currency, converted at that month's rate (a subscription without a rate ranks last). An account
 * with none counting then (it churned) takes its largest subscription of the last month it paid in,
 * so churned accounts are grouped by the plan they left. Ties go to product, plan, then id.
 */
function planGroupsQuery(periodEnd: string, currencies: readonly string[]): SQL {
  const end = monthStart(periodEnd);
  const afterEnd = monthStart(addMonths(periodEnd, 1));
  const decimals = currencies.map((currency) => currencyDecimals(currency) ?? 2);
  const reportingDecimals = currencyDecimals(REPORTING_CURRENCY) ?? 2;
  return sql`
    WITH counted AS (
      SELECT s.id, s.account_id, s.product, s.plan, s.currency, s.amount_minor,
             CASE s.billing_interval WHEN 'month' THEN 1 WHEN 'quarter' THEN 3 ELSE 12 END AS months_per_price,
             date_trunc('month', s.start_date)::date AS first_month,
             least(coalesce((date_trunc('month', s.end_date) - interval '1 month')::date, ${end}::date), ${end}::date) AS last_month
      FROM subscriptions s
      WHERE s.start_date < ${afterEnd}::date
    ),
    currency_decimals AS (
      SELECT * FROM unnest(${sql.param([...currencies])}::text[], ${sql.param(decimals)}::int[]) AS d(currency, decimals)
    ),
    largest AS (
      SELECT DISTINCT ON (c.account_id) c.account_id, c.product, c.plan
      FROM counted c
      LEFT JOIN currency_decimals d ON d.currency = c.currency
      LEFT JOIN LATERAL (
        SELECT er.rate_to_reporting FROM exchange_rates er
        WHERE er.currency = c.currency AND er.valid_from <= c.last_month
        ORDER BY er.valid_from DESC LIMIT 1
      ) r ON c.currency <> ${REPORTING_CURRENCY}
      WHERE c.last_month >= c.first_month
      ORDER BY c.account_id, c.last_month DESC,
        (c.amount_minor::numeric / c.months_per_price
          * CASE WHEN c.currency = ${REPORTING_CURRENCY} THEN 1
                 ELSE r.rate_to_reporting * power(10::numeric, ${reportingDecimals}::int - coalesce(d.decimals, 2)) END) DESC NULLS LAST,
        c.product, c.plan NULLS FIRST, c.id
    )
    SELECT a.id AS account_id, nullif(concat_ws(' / ', l.product, nullif(l.plan, '')), '') AS key,
           nullif(concat_ws(' / ', l.product, nullif(l.plan, '')), '') AS label
    FROM accounts a LEFT JOIN largest l ON l.account_id = a.id`;
}

/** The distinct currencies of all subscriptions (for the plan rule's conversion). */
export async function subscriptionCurrencies(db: Executor): Promise<string[]> {
  const result = await db.execute<{ currency: string }>(sql`SELECT DISTINCT currency FROM subscriptions`);
  return result.rows.map((row) => row.currency);
}

/** Every account's group for the dimension `by` (keys: account ids). */
export async function loadAccountGroups(db: Executor, by: string, periodEnd: string): Promise<Map<string, AccountGroup>> {
  const currencies = by === 'plan' ? await subscriptionCurrencies(db) : [];
  const result = await db.execute<{ account_id: string; key: string | null; label: string | null }>(
    accountGroupsQuery(by, periodEnd, currencies),
  );
  return new Map(
    result.rows.map((row) => [row.account_id, row.key === null || row.key === '' ? { key: null, label: NO_VALUE_LABEL } : { key: row.key, label: row.label ?? row.key }]),
  );
}
