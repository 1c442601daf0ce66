import { eq, sql } from 'drizzle-orm';
import type { AccountReassign, AccountReassignResult } from '../../../shared/api/accounts.contract';
import type { Db } from '../../db/database';
import { users } from '../../db/schema';
import { badRequest, type ProblemItem } from '../../http/problem';

/** How many unknown ids a 400 names before saying "and N more". */
const NAMED_IDS = 10;

/**
 * Moves the accounts to one owner (or none) in one transaction. Every id must exist and the owner
 * must be an active user; otherwise a 400 names what is wrong and nothing changes.
 * @example await reassignAccounts(db, { accountIds: [a, b], ownerId: csmId }) // { requested: 2, reassigned: 1, unchanged: 1, … }
 */
export async function reassignAccounts(db: Db, input: AccountReassign): Promise<AccountReassignResult> {
  const ids = [...new Set(input.accountIds)];
  return db.transaction(async (tx) => {
    const errors: ProblemItem[] = [];
    let owner: AccountReassignResult['owner'] = null;
    if (input.ownerId) {
      const [user] = await tx
        .select({ id: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt })
        .from(users)
        .where(eq(users.id, input.ownerId));
      if (!user)
        errors.push({
          field: 'body.ownerId',
          message: `no user with id ${input.ownerId}; list users with GET /api/v1/users`,
        });
      else if (user.disabledAt)
        errors.push({
          field: 'body.ownerId',
          message: `${user.name} (${user.email}) is deactivated; pick an active user`,
        });
      else owner = { id: user.id, name: user.name, email: user.email };
    }
    // Locks the rows so a concurrent reassign or delete waits for this one.
    const found = await tx.execute<{ id: string }>(
      sql`SELECT id FROM accounts WHERE id = ANY(${sql.param(ids)}::uuid[]) FOR UPDATE`,
    );
    const existing = new Set(found.rows.map((row) => row.id));
    const missing = ids.filter((id) => !existing.has(id));
    if (missing.length > 0) {
      const named = missing.slice(0, NAMED_IDS).join(', ');
      const more = missing.length > NAMED_IDS ? ` and ${missing.length - NAMED_IDS} more` : '';
      errors.push({
        field: 'body.accountIds',
        message: `${missing.length} unknown account id${missing.length === 1 ? '' : 's'}: ${named}${more}; they may have been deleted — reload the list and try again`,
      });
    }
    if (errors.length > 0)
      throw badRequest(
        `Nothing was reassigned. ${errors.map((error) => `${error.field}: ${error.message}`).join('; ')}`,
        errors,
      );

    const ownerId = input.ownerId ?? null;
    const updated = await tx.execute<{ id: string }>(sql`
      UPDATE accounts SET owner_id = ${ownerId}::uuid, updated_at = now()
      WHERE id = ANY(${sql.param(ids)}::uuid[]) AND owner_id IS DISTINCT FROM ${ownerId}::uuid
      RETURNING id`);
    const reassigned = updated.rows.length;
    return { requested: ids.length, reassigned, unchanged: ids.length - reassigned, owner };
  });
}
