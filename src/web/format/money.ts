import type { Money } from '../../shared/api/money';

/** The browser's preferred locale; money and dates are shown the way the user reads them. */
export function userLocale(): string {
  return typeof navigator === 'undefined' ? 'en-US' : navigator.language || 'en-US';
}

/**
 * Formats an amount in minor units with its currency, e.g. `{ amountMinor: 123456, currency: 'USD' }`
 * → "$1,234.56" in en-US. `wholeUnits` rounds to whole units ("$1,235") for tables and headlines.
 */
export function formatMoney(money: Money, options: { locale?: string; wholeUnits?: boolean } = {}): string {
  const locale = options.locale ?? userLocale();
  const base = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
  const fractionDigits = base.resolvedOptions().maximumFractionDigits ?? 2;
  const amount = money.amountMinor / 10 ** fractionDigits;
  if (!options.wholeUnits) return base.format(amount);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(amount);
}
