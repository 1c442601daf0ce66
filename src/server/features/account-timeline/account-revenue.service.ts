import { sql } from 'drizzle-orm';
import type { AccountRevenue } from '../../../shared/api/account-tabs.contract';
import type { Db } from '../../db/database';
import { requireAccount } from '../accounts/account.service';
import { REPORTING_CURRENCY } from '../accounts/current-mrr.sql';

type MonthRow = AccountRevenue['months'][number];

/**
 * An account's month-end MRR for every month from its first subscription month to this month, with
 * each month's movement (from account_mrr_monthly, kept in step with subscriptions), oldest first.
 */
export async function getAccountRevenue(db: Db, accountId: string): Promise<AccountRevenue> {
  await requireAccount(db, accountId);
  const result = await db.execute<MonthRow>(sql`
    SELECT to_char(f.month, 'YYYY-MM') AS "month", f.mrr_minor AS "mrrMinor", f.previous_mrr_minor AS "previousMrrMinor",
           f.movement AS "movement", (f.mrr_minor - f.previous_mrr_minor) AS "changeMinor",
           f.missing_rate_currencies AS "missingRateCurrencies"
    FROM account_mrr_monthly f
    WHERE f.account_id = ${accountId}
    ORDER BY f.month`);
  const totals = { newMinor: 0, expansionMinor: 0, contractionMinor: 0, churnMinor: 0, reactivationMinor: 0 };
  for (const month of result.rows) {
    const size = Math.abs(month.changeMinor);
    if (month.movement === 'new') totals.newMinor += size;
    else if (month.movement === 'expansion') totals.expansionMinor += size;
    else if (month.movement === 'contraction') totals.contractionMinor += size;
    else if (month.movement === 'churn') totals.churnMinor += size;
    else if (month.movement === 'reactivation') totals.reactivationMinor += size;
  }
  return { currency: REPORTING_CURRENCY, months: result.rows, totals };
}
