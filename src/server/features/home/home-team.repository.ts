import { sql } from 'drizzle-orm';
import type { HomeOwnerHealth, HomeRenewal } from '../../../shared/api/home.contract';
import type { Db } from '../../db/database';
import { ensureMrrToday, mrrTodayRows } from '../accounts/mrr-today';

/** How many renewals Home lists; the count and ARR cover them all. */
export const RENEWALS_LISTED = 50;

/**
 * Each owner's scored-status accounts (active and onboarding) per latest band, in one GROUP BY over
 * accounts and account_health (both read whole: 100,000 narrow rows). Owners by name, "no owner" last.
 */
export async function loadHealthByOwner(db: Db): Promise<HomeOwnerHealth[]> {
  const result = await db.execute<{
    owner_id: string | null;
    owner_name: string | null;
    band: string | null;
    accounts: string;
  }>(sql`
    SELECT a.owner_id, u.name AS owner_name, CASE WHEN h.status = 'scored' THEN h.band END AS band, count(*)::text AS accounts
    FROM accounts a
    LEFT JOIN account_health h ON h.account_id = a.id
    LEFT JOIN users u ON u.id = a.owner_id
    WHERE a.status IN ('active', 'onboarding')
    GROUP BY 1, 2, 3`);
  const owners = new Map<string, HomeOwnerHealth>();
  for (const row of result.rows) {
    const key = row.owner_id ?? '';
    const owner: HomeOwnerHealth = owners.get(key) ?? {
      ownerId: row.owner_id,
      ownerName: row.owner_name,
      accounts: 0,
      bands: {},
      notScored: 0,
    };
    const count = Number(row.accounts);
    owner.accounts += count;
    if (row.band === null) owner.notScored += count;
    else owner.bands[row.band] = (owner.bands[row.band] ?? 0) + count;
    owners.set(key, owner);
  }
  return [...owners.values()].sort((a, b) =>
    (a.ownerName ?? '\uffff').localeCompare(b.ownerName ?? '\uffff'),
  );
}

/**
 * Accounts not churned whose renewal date falls from `today` through `through` (both included),
 * across the team: the soonest 50 with their ARR and health, and the count and ARR of all of them.
 * The window is found through `accounts_renewal_date_idx`; the ARR through the subscriptions'
 * account index, for the window's accounts only.
 */
export async function loadTeamRenewals(
  db: Db,
  today: string,
  through: string,
): Promise<{ total: number; arrMinor: number; items: HomeRenewal[] }> {
  await ensureMrrToday(db);
  const result = await db.execute<{
    id: string;
    name: string;
    owner_name: string | null;
    renewal_date: string;
    days_left: number;
    arr_minor: string;
    score: number | null;
    band: string | null;
    total: string;
    total_arr_minor: string;
  }>(sql`
    WITH due AS MATERIALIZED (
      SELECT a.id, a.name, a.owner_id, a.renewal_date FROM accounts a
      WHERE a.renewal_date BETWEEN ${today}::date AND ${through}::date AND a.status <> 'churned'
    ),
    priced AS (
      SELECT d.*, coalesce(m.mrr_minor, 0) * 12 AS arr_minor
      FROM due d LEFT JOIN (${mrrTodayRows}) m ON m.account_id = d.id
    )
    SELECT p.id, p.name, u.name AS owner_name, p.renewal_date::text AS renewal_date, (p.renewal_date - ${today}::date) AS days_left,
           p.arr_minor::text AS arr_minor,
           CASE WHEN h.status = 'scored' THEN h.display_score::float8 END AS score,
           CASE WHEN h.status = 'scored' THEN h.band END AS band,
           count(*) OVER ()::text AS total, sum(p.arr_minor) OVER ()::text AS total_arr_minor
    FROM priced p
    LEFT JOIN users u ON u.id = p.owner_id
    LEFT JOIN account_health h ON h.account_id = p.id
    ORDER BY p.renewal_date, lower(p.name), p.id
    LIMIT ${RENEWALS_LISTED}`);
  const first = result.rows[0];
  return {
    total: first ? Number(first.total) : 0,
    arrMinor: first ? Number(first.total_arr_minor) : 0,
    items: result.rows.map((row) => ({
      accountId: row.id,
      name: row.name,
      ownerName: row.owner_name,
      renewalDate: row.renewal_date,
      daysLeft: row.days_left,
      arrMinor: Number(row.arr_minor),
      score: row.score,
      band: row.band,
    })),
  };
}
