import { type SQL, sql } from 'drizzle-orm';
import { compareIds, listMonths, monthIndexOf, type MonthlyMrrTable, type MonthRange, previousMonth } from '../../../domain/revenue';
import { REPORTING_CURRENCY } from '../accounts/current-mrr.sql';
import type { Executor } from '../revenue/mrr-facts.repository';
import { monthStart } from './metrics-range';

/**
 * Each account's month-end MRR over `months` as a MonthlyMrrTable, from account_mrr_monthly: only
 * the paying account-months are read (the rest are 0), one row per account with its months packed
 * as "position:mrr,…" (a tenth of the rows and objects of one row per account-month, which matters
 * at 100,000 accounts); "paid before" comes from the first month's facts, for the accounts that
 * paid earlier but not then. Accounts with no MRR in `months` (or outside `accounts`, SQL returning
 * account_id) are not in the table.
 */
export async function loadMonthlyMrrTable(db: Executor, months: MonthRange, accounts?: SQL): Promise<MonthlyMrrTable> {
  const within = sql`month BETWEEN ${monthStart(months.from)}::date AND ${monthStart(months.to)}::date`;
  const onlyAccounts = accounts ? sql`AND account_id IN (${accounts})` : sql``;
  const packed = await db.execute<{ account_id: string; cells: string }>(sql`
    SELECT account_id,
           string_agg((date_part('year', month)::int * 12 + date_part('month', month)::int - 1 - ${monthIndexOf(months.from)}::int)::text
                      || ':' || mrr_minor::text, ',') AS cells
    FROM account_mrr_monthly
    WHERE ${within} AND mrr_minor > 0 ${onlyAccounts}
    GROUP BY account_id`);
  const paidBefore = await db.execute<{ account_id: string }>(sql`
    SELECT account_id FROM account_mrr_monthly
    WHERE month = ${monthStart(months.from)}::date AND paid_before AND mrr_minor = 0 ${onlyAccounts}`);
  return unpackMonthlyMrrTable(packed.rows, months, new Set(paidBefore.rows.map((row) => row.account_id)));
}

/**
 * The MRR table a period's metrics need: its opening month (the month before `period.from`)
 * through `period.to`.
 */
export function loadPeriodMrrTable(db: Executor, period: MonthRange): Promise<MonthlyMrrTable> {
  return loadMonthlyMrrTable(db, { from: previousMonth(period.from), to: period.to });
}

/**
 * The MRR table of the accounts whose first paying month (their "new" movement) lies in
 * `cohortMonths`, from `cohortMonths.from` through `throughMonth`.
 */
export function loadCohortMrrTable(db: Executor, cohortMonths: MonthRange, throughMonth: string): Promise<MonthlyMrrTable> {
  return loadMonthlyMrrTable(
    db,
    { from: cohortMonths.from, to: throughMonth },
    sql`SELECT account_id FROM account_mrr_monthly
        WHERE movement = 'new' AND month BETWEEN ${monthStart(cohortMonths.from)}::date AND ${monthStart(cohortMonths.to)}::date`,
  );
}

/**
 * The table from packed rows ("position:mrr,…", positions counted from `months.from`), accounts
 * sorted by id as buildMonthlyMrrTable sorts them. Throws a RangeError naming the account on a
 * position outside the months or an amount that is not whole minor units ≥ 0.
 */
function unpackMonthlyMrrTable(rows: readonly { account_id: string; cells: string }[], months: MonthRange, paidBefore: ReadonlySet<string>): MonthlyMrrTable {
  const monthList = listMonths(months);
  const accounts = rows.map(({ account_id: accountId, cells }) => {
    const mrrMinor = new Array<number>(monthList.length).fill(0);
    for (const cell of cells.split(',')) {
      const separator = cell.indexOf(':');
      const position = Number(cell.slice(0, separator));
      const value = Number(cell.slice(separator + 1));
      if (!(position >= 0 && position < monthList.length) || !Number.isSafeInteger(value) || value < 0) {
        throw new RangeError(`Account ${accountId} has MRR "${cell}" (month position:minor units) outside ${months.from}…${months.to} or not whole minor units ≥ 0`);
      }
      mrrMinor[position] = value;
    }
    return { accountId, mrrMinor, paidBeforeRange: paidBefore.has(accountId) };
  });
  accounts.sort((left, right) => compareIds(left.accountId, right.accountId));
  return { currency: REPORTING_CURRENCY, months: monthList, accounts };
}
