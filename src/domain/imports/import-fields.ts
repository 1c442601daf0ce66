/** The kinds of records a CSV import loads, named as on the command line and in the API. */
export const importKinds = [
  'accounts',
  'contacts',
  'subscriptions',
  'tickets',
  'usage',
  'survey-responses',
  'activities',
  'churn-events',
] as const;
export type ImportKind = (typeof importKinds)[number];

/** How one field's cell is read. */
export type FieldType =
  | { type: 'text' }
  | { type: 'email' }
  | { type: 'domain' }
  | { type: 'day' }
  | { type: 'timestamp' }
  | { type: 'integer'; min?: number; max?: number }
  | { type: 'boolean' }
  | { type: 'choice'; values: readonly string[]; synonyms?: Readonly<Record<string, string>> }
  | { type: 'choice-list'; values: readonly string[]; synonyms?: Readonly<Record<string, string>> }
  | { type: 'email-list' }
  | { type: 'currency' }
  /** Amount in major units in the file, stored in minor units of the row's currency. */
  | { type: 'money'; currencyField: string }
  /** A 1–5 satisfaction rating, also Zendesk's words (good = 5, bad = 1, offered/unoffered = none). */
  | { type: 'satisfaction' };

/** What a reference field names, resolved against the database after parsing. */
export type ReferenceTarget = 'account' | 'user' | 'contact' | 'contacts';

/** One target field of an import kind; its name is also its canonical CSV header. */
export interface ImportField {
  name: string;
  type: FieldType;
  required?: boolean;
  references?: ReferenceTarget;
  /** For the docs and for error messages: what the column holds. */
  description: string;
}

/** A parsed cell. Days are YYYY-MM-DD, timestamps ISO 8601 UTC, money in minor units. */
export type CellValue = string | number | boolean | string[] | null;
export type RowValues = Record<string, CellValue>;

/** Something wrong with one field of one row, found by a cross-field check. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Everything the pure import code knows about one kind. */
export interface ImportKindDefinition {
  kind: ImportKind;
  /** One line for the docs and error messages. */
  summary: string;
  /** What re-imports update by: (source, external_id), or (account, day) for daily usage. */
  key: 'external-id' | 'account-day';
  fields: readonly ImportField[];
  /** What happens to a column no field is mapped to. */
  extraColumns: 'traits' | 'event-counts' | 'ignored';
  /** Checks across fields of one parsed row; may also derive values (e.g. a time from minutes). */
  checkRow?: (values: RowValues) => FieldProblem[];
}

/**
 * Normalises a header for matching: trimmed, lower-case, runs of spaces/punctuation as one "_".
 * @example headerKey(' Account External ID ') // 'account_external_id'
 */
export function headerKey(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}
