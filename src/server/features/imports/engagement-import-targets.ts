import type { UpsertTarget } from './import-upsert.sql';
import { accountIdColumn, fromField, resolvedId, sourceKey, withDefault } from './target-columns';

export const ticketTarget: UpsertTarget = {
  table: 'tickets',
  conflictColumns: ['source', 'external_id'],
  hasUpdatedAt: true,
  columns: [
    ...sourceKey,
    accountIdColumn,
    fromField('subject'),
    fromField('status'),
    withDefault('priority', "'normal'"),
    fromField('requester_email'),
    fromField('channel'),
    fromField('opened_at'),
    // first_response_at may be derived from first_response_minutes (see the tickets row check).
    { column: 'first_response_at', value: 't.first_response_at', fields: ['first_response_at', 'first_response_minutes'] },
    fromField('resolved_at'),
    withDefault('escalated', 'false'),
    fromField('csat_score'),
  ],
};

export const surveyResponseTarget: UpsertTarget = {
  table: 'survey_responses',
  conflictColumns: ['source', 'external_id'],
  hasUpdatedAt: true,
  columns: [
    ...sourceKey,
    accountIdColumn,
    resolvedId('contact_email', 'contact_id'),
    fromField('survey_kind'),
    fromField('survey_name'),
    fromField('score'),
    fromField('comment'),
    fromField('responded_at'),
  ],
};

export const activityTarget: UpsertTarget = {
  table: 'activities',
  conflictColumns: ['source', 'external_id'],
  hasUpdatedAt: true,
  columns: [
    ...sourceKey,
    accountIdColumn,
    fromField('kind'),
    fromField('subject'),
    fromField('body'),
    fromField('outcome'),
    fromField('occurred_at'),
    resolvedId('user_email', 'user_id'),
    { column: 'contact_ids', value: "coalesce(r_contact_emails.ids, '{}'::uuid[])", fields: ['contact_emails'] },
  ],
};
