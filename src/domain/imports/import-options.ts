import { type ColumnMap, parseColumnMapJson, parseColumnMapOption } from './column-map-option';
import { type DateFormat, dateFormats } from './date-values';
import { type ImportKind, importKinds } from './import-fields';
import { importKindDefinition } from './import-kinds';
import { findImportPreset, type ImportPreset, importPresetNames } from './import-presets';
import { ImportInputError, type ImportProblem } from './import-problems';
import { parseCurrencyCode } from './money-values';
import { parseBoolean } from './scalar-values';

/** Import options as they arrive, from the command line or the API's form fields. */
export interface ImportOptionsInput {
  kind?: string;
  preset?: string;
  /** `target=Source Header,...` */
  map?: string;
  /** A mapping file's JSON text: { "target": "Source Header" }. */
  mapping?: string;
  dateFormat?: string;
  currency?: string;
  source?: string;
  skipInvalid?: boolean | string;
}

/** Validated import options. */
export interface ImportOptions {
  kind: ImportKind;
  preset: ImportPreset | null;
  /** Explicit mapping: the mapping file's entries, overridden by `map`'s. */
  columnMap: ColumnMap;
  dateFormat: DateFormat | null;
  /** Currency of amounts in rows without a currency column value. */
  defaultCurrency: string | null;
  /** Records are upserted by (source, external_id). */
  source: string;
  skipInvalid: boolean;
}

/** How each option is called where the user typed it (API field names by default). */
export type OptionLabels = Record<keyof ImportOptionsInput, string>;
export const apiOptionLabels: OptionLabels = {
  kind: 'kind',
  preset: 'preset',
  map: 'map',
  mapping: 'mapping',
  dateFormat: 'dateFormat',
  currency: 'currency',
  source: 'source',
  skipInvalid: 'skipInvalid',
};

const MAX_SOURCE_LENGTH = 64;

function checkTargets(map: ColumnMap, kind: ImportKind, label: string, problems: ImportProblem[]): void {
  const fields = importKindDefinition(kind).fields.map((field) => field.name);
  for (const target of Object.keys(map)) {
    if (!fields.includes(target)) {
      problems.push({ field: label, value: target, message: `"${target}" is not a field of ${kind}; the fields are ${fields.join(', ')}` });
    }
  }
}

/**
 * Validates import options, listing every problem at once. Throws {@link ImportInputError} with
 * stage "options"; `labels` names the options in messages (flags on the command line).
 * @example parseImportOptions({ kind: 'accounts', preset: 'hubspot-companies' }).source // 'hubspot'
 */
export function parseImportOptions(input: ImportOptionsInput, labels: OptionLabels = apiOptionLabels): ImportOptions {
  const problems: ImportProblem[] = [];
  const kind = importKinds.find((candidate) => candidate === input.kind);
  if (!kind) {
    const message = input.kind ? `"${input.kind}" is not an import kind` : 'the import kind is missing';
    problems.push({ field: labels.kind, value: input.kind, message: `${message}; use one of ${importKinds.join(', ')}` });
  }

  let preset: ImportPreset | null = null;
  if (input.preset) {
    preset = findImportPreset(input.preset) ?? null;
    if (!preset) {
      problems.push({ field: labels.preset, value: input.preset, message: `"${input.preset}" is not a preset; use one of ${importPresetNames.join(', ')}` });
    } else if (kind && preset.kind !== kind) {
      problems.push({ field: labels.preset, value: input.preset, message: `preset ${preset.name} imports ${preset.kind}, not ${kind}; import it as ${preset.kind}` });
    }
  }

  let columnMap: ColumnMap = {};
  if (input.mapping !== undefined && input.mapping.trim() !== '') {
    const parsed = parseColumnMapJson(input.mapping);
    if (parsed.ok) columnMap = parsed.value;
    else problems.push({ field: labels.mapping, message: `the mapping ${parsed.reason}` });
  }
  if (input.map !== undefined && input.map.trim() !== '') {
    const parsed = parseColumnMapOption(input.map);
    if (parsed.ok) columnMap = { ...columnMap, ...parsed.value };
    else problems.push({ field: labels.map, value: input.map, message: parsed.reason });
  }
  if (kind) checkTargets(columnMap, kind, input.map ? labels.map : labels.mapping, problems);

  let dateFormat: DateFormat | null = null;
  if (input.dateFormat) {
    dateFormat = dateFormats.find((format) => format === input.dateFormat?.toLowerCase()) ?? null;
    if (!dateFormat) {
      problems.push({
        field: labels.dateFormat,
        value: input.dateFormat,
        message: `"${input.dateFormat}" is not a date format; use dmy (31/12/2024) or mdy (12/31/2024)`,
      });
    }
  }

  let defaultCurrency: string | null = null;
  if (input.currency) {
    const parsed = parseCurrencyCode(input.currency);
    if (parsed.ok) defaultCurrency = parsed.value;
    else problems.push({ field: labels.currency, value: input.currency, message: parsed.reason });
  }

  const source = input.source?.trim() || preset?.source || 'csv';
  if (source.length > MAX_SOURCE_LENGTH) {
    problems.push({ field: labels.source, value: source, message: `the source name is longer than ${MAX_SOURCE_LENGTH} characters` });
  }

  let skipInvalid = false;
  if (typeof input.skipInvalid === 'boolean') skipInvalid = input.skipInvalid;
  else if (input.skipInvalid !== undefined && input.skipInvalid !== '') {
    const parsed = parseBoolean(input.skipInvalid);
    if (parsed.ok) skipInvalid = parsed.value;
    else problems.push({ field: labels.skipInvalid, value: input.skipInvalid, message: parsed.reason });
  }

  if (problems.length > 0 || !kind) {
    const summary = problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
    throw new ImportInputError('options', `The import options are invalid: ${summary}.`, problems);
  }
  return { kind, preset, columnMap, dateFormat, defaultCurrency, source, skipInvalid };
}
