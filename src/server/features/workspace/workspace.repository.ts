import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';
import { workspaceSettings } from '../../db/schema';

export async function readSetting<T>(db: Db | Tx, key: string): Promise<T | undefined> {
  const [row] = await db.select().from(workspaceSettings).where(eq(workspaceSettings.key, key));
  return row?.value as T | undefined;
}

export async function writeSetting(db: Db | Tx, key: string, value: unknown): Promise<void> {
  await db
    .insert(workspaceSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: workspaceSettings.key, set: { value, updatedAt: sql`now()` } });
}
