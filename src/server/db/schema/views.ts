import { sql } from 'drizzle-orm';
import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import { users } from './people';

/**
 * A user's saved portfolio view: a name and the view's URL query string (filters, sort, columns), so
 * opening it is the same as following a shared link. Names are unique per user, case-insensitively.
 */
export const savedViews = pgTable(
  'saved_views',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Which list the view belongs to (`accounts` for the portfolio). */
    page: text('page').notNull(),
    name: text('name').notNull(),
    /** The view's URL query string without the leading "?", e.g. `status=active&band=0&sort=-arr`. */
    query: text('query').notNull(),
    ...timestamps(),
  },
  (table) => [uniqueIndex('saved_views_user_page_name_key').on(table.userId, table.page, sql`lower(${table.name})`)],
);
