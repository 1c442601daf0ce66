import type { MetricValueDto } from '../../shared/api/metrics.contract';
import { formatMoney, userLocale } from './money';

/** What a metric's number means, so it is shown the right way: a rate, a plain ratio, or money per account. */
export type MetricUnit = 'percent' | 'ratio' | 'money';

/** A fraction as a percentage, e.g. 0.8545 → "85.5%", −0.19 → "−19%"; one decimal at most, none when it is whole. */
export function formatPercent(fraction: number, locale: string = userLocale()): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
    .format(fraction)
    .replace('-', '−');
}

/** A fraction as a whole percentage, e.g. 0.8333 → "83%", where space is tight (heatmap cells). */
export function formatWholePercent(fraction: number, locale: string = userLocale()): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** A signed percentage change, e.g. 0.06 → "+6%", −0.125 → "−12.5%". */
export function formatPercentChange(fraction: number, locale: string = userLocale()): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  })
    .format(fraction)
    .replace('-', '−');
}

/**
 * Minor units in whole units of the currency, e.g. 31_800_000 → "$318,000"; amounts under 100 units
 * keep their cents ("$42.50") unless they are whole ("$0", "$55").
 */
export function formatWholeMoney(
  amountMinor: number,
  currency: string,
  locale: string = userLocale(),
): string {
  const rounded = Math.round(amountMinor);
  const decimals =
    new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
    2;
  const wholeUnits = Math.abs(rounded) >= 100 * 10 ** decimals || rounded % 10 ** decimals === 0;
  return formatMoney({ amountMinor: rounded, currency }, { locale, wholeUnits });
}

/** A signed amount, e.g. +$2,000 or −$1,000, for movements and changes. */
export function formatSignedMoney(
  amountMinor: number,
  currency: string,
  locale: string = userLocale(),
): string {
  const text = formatWholeMoney(Math.abs(amountMinor), currency, locale);
  if (amountMinor > 0) return `+${text}`;
  if (amountMinor < 0) return `−${text}`;
  return text;
}

/** Short money for chart axes, e.g. 2_650_000 minor USD → "$26.5K". */
export function formatCompactMoney(
  amountMinor: number,
  currency: string,
  locale: string = userLocale(),
): string {
  const base = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const fractionDigits = base.resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(amountMinor / 10 ** fractionDigits);
}

/** A defined metric value in its unit; `currency` is needed for money. */
export function formatMetricNumber(
  value: number,
  unit: MetricUnit,
  currency = 'USD',
  locale: string = userLocale(),
): string {
  if (unit === 'percent') return formatPercent(value, locale);
  if (unit === 'money') return formatWholeMoney(value, currency, locale);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/**
 * The text of a metric: its formatted value, or "—" when it is infinite or not defined, with the
 * server's reason to show beside it (a tooltip). Never "NaN".
 */
export function describeMetricValue(
  metric: MetricValueDto,
  unit: MetricUnit,
  currency = 'USD',
  locale: string = userLocale(),
): { text: string; reason: string | null } {
  if (metric.status === 'defined')
    return { text: formatMetricNumber(metric.value, unit, currency, locale), reason: null };
  return { text: '—', reason: metric.reason };
}

/** The number of a metric, or null when it has none (for charts, where null leaves a gap). */
export function metricNumber(metric: MetricValueDto): number | null {
  return metric.status === 'defined' ? metric.value : null;
}

function monthDate(month: string): Date {
  return new Date(`${month}-01T00:00:00Z`);
}

/** 'YYYY-MM' as "Mar 2026" in the user's locale. */
export function formatMonth(month: string, locale: string = userLocale()): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    monthDate(month),
  );
}

/** 'YYYY-MM' as "March 2026" in the user's locale. */
export function formatMonthLong(month: string, locale: string = userLocale()): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    monthDate(month),
  );
}

/** An inclusive month range, e.g. "Dec 2025 – Nov 2026", or one month when both ends are equal. */
export function formatMonthRange(from: string, to: string, locale: string = userLocale()): string {
  if (from === to) return formatMonthLong(from, locale);
  return `${formatMonth(from, locale)} – ${formatMonth(to, locale)}`;
}
