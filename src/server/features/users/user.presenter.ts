import { z } from 'zod';
import { userRoles } from '../../db/schema';

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
export type UserDto = z.infer<typeof userSchema>;

export function presentUser(row: {
  id: string;
  email: string;
  name: string;
  role: (typeof userRoles)[number];
  title: string | null;
  teamName?: string | null;
  accountCapacity: number | null;
  ownedAccounts?: number;
  disabledAt: Date | null;
}): UserDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    title: row.title,
    team: row.teamName ?? null,
    accountCapacity: row.accountCapacity,
    ownedAccounts: row.ownedAccounts ?? 0,
    disabled: row.disabledAt !== null,
  };
}
