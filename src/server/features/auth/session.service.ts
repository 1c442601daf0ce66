import { eq, lt } from 'drizzle-orm';
import { verifyPassword } from '../../auth/passwords';
import { generateSecret, hashSecret } from '../../auth/secret-tokens';
import type { Db } from '../../db/database';
import { sessions } from '../../db/schema';
import { unauthorized } from '../../http/problem';
import { findUserByEmail, type UserRow } from '../users/user.repository';

export const SESSION_DAYS = 30;

// A fixed hash to compare against when the email is unknown, so both cases take the same time.
const UNKNOWN_USER_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Checks the credentials and opens a session; the returned token goes in the cookie. */
export async function signIn(db: Db, email: string, password: string): Promise<{ token: string; user: UserRow; expiresAt: Date }> {
  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || !valid || user.disabledAt) {
    throw unauthorized('The email or password is wrong.');
  }
  const token = generateSecret('cys');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  await db.insert(sessions).values({ tokenHash: hashSecret(token), userId: user.id, expiresAt });
  return { token, user, expiresAt };
}

export async function signOut(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashSecret(token)));
}
