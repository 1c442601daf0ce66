import { currencyDecimals, isCurrencyCode } from '../../../domain/imports/currency-codes';
import { divideMetric, listMonths, type MetricValue, type MonthRange, roundHalfAwayFromZero } from '../../../domain/revenue';
import type { Db } from '../../db/database';
import { badRequest } from '../../http/problem';
import { REPORTING_CURRENCY } from '../accounts/current-mrr.sql';
import type { Executor } from '../revenue/mrr-facts.repository';
import { describeMonthRuns } from './metrics-range';
import { type CsCostRow, listCsCosts, loadCsCostsWithRates, rateInForce, upsertCsCost } from './cs-costs.repository';

/** Every month's CS cost as entered. */
export async function getCsCosts(db: Db): Promise<{ items: CsCostRow[] }> {
  return { items: await listCsCosts(db) };
}

/**
 * Sets the CS cost of `month`. The currency must be the reporting currency or have an exchange rate
 * in force in that month (so CRC can convert it); otherwise a 400 names body.currency.
 */
export async function setCsCost(db: Db, month: string, input: { amountMinor: number; currency: string }): Promise<CsCostRow> {
  const currency = input.currency;
  if (!isCurrencyCode(currency)) {
    throw badRequest(`body.currency: "${currency}" is not an ISO 4217 currency code`, [
      { field: 'body.currency', message: `"${currency}" is not an ISO 4217 currency code; use a 3-letter upper-case code such as ${REPORTING_CURRENCY} or EUR` },
    ]);
  }
  if (currency !== REPORTING_CURRENCY && (await rateInForce(db, currency, month)) === null) {
    const message = `no exchange rate from ${currency} to ${REPORTING_CURRENCY} is in force in ${month}; enter the cost in ${REPORTING_CURRENCY} or add a ${currency} rate valid from ${month}-01 or earlier`;
    throw badRequest(`body.currency: ${message}`, [{ field: 'body.currency', message }]);
  }
  const cost = { month, amountMinor: input.amountMinor, currency };
  await upsertCsCost(db, cost);
  return cost;
}

/** CRC of a period and the CS cost behind it (null until every month of the period has a cost). */
export interface RetentionCostFigures {
  crcMinor: MetricValue;
  csCostMinor: number | null;
}

/**
 * CRC over `period` = the period's CS costs, converted to the reporting currency and summed (rounded
 * once), ÷ `retainedCustomers` (customers at the period's start still paying at its end), as
 * calculateCustomerRetentionCost defines it. Not defined while a month of the period has no cost, or
 * a cost's currency has no rate; the reason names the months.
 */
export async function calculatePeriodRetentionCost(db: Executor, retainedCustomers: number, period: MonthRange): Promise<RetentionCostFigures> {
  const costs = await loadCsCostsWithRates(db, period);
  const entered = new Set(costs.map((cost) => cost.month));
  const missing = listMonths(period).filter((month) => !entered.has(month));
  if (missing.length > 0) {
    return {
      crcMinor: { status: 'not-defined', reason: `No CS cost entered for ${describeMonthRuns(missing)}; enter the CS cost of every month of the period to get CRC` },
      csCostMinor: null,
    };
  }
  const unconvertible = costs.filter((cost) => cost.rateToReporting === null);
  if (unconvertible.length > 0) {
    const names = unconvertible.map((cost) => `${cost.month} (${cost.currency})`).join(', ');
    return {
      crcMinor: { status: 'not-defined', reason: `The CS cost of ${names} cannot be converted to ${REPORTING_CURRENCY}: no exchange rate in force; add one` },
      csCostMinor: null,
    };
  }
  const reportingDecimals = currencyDecimals(REPORTING_CURRENCY) ?? 2;
  const exact = costs.reduce(
    (sum, cost) => sum + cost.amountMinor * (cost.rateToReporting ?? 0) * 10 ** (reportingDecimals - (currencyDecimals(cost.currency) ?? 2)),
    0,
  );
  const csCostMinor = roundHalfAwayFromZero(exact);
  const crcMinor = divideMetric(csCostMinor, retainedCustomers, `No customer at the start of ${period.from}…${period.to} was still paying at its end`);
  return { crcMinor, csCostMinor };
}
