import { describe, expect, it } from 'vitest';
import { csvField, csvRecord } from './account-csv';

describe('CSV fields of the portfolio export', () => {
  it('quotes commas, quotes, line breaks and edge spaces, doubling quotes (RFC 4180)', () => {
    expect(csvRecord(['Acme, Inc.', 'say "hi"', 'two\nlines', ' padded', 'plain'])).toBe(
      '"Acme, Inc.","say ""hi""","two\nlines"," padded",plain\r\n',
    );
  });

  it('keeps text a spreadsheet would run as a formula as text, but leaves numbers alone', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('+1 555 0100')).toBe("'+1 555 0100");
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField('-12.50')).toBe('-12.50');
    expect(csvField('1250.00')).toBe('1250.00');
  });
});
