import { and, eq, sql } from 'drizzle-orm';
import type { Contact, ContactCreate, ContactUpdate } from '../../../shared/api/contacts.contract';
import type { Actor } from '../../auth/policy';
import type { Db } from '../../db/database';
import { contacts } from '../../db/schema';
import { conflict, notFound } from '../../http/problem';
import { presentContact } from '../accounts/account.presenter';
import { assertCanWriteAccount, requireAccount } from '../accounts/account.service';

export async function listContacts(db: Db, accountId: string): Promise<Contact[]> {
  await requireAccount(db, accountId);
  const rows = await db.select().from(contacts).where(eq(contacts.accountId, accountId)).orderBy(contacts.lastName, contacts.firstName);
  return rows.map(presentContact);
}

export async function createContact(db: Db, actor: Actor, accountId: string, input: ContactCreate): Promise<Contact> {
  assertCanWriteAccount(actor, await requireAccount(db, accountId));
  try {
    const [row] = await db
      .insert(contacts)
      .values({ ...input, email: input.email?.toLowerCase() ?? null, accountId, source: input.source ?? 'manual', traits: input.traits ?? {} })
      .returning();
    return presentContact(row!);
  } catch (error) {
    if ((error as { code?: string; cause?: { code?: string } }).cause?.code === '23505') {
      throw conflict(`A contact with this source and external id "${input.externalId}" already exists.`);
    }
    throw error;
  }
}

async function requireContact(db: Db, id: string) {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
  if (!row) throw notFound('contact', id);
  return row;
}

export async function updateContact(db: Db, actor: Actor, id: string, input: ContactUpdate): Promise<Contact> {
  const contact = await requireContact(db, id);
  assertCanWriteAccount(actor, await requireAccount(db, contact.accountId));
  const changes = {
    ...input,
    ...(input.email !== undefined ? { email: input.email?.toLowerCase() ?? null } : {}),
    ...(input.traits ? { traits: sql`${contact.traits}::jsonb || ${JSON.stringify(input.traits)}::jsonb` } : {}),
    updatedAt: sql`now()`,
  };
  const [row] = await db
    .update(contacts)
    .set(changes)
    .where(eq(contacts.id, id))
    .returning();
  return presentContact(row!);
}

export async function deleteContact(db: Db, actor: Actor, id: string): Promise<void> {
  const contact = await requireContact(db, id);
  assertCanWriteAccount(actor, await requireAccount(db, contact.accountId));
  await db.delete(contacts).where(and(eq(contacts.id, id), eq(contacts.accountId, contact.accountId)));
}
