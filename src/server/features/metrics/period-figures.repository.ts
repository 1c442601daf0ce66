import { sql } from 'drizzle-orm';
import { type MonthRange, previousMonth } from '../../../domain/revenue';
import type { Executor } from '../revenue/mrr-facts.repository';
import { accountGroupsQuery, subscriptionCurrencies } from './account-groups.repository';
import { monthStart } from './metrics-range';
import type { PeriodAggregates, StartingCustomerAggregates } from './period-figures';

/** The starting customers' figures, with their MRR at the start (GRR's and NRR's denominator). */
export type StartingCustomerFigures = StartingCustomerAggregates & { startingCustomersOpeningMrrMinor: number };

/**
 * The starting customers of `period` (MRR > 0 at the end of its opening month), their MRR then and
 * their MRR at the end of `period.to`, summed in SQL from the two months' facts (an account without a
 * fact row at the end pays 0 then). Metrics takes the opening MRR from the monthly totals instead;
 * the journey board's GRR, which reads no totals, takes it from here.
 */
export async function loadStartingCustomerAggregates(db: Executor, period: MonthRange): Promise<StartingCustomerFigures> {
  const result = await db.execute<StartingCustomerFigures>(sql`
    SELECT count(*) AS "openingCustomers",
           coalesce(sum(o.mrr_minor), 0)::bigint AS "startingCustomersOpeningMrrMinor",
           coalesce(sum(coalesce(e.mrr_minor, 0)), 0)::bigint AS "startingCustomersEndMrrMinor",
           coalesce(sum(least(coalesce(e.mrr_minor, 0), o.mrr_minor)), 0)::bigint AS "startingCustomersCappedEndMrrMinor",
           count(*) FILTER (WHERE coalesce(e.mrr_minor, 0) = 0) AS "lostCustomers"
    FROM account_mrr_monthly o
    LEFT JOIN account_mrr_monthly e ON e.account_id = o.account_id AND e.month = ${monthStart(period.to)}::date
    WHERE o.month = ${monthStart(previousMonth(period.from))}::date AND o.mrr_minor > 0`);
  const row = result.rows[0];
  return {
    openingCustomers: row?.openingCustomers ?? 0,
    startingCustomersOpeningMrrMinor: row?.startingCustomersOpeningMrrMinor ?? 0,
    startingCustomersEndMrrMinor: row?.startingCustomersEndMrrMinor ?? 0,
    startingCustomersCappedEndMrrMinor: row?.startingCustomersCappedEndMrrMinor ?? 0,
    lostCustomers: row?.lostCustomers ?? 0,
  };
}

/** One group of a breakdown with its aggregates; `key` null for the accounts without a value. */
export interface GroupAggregates {
  key: string | null;
  /** The group's label (null for the no-value group). */
  label: string | null;
  /** The accounts of the period's MRR table in the group (see loadGroupAggregates). */
  accounts: number;
  aggregates: PeriodAggregates;
}

/**
 * The period's aggregates per group of the dimension `by` (accountGroupsQuery). An account belongs
 * to the period as it belongs to the period's MonthlyMrrTable (loadPeriodMrrTable): it paid in one of
 * the opening month … `period.to` (it paid at the opening, or its MRR rose from 0 by a new or
 * reactivation movement inside the period). Members and the starting customers' pairs come from the
 * opening and end months and the few new/reactivation facts; the other sums from one GROUP BY over
 * the period's paying or churn facts joined to the groups (a row with MRR 0 and no churn adds nothing).
 */
export async function loadGroupAggregates(db: Executor, period: MonthRange, by: string): Promise<GroupAggregates[]> {
  const opening = monthStart(previousMonth(period.from));
  const end = monthStart(period.to);
  const currencies = by === 'plan' ? await subscriptionCurrencies(db) : [];
  // Inlined in each branch rather than a CTE, so the big branch (by_fact) can run in parallel.
  const groups = accountGroupsQuery(by, period.to, currencies);
  const result = await db.execute<{ key: string | null; label: string | null; accounts: number } & PeriodAggregates>(sql`
    WITH starting AS (
      SELECT o.account_id, o.mrr_minor AS start_mrr, coalesce(e.mrr_minor, 0) AS end_mrr
      FROM account_mrr_monthly o
      LEFT JOIN account_mrr_monthly e ON e.account_id = o.account_id AND e.month = ${end}::date
      WHERE o.month = ${opening}::date AND o.mrr_minor > 0
    ),
    joined AS (
      SELECT DISTINCT j.account_id FROM account_mrr_monthly j
      WHERE j.movement IN ('new', 'reactivation') AND j.month > ${opening}::date AND j.month <= ${end}::date
        AND NOT EXISTS (SELECT 1 FROM starting s WHERE s.account_id = j.account_id)
    ),
    members AS (
      SELECT account_id, start_mrr, end_mrr FROM starting
      UNION ALL
      SELECT account_id, 0, 0 FROM joined
    ),
    by_member AS (
      SELECT nullif(g.key, '') AS key, min(coalesce(g.label, g.key)) AS label, count(*) AS accounts,
             count(*) FILTER (WHERE m.start_mrr > 0) AS opening_customers,
             coalesce(sum(m.end_mrr) FILTER (WHERE m.start_mrr > 0), 0) AS starting_end_mrr,
             coalesce(sum(least(m.end_mrr, m.start_mrr)) FILTER (WHERE m.start_mrr > 0), 0) AS starting_capped_end_mrr,
             count(*) FILTER (WHERE m.start_mrr > 0 AND m.end_mrr = 0) AS lost_customers
      FROM members m LEFT JOIN (${groups}) g ON g.account_id = m.account_id
      GROUP BY 1
    ),
    by_fact AS (
      SELECT nullif(g.key, '') AS key,
             coalesce(sum(f.mrr_minor) FILTER (WHERE f.month = ${opening}::date), 0) AS opening_mrr,
             coalesce(sum(f.mrr_minor) FILTER (WHERE f.month = ${end}::date), 0) AS closing_mrr,
             count(*) FILTER (WHERE f.month = ${end}::date AND f.mrr_minor > 0) AS closing_customers,
             coalesce(sum(f.mrr_minor) FILTER (WHERE f.month > ${opening}::date AND f.movement = 'new'), 0) AS new_minor,
             coalesce(sum(f.mrr_minor - f.previous_mrr_minor) FILTER (WHERE f.month > ${opening}::date AND f.movement = 'expansion'), 0) AS expansion_minor,
             coalesce(sum(f.mrr_minor) FILTER (WHERE f.month > ${opening}::date AND f.movement = 'reactivation'), 0) AS reactivation_minor,
             coalesce(sum(f.previous_mrr_minor - f.mrr_minor) FILTER (WHERE f.month > ${opening}::date AND f.movement = 'contraction'), 0) AS contraction_minor,
             coalesce(sum(f.previous_mrr_minor) FILTER (WHERE f.month > ${opening}::date AND f.movement = 'churn'), 0) AS churn_minor,
             count(*) FILTER (WHERE f.month > ${opening}::date AND f.movement = 'churn') AS churn_movements,
             coalesce(sum(f.mrr_minor) FILTER (WHERE f.month > ${opening}::date), 0) AS paying_mrr,
             count(*) FILTER (WHERE f.month > ${opening}::date AND f.mrr_minor > 0) AS customer_months,
             count(*) FILTER (WHERE f.month < ${end}::date AND f.mrr_minor > 0) AS at_risk
      FROM account_mrr_monthly f LEFT JOIN (${groups}) g ON g.account_id = f.account_id
      WHERE f.month BETWEEN ${opening}::date AND ${end}::date AND (f.mrr_minor > 0 OR f.movement = 'churn')
      GROUP BY 1
    )
    SELECT m.key AS "key", m.label AS "label", m.accounts AS "accounts",
           coalesce(f.opening_mrr, 0)::bigint AS "openingMrrMinor",
           coalesce(f.closing_mrr, 0)::bigint AS "closingMrrMinor",
           m.opening_customers AS "openingCustomers",
           coalesce(f.closing_customers, 0) AS "closingCustomers",
           m.starting_end_mrr::bigint AS "startingCustomersEndMrrMinor",
           m.starting_capped_end_mrr::bigint AS "startingCustomersCappedEndMrrMinor",
           m.lost_customers AS "lostCustomers",
           coalesce(f.new_minor, 0)::bigint AS "newMinor",
           coalesce(f.expansion_minor, 0)::bigint AS "expansionMinor",
           coalesce(f.reactivation_minor, 0)::bigint AS "reactivationMinor",
           coalesce(f.contraction_minor, 0)::bigint AS "contractionMinor",
           coalesce(f.churn_minor, 0)::bigint AS "churnMinor",
           coalesce(f.churn_movements, 0) AS "churnMovements",
           coalesce(f.paying_mrr, 0)::bigint AS "payingMrrMinor",
           coalesce(f.customer_months, 0) AS "customerMonths",
           coalesce(f.at_risk, 0) AS "customerMonthsAtRisk"
    FROM by_member m LEFT JOIN by_fact f ON f.key IS NOT DISTINCT FROM m.key`);
  return result.rows.map(({ key, label, accounts, ...aggregates }) => ({ key, label, accounts, aggregates }));
}

/** One cohort-month cell as SQL sums it: the cohort's paying accounts and MRR at the end of `month`. */
export type CohortCellAggregate = {
  cohortMonth: string;
  month: string;
  retainedCustomers: number;
  mrrMinor: number;
};

/**
 * The cohorts whose first paying month (their "new" movement) lies in `cohortMonths`, month by
 * month through `throughMonth`: paying accounts and MRR per (cohort month, month), summed in SQL
 * (each cohort account's facts read by its primary key).
 * Ordered by cohort month, then month.
 */
export async function loadCohortCells(db: Executor, cohortMonths: MonthRange, throughMonth: string): Promise<CohortCellAggregate[]> {
  const result = await db.execute<CohortCellAggregate>(sql`
    WITH cohort AS (
      SELECT account_id, month AS cohort_month FROM account_mrr_monthly
      WHERE movement = 'new' AND month BETWEEN ${monthStart(cohortMonths.from)}::date AND ${monthStart(cohortMonths.to)}::date
    )
    SELECT to_char(c.cohort_month, 'YYYY-MM') AS "cohortMonth", to_char(f.month, 'YYYY-MM') AS "month",
           count(*) FILTER (WHERE f.mrr_minor > 0) AS "retainedCustomers", coalesce(sum(f.mrr_minor), 0)::bigint AS "mrrMinor"
    FROM cohort c
    CROSS JOIN LATERAL (
      SELECT month, mrr_minor FROM account_mrr_monthly
      WHERE account_id = c.account_id AND month BETWEEN c.cohort_month AND ${monthStart(throughMonth)}::date
    ) f
    GROUP BY c.cohort_month, f.month
    ORDER BY c.cohort_month, f.month`);
  return result.rows;
}
