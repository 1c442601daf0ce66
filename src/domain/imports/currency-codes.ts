/**
 * Active ISO 4217 currency codes and the number of decimals of their minor unit
 * (USD 2: cents; JPY 0: no minor unit; KWD 3: fils). Codes not listed have 2 decimals.
 */
const zeroDecimalCodes = [
  'BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF',
];
const threeDecimalCodes = ['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'];
const fourDecimalCodes = ['CLF', 'UYW'];
const twoDecimalCodes = [
  'AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BMD', 'BND', 'BOB',
  'BOV', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHE', 'CHF', 'CHW', 'CNY', 'COP', 'COU', 'CRC', 'CUP',
  'CVE', 'CZK', 'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS', 'GIP', 'GMD', 'GTQ',
  'GYD', 'HKD', 'HNL', 'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'IRR', 'JMD', 'KES', 'KGS', 'KHR', 'KPW', 'KYD', 'KZT', 'LAK',
  'LBP', 'LKR', 'LRD', 'LSL', 'MAD', 'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MXV',
  'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'QAR', 'RON', 'RSD',
  'RUB', 'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB',
  'TJS', 'TMT', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'USD', 'USN', 'UYU', 'UZS', 'VED', 'VES', 'WST', 'XCD', 'XCG',
  'YER', 'ZAR', 'ZMW', 'ZWG',
];

const minorUnitDecimals: ReadonlyMap<string, number> = new Map([
  ...zeroDecimalCodes.map((code) => [code, 0] as const),
  ...twoDecimalCodes.map((code) => [code, 2] as const),
  ...threeDecimalCodes.map((code) => [code, 3] as const),
  ...fourDecimalCodes.map((code) => [code, 4] as const),
]);

/**
 * Decimals of the currency's minor unit, or undefined when the code is not an active ISO 4217 code.
 * @example currencyDecimals('JPY') // 0
 */
export function currencyDecimals(code: string): number | undefined {
  return minorUnitDecimals.get(code);
}

/**
 * True for an active ISO 4217 code, upper-case (`isCurrencyCode('EUR')` is true, `'eur'` and `'EURO'` are not).
 * @example isCurrencyCode('USD') // true
 */
export function isCurrencyCode(code: string): boolean {
  return minorUnitDecimals.has(code);
}
