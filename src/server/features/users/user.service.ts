import { z } from 'zod';
import { generatePassword, hashPassword } from '../../auth/passwords';
import type { Role } from '../../auth/policy';
import type { Db } from '../../db/database';
import { userRoles } from '../../db/schema';
import { sessions } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { badRequest, conflict, notFound } from '../../http/problem';
import { countUsers, findUserByEmail, insertUser, type UserRow, updateUser } from './user.repository';

export const MIN_PASSWORD_LENGTH = 8;

export const newUserSchema = z.strictObject({
  email: z.email().transform((value) => value.toLowerCase()),
  name: z.string().trim().min(1).max(200),
  role: z.enum(userRoles),
  password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
  title: z.string().trim().max(200).optional(),
});
export type NewUser = z.infer<typeof newUserSchema>;

/** Creates a user; 409 when the email is taken. */
export async function createUser(db: Db, input: NewUser & { teamId?: string | null; accountCapacity?: number | null }): Promise<UserRow> {
  const email = input.email.toLowerCase();
  if (await findUserByEmail(db, email)) {
    throw conflict(`A user with email ${email} already exists. Use set-password or set-role to change them.`);
  }
  return insertUser(db, {
    email,
    name: input.name,
    role: input.role,
    title: input.title ?? null,
    teamId: input.teamId ?? null,
    accountCapacity: input.accountCapacity ?? null,
    passwordHash: await hashPassword(input.password),
  });
}

/** Sets a new password and signs the user out everywhere. */
export async function setUserPassword(db: Db, email: string, password: string): Promise<UserRow> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badRequest(`The password must be at least ${MIN_PASSWORD_LENGTH} characters.`, [
      { field: 'password', message: `at least ${MIN_PASSWORD_LENGTH} characters` },
    ]);
  }
  const user = await requireUserByEmail(db, email);
  const updated = await updateUser(db, user.id, { passwordHash: await hashPassword(password) });
  await db.delete(sessions).where(eq(sessions.userId, user.id));
  return updated!;
}

export async function setUserRole(db: Db, email: string, role: Role): Promise<UserRow> {
  const user = await requireUserByEmail(db, email);
  return (await updateUser(db, user.id, { role }))!;
}

export async function requireUserByEmail(db: Db, email: string): Promise<UserRow> {
  const user = await findUserByEmail(db, email);
  if (!user) throw notFound('user', email);
  return user;
}

/**
 * On first start with no users, creates the admin from CYCLE_ADMIN_EMAIL / CYCLE_ADMIN_PASSWORD,
 * or with a generated password that the caller prints once. Returns undefined when users exist.
 */
export async function ensureFirstAdmin(
  db: Db,
  options: { email: string | undefined; password: string | undefined },
): Promise<{ email: string; password: string; generated: boolean } | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const email = (options.email ?? 'admin@cycle.local').toLowerCase();
  const password = options.password ?? generatePassword();
  try {
    await createUser(db, { email, name: 'Administrator', role: 'admin', password });
  } catch (error) {
    if ((await countUsers(db)) > 0) return undefined; // another process created it at the same moment
    throw error;
  }
  return { email, password, generated: options.password === undefined };
}
