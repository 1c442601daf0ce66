import { describe, expect, it } from 'vitest';
import { isHeldOut, seededHashFraction } from './held-out-split';

const ids = Array.from({ length: 10_000 }, (_, index) => `acct_${index}`);

describe('held-out split', () => {
  it('is the same for the same id and seed, whatever the order', () => {
    const forwards = ids.map((id) => isHeldOut(id, 7, 0.3));
    const backwards = [...ids]
      .reverse()
      .map((id) => isHeldOut(id, 7, 0.3))
      .reverse();
    expect(backwards).toEqual(forwards);
    expect(seededHashFraction('acct_1', 7)).toBe(seededHashFraction('acct_1', 7));
  });

  it('holds out close to the requested share, and a different seed picks different accounts', () => {
    const heldOut = ids.filter((id) => isHeldOut(id, 7, 0.3));
    expect(heldOut.length / ids.length).toBeGreaterThan(0.28);
    expect(heldOut.length / ids.length).toBeLessThan(0.32);
    const otherSeed = new Set(ids.filter((id) => isHeldOut(id, 8, 0.3)));
    const overlap = heldOut.filter((id) => otherSeed.has(id)).length / heldOut.length;
    expect(overlap).toBeGreaterThan(0.25);
    expect(overlap).toBeLessThan(0.35);
  });

  it('holds out nothing at share 0 and everything at share 1', () => {
    expect(ids.some((id) => isHeldOut(id, 1, 0))).toBe(false);
    expect(ids.every((id) => isHeldOut(id, 1, 1))).toBe(true);
  });
});
