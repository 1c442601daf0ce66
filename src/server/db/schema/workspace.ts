import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Workspace-wide settings as key/value (e.g. `demo` while the demo workspace is loaded). */
export const workspaceSettings = pgTable('workspace_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
