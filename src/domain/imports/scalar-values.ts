import { accept, refuse, type ValueResult } from './value-result';

const trueWords = new Set(['yes', 'true', '1']);
const falseWords = new Set(['no', 'false', '0']);

/**
 * Reads Yes/No, true/false or 1/0, in any letter case.
 * @example parseBoolean('YES') // { ok: true, value: true }
 */
export function parseBoolean(text: string): ValueResult<boolean> {
  const word = text.trim().toLowerCase();
  if (trueWords.has(word)) return accept(true);
  if (falseWords.has(word)) return accept(false);
  return refuse(`"${text}" is not a yes/no value; use Yes, No, true, false, 1 or 0`);
}

/**
 * Reads a whole number ("1200", "1,200", "12.0") within optional bounds.
 * @example parseWholeNumber('1,200', { min: 0 }) // { ok: true, value: 1200 }
 */
export function parseWholeNumber(text: string, bounds: { min?: number; max?: number } = {}): ValueResult<number> {
  const match = /^(-?)(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return refuse(`"${text}" is not a number; write digits only, e.g. 42`);
  if (match[3] && /[^0]/.test(match[3])) return refuse(`"${text}" is not a whole number`);
  const value = Number(`${match[1]}${match[2]!.replaceAll(',', '')}`);
  if (!Number.isSafeInteger(value)) return refuse(`"${text}" is too large`);
  if (bounds.min !== undefined && value < bounds.min) return refuse(`${value} is below the minimum of ${bounds.min}`);
  if (bounds.max !== undefined && value > bounds.max) return refuse(`${value} is above the maximum of ${bounds.max}`);
  return accept(value);
}

/** Lower-case with spaces and hyphens as underscores: "On-Hold " → "on_hold". */
export function normaliseWord(text: string): string {
  return text.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * Reads one value of a fixed list, matching case-insensitively (spaces and hyphens read as
 * underscores) and through `synonyms` (normalised word → allowed value).
 * @example parseChoice('On Hold', ['open', 'on_hold']) // { ok: true, value: 'on_hold' }
 */
export function parseChoice<T extends string>(
  text: string,
  allowed: readonly T[],
  synonyms: Readonly<Record<string, T>> = {},
): ValueResult<T> {
  const word = normaliseWord(text);
  const direct = allowed.find((value) => value === word);
  if (direct) return accept(direct);
  const synonym = synonyms[word];
  if (synonym) return accept(synonym);
  return refuse(`"${text}" is not one of: ${allowed.join(', ')}`);
}

/**
 * Splits a cell holding several values separated by ";", "|" or ",", dropping empty entries.
 * @example splitList('champion; billing') // ['champion', 'billing']
 */
export function splitList(text: string): string[] {
  return text
    .split(/[;|,]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/**
 * Reads an email address and returns it lower-case.
 * @example parseEmail(' Ana@Example.COM ') // { ok: true, value: 'ana@example.com' }
 */
export function parseEmail(text: string): ValueResult<string> {
  const email = text.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return refuse(`"${text}" is not an email address`);
  return accept(email);
}

/**
 * Reads a web domain, also from a URL: "https://www.Acme.com/about" → "acme.com".
 * @example parseDomain('http://www.example.org/') // { ok: true, value: 'example.org' }
 */
export function parseDomain(text: string): ValueResult<string> {
  const host = text
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  if (!/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.[\p{L}]{2,}$/u.test(host)) {
    return refuse(`"${text}" is not a web domain; write it like example.com`);
  }
  return accept(host);
}
