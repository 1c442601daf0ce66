import type { Db } from '../../src/server/db/database';
import { accounts, activities, contacts, subscriptions, surveyResponses, tickets, usageDaily } from '../../src/server/db/schema';

let sequence = 0;
const next = () => (sequence += 1);

/** Inserts an account with sensible defaults; any column can be overridden. */
export async function makeAccount(db: Db, overrides: Partial<typeof accounts.$inferInsert> = {}) {
  const n = next();
  const [row] = await db
    .insert(accounts)
    .values({ name: `Account ${n}`, domain: `account-${n}.example`, source: 'test', externalId: `acc-${n}`, ...overrides })
    .returning();
  return row!;
}

export async function makeSubscription(db: Db, accountId: string, overrides: Partial<typeof subscriptions.$inferInsert> = {}) {
  const n = next();
  const [row] = await db
    .insert(subscriptions)
    .values({
      accountId,
      product: 'Cycle Pro',
      amountMinor: 100_000,
      currency: 'USD',
      billingInterval: 'month',
      startDate: '2020-01-01',
      source: 'test',
      externalId: `sub-${n}`,
      ...overrides,
    })
    .returning();
  return row!;
}

export async function makeContact(db: Db, accountId: string, overrides: Partial<typeof contacts.$inferInsert> = {}) {
  const n = next();
  const [row] = await db
    .insert(contacts)
    .values({ accountId, firstName: 'Pat', lastName: `Contact${n}`, email: `pat${n}@customer.example`, source: 'test', externalId: `con-${n}`, ...overrides })
    .returning();
  return row!;
}

export async function makeTicket(db: Db, accountId: string, overrides: Partial<typeof tickets.$inferInsert> = {}) {
  const n = next();
  const [row] = await db
    .insert(tickets)
    .values({ accountId, subject: `Ticket ${n}`, status: 'open', openedAt: new Date(), source: 'test', externalId: `tic-${n}`, ...overrides })
    .returning();
  return row!;
}

export async function makeSurveyResponse(db: Db, accountId: string, overrides: Partial<typeof surveyResponses.$inferInsert> = {}) {
  const n = next();
  const [row] = await db
    .insert(surveyResponses)
    .values({ accountId, surveyKind: 'nps', score: 9, respondedAt: new Date(), source: 'test', externalId: `srv-${n}`, ...overrides })
    .returning();
  return row!;
}

export async function makeActivity(db: Db, accountId: string, overrides: Partial<typeof activities.$inferInsert> = {}) {
  const [row] = await db
    .insert(activities)
    .values({ accountId, kind: 'call', subject: 'Check-in', occurredAt: new Date(), source: 'test', ...overrides })
    .returning();
  return row!;
}

export async function makeUsageDay(db: Db, accountId: string, day: string, activeUsers: number, eventCount: number) {
  await db.insert(usageDaily).values({ accountId, day, activeUsers, eventCount, source: 'test' });
}

/** YYYY-MM-DD of today plus `days` (UTC). */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
