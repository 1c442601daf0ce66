import type { AccountColumn } from '../../../shared/api/accounts.contract';
import { currencyDecimals } from '../../../domain/imports/currency-codes';
import type { AccountListRow } from './account.repository';
import { REPORTING_CURRENCY } from './current-mrr.sql';

const reportingDecimals = currencyDecimals(REPORTING_CURRENCY) ?? 2;

/** Minor units as a plain decimal, e.g. 27667 → "276.67" (integer arithmetic: no float rounding). */
export function minorToDecimal(minor: number, decimals: number = reportingDecimals): string {
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(minor))).padStart(decimals + 1, '0');
  if (decimals === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or edge spaces; quotes
 * doubled. Text a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR, and not a
 * plain number) gets a leading apostrophe, so an account named "=HYPERLINK(…)" stays text (OWASP CSV injection).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^[+-]?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record, ended by CRLF as RFC 4180 asks. */
export function csvRecord(fields: string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

type CsvCell = { header: string; value: (row: AccountListRow) => string };

const text = (value: string | null | undefined) => value ?? '';

/** What each portfolio column writes: one or more CSV columns (health gives score and band). */
const csvColumns: Record<AccountColumn, CsvCell[]> = {
  name: [{ header: 'Account', value: (row) => row.name }],
  domain: [{ header: 'Domain', value: (row) => text(row.domain) }],
  status: [{ header: 'Status', value: (row) => row.status }],
  tier: [{ header: 'Tier', value: (row) => text(row.tier) }],
  segment: [{ header: 'Segment', value: (row) => text(row.segment) }],
  stage: [{ header: 'Lifecycle stage', value: (row) => text(row.lifecycleStage) }],
  owner: [
    { header: 'Owner', value: (row) => text(row.ownerName) },
    { header: 'Owner email', value: (row) => text(row.ownerEmail) },
  ],
  health: [
    { header: 'Health score', value: (row) => (row.healthScore === null ? '' : row.healthScore.toFixed(2)) },
    { header: 'Health band', value: (row) => (row.healthScore === null ? '' : text(row.healthBand)) },
  ],
  mrr: [{ header: `MRR (${REPORTING_CURRENCY})`, value: (row) => minorToDecimal(row.mrrMinor) }],
  arr: [{ header: `ARR (${REPORTING_CURRENCY})`, value: (row) => minorToDecimal(row.mrrMinor * 12) }],
  renewalDate: [{ header: 'Renewal date', value: (row) => text(row.renewalDate) }],
  industry: [{ header: 'Industry', value: (row) => text(row.industry) }],
  region: [{ header: 'Region', value: (row) => text(row.region) }],
};

/**
 * The header and row writers of an export with these columns, in this order.
 * @example accountCsvWriter(['name', 'mrr']).row(row) // "Acme,276.67\r\n"
 */
export function accountCsvWriter(columns: readonly AccountColumn[]): {
  header: string;
  row: (row: AccountListRow) => string;
} {
  const cells = [...new Set(columns)].flatMap((column) => csvColumns[column]);
  return {
    header: csvRecord(cells.map((cell) => cell.header)),
    row: (row) => csvRecord(cells.map((cell) => cell.value(row))),
  };
}
