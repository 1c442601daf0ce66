import { asc, sql } from 'drizzle-orm';
import type { MonthRange } from '../../../domain/revenue';
import type { Db } from '../../db/database';
import { csCosts } from '../../db/schema';
import { REPORTING_CURRENCY } from '../accounts/current-mrr.sql';
import type { Executor } from '../revenue/mrr-facts.repository';
import { monthStart } from './metrics-range';

/** A month's CS cost as entered, minor units of `currency`. */
export interface CsCostRow {
  month: string;
  amountMinor: number;
  currency: string;
}

/** Every month's CS cost, oldest first. */
export async function listCsCosts(db: Db): Promise<CsCostRow[]> {
  const rows = await db.select().from(csCosts).orderBy(asc(csCosts.month));
  return rows.map((row) => ({ month: row.month.slice(0, 7), amountMinor: row.amountMinor, currency: row.currency }));
}

/** Sets a month's CS cost, replacing what was entered before. */
export async function upsertCsCost(db: Db, cost: CsCostRow): Promise<void> {
  await db
    .insert(csCosts)
    .values({ month: monthStart(cost.month), amountMinor: cost.amountMinor, currency: cost.currency })
    .onConflictDoUpdate({
      target: csCosts.month,
      set: { amountMinor: cost.amountMinor, currency: cost.currency, updatedAt: sql`now()` },
    });
}

/** The exchange rate of `currency` in force on the first day of `month`, or null when there is none. */
export async function rateInForce(db: Executor, currency: string, month: string): Promise<number | null> {
  const result = await db.execute<{ rate: string }>(sql`
    SELECT rate_to_reporting AS rate FROM exchange_rates
    WHERE currency = ${currency} AND valid_from <= ${monthStart(month)}::date
    ORDER BY valid_from DESC LIMIT 1`);
  const rate = result.rows[0]?.rate;
  return rate === undefined ? null : Number(rate);
}

/** A month's CS cost with the rate that converts it (1 for the reporting currency; null when missing). */
export interface CsCostWithRate extends CsCostRow {
  rateToReporting: number | null;
}

/** The CS costs entered for the months of `period`, each with the rate in force on its first day. */
export async function loadCsCostsWithRates(db: Executor, period: MonthRange): Promise<CsCostWithRate[]> {
  const result = await db.execute<{ month: string; amount_minor: number; currency: string; rate: string | null }>(sql`
    SELECT to_char(c.month, 'YYYY-MM') AS month, c.amount_minor, c.currency,
           CASE WHEN c.currency = ${REPORTING_CURRENCY} THEN 1 ELSE r.rate_to_reporting END AS rate
    FROM cs_costs c
    LEFT JOIN LATERAL (
      SELECT er.rate_to_reporting FROM exchange_rates er
      WHERE er.currency = c.currency AND er.valid_from <= c.month
      ORDER BY er.valid_from DESC LIMIT 1
    ) r ON true
    WHERE c.month BETWEEN ${monthStart(period.from)}::date AND ${monthStart(period.to)}::date
    ORDER BY c.month`);
  return result.rows.map((row) => ({
    month: row.month,
    amountMinor: row.amount_minor,
    currency: row.currency,
    rateToReporting: row.rate === null ? null : Number(row.rate),
  }));
}
