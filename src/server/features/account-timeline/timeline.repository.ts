import type { TimelineKind } from '../../../shared/api/account-timeline.contract';
import type { Executor } from '../revenue/mrr-facts.repository';
import type { TimelineCursor } from './timeline-cursor';
import { timelinePageQuery } from './timeline.sql';

/** One merged timeline row as PostgreSQL returns it; `payload` is the source's own fields. */
export type TimelineRow = {
  /** ISO 8601 in UTC, to the millisecond. */
  at: string;
  entry_key: string;
  kind: TimelineKind;
  payload: Record<string, unknown>;
  /** Microseconds since the epoch, as text (exact beyond a Date's milliseconds). */
  at_micros: string;
};

/** Up to `limit` timeline rows of an account older than `cursor` (all when null), newest first. */
export async function findTimelineRows(
  db: Executor,
  input: { accountId: string; kinds: readonly TimelineKind[]; cursor: TimelineCursor | null; limit: number },
): Promise<TimelineRow[]> {
  const result = await db.execute<TimelineRow>(timelinePageQuery(input));
  return result.rows;
}
