import type { Account360 } from '../../../shared/api/account-360.contract';
import type { AccountListItem, AccountSummary } from '../../../shared/api/accounts.contract';
import type { Activity } from '../../../shared/api/activities.contract';
import type { Contact } from '../../../shared/api/contacts.contract';
import type { activities, contacts, subscriptions } from '../../db/schema';
import type { AccountRelations } from './account-360.repository';
import type { AccountListRow, AccountRow } from './account.repository';
import { monthsPerBillingInterval } from '../../../domain/revenue/monthly-mrr';
import { REPORTING_CURRENCY } from './current-mrr.sql';

type UserRef = { id: string; name: string; email: string };

export function presentAccountSummary(
  row: AccountRow & { mrrMinor: number },
  owner: UserRef | null,
): AccountSummary {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    status: row.status,
    tier: row.tier,
    segment: row.segment,
    lifecycleStage: row.lifecycleStage,
    industry: row.industry,
    region: row.region,
    owner,
    parentId: row.parentId,
    renewalDate: row.renewalDate,
    mrr: { amountMinor: row.mrrMinor, currency: REPORTING_CURRENCY },
    arr: { amountMinor: row.mrrMinor * 12, currency: REPORTING_CURRENCY },
    source: row.source,
    externalId: row.externalId,
    traits: row.traits,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentListRow(row: AccountListRow): AccountListItem {
  const owner =
    row.ownerId && row.ownerName
      ? { id: row.ownerId, name: row.ownerName, email: row.ownerEmail ?? '' }
      : null;
  const health =
    row.healthScore !== null && row.healthBand !== null && row.healthBandIndex !== null
      ? { score: row.healthScore, band: row.healthBand, bandIndex: row.healthBandIndex }
      : null;
  return { ...presentAccountSummary(row, owner), health };
}

export function presentContact(row: typeof contacts.$inferSelect): Contact {
  const name = [row.firstName, row.lastName].filter(Boolean).join(' ') || row.email || '(no name)';
  return {
    id: row.id,
    accountId: row.accountId,
    firstName: row.firstName,
    lastName: row.lastName,
    name,
    email: row.email,
    title: row.title,
    phone: row.phone,
    roles: row.roles as Contact['roles'],
    isAdvocate: row.isAdvocate,
    traits: row.traits,
    source: row.source,
    externalId: row.externalId,
  };
}

export function presentActivity(row: typeof activities.$inferSelect, userName: string | null): Activity {
  return {
    id: row.id,
    accountId: row.accountId,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    outcome: row.outcome,
    occurredAt: row.occurredAt.toISOString(),
    user: row.userId && userName ? { id: row.userId, name: userName } : null,
    contactIds: row.contactIds,
    createdAt: row.createdAt.toISOString(),
  };
}

function presentSubscription(
  row: typeof subscriptions.$inferSelect,
  today: string,
): Account360['subscriptions'][number] {
  return {
    id: row.id,
    product: row.product,
    plan: row.plan,
    price: { amountMinor: row.amountMinor, currency: row.currency },
    billingInterval: row.billingInterval,
    monthly: {
      amountMinor: Math.round(row.amountMinor / monthsPerBillingInterval(row.billingInterval)),
      currency: row.currency,
    },
    seats: row.seats,
    startDate: row.startDate,
    endDate: row.endDate,
    status: row.status,
    activeToday: row.startDate <= today && (row.endDate === null || row.endDate > today),
  };
}

/** Whole days from `today` to `date` (negative when past); both are YYYY-MM-DD. */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export function presentAccount360(input: {
  account: AccountRow;
  mrrByAccount: Map<string, number>;
  rollupMrrMinor: number;
  owner: UserRef | null;
  execSponsor: UserRef | null;
  parent: { id: string; name: string } | null;
  relations: AccountRelations;
  latestNps: number | null;
  today: string;
  permissions: { canEdit: boolean; canDelete: boolean };
}): Account360 {
  const { account, relations, today } = input;
  const mrrMinor = input.mrrByAccount.get(account.id) ?? 0;
  const activeSubscriptions = relations.subscriptions.filter(
    (row) => row.startDate <= today && (row.endDate === null || row.endDate > today),
  );
  const seats = activeSubscriptions.reduce<number | null>(
    (sum, row) => (row.seats === null ? sum : (sum ?? 0) + row.seats),
    null,
  );
  const usageDays = relations.usage;
  const averageActiveUsers = usageDays.length
    ? Math.round(
        (usageDays.reduce((sum, row) => sum + row.activeUsers, 0) / relations.usageWindowDays) * 10,
      ) / 10
    : null;
  const lastActive = [...usageDays].reverse().find((row) => row.activeUsers > 0);
  return {
    account: {
      ...presentAccountSummary({ ...account, mrrMinor }, input.owner),
      goLiveDate: account.goLiveDate,
      crmId: account.crmId,
      billingId: account.billingId,
      supportId: account.supportId,
      execSponsor: input.execSponsor,
      daysToRenewal: account.renewalDate ? daysBetween(today, account.renewalDate) : null,
    },
    parent: input.parent,
    children: relations.children.map((child) => ({
      id: child.id,
      name: child.name,
      status: child.status,
      mrr: { amountMinor: input.mrrByAccount.get(child.id) ?? 0, currency: REPORTING_CURRENCY },
    })),
    rollupMrr: { amountMinor: input.rollupMrrMinor, currency: REPORTING_CURRENCY },
    contacts: relations.contacts.map(presentContact),
    subscriptions: relations.subscriptions.map((row) => presentSubscription(row, today)),
    usage: {
      days: relations.usageWindowDays,
      averageActiveUsers,
      peakActiveUsers: usageDays.length ? Math.max(...usageDays.map((row) => row.activeUsers)) : null,
      events: usageDays.reduce((sum, row) => sum + row.events, 0),
      seatsPurchased: seats,
      seatUtilisation:
        seats && averageActiveUsers !== null ? Math.round((averageActiveUsers / seats) * 1000) / 1000 : null,
      lastActiveDay: lastActive?.day ?? null,
      daily: usageDays.map((row) => ({ day: row.day, activeUsers: row.activeUsers, events: row.events })),
    },
    openTickets: relations.openTickets.map((row) => ({
      id: row.id,
      subject: row.subject,
      status: row.status,
      priority: row.priority,
      escalated: row.escalated,
      openedAt: row.openedAt.toISOString(),
      firstResponseAt: row.firstResponseAt?.toISOString() ?? null,
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
    })),
    ticketCounts: relations.ticketCounts,
    surveyAnswers: relations.surveyAnswers.map((row) => ({
      id: row.id,
      kind: row.kind,
      surveyName: row.surveyName,
      score: row.score,
      comment: row.comment,
      respondedAt: row.respondedAt.toISOString(),
      contactName: [row.contactFirstName, row.contactLastName].filter(Boolean).join(' ') || null,
    })),
    latestNps: input.latestNps,
    recentActivities: relations.activities.map((row) => presentActivity(row.activity, row.userName)),
    churnEvents: relations.churnEvents.map((row) => ({
      churnedOn: row.churnedOn,
      reasonCode: row.reasonCode,
      churnedMrr:
        row.churnedMrrMinor !== null && row.currency
          ? { amountMinor: row.churnedMrrMinor, currency: row.currency }
          : null,
      notes: row.notes,
    })),
    permissions: input.permissions,
  };
}
