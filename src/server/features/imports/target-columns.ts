import { EXTRA_COLUMNS, type TargetColumn } from './import-upsert.sql';

/** A column written straight from the field of the same (or another) name. */
export const fromField = (field: string, column = field): TargetColumn => ({ column, value: `t.${field}`, fields: [field] });

/** A NOT NULL column with a default: an empty cell writes the default. */
export const withDefault = (field: string, fallback: string, column = field): TargetColumn => ({
  column,
  value: `coalesce(t.${field}, ${fallback})`,
  fields: [field],
});

/** The id a reference field resolved to (see import-references.sql.ts). */
export const resolvedId = (field: string, column: string): TargetColumn => ({ column, value: `r_${field}.id`, fields: [field] });

/** source and external_id: the upsert key of every kind but usage. */
export const sourceKey: TargetColumn[] = [
  { column: 'source', value: '$1::text', fields: [], onUpdate: 'never' },
  { column: 'external_id', value: 't.external_id', fields: [], onUpdate: 'never' },
];

/** The account a row belongs to; a row may move to another account on re-import. */
export const accountIdColumn: TargetColumn = { column: 'account_id', value: 'r_account_external_id.id', fields: [] };

/** Extra columns as a jsonb object, merged into what is stored. */
export const extrasColumn = (column: string): TargetColumn => ({ column, value: 't.extras', fields: [EXTRA_COLUMNS], onUpdate: 'merge' });
