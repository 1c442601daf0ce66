/** One dated score: `date` is a UTC calendar day, YYYY-MM-DD; `score` is 0–100. */
export type DatedScore = { date: string; score: number };

export type TrendChange =
  | { status: 'known'; change: number; fromDate: string; fromScore: number }
  | { status: 'unknown'; reason: string };

export type ScoreTrend = {
  current: DatedScore | null;
  /** Score change in points against the latest snapshot on or before 7 days before `today`. */
  vs7Days: TrendChange;
  /** Same, against 30 days before `today`. */
  vs30Days: TrendChange;
};

/**
 * The current score (latest snapshot on or before `today`, YYYY-MM-DD) and its change in points vs.
 * the latest snapshot on or before 7 and 30 days earlier; same-day snapshots: the last listed wins.
 * @example scoreTrend([{ date: '2024-05-01', score: 60 }, { date: '2024-05-08', score: 52 }], '2024-05-08').vs7Days // { status: 'known', change: -8, … }
 */
export function scoreTrend(history: readonly DatedScore[], today: string): ScoreTrend {
  const sorted = history
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => compareDates(a.entry.date, b.entry.date) || a.index - b.index)
    .map(({ entry }) => entry);
  const current = latestOnOrBefore(sorted, today);
  const changeSince = (days: number): TrendChange => {
    if (current === null) return { status: 'unknown', reason: `No score on or before ${today}` };
    const then = shiftDate(today, -days);
    const past = latestOnOrBefore(sorted, then);
    if (past === null)
      return { status: 'unknown', reason: `No score on or before ${then} (${days} days before ${today})` };
    return {
      status: 'known',
      change: current.score - past.score,
      fromDate: past.date,
      fromScore: past.score,
    };
  };
  return { current, vs7Days: changeSince(7), vs30Days: changeSince(30) };
}

function latestOnOrBefore(sorted: readonly DatedScore[], date: string): DatedScore | null {
  let found: DatedScore | null = null;
  for (const entry of sorted) {
    if (entry.date > date) break;
    found = entry;
  }
  return found;
}

function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function shiftDate(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + days));
  return shifted.toISOString().slice(0, 10);
}
