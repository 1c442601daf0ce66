import { and, desc, eq, gte, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { accounts, activities, churnEvents, contacts, subscriptions, surveyResponses, tickets, usageDaily, users } from '../../db/schema';

const USAGE_WINDOW_DAYS = 30;
const closedTicketStatuses = ['solved', 'closed'] as const;

/** Everything the Account 360 page shows besides the account row, loaded in parallel. */
export async function loadAccountRelations(db: Db, accountId: string) {
  const usageSince = sql`current_date - ${USAGE_WINDOW_DAYS - 1}::int`;
  const [
    children,
    contactRows,
    subscriptionRows,
    usageRows,
    openTickets,
    ticketCounts,
    surveyRows,
    activityRows,
    churnRows,
  ] = await Promise.all([
    db.select({ id: accounts.id, name: accounts.name, status: accounts.status }).from(accounts).where(eq(accounts.parentId, accountId)).orderBy(accounts.name),
    db.select().from(contacts).where(eq(contacts.accountId, accountId)).orderBy(contacts.lastName, contacts.firstName),
    db.select().from(subscriptions).where(eq(subscriptions.accountId, accountId)).orderBy(desc(subscriptions.startDate)),
    db
      .select({ day: usageDaily.day, activeUsers: usageDaily.activeUsers, events: usageDaily.eventCount })
      .from(usageDaily)
      .where(and(eq(usageDaily.accountId, accountId), gte(usageDaily.day, usageSince)))
      .orderBy(usageDaily.day),
    db
      .select()
      .from(tickets)
      .where(and(eq(tickets.accountId, accountId), notInArray(tickets.status, [...closedTicketStatuses])))
      .orderBy(desc(tickets.openedAt))
      .limit(50),
    db
      .select({
        open: sql<number>`count(*) FILTER (WHERE ${tickets.status} NOT IN ('solved', 'closed'))::int`,
        last90Days: sql<number>`count(*) FILTER (WHERE ${tickets.openedAt} >= now() - interval '90 days')::int`,
        escalatedLast90Days: sql<number>`count(*) FILTER (WHERE ${tickets.escalated} AND ${tickets.openedAt} >= now() - interval '90 days')::int`,
      })
      .from(tickets)
      .where(eq(tickets.accountId, accountId)),
    db
      .select({
        id: surveyResponses.id,
        kind: surveyResponses.surveyKind,
        surveyName: surveyResponses.surveyName,
        score: surveyResponses.score,
        comment: surveyResponses.comment,
        respondedAt: surveyResponses.respondedAt,
        contactFirstName: contacts.firstName,
        contactLastName: contacts.lastName,
      })
      .from(surveyResponses)
      .leftJoin(contacts, eq(contacts.id, surveyResponses.contactId))
      .where(eq(surveyResponses.accountId, accountId))
      .orderBy(desc(surveyResponses.respondedAt))
      .limit(20),
    db
      .select({ activity: activities, userName: users.name })
      .from(activities)
      .leftJoin(users, eq(users.id, activities.userId))
      .where(eq(activities.accountId, accountId))
      .orderBy(desc(activities.occurredAt))
      .limit(20),
    db.select().from(churnEvents).where(eq(churnEvents.accountId, accountId)).orderBy(desc(churnEvents.churnedOn)),
  ]);
  return {
    children,
    contacts: contactRows,
    subscriptions: subscriptionRows,
    usage: usageRows,
    usageWindowDays: USAGE_WINDOW_DAYS,
    openTickets,
    ticketCounts: ticketCounts[0] ?? { open: 0, last90Days: 0, escalatedLast90Days: 0 },
    surveyAnswers: surveyRows,
    activities: activityRows,
    churnEvents: churnRows,
  };
}

export type AccountRelations = Awaited<ReturnType<typeof loadAccountRelations>>;

/** The latest NPS answer of an account, or null. */
export async function latestNpsScore(db: Db, accountId: string): Promise<number | null> {
  const [row] = await db
    .select({ score: surveyResponses.score })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.accountId, accountId), eq(surveyResponses.surveyKind, 'nps')))
    .orderBy(desc(surveyResponses.respondedAt))
    .limit(1);
  return row?.score ?? null;
}
