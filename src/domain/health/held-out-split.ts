/**
 * Whether an account belongs to the held-out part of a calibration: a seeded 32-bit hash of its id
 * mapped to [0, 1) and compared with `heldOutShare` (0–1). Depends only on the id and the seed,
 * never on row order, so adding accounts does not move the others.
 * @example isHeldOut('acct_42', 7, 0.3) // the same answer on every run and platform
 */
export function isHeldOut(accountId: string, seed: number, heldOutShare: number): boolean {
  return seededHashFraction(accountId, seed) < heldOutShare;
}

/** FNV-1a over the UTF-16 code units of `seed:id`, finished with murmur3's fmix32 avalanche; in [0, 1). */
export function seededHashFraction(accountId: string, seed: number): number {
  const text = `${seed}:${accountId}`;
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 4294967296;
}
