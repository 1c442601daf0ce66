import { eq, sql } from 'drizzle-orm';
import type { Account360 } from '../../../shared/api/account-360.contract';
import type {
  AccountCreate,
  AccountListFilters,
  AccountSummary,
  AccountUpdate,
} from '../../../shared/api/accounts.contract';
import { type Actor, can, canWriteAccount } from '../../auth/policy';
import type { Db } from '../../db/database';
import { subscriptions } from '../../db/schema';
import { refreshMrrFactsInTransaction } from '../revenue/mrr-facts.repository';
import { badRequest, conflict, forbidden, notFound } from '../../http/problem';
import { latestNpsScore, loadAccountRelations } from './account-360.repository';
import { presentAccount360, presentAccountSummary, presentListRow } from './account.presenter';
import {
  type AccountRow,
  currentMrrOf,
  deleteAccountRow,
  descendantIds,
  findAccount,
  findUserRefs,
  insertAccount,
  listAccounts,
  updateAccountRow,
} from './account.repository';

/** Today as YYYY-MM-DD in UTC. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** One page of the portfolio for the signed-in user ("owner=me" is them; renewal windows count from today, UTC). */
export async function listAccountsForActor(db: Db, actor: Actor, filters: AccountListFilters) {
  const { rows, total } = await listAccounts(db, filters, { actorUserId: actor.userId, today: todayUtc() });
  return { items: rows.map(presentListRow), total, page: filters.page, pageSize: filters.pageSize };
}

export async function requireAccount(db: Db, id: string): Promise<AccountRow> {
  const account = await findAccount(db, id);
  if (!account) throw notFound('account', id);
  return account;
}

/** Refuses a write by a CSM on an account outside their book. */
export function assertCanWriteAccount(actor: Actor, account: AccountRow): void {
  if (!canWriteAccount(actor, account)) {
    throw forbidden(`Only the account's owner, a manager or an admin can change ${account.name}.`);
  }
}

export async function getAccount360(db: Db, actor: Actor, id: string): Promise<Account360> {
  const account = await requireAccount(db, id);
  const [relations, latestNps, familyIds, parent] = await Promise.all([
    loadAccountRelations(db, id),
    latestNpsScore(db, id),
    descendantIds(db, id),
    account.parentId ? findAccount(db, account.parentId) : Promise.resolve(undefined),
  ]);
  const mrrByAccount = await currentMrrOf(db, familyIds);
  const rollupMrrMinor = familyIds.reduce((sum, accountId) => sum + (mrrByAccount.get(accountId) ?? 0), 0);
  const people = await findUserRefs(
    db,
    [account.ownerId, account.execSponsorId].filter((value): value is string => Boolean(value)),
  );
  return presentAccount360({
    account,
    mrrByAccount,
    rollupMrrMinor,
    owner: (account.ownerId && people.get(account.ownerId)) || null,
    execSponsor: (account.execSponsorId && people.get(account.execSponsorId)) || null,
    parent: parent ? { id: parent.id, name: parent.name } : null,
    relations,
    latestNps,
    today: todayUtc(),
    permissions: { canEdit: canWriteAccount(actor, account), canDelete: can(actor, 'accounts.delete') },
  });
}

async function validateReferences(db: Db, input: AccountUpdate, accountId?: string): Promise<void> {
  const errors = [];
  const userIds = [input.ownerId].filter((value): value is string => Boolean(value));
  const found = await findUserRefs(db, userIds);
  if (input.ownerId && !found.has(input.ownerId)) {
    errors.push({
      field: 'body.ownerId',
      message: `no user with id ${input.ownerId}; list users with GET /api/v1/users`,
    });
  }
  if (input.parentId) {
    const parent = await findAccount(db, input.parentId);
    if (!parent) {
      errors.push({ field: 'body.parentId', message: `no account with id ${input.parentId}` });
    } else if (accountId && (await descendantIds(db, accountId)).includes(input.parentId)) {
      errors.push({
        field: 'body.parentId',
        message: 'an account cannot be placed under itself or one of its own children',
      });
    }
  }
  if (errors.length > 0)
    throw badRequest(errors.map((error) => `${error.field}: ${error.message}`).join('; '), errors);
}

function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: string; cause?: { code?: string } }).code ??
    (error as { cause?: { code?: string } }).cause?.code;
  return code === '23505';
}

export async function createAccount(db: Db, actor: Actor, input: AccountCreate): Promise<AccountSummary> {
  if (actor.role === 'csm' && input.ownerId && input.ownerId !== actor.userId) {
    throw forbidden(
      'A CSM can create accounts only in their own book; leave ownerId empty or set it to yourself.',
    );
  }
  const ownerId =
    input.ownerId === undefined && actor.role === 'csm' ? actor.userId : (input.ownerId ?? null);
  await validateReferences(db, { ...input, ownerId });
  try {
    const row = await insertAccount(db, {
      ...input,
      ownerId,
      source: input.source ?? 'manual',
      traits: input.traits ?? {},
    });
    const owner = ownerId ? ((await findUserRefs(db, [ownerId])).get(ownerId) ?? null) : null;
    return presentAccountSummary({ ...row, mrrMinor: 0 }, owner);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(
        `An account with source "${input.source ?? 'manual'}" and external id "${input.externalId}" already exists.`,
        [{ field: 'body.externalId', message: 'already used by another account of this source' }],
      );
    }
    throw error;
  }
}

export async function updateAccount(
  db: Db,
  actor: Actor,
  id: string,
  input: AccountUpdate,
): Promise<AccountSummary> {
  const account = await requireAccount(db, id);
  assertCanWriteAccount(actor, account);
  if (actor.role === 'csm' && input.ownerId !== undefined && input.ownerId !== actor.userId) {
    throw forbidden('A CSM cannot hand an account to someone else; ask a manager to reassign it.');
  }
  await validateReferences(db, input, id);
  const changes = {
    ...input,
    ...(input.traits
      ? { traits: sql`${account.traits}::jsonb || ${JSON.stringify(input.traits)}::jsonb` }
      : {}),
  };
  try {
    // A stage set here is a person's doing: the stage history says so, and who (see migration 0008).
    const row =
      input.lifecycleStage !== undefined
        ? await db.transaction(async (tx) => {
            await tx.execute(
              sql`SELECT set_config('cycle.stage_source', 'manual', true), set_config('cycle.actor_id', ${actor.userId}, true)`,
            );
            return updateAccountRow(tx, id, changes);
          })
        : await updateAccountRow(db, id, changes);
    const mrr = (await currentMrrOf(db, [id])).get(id) ?? 0;
    const owner = row!.ownerId ? ((await findUserRefs(db, [row!.ownerId])).get(row!.ownerId) ?? null) : null;
    return presentAccountSummary({ ...row!, mrrMinor: mrr }, owner);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('Another account already has this source and external id.');
    throw error;
  }
}

/** Deletes an account with everything recorded on it, taking its revenue out of the monthly totals first. */
export async function deleteAccount(db: Db, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(subscriptions).where(eq(subscriptions.accountId, id));
    await refreshMrrFactsInTransaction(tx, [id]);
    if (!(await deleteAccountRow(tx, id))) throw notFound('account', id);
  });
}
