import { type SQL, sql } from 'drizzle-orm';
import type { BoardAccountsQuery } from '../../../shared/api/journey.contract';
import type { Db } from '../../db/database';
import { ensureMrrToday, mrrTodayRows } from '../accounts/mrr-today';
import { wholeDaysSql } from './account-stage.repository';

/**
 * Every non-churned account with its stage, when it entered it (the open history row; the
 * account's creation when there is none), whole days in stage and ARR today in USD minor units.
 */
const onJourney = sql`
  SELECT a.id, a.name, a.owner_id, a.lifecycle_stage AS stage,
         coalesce(h.entered_at, a.created_at) AS entered_at,
         ${wholeDaysSql(sql`coalesce(h.entered_at, a.created_at)`, sql`now()`)} AS days,
         12 * coalesce(m.mrr_minor, 0) AS arr_minor
  FROM accounts a
  LEFT JOIN account_stage_history h
    ON h.account_id = a.id AND h.left_at IS NULL AND h.stage = a.lifecycle_stage
  LEFT JOIN (${mrrTodayRows}) m ON m.account_id = a.id
  WHERE a.status <> 'churned'`;

/** How many accounts of one stage name (null: no stage) have spent a number of whole days in it, and their ARR. */
export interface StageDaysRow {
  stage: string | null;
  days: number;
  accounts: number;
  arrMinor: number;
}

/**
 * The board's figures as a histogram: accounts and ARR per stage name and whole days in stage, in one
 * hash-aggregated pass over the accounts (no sort, whatever their number); the service derives
 * counts, overdue accounts and medians from it.
 */
export async function boardHistogram(db: Db): Promise<StageDaysRow[]> {
  await ensureMrrToday(db);
  const result = await db.execute<{
    stage: string | null;
    days: number;
    accounts: string;
    arr_minor: string;
  }>(sql`
    SELECT j.stage, j.days, count(*) AS accounts, sum(j.arr_minor) AS arr_minor
    FROM (${onJourney}) j
    GROUP BY j.stage, j.days`);
  return result.rows.map((row) => ({
    stage: row.stage,
    days: Number(row.days),
    accounts: Number(row.accounts),
    arrMinor: Number(row.arr_minor),
  }));
}

/** One account of a stage's drill-down. */
export interface BoardAccountRow {
  id: string;
  name: string;
  ownerId: string | null;
  ownerName: string | null;
  arrMinor: number;
  healthBand: string | null;
  enteredAt: Date;
  days: number;
}

const orderBy: Record<BoardAccountsQuery['sort'], SQL> = {
  daysInStage: sql`j.days ASC, lower(j.name), j.id`,
  '-daysInStage': sql`j.days DESC, lower(j.name), j.id`,
  name: sql`lower(j.name) ASC, j.id`,
  '-name': sql`lower(j.name) DESC, j.id`,
  arr: sql`j.arr_minor ASC, lower(j.name), j.id`,
  '-arr': sql`j.arr_minor DESC, lower(j.name), j.id`,
  enteredAt: sql`j.entered_at ASC, lower(j.name), j.id`,
  '-enteredAt': sql`j.entered_at DESC, lower(j.name), j.id`,
};

/** One page of the non-churned accounts in a stage, with the total; `expectedDays` decides overdue. */
export async function boardAccountsPage(
  db: Db,
  stage: { name: string; expectedDays: number | null },
  query: BoardAccountsQuery,
): Promise<{ rows: BoardAccountRow[]; total: number }> {
  await ensureMrrToday(db);
  const overdue = sql`(${stage.expectedDays}::int IS NOT NULL AND j.days > ${stage.expectedDays}::int)`;
  const filter =
    query.overdue === 'true'
      ? sql`AND ${overdue}`
      : query.overdue === 'false'
        ? sql`AND NOT ${overdue}`
        : sql``;
  const result = await db.execute<{
    id: string;
    name: string;
    owner_id: string | null;
    owner_name: string | null;
    arr_minor: string;
    band: string | null;
    entered_at: Date | string;
    days: number;
    total: string;
  }>(sql`
    SELECT j.id, j.name, j.owner_id, u.name AS owner_name, j.arr_minor, ah.band, j.entered_at, j.days,
           count(*) OVER () AS total
    FROM (${onJourney}) j
    LEFT JOIN users u ON u.id = j.owner_id
    LEFT JOIN account_health ah ON ah.account_id = j.id
    WHERE j.stage = ${stage.name} ${filter}
    ORDER BY ${orderBy[query.sort]}
    LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`);
  let total = Number(result.rows[0]?.total ?? 0);
  if (result.rows.length === 0 && query.page > 1) {
    const counted = await db.execute<{ total: string }>(
      sql`SELECT count(*) AS total FROM (${onJourney}) j WHERE j.stage = ${stage.name} ${filter}`,
    );
    total = Number(counted.rows[0]?.total ?? 0);
  }
  return {
    total,
    rows: result.rows.map((row) => ({
      id: row.id,
      name: row.name,
      ownerId: row.owner_id,
      ownerName: row.owner_name,
      arrMinor: Number(row.arr_minor),
      healthBand: row.band,
      enteredAt: new Date(row.entered_at),
      days: Number(row.days),
    })),
  };
}
