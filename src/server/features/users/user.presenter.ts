import { type User, userSchema } from '../../../shared/api/users.contract';
import { userRoles } from '../../db/schema';

export { userSchema };
export type UserDto = User;

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
