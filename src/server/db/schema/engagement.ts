import { ticketStatuses, ticketPriorities, surveyKinds, activityKinds } from '../../../shared/api/enums';
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, sourceColumns, timestamps } from './columns';
import { accounts, contacts } from './customers';
import { users } from './people';


/** A support ticket. */
export const tickets = pgTable(
  'tickets',
  {
    id: id(),
    ...sourceColumns(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    status: text('status', { enum: ticketStatuses }).notNull(),
    priority: text('priority', { enum: ticketPriorities }).notNull().default('normal'),
    requesterEmail: text('requester_email'),
    channel: text('channel'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    escalated: boolean('escalated').notNull().default(false),
    /** Satisfaction rating given on this ticket, 1–5. */
    csatScore: smallint('csat_score'),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('tickets_source_external_id_key').on(table.source, table.externalId),
    index('tickets_account_opened_idx').on(table.accountId, table.openedAt),
    // The Account 360's timeline and support KPIs read an account's resolved tickets by resolution time.
    index('tickets_account_resolved_idx').on(table.accountId, table.resolvedAt).where(sql`${table.resolvedAt} IS NOT NULL`),
    check('tickets_status_check', sql`${table.status} IN ('new', 'open', 'pending', 'on_hold', 'solved', 'closed')`),
    check('tickets_priority_check', sql`${table.priority} IN ('low', 'normal', 'high', 'urgent')`),
    check('tickets_csat_check', sql`${table.csatScore} IS NULL OR ${table.csatScore} BETWEEN 1 AND 5`),
    check('tickets_resolved_check', sql`${table.resolvedAt} IS NULL OR ${table.resolvedAt} >= ${table.openedAt}`),
  ],
);

/** One answer to a survey: NPS (0–10), CSAT (1–5), CES (1–7) or a custom scale. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: id(),
    ...sourceColumns(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    surveyKind: text('survey_kind', { enum: surveyKinds }).notNull(),
    surveyName: text('survey_name'),
    score: smallint('score').notNull(),
    comment: text('comment'),
    respondedAt: timestamp('responded_at', { withTimezone: true }).notNull(),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('survey_responses_source_external_id_key').on(table.source, table.externalId),
    index('survey_responses_account_responded_idx').on(table.accountId, table.respondedAt),
    check('survey_responses_kind_check', sql`${table.surveyKind} IN ('nps', 'csat', 'ces', 'custom')`),
    check(
      'survey_responses_score_check',
      sql`(${table.surveyKind} = 'nps' AND ${table.score} BETWEEN 0 AND 10)
        OR (${table.surveyKind} = 'csat' AND ${table.score} BETWEEN 1 AND 5)
        OR (${table.surveyKind} = 'ces' AND ${table.score} BETWEEN 1 AND 7)
        OR ${table.surveyKind} = 'custom'`,
    ),
  ],
);

/** A touch with the customer on the timeline: call, meeting, email, note, EBR/QBR, training. */
export const activities = pgTable(
  'activities',
  {
    id: id(),
    ...sourceColumns(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: activityKinds }).notNull(),
    subject: text('subject').notNull(),
    body: text('body'),
    outcome: text('outcome'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** Our person who had the touch. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    contactIds: uuid('contact_ids').array().notNull().default(sql`'{}'::uuid[]`),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('activities_source_external_id_key').on(table.source, table.externalId),
    index('activities_account_occurred_idx').on(table.accountId, table.occurredAt),
    check(
      'activities_kind_check',
      sql`${table.kind} IN ('call', 'meeting', 'email', 'note', 'ebr', 'qbr', 'training')`,
    ),
  ],
);

export { ticketStatuses, ticketPriorities, surveyKinds, activityKinds };
