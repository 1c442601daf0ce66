import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Activity, ActivityCreate } from '../../../shared/api/activities.contract';
import type { Actor } from '../../auth/policy';
import type { Db } from '../../db/database';
import { activities, contacts, users } from '../../db/schema';
import { badRequest } from '../../http/problem';
import { presentActivity } from '../accounts/account.presenter';
import { assertCanWriteAccount, requireAccount } from '../accounts/account.service';

export async function listActivities(db: Db, accountId: string, page: number, pageSize: number) {
  await requireAccount(db, accountId);
  const [rows, totals] = await Promise.all([
    db
      .select({ activity: activities, userName: users.name })
      .from(activities)
      .leftJoin(users, eq(users.id, activities.userId))
      .where(eq(activities.accountId, accountId))
      .orderBy(desc(activities.occurredAt), desc(activities.createdAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ value: count() }).from(activities).where(eq(activities.accountId, accountId)),
  ]);
  return { items: rows.map((row) => presentActivity(row.activity, row.userName)), total: totals[0]?.value ?? 0, page, pageSize };
}

/** Logs a touch on an account's timeline as the acting user. */
export async function logActivity(db: Db, actor: Actor, accountId: string, input: ActivityCreate): Promise<Activity> {
  assertCanWriteAccount(actor, await requireAccount(db, accountId));
  const contactIds = [...new Set(input.contactIds ?? [])];
  if (contactIds.length > 0) {
    const found = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.accountId, accountId), inArray(contacts.id, contactIds)));
    const known = new Set(found.map((row) => row.id));
    const unknown = contactIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw badRequest(`body.contactIds: ${unknown.join(', ')} ${unknown.length > 1 ? 'are not contacts' : 'is not a contact'} of this account.`, [
        { field: 'body.contactIds', message: `not contacts of this account: ${unknown.join(', ')}` },
      ]);
    }
  }
  const [row] = await db
    .insert(activities)
    .values({
      accountId,
      kind: input.kind,
      subject: input.subject,
      body: input.body ?? null,
      outcome: input.outcome ?? null,
      occurredAt: input.occurredAt ? new Date(input.occurredAt) : new Date(),
      userId: actor.userId,
      contactIds,
    })
    .returning();
  return presentActivity(row!, actor.name);
}
