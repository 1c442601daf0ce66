import { z } from 'zod';
import { userRoles } from './enums';

/** One of our people, as GET /api/v1/users lists them. */
export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(userRoles),
  title: z.string().nullable(),
  team: z.string().nullable(),
  accountCapacity: z.number().int().nullable(),
  ownedAccounts: z.number().int(),
  disabled: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

export const userListResponseSchema = z.object({ items: z.array(userSchema) });
