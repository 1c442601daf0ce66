import {
  type TimelineQuery,
  type TimelineResponse,
  timelineKinds,
} from '../../../shared/api/account-timeline.contract';
import type { Db } from '../../db/database';
import { requireAccount } from '../accounts/account.service';
import { decodeTimelineCursor, encodeTimelineCursor } from './timeline-cursor';
import { presentTimelineEntry } from './timeline.presenter';
import { findTimelineRows } from './timeline.repository';

/**
 * One page of an account's timeline (activities, tickets opened and resolved, survey answers,
 * health changes, MRR movements), newest first, keyset-paginated: no entry is skipped or repeated
 * between pages even when new entries arrive meanwhile.
 */
export async function getAccountTimeline(
  db: Db,
  accountId: string,
  query: TimelineQuery,
): Promise<TimelineResponse> {
  const cursor = query.before === undefined ? null : decodeTimelineCursor(query.before);
  await requireAccount(db, accountId);
  const kinds = query.kinds ? [...new Set(query.kinds)] : [...timelineKinds];
  // One row more than asked tells whether an older page exists.
  const rows = await findTimelineRows(db, { accountId, kinds, cursor, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > query.limit && last
      ? encodeTimelineCursor({ atMicros: last.at_micros, key: last.entry_key })
      : null;
  return { items: page.map(presentTimelineEntry), nextCursor };
}
