import type { UpsertTarget } from './import-upsert.sql';
import { accountIdColumn, extrasColumn, fromField, resolvedId, sourceKey, withDefault } from './target-columns';

export const accountTarget: UpsertTarget = {
  table: 'accounts',
  conflictColumns: ['source', 'external_id'],
  hasUpdatedAt: true,
  columns: [
    // Ids are assigned before the upsert only when the file names parents (see account-hierarchy.sql.ts).
    { column: 'id', value: 't.new_id', fields: ['parent_external_id'], onUpdate: 'never' },
    ...sourceKey,
    fromField('name'),
    fromField('domain'),
    resolvedId('parent_external_id', 'parent_id'),
    fromField('crm_id'),
    fromField('billing_id'),
    fromField('support_id'),
    fromField('industry'),
    fromField('region'),
    resolvedId('owner_email', 'owner_id'),
    resolvedId('exec_sponsor_email', 'exec_sponsor_id'),
    withDefault('status', "'active'"),
    fromField('tier'),
    fromField('segment'),
    fromField('lifecycle_stage'),
    fromField('renewal_date'),
    fromField('go_live_date'),
    extrasColumn('traits'),
  ],
};

export const contactTarget: UpsertTarget = {
  table: 'contacts',
  conflictColumns: ['source', 'external_id'],
  hasUpdatedAt: true,
  columns: [
    ...sourceKey,
    accountIdColumn,
    fromField('first_name'),
    fromField('last_name'),
    fromField('email'),
    fromField('title'),
    fromField('phone'),
    withDefault('roles', "'{}'::text[]"),
    withDefault('is_advocate', 'false'),
    extrasColumn('traits'),
  ],
};
