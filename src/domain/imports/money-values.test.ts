import { describe, expect, it } from 'vitest';
import { currencyDecimals, isCurrencyCode } from './currency-codes';
import { parseCurrencyCode, parseMoneyAmount } from './money-values';

describe('currency codes', () => {
  it('knows the minor unit of each currency', () => {
    expect([currencyDecimals('USD'), currencyDecimals('JPY'), currencyDecimals('KWD'), currencyDecimals('CLF')]).toEqual([2, 0, 3, 4]);
    expect(currencyDecimals('XYZ')).toBeUndefined();
    expect([isCurrencyCode('EUR'), isCurrencyCode('eur'), isCurrencyCode('EURO')]).toEqual([true, false, false]);
  });

  it('reads a code in any case and refuses an unknown one', () => {
    expect(parseCurrencyCode(' gbp ')).toEqual({ ok: true, value: 'GBP' });
    expect(parseCurrencyCode('XYZ')).toEqual({
      ok: false,
      reason: '"XYZ" is not an ISO 4217 currency code; use a 3-letter code such as USD, EUR, GBP or JPY',
    });
  });
});

describe('parseMoneyAmount', () => {
  it('turns major units into minor units of the currency', () => {
    expect(parseMoneyAmount('1,200.50', 'USD')).toEqual({ ok: true, value: 120050 });
    expect(parseMoneyAmount('1200.5', 'EUR')).toEqual({ ok: true, value: 120050 });
    expect(parseMoneyAmount('99', 'USD')).toEqual({ ok: true, value: 9900 });
    expect(parseMoneyAmount('1,200', 'JPY')).toEqual({ ok: true, value: 1200 });
    expect(parseMoneyAmount('1.250', 'KWD')).toEqual({ ok: true, value: 1250 });
    expect(parseMoneyAmount('-3', 'USD')).toEqual({ ok: true, value: -300 });
    expect(parseMoneyAmount('12.500', 'USD')).toEqual({ ok: true, value: 1250 });
  });

  it('accepts the row currency written beside the amount, and refuses another', () => {
    expect(parseMoneyAmount('USD 1,200.50', 'USD')).toEqual({ ok: true, value: 120050 });
    expect(parseMoneyAmount('1200.50 usd', 'USD')).toEqual({ ok: true, value: 120050 });
    expect(parseMoneyAmount('EUR 10', 'USD')).toEqual({ ok: false, reason: '"EUR 10" is written in EUR but the row\'s currency is USD' });
  });

  it('refuses more decimals than the currency has instead of rounding', () => {
    expect(parseMoneyAmount('1,200.50', 'JPY')).toEqual({ ok: false, reason: '"1,200.50" has decimals but JPY has no minor unit; write a whole amount' });
    expect(parseMoneyAmount('10.005', 'USD')).toEqual({ ok: false, reason: '"10.005" has 3 decimals but USD has 2' });
  });

  it('refuses text and European-style separators', () => {
    const reason = (text: string) => `"${text}" is not an amount; write digits with a dot for decimals, e.g. 1200.50 or 1,200.50`;
    expect(parseMoneyAmount('abc', 'USD')).toEqual({ ok: false, reason: reason('abc') });
    expect(parseMoneyAmount('1.200,50', 'EUR')).toEqual({ ok: false, reason: reason('1.200,50') });
    expect(parseMoneyAmount('12,34', 'EUR')).toEqual({ ok: false, reason: reason('12,34') });
  });
});
