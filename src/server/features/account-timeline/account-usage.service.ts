import { sql } from 'drizzle-orm';
import type { AccountUsage } from '../../../shared/api/account-tabs.contract';
import type { Db } from '../../db/database';
import { requireAccount } from '../accounts/account.service';

type UsageDayRow = {
  day: string;
  activeUsers: number;
  events: number;
  recorded: boolean;
};

/**
 * Daily active users and events of an account over the `days` days ending today (UTC), every day
 * present (no row means no usage: 0), against the seats of its subscriptions active today.
 */
export async function getAccountUsage(db: Db, accountId: string, days: number): Promise<AccountUsage> {
  await requireAccount(db, accountId);
  const [dailyResult, seatsResult] = await Promise.all([
    db.execute<UsageDayRow>(sql`
      SELECT to_char(d.day, 'YYYY-MM-DD') AS "day", coalesce(u.active_users, 0) AS "activeUsers",
             coalesce(u.event_count, 0) AS "events", (u.day IS NOT NULL) AS "recorded"
      FROM generate_series(current_date - ${days - 1}::int, current_date, interval '1 day') AS d(day)
      LEFT JOIN usage_daily u ON u.account_id = ${accountId} AND u.day = d.day::date
      ORDER BY d.day`),
    db.execute<{ seats: number | null }>(sql`
      SELECT sum(seats)::int AS seats FROM subscriptions
      WHERE account_id = ${accountId} AND start_date <= current_date AND (end_date IS NULL OR end_date > current_date)`),
  ]);
  const daily = dailyResult.rows;
  const recorded = daily.filter((day) => day.recorded);
  const averageActiveUsers =
    recorded.length === 0 ? null : recorded.reduce((sum, day) => sum + day.activeUsers, 0) / recorded.length;
  const seatsPurchased = seatsResult.rows[0]?.seats ?? null;
  const lastActive = [...recorded].reverse().find((day) => day.activeUsers > 0);
  return {
    days,
    from: daily[0]!.day,
    to: daily[daily.length - 1]!.day,
    seatsPurchased,
    daily: daily.map(({ day, activeUsers, events }) => ({ day, activeUsers, events })),
    averageActiveUsers,
    peakActiveUsers: recorded.length === 0 ? null : Math.max(...recorded.map((day) => day.activeUsers)),
    totalEvents: daily.reduce((sum, day) => sum + day.events, 0),
    seatUtilisation:
      averageActiveUsers !== null && seatsPurchased ? averageActiveUsers / seatsPurchased : null,
    lastActiveDay: lastActive?.day ?? null,
  };
}
