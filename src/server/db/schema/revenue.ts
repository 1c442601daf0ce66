import { billingIntervals, subscriptionStatuses } from '../../../shared/api/enums';
import { sql } from 'drizzle-orm';
import { bigint, char, check, date, index, integer, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, sourceColumns, timestamps } from './columns';
import { accounts } from './customers';


/**
 * A revenue line. `amountMinor` is the price per billing interval in minor units of `currency`
 * (cents for USD). The subscription counts from `startDate` up to, not including, `endDate`.
 */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: id(),
    ...sourceColumns(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    product: text('product').notNull(),
    plan: text('plan'),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    billingInterval: text('billing_interval', { enum: billingIntervals }).notNull().default('month'),
    seats: integer('seats'),
    startDate: date('start_date').notNull(),
    /** Exclusive; null while the subscription runs on. */
    endDate: date('end_date'),
    status: text('status', { enum: subscriptionStatuses }).notNull().default('active'),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('subscriptions_source_external_id_key').on(table.source, table.externalId),
    index('subscriptions_account_id_idx').on(table.accountId),
    check('subscriptions_dates_check', sql`${table.endDate} IS NULL OR ${table.endDate} > ${table.startDate}`),
    check('subscriptions_amount_check', sql`${table.amountMinor} >= 0`),
    check('subscriptions_interval_check', sql`${table.billingInterval} IN ('month', 'quarter', 'year')`),
    check('subscriptions_status_check', sql`${table.status} IN ('active', 'cancelled', 'trial')`),
  ],
);

/** An account lost: when, how much monthly revenue, and why (a reason code from the team's list). */
export const churnEvents = pgTable(
  'churn_events',
  {
    id: id(),
    ...sourceColumns(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    churnedOn: date('churned_on').notNull(),
    /** Monthly recurring revenue lost, in minor units of `currency`. */
    churnedMrrMinor: bigint('churned_mrr_minor', { mode: 'number' }),
    currency: char('currency', { length: 3 }),
    reasonCode: text('reason_code'),
    notes: text('notes'),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('churn_events_source_external_id_key').on(table.source, table.externalId),
    index('churn_events_account_id_idx').on(table.accountId),
  ],
);

/**
 * Conversion into the workspace's reporting currency: from the month `validFrom` (first day of a
 * month) on, 1 unit of `currency` = `rateToReporting` units of the reporting currency, until a later
 * row for the same currency. The reporting currency itself needs no row.
 */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    currency: char('currency', { length: 3 }).notNull(),
    validFrom: date('valid_from').notNull(),
    rateToReporting: numeric('rate_to_reporting', { precision: 20, scale: 10, mode: 'number' }).notNull(),
    ...timestamps(),
  },
  (table) => [
    primaryKey({ name: 'exchange_rates_pkey', columns: [table.currency, table.validFrom] }),
    check('exchange_rates_positive_check', sql`${table.rateToReporting} > 0`),
    check('exchange_rates_month_start_check', sql`extract(day FROM ${table.validFrom}) = 1`),
  ],
);
