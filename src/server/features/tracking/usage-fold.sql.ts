/**
 * CTEs that fold the events of a CTE named `landed` (columns source, account_id, user_key, type,
 * event, occurred_at: events whose transactions finished since the last fold, or waiting ones just
 * attributed) into the daily aggregates:
 * usage_daily_users gets each (account, UTC day, user) once, and usage_daily adds the events, the
 * count per event name and the users not seen that day before. Only rows that changed state in this
 * statement are folded, so a replayed message never counts twice. New usage_daily rows take the
 * source of their events (the first by name when several sources sent that day).
 *
 * Event names: a track call counts under its event name, page and screen calls under
 * `page:<name>` / `screen:<name>`.
 */
export function usageFoldCtes(): string {
  return `
folded AS (
  SELECT source, account_id, (occurred_at AT TIME ZONE 'UTC')::date AS day, user_key,
         CASE WHEN type = 'track' THEN event ELSE type || ':' || event END AS name
  FROM landed WHERE account_id IS NOT NULL
),
new_users AS (
  INSERT INTO usage_daily_users (account_id, day, user_key)
  SELECT DISTINCT account_id, day, user_key FROM folded f
  -- A probe is cheaper than a refused insert, and most users were seen that day already.
  WHERE NOT EXISTS (
    SELECT 1 FROM usage_daily_users u WHERE u.account_id = f.account_id AND u.day = f.day AND u.user_key = f.user_key
  )
  ORDER BY 1, 2, 3
  ON CONFLICT DO NOTHING
  RETURNING account_id, day
),
named AS (SELECT account_id, day, name, min(source) AS source, count(*) AS n FROM folded GROUP BY 1, 2, 3),
per_day AS (
  SELECT account_id, day, min(source) AS source, sum(n)::int AS events, jsonb_object_agg(name, n) AS counts
  FROM named GROUP BY 1, 2
),
new_user_counts AS (SELECT account_id, day, count(*)::int AS users FROM new_users GROUP BY 1, 2),
daily AS (
  INSERT INTO usage_daily (account_id, day, active_users, event_count, event_counts, source)
  SELECT p.account_id, p.day, coalesce(n.users, 0), p.events, p.counts, p.source
  FROM per_day p LEFT JOIN new_user_counts n ON n.account_id = p.account_id AND n.day = p.day
  ORDER BY p.account_id, p.day
  ON CONFLICT (account_id, day) DO UPDATE SET
    active_users = usage_daily.active_users + excluded.active_users,
    event_count = usage_daily.event_count + excluded.event_count,
    -- The day's names and counts, with each name this fold counted added to its count.
    event_counts = usage_daily.event_counts || coalesce((
      SELECT jsonb_object_agg(added.key, added.value::bigint + coalesce((usage_daily.event_counts ->> added.key)::bigint, 0))
      FROM jsonb_each_text(excluded.event_counts) added
    ), '{}'::jsonb)
  RETURNING account_id
)`;
}
