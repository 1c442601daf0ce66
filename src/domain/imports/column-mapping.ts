import type { ColumnMap } from './column-map-option';
import { headerKey, type ImportKindDefinition } from './import-fields';
import type { ImportPreset } from './import-presets';
import { ImportInputError, type ImportProblem } from './import-problems';

/** Which column of the file feeds each field, and which columns no field uses. */
export interface ColumnMapping {
  /** The header row as found (trimmed). */
  headers: string[];
  /** Field name → column index. */
  fieldColumns: ReadonlyMap<string, number>;
  /** Columns with a header that no field uses: traits, event counts, or ignored, by kind. */
  extraColumns: number[];
  /** Columns with an empty header that no field uses: always ignored. */
  blankColumns: number[];
}

const MAX_HEADERS_LISTED = 30;

/** "A, B, C" of the headers found, for messages. */
export function listHeaders(headers: readonly string[]): string {
  const shown = headers.slice(0, MAX_HEADERS_LISTED).map((header) => (header === '' ? '(blank)' : header));
  const more = headers.length > MAX_HEADERS_LISTED ? `, and ${headers.length - MAX_HEADERS_LISTED} more` : '';
  return `${shown.join(', ')}${more}`;
}

function findDuplicateHeaders(headers: readonly string[]): ImportProblem[] {
  const seen = new Map<string, number>();
  const problems: ImportProblem[] = [];
  headers.forEach((header, index) => {
    if (header === '') return;
    const key = header.toLowerCase();
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else {
      problems.push({
        row: 0,
        column: header,
        message: `columns ${first + 1} and ${index + 1} are both headed "${header}"; rename one so each header is unique`,
      });
    }
  });
  return problems;
}

/**
 * Decides which column feeds each field of `definition`: an explicit `columnMap` entry first, then
 * the preset's header, then a header equal to the field name (compared as {@link headerKey}).
 * Source headers match case-insensitively. Throws {@link ImportInputError} (stage "file") listing
 * every missing required column, unknown mapped header and duplicate header.
 * @example resolveColumnMapping(['ID', 'name'], accounts, { preset: null, columnMap: { external_id: 'ID' } })
 */
export function resolveColumnMapping(
  rawHeaders: readonly string[],
  definition: ImportKindDefinition,
  options: { preset: ImportPreset | null; columnMap: ColumnMap },
): ColumnMapping {
  const headers = rawHeaders.map((header) => header.trim());
  const problems = findDuplicateHeaders(headers);
  const byName = new Map(headers.map((header, index) => [header.toLowerCase(), index] as const));
  const byKey = new Map(headers.map((header, index) => [headerKey(header), index] as const));
  const found = listHeaders(headers);
  const fieldColumns = new Map<string, number>();

  for (const [target, source] of Object.entries(options.columnMap)) {
    const index = byName.get(source.trim().toLowerCase());
    if (index === undefined) {
      problems.push({ row: 0, field: target, value: source, message: `${target} is mapped to "${source}", but the file has no such column; headers found: ${found}` });
    } else {
      fieldColumns.set(target, index);
    }
  }

  const presetColumns = options.preset?.columns ?? {};
  for (const field of definition.fields) {
    if (options.columnMap[field.name] !== undefined) continue;
    const presetHeader = presetColumns[field.name];
    const presetIndex = presetHeader === undefined ? undefined : byName.get(presetHeader.toLowerCase());
    const index = presetIndex ?? byKey.get(field.name);
    if (index !== undefined) {
      fieldColumns.set(field.name, index);
      continue;
    }
    if (!field.required) continue;
    const expected = presetHeader ? `"${presetHeader}" (the ${options.preset!.name} preset's column for ${field.name})` : field.name;
    problems.push({
      row: 0,
      column: presetHeader ?? field.name,
      field: field.name,
      message:
        `required column ${expected} is missing; headers found: ${found}. ` +
        `Add the column, or map one of yours to it (--map ${field.name}=<your header>; API field map)`,
    });
  }

  if (problems.length > 0) {
    const summary = problems.map((problem) => problem.message).join('; ');
    throw new ImportInputError('file', `The file's columns do not fit a ${definition.kind} import: ${summary}.`, problems);
  }

  const used = new Set(fieldColumns.values());
  const unused = headers.map((_, index) => index).filter((index) => !used.has(index));
  return {
    headers,
    fieldColumns,
    extraColumns: unused.filter((index) => headers[index] !== ''),
    blankColumns: unused.filter((index) => headers[index] === ''),
  };
}
