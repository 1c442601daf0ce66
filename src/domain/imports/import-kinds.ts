import {
  accountStatuses,
  activityKinds,
  billingIntervals,
  contactRoles,
  surveyKinds,
  ticketPriorities,
  ticketStatuses,
} from '../../shared/api/enums';
import { addMinutes } from './date-values';
import { subscriptionStatuses } from '../../shared/api/enums';
import type { FieldProblem, ImportField, ImportKind, ImportKindDefinition, RowValues } from './import-fields';

/** Subscription statuses (the same list as the subscriptions table's check constraint). */

const externalId: ImportField = {
  name: 'external_id',
  type: { type: 'text' },
  required: true,
  description: 'the record id in the source system; re-imports update by (source, external_id)',
};
const accountReference: ImportField = {
  name: 'account_external_id',
  type: { type: 'text' },
  required: true,
  references: 'account',
  description: "the account's external id, CRM id, billing id, support id or exact name",
};

const accountFields: ImportField[] = [
  externalId,
  { name: 'name', type: { type: 'text' }, required: true, description: 'company name' },
  { name: 'domain', type: { type: 'domain' }, description: 'web domain; a URL is reduced to its domain' },
  { name: 'parent_external_id', type: { type: 'text' }, references: 'account', description: 'the parent account (in this file or already in Cycle)' },
  { name: 'crm_id', type: { type: 'text' }, description: 'id in the CRM' },
  { name: 'billing_id', type: { type: 'text' }, description: 'id in the billing system' },
  { name: 'support_id', type: { type: 'text' }, description: 'id in the support desk' },
  { name: 'industry', type: { type: 'text' }, description: 'industry' },
  { name: 'region', type: { type: 'text' }, description: 'region or country' },
  { name: 'owner_email', type: { type: 'text' }, references: 'user', description: 'owner CSM: email (or full name) of a Cycle user' },
  { name: 'exec_sponsor_email', type: { type: 'text' }, references: 'user', description: 'our exec sponsor: email (or full name) of a Cycle user' },
  {
    name: 'status',
    type: { type: 'choice', values: accountStatuses, synonyms: { customer: 'active', lost: 'churned', cancelled: 'churned', canceled: 'churned' } },
    description: 'prospect, onboarding, active or churned (empty: active)',
  },
  { name: 'tier', type: { type: 'text' }, description: 'tier' },
  { name: 'segment', type: { type: 'text' }, description: 'segment' },
  { name: 'lifecycle_stage', type: { type: 'text' }, description: 'lifecycle stage' },
  { name: 'renewal_date', type: { type: 'day' }, description: 'next renewal date' },
  { name: 'go_live_date', type: { type: 'day' }, description: 'go-live date' },
];

const contactFields: ImportField[] = [
  externalId,
  accountReference,
  { name: 'first_name', type: { type: 'text' }, description: 'first name' },
  { name: 'last_name', type: { type: 'text' }, description: 'last name' },
  { name: 'email', type: { type: 'email' }, description: 'email address (stored lower-case)' },
  { name: 'title', type: { type: 'text' }, description: 'job title' },
  { name: 'phone', type: { type: 'text' }, description: 'phone number' },
  {
    name: 'roles',
    type: { type: 'choice-list', values: contactRoles, synonyms: { sponsor: 'exec_sponsor', executive_sponsor: 'exec_sponsor', economic_buyer: 'decision_maker' } },
    description: `roles separated by ";": ${contactRoles.join(', ')}`,
  },
  { name: 'is_advocate', type: { type: 'boolean' }, description: 'advocate: yes/no (empty: no)' },
];

const subscriptionFields: ImportField[] = [
  externalId,
  accountReference,
  { name: 'product', type: { type: 'text' }, required: true, description: 'product name' },
  { name: 'plan', type: { type: 'text' }, description: 'plan name' },
  { name: 'amount', type: { type: 'money', currencyField: 'currency' }, required: true, description: 'price per billing interval in major units, e.g. 1,200.50' },
  { name: 'currency', type: { type: 'currency' }, description: 'ISO 4217 code (or the default currency option)' },
  {
    name: 'billing_interval',
    type: { type: 'choice', values: billingIntervals, synonyms: { monthly: 'month', quarterly: 'quarter', annual: 'year', annually: 'year', yearly: 'year' } },
    description: 'month, quarter or year (empty: month)',
  },
  { name: 'seats', type: { type: 'integer', min: 0 }, description: 'seats purchased' },
  { name: 'start_date', type: { type: 'day' }, required: true, description: 'first day' },
  { name: 'end_date', type: { type: 'day' }, description: 'end date, exclusive (after start_date); empty while it runs on' },
  {
    name: 'status',
    type: { type: 'choice', values: subscriptionStatuses, synonyms: { canceled: 'cancelled', trialing: 'trial' } },
    description: 'active, cancelled or trial (empty: active)',
  },
];

const ticketFields: ImportField[] = [
  externalId,
  accountReference,
  { name: 'subject', type: { type: 'text' }, required: true, description: 'subject' },
  { name: 'status', type: { type: 'choice', values: ticketStatuses, synonyms: { hold: 'on_hold', resolved: 'solved' } }, required: true, description: ticketStatuses.join(', ') },
  { name: 'priority', type: { type: 'choice', values: ticketPriorities }, description: 'low, normal, high or urgent (empty: normal)' },
  { name: 'requester_email', type: { type: 'email' }, description: "requester's email" },
  { name: 'channel', type: { type: 'text' }, description: 'channel (email, web, chat…)' },
  { name: 'opened_at', type: { type: 'timestamp' }, required: true, description: 'when the ticket was opened' },
  { name: 'first_response_at', type: { type: 'timestamp' }, description: 'first response' },
  { name: 'first_response_minutes', type: { type: 'integer', min: 0 }, description: 'minutes from opening to first response (used when first_response_at is empty)' },
  { name: 'resolved_at', type: { type: 'timestamp' }, description: 'when it was solved (not before opened_at)' },
  { name: 'escalated', type: { type: 'boolean' }, description: 'escalated: yes/no (empty: no)' },
  { name: 'csat_score', type: { type: 'satisfaction' }, description: 'satisfaction 1–5, or good (5) / bad (1)' },
];

const usageFields: ImportField[] = [
  accountReference,
  { name: 'day', type: { type: 'day' }, required: true, description: 'the calendar day' },
  { name: 'active_users', type: { type: 'integer', min: 0 }, description: 'distinct active users that day' },
  { name: 'event_count', type: { type: 'integer', min: 0 }, description: 'events that day' },
];

const surveyResponseFields: ImportField[] = [
  externalId,
  accountReference,
  { name: 'contact_email', type: { type: 'email' }, references: 'contact', description: "respondent's email, a contact of the account" },
  { name: 'survey_kind', type: { type: 'choice', values: surveyKinds }, required: true, description: 'nps, csat, ces or custom' },
  { name: 'survey_name', type: { type: 'text' }, description: 'survey name' },
  { name: 'score', type: { type: 'integer' }, required: true, description: 'NPS 0–10, CSAT 1–5, CES 1–7' },
  { name: 'comment', type: { type: 'text' }, description: 'comment' },
  { name: 'responded_at', type: { type: 'timestamp' }, required: true, description: 'when they answered' },
];

const activityFields: ImportField[] = [
  externalId,
  accountReference,
  { name: 'kind', type: { type: 'choice', values: activityKinds }, required: true, description: activityKinds.join(', ') },
  { name: 'subject', type: { type: 'text' }, required: true, description: 'subject' },
  { name: 'body', type: { type: 'text' }, description: 'notes' },
  { name: 'outcome', type: { type: 'text' }, description: 'outcome' },
  { name: 'occurred_at', type: { type: 'timestamp' }, required: true, description: 'when it happened' },
  { name: 'user_email', type: { type: 'text' }, references: 'user', description: 'our person: email (or full name) of a Cycle user' },
  { name: 'contact_emails', type: { type: 'email-list' }, references: 'contacts', description: 'emails of contacts of the account, separated by ";"' },
];

const churnEventFields: ImportField[] = [
  externalId,
  accountReference,
  { name: 'churned_on', type: { type: 'day' }, required: true, description: 'the day the account was lost' },
  { name: 'churned_mrr', type: { type: 'money', currencyField: 'currency' }, description: 'monthly recurring revenue lost, in major units' },
  { name: 'currency', type: { type: 'currency' }, description: 'ISO 4217 code of churned_mrr (or the default currency option)' },
  { name: 'reason_code', type: { type: 'text' }, description: 'reason code from your list' },
  { name: 'notes', type: { type: 'text' }, description: 'notes' },
];

function checkAccount(values: RowValues): FieldProblem[] {
  if (values.parent_external_id !== null && values.parent_external_id === values.external_id) {
    return [{ field: 'parent_external_id', message: 'an account cannot be its own parent; leave it empty or name another account' }];
  }
  return [];
}

function checkSubscription(values: RowValues): FieldProblem[] {
  const start = values.start_date;
  const end = values.end_date;
  if (typeof start === 'string' && typeof end === 'string' && end <= start) {
    return [{ field: 'end_date', message: `end date ${end} is not after start date ${start}; the end date is exclusive, so it must be later` }];
  }
  return [];
}

function checkTicket(values: RowValues): FieldProblem[] {
  const opened = values.opened_at;
  if (typeof opened !== 'string') return [];
  if (values.first_response_at === null && typeof values.first_response_minutes === 'number') {
    values.first_response_at = addMinutes(opened, values.first_response_minutes);
  }
  const problems: FieldProblem[] = [];
  if (typeof values.resolved_at === 'string' && values.resolved_at < opened) {
    problems.push({ field: 'resolved_at', message: `resolved at ${values.resolved_at}, before it was opened at ${opened}` });
  }
  if (typeof values.first_response_at === 'string' && values.first_response_at < opened) {
    problems.push({ field: 'first_response_at', message: `first response at ${values.first_response_at}, before it was opened at ${opened}` });
  }
  return problems;
}

const surveyScales: Record<string, [number, number]> = { nps: [0, 10], csat: [1, 5], ces: [1, 7] };

function checkSurveyResponse(values: RowValues): FieldProblem[] {
  const scale = typeof values.survey_kind === 'string' ? surveyScales[values.survey_kind] : undefined;
  const score = values.score;
  if (!scale || typeof score !== 'number') return [];
  if (score < scale[0] || score > scale[1]) {
    return [{ field: 'score', message: `${score} is outside the ${String(values.survey_kind).toUpperCase()} scale ${scale[0]}–${scale[1]}` }];
  }
  return [];
}

const definitions: Record<ImportKind, ImportKindDefinition> = {
  accounts: { kind: 'accounts', summary: 'customer companies', key: 'external-id', fields: accountFields, extraColumns: 'traits', checkRow: checkAccount },
  contacts: { kind: 'contacts', summary: 'people at customer accounts', key: 'external-id', fields: contactFields, extraColumns: 'traits' },
  subscriptions: {
    kind: 'subscriptions',
    summary: 'revenue lines',
    key: 'external-id',
    fields: subscriptionFields,
    extraColumns: 'ignored',
    checkRow: checkSubscription,
  },
  tickets: { kind: 'tickets', summary: 'support tickets', key: 'external-id', fields: ticketFields, extraColumns: 'ignored', checkRow: checkTicket },
  usage: { kind: 'usage', summary: 'daily usage per account', key: 'account-day', fields: usageFields, extraColumns: 'event-counts' },
  'survey-responses': {
    kind: 'survey-responses',
    summary: 'NPS, CSAT, CES and custom survey answers',
    key: 'external-id',
    fields: surveyResponseFields,
    extraColumns: 'ignored',
    checkRow: checkSurveyResponse,
  },
  activities: { kind: 'activities', summary: 'calls, meetings, emails, notes, EBRs/QBRs, trainings', key: 'external-id', fields: activityFields, extraColumns: 'ignored' },
  'churn-events': { kind: 'churn-events', summary: 'accounts lost, with MRR and reason', key: 'external-id', fields: churnEventFields, extraColumns: 'ignored' },
};

/**
 * The fields, key and checks of one import kind.
 * @example importKindDefinition('usage').key // 'account-day'
 */
export function importKindDefinition(kind: ImportKind): ImportKindDefinition {
  return definitions[kind];
}
