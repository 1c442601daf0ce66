/**
 * Rounds an amount in minor units to a whole minor unit, halves away from zero (2.5 → 3, −2.5 → −3).
 * Binary noise below a millionth of a minor unit is removed first, so 2.4999999999999996 rounds as 2.5.
 * @example roundHalfAwayFromZero(16666.67) // 16667
 */
export function roundHalfAwayFromZero(amount: number): number {
  const magnitude = Number(Math.abs(amount).toFixed(6));
  const rounded = Math.floor(magnitude + 0.5);
  return amount < 0 && rounded !== 0 ? -rounded : rounded;
}
