import { describe, expect, it } from 'vitest';
import { formatWorkload, fromHundredths, toHundredths, utilisationOf } from './workload-units';

describe('workload units', () => {
  it('add a hundred low-touch weights to exactly 30, where floating point drifts', () => {
    let floating = 0;
    let hundredths = 0;
    for (let index = 0; index < 100; index += 1) {
      floating += 0.3;
      hundredths += toHundredths(0.3);
    }
    expect(floating).not.toBe(30);
    expect(fromHundredths(hundredths)).toBe(30);
  });

  it('write workload with one decimal when exact, else two', () => {
    expect(formatWorkload(100)).toBe('1.0');
    expect(formatWorkload(30)).toBe('0.3');
    expect(formatWorkload(5)).toBe('0.05');
    expect(formatWorkload(3005)).toBe('30.05');
  });

  it('give utilisation to four decimals, and none for a CSM without capacity', () => {
    expect(utilisationOf(2100, 3000)).toBe(0.7);
    expect(utilisationOf(1000, 3000)).toBe(0.3333);
    expect(utilisationOf(0, 0)).toBeNull();
    expect(utilisationOf(100, 0)).toBeNull();
  });
});
