import type { ColumnMapping } from './column-mapping';
import { type DateFormat, parseCalendarDay, parseTimestamp } from './date-values';
import type { CellValue, FieldType, ImportKindDefinition, RowValues } from './import-fields';
import type { ImportProblem } from './import-problems';
import { parseCurrencyCode, parseMoneyAmount } from './money-values';
import { parseBoolean, parseChoice, parseDomain, parseEmail, parseWholeNumber, splitList } from './scalar-values';
import { accept, refuse, type ValueResult } from './value-result';

/** What validating a row needs besides the row. */
export interface RowValidationContext {
  definition: ImportKindDefinition;
  mapping: ColumnMapping;
  dateFormat: DateFormat | null;
  defaultCurrency: string | null;
  /** Set once the file was found to hold bytes that are not UTF-8: cells are checked for U+FFFD. */
  checkEncoding: boolean;
}

/** A row that passed: its field values, and its extra columns (traits or event counts) by header. */
export interface ValidRow {
  values: RowValues;
  extras: Record<string, string | number>;
}

export type RowValidation = { ok: true; row: ValidRow } | { ok: false; problems: ImportProblem[] };

const REPLACEMENT_CHARACTER = '\uFFFD';
const encodingMessage =
  'contains bytes that are not UTF-8 (shown as \uFFFD); save the file as UTF-8 (in Excel: "CSV UTF-8") and import again';

const satisfactionWords: Record<string, number | null> = { good: 5, bad: 1, offered: null, unoffered: null, not_offered: null };

function parseSatisfaction(text: string): ValueResult<number | null> {
  const word = text.trim().toLowerCase().replace(/\s+/g, '_');
  if (word in satisfactionWords) return accept(satisfactionWords[word] ?? null);
  const number = parseWholeNumber(text, { min: 1, max: 5 });
  return number.ok ? number : refuse(`"${text}" is not a satisfaction rating; use 1 to 5, good or bad`);
}

function parseList<T>(text: string, parseItem: (item: string) => ValueResult<T>): ValueResult<string[]> {
  const values = new Set<string>();
  for (const item of splitList(text)) {
    const parsed = parseItem(item);
    if (!parsed.ok) return parsed;
    values.add(String(parsed.value));
  }
  return accept([...values].sort());
}

/** Reads one non-empty cell by its field type; money is read separately, once the currency is known. */
function parseCell(text: string, type: FieldType, dateFormat: DateFormat | null): ValueResult<CellValue> {
  switch (type.type) {
    case 'text':
      return accept(text);
    case 'email':
      return parseEmail(text);
    case 'domain':
      return parseDomain(text);
    case 'day':
      return parseCalendarDay(text, dateFormat ?? undefined);
    case 'timestamp':
      return parseTimestamp(text, dateFormat ?? undefined);
    case 'integer':
      return parseWholeNumber(text, type);
    case 'boolean':
      return parseBoolean(text);
    case 'choice':
      return parseChoice(text, type.values, type.synonyms);
    case 'choice-list':
      return parseList(text, (item) => parseChoice(item, type.values, type.synonyms));
    case 'email-list':
      return parseList(text, parseEmail);
    case 'currency':
      return parseCurrencyCode(text);
    case 'satisfaction':
      return parseSatisfaction(text);
    case 'money':
      return accept(text);
  }
}

function readExtras(record: readonly string[], row: number, context: RowValidationContext, problems: ImportProblem[]) {
  // Entries, then Object.fromEntries: a header such as "__proto__" stays an ordinary key.
  const entries: [string, string | number][] = [];
  if (context.definition.extraColumns === 'ignored') return {};
  for (const index of context.mapping.extraColumns) {
    const header = context.mapping.headers[index]!;
    const text = (record[index] ?? '').trim();
    if (text === '') continue;
    if (context.definition.extraColumns === 'traits') {
      entries.push([header, text]);
      continue;
    }
    const count = parseWholeNumber(text, { min: 0 });
    if (count.ok) entries.push([header, count.value]);
    else problems.push({ row, column: header, value: text, message: `event count ${count.reason}` });
  }
  return Object.fromEntries(entries);
}

/**
 * Validates one data row (`row` is its 1-based number) against the kind's fields: every cell of a
 * mapped field is parsed, empty cells become null, required fields must have a value, amounts are
 * read in the row's currency (or the default), and the kind's cross-field checks run last.
 * Every problem in the row is reported, not just the first.
 * @example validateRow(['acme-1', 'Acme'], 1, context) // { ok: true, row: { values: { external_id: 'acme-1', ... }, extras: {} } }
 */
export function validateRow(record: readonly string[], row: number, context: RowValidationContext): RowValidation {
  const { definition, mapping } = context;
  const problems: ImportProblem[] = [];
  if (record.length !== mapping.headers.length) {
    const message =
      `the row has ${record.length} value${record.length === 1 ? '' : 's'} but the header has ${mapping.headers.length} columns; ` +
      'put values that contain commas in double quotes';
    return { ok: false, problems: [{ row, message }] };
  }
  record.forEach((cell, index) => {
    if (context.checkEncoding && cell.includes(REPLACEMENT_CHARACTER)) {
      problems.push({ row, column: mapping.headers[index], value: cell, message: encodingMessage });
    } else if (cell.includes('\u0000')) {
      problems.push({ row, column: mapping.headers[index], value: cell.replaceAll('\u0000', ''), message: 'contains a NUL character (byte 0); remove it' });
    }
  });
  if (problems.length > 0) return { ok: false, problems };

  const values: RowValues = {};
  const moneyFields: { name: string; currencyField: string; text: string; column: string }[] = [];
  for (const field of definition.fields) {
    const index = mapping.fieldColumns.get(field.name);
    const text = index === undefined ? '' : record[index]!.trim();
    const column = index === undefined ? field.name : mapping.headers[index]!;
    values[field.name] = null;
    if (text === '') {
      if (field.required) problems.push({ row, column, field: field.name, value: '', message: `${field.name} is required but the cell is empty` });
      continue;
    }
    if (field.type.type === 'money') {
      moneyFields.push({ name: field.name, currencyField: field.type.currencyField, text, column });
      continue;
    }
    const parsed = parseCell(text, field.type, context.dateFormat);
    if (parsed.ok) values[field.name] = parsed.value;
    else problems.push({ row, column, field: field.name, value: text, message: parsed.reason });
  }

  for (const money of moneyFields) {
    const currencyIndex = mapping.fieldColumns.get(money.currencyField);
    const currencyText = currencyIndex === undefined ? '' : record[currencyIndex]!.trim();
    if (currencyText !== '' && values[money.currencyField] === null) continue; // its currency is already reported
    const currency = (values[money.currencyField] as string | null) ?? context.defaultCurrency;
    if (!currency) {
      problems.push({
        row,
        column: money.column,
        field: money.name,
        value: money.text,
        message: `${money.name} has no currency; add a ${money.currencyField} column or set a default currency (--currency USD; API field currency)`,
      });
      continue;
    }
    values[money.currencyField] = currency;
    const amount = parseMoneyAmount(money.text, currency);
    const reason = !amount.ok ? amount.reason : amount.value < 0 ? `${money.name} cannot be negative` : undefined;
    if (reason) problems.push({ row, column: money.column, field: money.name, value: money.text, message: reason });
    else if (amount.ok) values[money.name] = amount.value;
  }

  const extras = readExtras(record, row, context, problems);
  if (problems.length === 0 && definition.checkRow) {
    for (const problem of definition.checkRow(values)) {
      const index = mapping.fieldColumns.get(problem.field);
      const column = index === undefined ? problem.field : mapping.headers[index]!;
      problems.push({ row, column, field: problem.field, value: String(values[problem.field] ?? ''), message: problem.message });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, row: { values, extras } };
}
