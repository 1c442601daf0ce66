import { describe, expect, it } from 'vitest';
import { formatMonthOf, formatUnits, formatUtilisation, nextQuarterStart } from './capacity-format';

describe('capacity figures', () => {
  it('shows workload units with at most two decimals and utilisation as a whole percentage', () => {
    expect(formatUnits(3.25, 'en-US')).toBe('3.25');
    expect(formatUnits(30, 'en-US')).toBe('30');
    expect(formatUtilisation(1.0833, 'en-US')).toBe('108%');
    expect(formatUtilisation(null, 'en-US')).toBe('—');
  });

  it('finds the next calendar quarter, rolling into the next year after October', () => {
    expect(nextQuarterStart(new Date('2026-02-14T10:00:00Z'))).toBe('2026-04-01');
    expect(nextQuarterStart(new Date('2026-11-30T10:00:00Z'))).toBe('2027-01-01');
    expect(formatMonthOf('2026-04-01', 'en-US')).toBe('April 2026');
  });
});
