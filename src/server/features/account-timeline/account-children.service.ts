import { sql } from 'drizzle-orm';
import type { AccountChildren } from '../../../shared/api/account-tabs.contract';
import type { Db } from '../../db/database';
import { currentMrrOf, descendantIds } from '../accounts/account.repository';
import { requireAccount } from '../accounts/account.service';
import { currentMrrByAccount, REPORTING_CURRENCY } from '../accounts/current-mrr.sql';

type ChildRow = {
  id: string;
  name: string;
  status: AccountChildren['items'][number]['status'];
  mrrMinor: number | null;
  score: number | null;
  band: string | null;
  bandIndex: number | null;
  bandCount: number | null;
  scored: boolean;
};

/**
 * The direct children of an account with their ARR today and latest health (score, band and the
 * band's position among its scorecard's bands, for its colour), and the roll-up ARR of the account
 * and all its descendants.
 */
export async function getAccountChildren(db: Db, accountId: string): Promise<AccountChildren> {
  await requireAccount(db, accountId);
  const [childResult, familyIds] = await Promise.all([
    db.execute<ChildRow>(sql`
      SELECT a.id, a.name, a.status, m.mrr_minor AS "mrrMinor", h.display_score::float8 AS score, h.band, h.band_index AS "bandIndex",
             jsonb_array_length(v.definition -> 'bands') AS "bandCount", (h.account_id IS NOT NULL) AS scored
      FROM accounts a
      LEFT JOIN (${currentMrrByAccount(sql`s.account_id IN (SELECT id FROM accounts WHERE parent_id = ${accountId})`)}) m ON m.account_id = a.id
      LEFT JOIN account_health h ON h.account_id = a.id
      LEFT JOIN scorecard_versions v ON v.scorecard_id = h.scorecard_id AND v.version = h.scorecard_version
      WHERE a.parent_id = ${accountId}
      ORDER BY a.name, a.id`),
    descendantIds(db, accountId),
  ]);
  const mrrByAccount = await currentMrrOf(db, familyIds);
  const rollupMrrMinor = familyIds.reduce((sum, id) => sum + (mrrByAccount.get(id) ?? 0), 0);
  return {
    items: childResult.rows.map((row) => ({
      id: row.id,
      name: row.name,
      status: row.status,
      arr: { amountMinor: (row.mrrMinor ?? 0) * 12, currency: REPORTING_CURRENCY },
      health: row.scored
        ? { score: row.score, band: row.band, bandIndex: row.bandIndex, bandCount: row.bandCount ?? 0 }
        : null,
    })),
    rollupArr: { amountMinor: rollupMrrMinor * 12, currency: REPORTING_CURRENCY },
  };
}
