import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns';
import { users } from './people';

/** One CSV import: what was loaded, by whom, and its counts. */
export const importRuns = pgTable('import_runs', {
  id: id(),
  kind: text('kind').notNull(),
  source: text('source').notNull(),
  fileName: text('file_name'),
  status: text('status', { enum: ['completed', 'rejected'] }).notNull(),
  inserted: integer('inserted').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  rejected: integer('rejected').notNull().default(0),
  /** Up to the first 1,000 row errors: { row, column, value, reason }. */
  errors: jsonb('errors').$type<unknown[]>().notNull().default([]),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }).notNull().defaultNow(),
});
