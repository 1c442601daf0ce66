import { describe, expect, it } from 'vitest';
import { bandFor } from './score-bands';
import { TRAFFIC_LIGHT_BANDS } from './scorecard.fixture';

const bandName = (score: number): string => bandFor(TRAFFIC_LIGHT_BANDS, score).name;

describe('score bands', () => {
  it('the first band includes its lower edge', () => {
    expect(bandName(0)).toBe('red');
  });

  it('an upper edge belongs to the lower band and anything above it to the next', () => {
    expect(bandName(50)).toBe('red');
    expect(bandName(50.01)).toBe('yellow');
    expect(bandName(50.5)).toBe('yellow');
    expect(bandName(75)).toBe('yellow');
    expect(bandName(75.01)).toBe('green');
    expect(bandName(100)).toBe('green');
  });
});
