import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './customers';

/**
 * Month-end MRR of each account for every month from its first subscription month to the current
 * month, in minor units of the reporting currency, with that month's movement and the account's
 * contributions to retention. Derived from subscriptions; maintained by the revenue feature.
 */
export const accountMrrMonthly = pgTable(
  'account_mrr_monthly',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** First day of the month. */
    month: date('month').notNull(),
    mrrMinor: bigint('mrr_minor', { mode: 'number' }).notNull(),
    previousMrrMinor: bigint('previous_mrr_minor', { mode: 'number' }).notNull(),
    /** new | expansion | contraction | churn | reactivation | none */
    movement: text('movement').notNull(),
    paidBefore: boolean('paid_before').notNull(),
    /** MRR twelve months earlier when it was > 0 (else 0): the trailing-12-month retention base. */
    base12Minor: bigint('base12_minor', { mode: 'number' }).notNull(),
    /** Subscription currencies of this month that had no exchange rate (their money is left out). */
    missingRateCurrencies: text('missing_rate_currencies').array().notNull(),
  },
  (table) => [
    primaryKey({ name: 'account_mrr_monthly_pkey', columns: [table.accountId, table.month] }),
    // Covers the metrics' scans of a period's months (set-based aggregates), read index-only.
    index('account_mrr_monthly_month_idx').on(
      table.month,
      table.accountId,
      table.mrrMinor,
      table.previousMrrMinor,
      table.movement,
    ),
    // The few movements from or to 0: cohorts, churn reasons, the accounts that churned or joined in a period.
    index('account_mrr_monthly_zero_crossing_idx')
      .on(table.movement, table.month, table.accountId, table.previousMrrMinor)
      .where(sql`${table.movement} IN ('new', 'reactivation', 'churn')`),
  ],
);

/** Sums of account_mrr_monthly per month, kept in step by deltas so dashboards read a few rows. */
export const mrrMonthlyTotals = pgTable('mrr_monthly_totals', {
  month: date('month').primaryKey(),
  mrrMinor: bigint('mrr_minor', { mode: 'number' }).notNull(),
  customers: integer('customers').notNull(),
  newMinor: bigint('new_minor', { mode: 'number' }).notNull(),
  expansionMinor: bigint('expansion_minor', { mode: 'number' }).notNull(),
  contractionMinor: bigint('contraction_minor', { mode: 'number' }).notNull(),
  churnMinor: bigint('churn_minor', { mode: 'number' }).notNull(),
  reactivationMinor: bigint('reactivation_minor', { mode: 'number' }).notNull(),
  newLogos: integer('new_logos').notNull(),
  churnedLogos: integer('churned_logos').notNull(),
  reactivatedLogos: integer('reactivated_logos').notNull(),
  /** Σ MRR twelve months earlier of accounts that had MRR then. */
  base12Minor: bigint('base12_minor', { mode: 'number' }).notNull(),
  /** Σ MRR now of those same accounts (trailing-12-month NRR numerator). */
  retained12Minor: bigint('retained12_minor', { mode: 'number' }).notNull(),
  /** Σ min(MRR now, MRR then) of those accounts (trailing-12-month GRR numerator). */
  retainedCapped12Minor: bigint('retained_capped12_minor', { mode: 'number' }).notNull(),
  missingRateRows: integer('missing_rate_rows').notNull(),
});

/**
 * Each account's MRR today (in minor units of the reporting currency), materialised so lists can sort
 * and filter 100,000 accounts by it. Recomputed as a whole (changed rows only) when the day changed or
 * any subscription or exchange rate changed since (ensureMrrToday, docs/decisions/0005). Accounts
 * without MRR today have no row.
 */
export const accountMrrToday = pgTable(
  'account_mrr_today',
  {
    accountId: uuid('account_id')
      .primaryKey()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    mrrMinor: bigint('mrr_minor', { mode: 'number' }).notNull(),
  },
  (table) => [index('account_mrr_today_mrr_idx').on(table.mrrMinor, table.accountId)],
);

/**
 * One row each: `data_version` is bumped by a statement trigger on every change to subscriptions or
 * exchange_rates (in the writer's transaction); `computed_*` say what account_mrr_today was built from.
 * Two tables, so a refresh never waits on a writer's row lock.
 */
export const mrrTodayDataVersion = pgTable('mrr_today_data_version', {
  singleton: boolean('singleton').primaryKey().default(true),
  version: bigint('version', { mode: 'number' }).notNull().default(1),
});
export const mrrTodayComputed = pgTable('mrr_today_computed', {
  singleton: boolean('singleton').primaryKey().default(true),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
  computedOn: date('computed_on'),
});
