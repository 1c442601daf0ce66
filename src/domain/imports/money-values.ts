import { currencyDecimals } from './currency-codes';
import { accept, refuse, type ValueResult } from './value-result';

const plainNumber = /^(\d+)(?:\.(\d+))?$/;
const groupedNumber = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

/**
 * Reads an ISO 4217 currency code (case-insensitive) and returns it upper-case.
 * @example parseCurrencyCode('eur') // { ok: true, value: 'EUR' }
 */
export function parseCurrencyCode(text: string): ValueResult<string> {
  const code = text.trim().toUpperCase();
  if (currencyDecimals(code) === undefined) {
    return refuse(`"${text}" is not an ISO 4217 currency code; use a 3-letter code such as USD, EUR, GBP or JPY`);
  }
  return accept(code);
}

/** Removes a leading or trailing currency code ("USD 1,200.50"); refuses a code that is not `currency`. */
function stripCurrencyCode(text: string, currency: string): ValueResult<string> {
  const match = /^([A-Za-z]{3})\s*(.+)$/.exec(text) ?? /^(.+?)\s*([A-Za-z]{3})$/.exec(text);
  if (!match) return accept(text);
  const [code, amount] = /^[A-Za-z]{3}$/.test(match[1]!) ? [match[1]!, match[2]!] : [match[2]!, match[1]!];
  if (code.toUpperCase() !== currency) return refuse(`"${text}" is written in ${code.toUpperCase()} but the row's currency is ${currency}`);
  return accept(amount);
}

/**
 * Reads an amount in major units ("1,200.50", "1200.5", "-3") and returns it in minor units of
 * `currency` (an upper-case ISO 4217 code): 120050 for USD, and 1200 for "1,200" JPY. Commas may
 * only group thousands; the decimal separator is a dot. More decimals than the currency has is
 * refused rather than rounded.
 * @example parseMoneyAmount('1,200.50', 'USD') // { ok: true, value: 120050 }
 */
export function parseMoneyAmount(text: string, currency: string): ValueResult<number> {
  const decimals = currencyDecimals(currency);
  if (decimals === undefined) return refuse(`"${currency}" is not an ISO 4217 currency code`);
  const stripped = stripCurrencyCode(text.trim(), currency);
  if (!stripped.ok) return stripped;
  let body = stripped.value;
  const negative = body.startsWith('-');
  if (negative) body = body.slice(1);
  const match = plainNumber.exec(body) ?? groupedNumber.exec(body);
  if (!match) {
    return refuse(`"${text}" is not an amount; write digits with a dot for decimals, e.g. 1200.50 or 1,200.50`);
  }
  const whole = match[1]!.replaceAll(',', '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > decimals) {
    return refuse(
      decimals === 0
        ? `"${text}" has decimals but ${currency} has no minor unit; write a whole amount`
        : `"${text}" has ${fraction.length} decimals but ${currency} has ${decimals}`,
    );
  }
  const minor = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return refuse(`"${text}" is too large an amount`);
  return accept(negative ? -Number(minor) : Number(minor));
}
