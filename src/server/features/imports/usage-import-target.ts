import type { UpsertTarget } from './import-upsert.sql';
import { extrasColumn, withDefault } from './target-columns';

/** Daily usage: one row per (account, day); extra columns are per-event counts, merged by event name. */
export const usageTarget: UpsertTarget = {
  table: 'usage_daily',
  conflictColumns: ['account_id', 'day'],
  hasUpdatedAt: false,
  columns: [
    { column: 'account_id', value: 'r_account_external_id.id', fields: [], onUpdate: 'never' },
    { column: 'day', value: 't.day', fields: [], onUpdate: 'never' },
    withDefault('active_users', '0'),
    withDefault('event_count', '0'),
    extrasColumn('event_counts'),
    { column: 'source', value: '$1::text', fields: [] },
  ],
};
