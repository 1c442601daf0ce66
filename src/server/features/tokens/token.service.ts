import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { TokenScope } from '../../auth/policy';
import { generateSecret, hashSecret } from '../../auth/secret-tokens';
import type { Db } from '../../db/database';
import { apiTokens } from '../../db/schema';
import { notFound } from '../../http/problem';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** Creates an API token for a user; the secret is returned once and only its hash is stored. */
export async function createApiToken(
  db: Db,
  input: { userId: string; name: string; scope: TokenScope },
): Promise<{ token: string; row: ApiTokenRow }> {
  const token = generateSecret('cyc');
  const [row] = await db
    .insert(apiTokens)
    .values({ userId: input.userId, name: input.name, scope: input.scope, tokenHash: hashSecret(token), prefix: token.slice(0, 10) })
    .returning();
  return { token, row: row! };
}

export function listApiTokens(db: Db, userId: string): Promise<ApiTokenRow[]> {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
}

/** Revokes one of the user's tokens; 404 if it is not theirs or already revoked. */
export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<void> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (revoked.length === 0) throw notFound('active API token of yours', tokenId);
}
