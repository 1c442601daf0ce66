import type { UpsertTarget } from './import-upsert.sql';
import { accountIdColumn, fromField, sourceKey, withDefault } from './target-columns';

export const subscriptionTarget: UpsertTarget = {
  table: 'subscriptions',
  conflictColumns: ['source', 'external_id'],
  hasUpdatedAt: true,
  columns: [
    ...sourceKey,
    accountIdColumn,
    fromField('product'),
    fromField('plan'),
    fromField('amount', 'amount_minor'),
    { column: 'currency', value: 't.currency', fields: ['amount', 'currency'] },
    withDefault('billing_interval', "'month'"),
    fromField('seats'),
    fromField('start_date'),
    fromField('end_date'),
    withDefault('status', "'active'"),
  ],
};

export const churnEventTarget: UpsertTarget = {
  table: 'churn_events',
  conflictColumns: ['source', 'external_id'],
  hasUpdatedAt: true,
  columns: [
    ...sourceKey,
    accountIdColumn,
    fromField('churned_on'),
    fromField('churned_mrr', 'churned_mrr_minor'),
    { column: 'currency', value: 't.currency', fields: ['churned_mrr', 'currency'] },
    fromField('reason_code'),
    fromField('notes'),
  ],
};
