import { sql } from 'drizzle-orm';
import { bigint, char, check, date, pgTable, timestamp } from 'drizzle-orm/pg-core';

/**
 * What the Customer Success team cost in a month (salaries, tools…), entered in settings, for the
 * customer retention cost (CRC). `amountMinor` is in minor units of `currency`; converted to the
 * reporting currency at the exchange rate in force on the first day of `month` when read.
 */
export const csCosts = pgTable(
  'cs_costs',
  {
    /** First day of the month. */
    month: date('month').primaryKey(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('cs_costs_month_start_check', sql`extract(day FROM ${table.month}) = 1`),
    check('cs_costs_amount_check', sql`${table.amountMinor} >= 0`),
  ],
);
