import { accept, refuse, type ValueResult } from './value-result';

/** Target field → source header, as given by `--map` / the `map` field or a mapping file. */
export type ColumnMap = Record<string, string>;

/** Splits on commas outside double quotes. */
function splitEntries(text: string): string[] {
  const entries: string[] = [];
  let current = '';
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    if (character === ',' && !quoted) {
      entries.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  entries.push(current);
  return entries.map((entry) => entry.trim()).filter((entry) => entry.length > 0);
}

function unquote(text: string): string {
  const trimmed = text.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
}

/**
 * Reads `target=Source Header,target2="Header, with comma"` into a column map.
 * @example parseColumnMapOption('name=Company,external_id=ID') // { ok: true, value: { name: 'Company', external_id: 'ID' } }
 */
export function parseColumnMapOption(text: string): ValueResult<ColumnMap> {
  const map: ColumnMap = {};
  for (const entry of splitEntries(text)) {
    const equals = entry.indexOf('=');
    if (equals < 0) return refuse(`"${entry}" has no "="; write target=Source Header, e.g. name=Company Name`);
    const target = entry.slice(0, equals).trim();
    const source = unquote(entry.slice(equals + 1));
    if (!target || !source) return refuse(`"${entry}" needs both a target field and a source header, e.g. name=Company Name`);
    if (map[target] !== undefined) return refuse(`"${target}" is mapped twice; map each field once`);
    map[target] = source;
  }
  return accept(map);
}

/**
 * Reads a mapping file's content: a JSON object of target field → source header.
 * @example parseColumnMapJson('{"name":"Company"}') // { ok: true, value: { name: 'Company' } }
 */
export function parseColumnMapJson(json: string): ValueResult<ColumnMap> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    return refuse(`is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return refuse('must be a JSON object of target field to source header, e.g. {"name": "Company Name"}');
  }
  const map: ColumnMap = {};
  for (const [target, source] of Object.entries(parsed)) {
    if (typeof source !== 'string' || source.trim() === '') {
      return refuse(`maps "${target}" to ${JSON.stringify(source)}; each value must be a header name (a non-empty string)`);
    }
    map[target] = source.trim();
  }
  return accept(map);
}
