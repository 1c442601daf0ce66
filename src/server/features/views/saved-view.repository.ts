import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { savedViews } from '../../db/schema';

export type SavedViewRow = typeof savedViews.$inferSelect;

/** A user's views of one list, by name (case-insensitive). */
export async function listSavedViews(db: Db, userId: string, page: string): Promise<SavedViewRow[]> {
  return db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.userId, userId), eq(savedViews.page, page)))
    .orderBy(asc(sql`lower(${savedViews.name})`), asc(savedViews.id));
}

/** One view, only when it belongs to the user: another user's view is as good as missing. */
export async function findOwnSavedView(
  db: Db,
  userId: string,
  id: string,
): Promise<SavedViewRow | undefined> {
  const [row] = await db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.userId, userId)));
  return row;
}

export async function insertSavedView(db: Db, values: typeof savedViews.$inferInsert): Promise<SavedViewRow> {
  const [row] = await db.insert(savedViews).values(values).returning();
  return row!;
}

/** Updates the user's own view; undefined when there is none with this id. */
export async function updateOwnSavedView(
  db: Db,
  userId: string,
  id: string,
  changes: { name?: string; query?: string },
): Promise<SavedViewRow | undefined> {
  const [row] = await db
    .update(savedViews)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(savedViews.id, id), eq(savedViews.userId, userId)))
    .returning();
  return row;
}

/** Deletes the user's own view; false when there is none with this id. */
export async function deleteOwnSavedView(db: Db, userId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.userId, userId)))
    .returning({ id: savedViews.id });
  return deleted.length > 0;
}
