import { type SQL, sql } from 'drizzle-orm';
import { addMonths, type MonthRange } from '../../../domain/revenue';
import type { BoardAccountsQuery } from '../../../shared/api/journey.contract';
import type { Db } from '../../db/database';
import { ensureMrrToday, mrrTodayRows } from '../accounts/mrr-today';
import { currentMonthOf } from '../metrics/metrics-range';
import {
  loadStartingCustomerAggregates,
  type StartingCustomerFigures,
} from '../metrics/period-figures.repository';
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

/**
 * Per stage name, the inputs of the stage metrics over its non-churned accounts: seats of running
 * subscriptions (start ≤ today < end) and the 30-day peak of daily active users of the accounts with
 * seats; the 30-day peak of accounts with usage; the current health score (account_health's display
 * score, null when not scored); the latest NPS answer of the last 365 days; and the expansion
 * movements of the monthly MRR facts in the current month and the two before (USD minor units).
 */
export interface StageMetricInputsRow {
  stage: string;
  seatAccounts: number;
  seats: number;
  seatActiveUsers: number;
  usageAccounts: number;
  activeUsers: number;
  scoredAccounts: number;
  healthScoreSum: number;
  npsAnswers: number;
  promoters: number;
  detractors: number;
  expandedAccounts: number;
  expansionMinor: number;
}

/** Which sources the stages' metrics need; a source no stage needs is not read (a false one-time filter). */
export interface StageMetricSourcesNeeded {
  usage: boolean;
  seats: boolean;
  health: boolean;
  nps: boolean;
  expansion: boolean;
}

/**
 * The inputs of every stage's metrics in one query: each needed source is aggregated per account
 * once (hash aggregates over a bounded window), then joined to the accounts and grouped by stage.
 * About 1.3 s at 100,000 accounts with 30 days of usage when every source is needed.
 */
export async function stageMetricInputs(
  db: Db,
  needed: StageMetricSourcesNeeded,
): Promise<StageMetricInputsRow[]> {
  const result = await db.execute<Record<keyof StageMetricInputsRow, string>>(sql`
    WITH usage AS (
      SELECT u.account_id, max(u.active_users) AS active_users
      FROM usage_daily u WHERE ${needed.usage}::boolean AND u.day > current_date - 30 AND u.day <= current_date
      GROUP BY u.account_id
    ),
    seats AS (
      SELECT s.account_id, sum(s.seats) AS seats
      FROM subscriptions s
      WHERE ${needed.seats}::boolean AND s.seats > 0 AND s.start_date <= current_date
        AND (s.end_date IS NULL OR s.end_date > current_date)
      GROUP BY s.account_id
    ),
    health AS (
      SELECT h.account_id, h.display_score FROM account_health h WHERE ${needed.health}::boolean
    ),
    nps AS (
      SELECT DISTINCT ON (r.account_id) r.account_id, r.score
      FROM survey_responses r
      WHERE ${needed.nps}::boolean AND r.survey_kind = 'nps'
        AND r.responded_at > now() - interval '365 days' AND r.responded_at <= now()
      ORDER BY r.account_id, r.responded_at DESC, r.id DESC
    ),
    expansion AS (
      SELECT f.account_id, sum(f.mrr_minor - f.previous_mrr_minor) AS expansion_minor
      FROM account_mrr_monthly f
      WHERE ${needed.expansion}::boolean AND f.movement = 'expansion'
        AND f.month >= (date_trunc('month', current_date) - interval '2 months')::date
        AND f.month <= current_date
      GROUP BY f.account_id
    )
    SELECT a.lifecycle_stage AS "stage",
           count(st.account_id) AS "seatAccounts",
           coalesce(sum(st.seats), 0) AS "seats",
           coalesce(sum(u.active_users) FILTER (WHERE st.account_id IS NOT NULL), 0) AS "seatActiveUsers",
           count(u.account_id) AS "usageAccounts",
           coalesce(sum(u.active_users), 0) AS "activeUsers",
           count(h.display_score) AS "scoredAccounts",
           coalesce(sum(h.display_score), 0) AS "healthScoreSum",
           count(n.account_id) AS "npsAnswers",
           count(*) FILTER (WHERE n.score >= 9) AS "promoters",
           count(*) FILTER (WHERE n.score <= 6) AS "detractors",
           count(e.account_id) AS "expandedAccounts",
           coalesce(sum(e.expansion_minor), 0) AS "expansionMinor"
    FROM accounts a
    LEFT JOIN usage u ON u.account_id = a.id
    LEFT JOIN seats st ON st.account_id = a.id
    LEFT JOIN health h ON h.account_id = a.id
    LEFT JOIN nps n ON n.account_id = a.id
    LEFT JOIN expansion e ON e.account_id = a.id
    WHERE a.status <> 'churned' AND a.lifecycle_stage IS NOT NULL
    GROUP BY a.lifecycle_stage`);
  return result.rows.map((row) => ({
    stage: row.stage,
    seatAccounts: Number(row.seatAccounts),
    seats: Number(row.seats),
    seatActiveUsers: Number(row.seatActiveUsers),
    usageAccounts: Number(row.usageAccounts),
    activeUsers: Number(row.activeUsers),
    scoredAccounts: Number(row.scoredAccounts),
    healthScoreSum: Number(row.healthScoreSum),
    npsAnswers: Number(row.npsAnswers),
    promoters: Number(row.promoters),
    detractors: Number(row.detractors),
    expandedAccounts: Number(row.expandedAccounts),
    expansionMinor: Number(row.expansionMinor),
  }));
}

/** The workspace-wide inputs of the stage metrics that do not depend on the stage. */
export interface WorkspaceMetricInputs {
  /** Accounts (any status) whose go-live date is in the last 180 days, today included. */
  liveAccounts: number;
  /** Median days from first subscription start (else creation day, UTC) to go-live of those; null when none. */
  medianDaysToGoLive: number | null;
  /** GRR over the last three full months (`from`…`to`, 'YYYY-MM'), from the monthly MRR facts. */
  retention: StartingCustomerFigures & MonthRange;
}

/**
 * The workspace-wide metric inputs: go-live dates of the last 180 days in one query, and GRR's
 * inputs for the last three full months (as Metrics computes GRR for those months).
 */
export async function workspaceMetricInputs(db: Db, now: Date): Promise<WorkspaceMetricInputs> {
  const lastFullMonth = addMonths(currentMonthOf(now), -1);
  const period = { from: addMonths(lastFullMonth, -2), to: lastFullMonth };
  const [live, retention] = await Promise.all([
    db.execute<{ live_accounts: string; median_days: number | string | null }>(sql`
      WITH live AS (
        SELECT a.go_live_date - coalesce(
                 (SELECT min(s.start_date) FROM subscriptions s WHERE s.account_id = a.id),
                 (a.created_at AT TIME ZONE 'UTC')::date) AS days
        FROM accounts a
        WHERE a.go_live_date > current_date - 180 AND a.go_live_date <= current_date
      )
      SELECT count(*) AS live_accounts, percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median_days
      FROM live`),
    loadStartingCustomerAggregates(db, period),
  ]);
  const row = live.rows[0]!;
  return {
    liveAccounts: Number(row.live_accounts),
    medianDaysToGoLive: row.median_days === null ? null : Number(row.median_days),
    retention: { ...retention, ...period },
  };
}
