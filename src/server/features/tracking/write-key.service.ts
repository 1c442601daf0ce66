import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { generateSecret, hashSecret } from '../../auth/secret-tokens';
import type { Db } from '../../db/database';
import { writeKeys } from '../../db/schema';
import { badRequest, conflict, notFound } from '../../http/problem';

export type WriteKeyRow = typeof writeKeys.$inferSelect;

/** Source names: what a team would call a product or app ("web-app", "ios"), safe in URLs and logs. */
export const SOURCE_PATTERN = /^[a-z0-9][a-z0-9._-]{0,62}$/;

/**
 * Creates the write key of a source (one active key per source); the key is returned once and only
 * its hash is stored. A source that already has an active key gets a 409 saying to revoke it first.
 */
export async function createWriteKey(
  db: Db,
  input: { source: string; createdBy: string | null },
): Promise<{ key: string; row: WriteKeyRow }> {
  if (!SOURCE_PATTERN.test(input.source)) {
    throw badRequest(
      `Source "${input.source}" is not a valid name: use 1–63 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit (e.g. web-app).`,
      [{ field: 'body.source', message: 'lower-case letters, digits, ".", "_" or "-"' }],
    );
  }
  const active = await db
    .select({ id: writeKeys.id })
    .from(writeKeys)
    .where(and(eq(writeKeys.source, input.source), isNull(writeKeys.revokedAt)));
  if (active.length > 0) {
    throw conflict(
      `Source "${input.source}" already has an active write key (${active[0]!.id}). Revoke it first, then create a new one.`,
      [{ field: 'body.source', message: 'already has an active write key' }],
    );
  }
  const key = generateSecret('cwk');
  const [row] = await db
    .insert(writeKeys)
    .values({
      source: input.source,
      keyHash: hashSecret(key),
      prefix: key.slice(0, 10),
      createdBy: input.createdBy,
    })
    .returning();
  return { key, row: row! };
}

/** Every write key, active first, newest first. */
export function listWriteKeys(db: Db): Promise<WriteKeyRow[]> {
  return db
    .select()
    .from(writeKeys)
    .orderBy(sql`${writeKeys.revokedAt} IS NOT NULL`, desc(writeKeys.createdAt));
}

/** Revokes a key by id or by its source's active key; events sent with it get 401 from then on. */
export async function revokeWriteKey(
  db: Db,
  reference: { id?: string; source?: string },
): Promise<WriteKeyRow> {
  const where =
    reference.id !== undefined
      ? eq(writeKeys.id, reference.id)
      : eq(writeKeys.source, reference.source ?? '');
  const [row] = await db
    .update(writeKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(where, isNull(writeKeys.revokedAt)))
    .returning();
  if (!row) throw notFound('active write key', reference.id ?? `for source ${reference.source}`);
  activeKeys.delete(row.keyHash);
  return row;
}

/**
 * Keys found active in the last second, by hash: a stream of requests costs one lookup a second per
 * key. A revoke in this process clears it at once; one made elsewhere (the CLI, another server)
 * takes effect within a second.
 */
const activeKeys = new Map<string, { key: { id: string; source: string }; until: number }>();
const ACTIVE_KEY_MS = 1_000;

/** The active key's id and source for a presented key, or null (unknown or revoked). */
export async function findActiveWriteKey(
  db: Db,
  key: string,
  now = Date.now(),
): Promise<{ id: string; source: string } | null> {
  const hash = hashSecret(key);
  const cached = activeKeys.get(hash);
  if (cached !== undefined && cached.until > now) return cached.key;
  const [row] = await db
    .select({ id: writeKeys.id, source: writeKeys.source })
    .from(writeKeys)
    .where(and(eq(writeKeys.keyHash, hash), isNull(writeKeys.revokedAt)));
  if (row === undefined) {
    activeKeys.delete(hash);
    return null;
  }
  if (activeKeys.size > 1_000) activeKeys.clear();
  activeKeys.set(hash, { key: row, until: now + ACTIVE_KEY_MS });
  return row;
}

/** When this process last wrote each key's last_used_at (ms): written at most once a minute. */
const lastUsedWritten = new Map<string, number>();
const LAST_USED_EVERY_MS = 60_000;

/** Records that a write key was used, at most once a minute per key and process (off the ingest statement). */
export async function touchWriteKey(db: Db, id: string, now = Date.now()): Promise<void> {
  const written = lastUsedWritten.get(id);
  if (written !== undefined && now - written < LAST_USED_EVERY_MS) return;
  lastUsedWritten.set(id, now);
  await db.update(writeKeys).set({ lastUsedAt: sql`now()` }).where(eq(writeKeys.id, id));
}
