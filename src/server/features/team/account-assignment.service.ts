import { sql } from 'drizzle-orm';
import {
  accountRoleLabels,
  accountRoles,
  type AccountAssignmentChange,
  type AccountAssignments,
  type AccountRole,
} from '../../../shared/api/team.contract';
import type { Actor } from '../../auth/policy';
import type { Db } from '../../db/database';
import { badRequest, forbidden } from '../../http/problem';
import { assertCanWriteAccount, requireAccount } from '../accounts/account.service';

type HolderRow = {
  role: AccountRole;
  user_id: string;
  name: string;
  email: string;
  since: Date | string | null;
};

/**
 * Who looks after an account on our side, by role: the CSM (accounts.owner_id), the executive
 * sponsor (accounts.exec_sponsor_id), the onboarding and support leads (account_assignments).
 */
export async function getAccountAssignments(db: Db, accountId: string): Promise<AccountAssignments> {
  await requireAccount(db, accountId);
  const result = await db.execute<HolderRow>(sql`
    SELECT 'csm' AS role, u.id AS user_id, u.name, u.email, a.owner_since AS since
    FROM accounts a JOIN users u ON u.id = a.owner_id WHERE a.id = ${accountId}
    UNION ALL
    SELECT 'executive_sponsor', u.id, u.name, u.email, NULL
    FROM accounts a JOIN users u ON u.id = a.exec_sponsor_id WHERE a.id = ${accountId}
    UNION ALL
    SELECT aa.role, u.id, u.name, u.email, aa.since
    FROM account_assignments aa JOIN users u ON u.id = aa.user_id WHERE aa.account_id = ${accountId}`);
  const byRole = new Map(result.rows.map((row) => [row.role, row]));
  return {
    accountId,
    items: accountRoles.map((role) => {
      const holder = byRole.get(role);
      return {
        role,
        label: accountRoleLabels[role],
        user: holder ? { id: holder.user_id, name: holder.name, email: holder.email } : null,
        since: holder?.since ? new Date(holder.since).toISOString() : null,
      };
    }),
  };
}

/**
 * Gives a role on an account to a person (or clears it with null). Managers and admins assign any
 * role; a CSM only on accounts they own, and may not hand the account (the CSM role) to someone else.
 * The user must exist and be active.
 */
export async function changeAccountAssignment(
  db: Db,
  actor: Actor,
  accountId: string,
  input: AccountAssignmentChange,
): Promise<AccountAssignments> {
  const account = await requireAccount(db, accountId);
  assertCanWriteAccount(actor, account);
  if (actor.role === 'csm' && input.role === 'csm' && input.userId !== actor.userId) {
    throw forbidden('A CSM cannot hand an account to someone else; ask a manager to reassign it.');
  }
  if (input.userId !== null) {
    const found = await db.execute<{ name: string; disabled: boolean }>(
      sql`SELECT name, disabled_at IS NOT NULL AS disabled FROM users WHERE id = ${input.userId}`,
    );
    const user = found.rows[0];
    const problem = !user
      ? `no user with id ${input.userId}; list people with GET /api/v1/people`
      : user.disabled
        ? `${user.name} is deactivated; pick an active person`
        : null;
    if (problem)
      throw badRequest(`Nothing was changed. body.userId: ${problem}`, [
        { field: 'body.userId', message: problem },
      ]);
  }
  await db.transaction(async (tx) => {
    if (input.role === 'csm') {
      await tx.execute(sql`
        UPDATE accounts SET owner_id = ${input.userId}::uuid, updated_at = now()
        WHERE id = ${accountId} AND owner_id IS DISTINCT FROM ${input.userId}::uuid`);
    } else if (input.role === 'executive_sponsor') {
      await tx.execute(sql`
        UPDATE accounts SET exec_sponsor_id = ${input.userId}::uuid, updated_at = now()
        WHERE id = ${accountId} AND exec_sponsor_id IS DISTINCT FROM ${input.userId}::uuid`);
    } else if (input.userId === null) {
      await tx.execute(
        sql`DELETE FROM account_assignments WHERE account_id = ${accountId} AND role = ${input.role}`,
      );
    } else {
      await tx.execute(sql`
        INSERT INTO account_assignments (account_id, role, user_id) VALUES (${accountId}, ${input.role}, ${input.userId})
        ON CONFLICT (account_id, role) DO UPDATE SET user_id = excluded.user_id, since = now()
        WHERE account_assignments.user_id <> excluded.user_id`);
    }
  });
  return getAccountAssignments(db, accountId);
}
