import { describe, expect, it } from 'vitest';
import {
  dayNumberOf,
  firstDayOfMonth,
  isoDateOf,
  monthIndexOf,
  nextBusinessDay,
  weekdayOf,
} from './calendar';
import { clamp, SeededRandom } from './seeded-random';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('SeededRandom', () => {
  it('repeats the same numbers for the same seed, stream and index', () => {
    const first = new SeededRandom(42, 3, 7);
    const second = new SeededRandom(42, 3, 7);
    const draws = Array.from({ length: 20 }, () => first.nextUint32());
    expect(Array.from({ length: 20 }, () => second.nextUint32())).toEqual(draws);
  });

  it('gives a different sequence for another seed, stream or index', () => {
    const reference = new SeededRandom(42, 3, 7).nextUint32();
    expect(new SeededRandom(43, 3, 7).nextUint32()).not.toBe(reference);
    expect(new SeededRandom(42, 4, 7).nextUint32()).not.toBe(reference);
    expect(new SeededRandom(42, 3, 8).nextUint32()).not.toBe(reference);
  });

  it('draws uniform numbers in [0, 1) with a mean near one half', () => {
    const random = new SeededRandom(1);
    let sum = 0;
    let lowest = 1;
    let highest = 0;
    for (let draw = 0; draw < 100_000; draw += 1) {
      const value = random.next();
      lowest = Math.min(lowest, value);
      highest = Math.max(highest, value);
      sum += value;
    }
    expect(lowest).toBeGreaterThanOrEqual(0);
    expect(highest).toBeLessThan(1);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });

  it('draws integers within both bounds, reaching each bound', () => {
    const random = new SeededRandom(2);
    const seen = new Set<number>();
    for (let draw = 0; draw < 1_000; draw += 1) seen.add(random.integer(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('picks weighted keys in proportion to their weights', () => {
    const random = new SeededRandom(3);
    const counts = { rare: 0, common: 0 };
    for (let draw = 0; draw < 20_000; draw += 1) counts[random.weighted({ rare: 1, common: 3 })] += 1;
    expect(counts.common / 20_000).toBeCloseTo(0.75, 1);
  });

  it('draws log-normal values around the median and Poisson counts around the mean', () => {
    const random = new SeededRandom(4);
    const values = Array.from({ length: 20_001 }, () => random.logNormal(100, 0.5)).sort(
      (left, right) => left - right,
    );
    expect(values[10_000]).toBeGreaterThan(95);
    expect(values[10_000]).toBeLessThan(105);
    const counts = Array.from({ length: 20_000 }, () => random.poisson(2.5));
    expect(counts.reduce((sum, count) => sum + count, 0) / counts.length).toBeCloseTo(2.5, 1);
    expect(random.poisson(0)).toBe(0);
  });

  it('builds version-4 UUIDs that do not collide across streams', () => {
    const ids = new Set<string>();
    for (let index = 0; index < 20_000; index += 1) {
      const random = new SeededRandom(42, 2, index);
      const id = random.uuid();
      expect(id).toMatch(UUID_V4);
      ids.add(id);
      ids.add(random.uuid());
    }
    expect(ids.size).toBe(40_000);
  });

  it('clamps into a range', () => {
    expect(clamp(-1, 0, 10)).toBe(0);
    expect(clamp(11, 0, 10)).toBe(10);
    expect(clamp(5, 0, 10)).toBe(5);
  });
});

describe('calendar', () => {
  it('converts between instants, day numbers and ISO dates in UTC', () => {
    expect(dayNumberOf(new Date('1970-01-01T23:59:59Z'))).toBe(0);
    const day = dayNumberOf(new Date('2025-06-15T10:00:00Z'));
    expect(isoDateOf(day)).toBe('2025-06-15');
    expect(isoDateOf(firstDayOfMonth(monthIndexOf(day)))).toBe('2025-06-01');
    expect(isoDateOf(firstDayOfMonth(monthIndexOf(day) - 23))).toBe('2023-07-01');
  });

  it('knows weekdays and moves weekend days to Monday', () => {
    const sunday = dayNumberOf(new Date('2025-06-15T00:00:00Z'));
    expect(weekdayOf(sunday)).toBe(0);
    expect(isoDateOf(nextBusinessDay(sunday))).toBe('2025-06-16');
    expect(isoDateOf(nextBusinessDay(sunday - 1))).toBe('2025-06-16');
    expect(nextBusinessDay(sunday + 2)).toBe(sunday + 2);
  });
});
