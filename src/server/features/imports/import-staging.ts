import type { CellValue, FieldType, ImportKindDefinition } from '../../../domain/imports/import-fields';
import { COPY_NULL, copyText } from '../../db/copy-text';

/** The per-import temp table every parsed row is COPYed into before the set-based upsert. */
export const STAGING_TABLE = 'import_rows';

export interface StagingColumn {
  name: string;
  sqlType: string;
}

function sqlTypeOf(type: FieldType): string {
  switch (type.type) {
    case 'day':
      return 'date';
    case 'timestamp':
      return 'timestamptz';
    case 'integer':
    case 'money':
      return 'bigint';
    case 'satisfaction':
      return 'smallint';
    case 'boolean':
      return 'boolean';
    case 'choice-list':
    case 'email-list':
      return 'text[]';
    default:
      return 'text';
  }
}

/**
 * The staging table's columns, in COPY order: row_number, the original cells (only kept when
 * rejected rows must be written back), one column per field (named as the field), and extras
 * (traits or event counts as jsonb). `new_id` is filled later when accounts need ids up front.
 */
export function stagingColumns(definition: ImportKindDefinition, keepRawRecords: boolean): StagingColumn[] {
  return [
    { name: 'row_number', sqlType: 'integer' },
    ...(keepRawRecords ? [{ name: 'raw_record', sqlType: 'jsonb' }] : []),
    ...definition.fields.map((field) => ({ name: field.name, sqlType: sqlTypeOf(field.type) })),
    { name: 'extras', sqlType: 'jsonb' },
  ];
}

export function createStagingTableSql(columns: readonly StagingColumn[]): string {
  const definitions = [...columns, { name: 'new_id', sqlType: 'uuid' }].map(
    (column) => `${column.name} ${column.sqlType}`,
  );
  return `CREATE TEMP TABLE ${STAGING_TABLE} (${definitions.join(', ')}) ON COMMIT DROP`;
}

export function copyIntoStagingSql(columns: readonly StagingColumn[]): string {
  return `COPY ${STAGING_TABLE} (${columns.map((column) => column.name).join(', ')}) FROM STDIN`;
}

/** A PostgreSQL array literal with every element quoted: {"a","b \"c\""}. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

function copyValue(value: CellValue | object): string {
  if (value === null) return COPY_NULL;
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return copyText(value);
  if (Array.isArray(value)) return copyText(arrayLiteral(value as string[]));
  return copyText(JSON.stringify(value));
}

/** One COPY text-format line (with its newline) for a validated row. */
export function stagingLine(
  definition: ImportKindDefinition,
  row: number,
  values: Record<string, CellValue>,
  extras: Record<string, string | number>,
  rawRecord: readonly string[] | null,
): string {
  const cells = [String(row)];
  if (rawRecord) cells.push(copyText(JSON.stringify(rawRecord)));
  for (const field of definition.fields) cells.push(copyValue(values[field.name] ?? null));
  cells.push(copyValue(extras));
  return `${cells.join('\t')}\n`;
}
