import { describe, expect, it } from 'vitest';
import { formatCsvRow, formatRejectsCsv } from './csv-format';

describe('CSV output', () => {
  it('quotes only the values that need it', () => {
    expect(formatCsvRow(['plain', 'a,b', 'say "hi"', 'two\nlines', ' padded', ''])).toBe('plain,"a,b","say ""hi""","two\nlines"," padded",');
  });

  it('writes the rejects file with a reason column', () => {
    expect(formatRejectsCsv(['id', 'name'], [{ row: 2, cells: ['x-2', ''], reason: 'column name: name is required' }])).toBe(
      'id,name,reason\r\nx-2,,column name: name is required\r\n',
    );
  });
});
