/**
 * Workload arithmetic in integer hundredths of a unit, so sums are exact: 100 low-touch accounts at
 * 0.3 make exactly 30, where adding 0.3 a hundred times in floating point gives 30.000000000000014.
 * Everything in this folder computes in hundredths and converts back only for display.
 */
import type { CapacityAccount, CapacityCsm, CapacitySettings, TouchModel } from './capacity-settings';

/**
 * A workload figure (a weight or a capacity) in integer hundredths; further decimals are rounded.
 * @example toHundredths(0.3) // 30
 */
export function toHundredths(workload: number): number {
  return Math.round(workload * 100);
}

/**
 * Hundredths back as workload units, rounded to two decimals for display.
 * @example fromHundredths(3005) // 30.05
 */
export function fromHundredths(hundredths: number): number {
  return Math.round(hundredths) / 100;
}

/**
 * Hundredths as text for sentences: one decimal when that is exact, else two.
 * @example formatWorkload(100) // '1.0'; formatWorkload(5) // '0.05'
 */
export function formatWorkload(hundredths: number): string {
  const rounded = Math.round(hundredths);
  return (rounded / 100).toFixed(rounded % 10 === 0 ? 1 : 2);
}

/** A utilisation (0.7) as a whole percentage for sentences ('70%'). */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** The weight of one account of a touch model, in hundredths. */
export function weightOf(model: TouchModel, settings: CapacitySettings): number {
  return toHundredths(settings.weights[model]);
}

/** A CSM's capacity in hundredths: the CSM's override when set, else the team's. */
export function capacityOf(csm: CapacityCsm, settings: CapacitySettings): number {
  return toHundredths(csm.workloadCapacity ?? settings.workloadCapacity);
}

/** The most workload (hundredths) a CSM of this capacity carries before counting as overloaded. */
export function ceilingOf(capacityHundredths: number, settings: CapacitySettings): number {
  return Math.round(capacityHundredths * settings.overloadAt);
}

/** The workload (hundredths) below which a CSM of this capacity counts as underloaded. */
export function floorOf(capacityHundredths: number, settings: CapacitySettings): number {
  return Math.round(capacityHundredths * settings.underloadAt);
}

/**
 * Workload ÷ capacity rounded to four decimals (a hundredth of a percent); null when the capacity
 * is 0, where a ratio has no meaning (the load flag still says whether the CSM is over).
 * @example utilisationOf(2100, 3000) // 0.7
 */
export function utilisationOf(workloadHundredths: number, capacityHundredths: number): number | null {
  if (capacityHundredths === 0) return null;
  return Math.round((workloadHundredths / capacityHundredths) * 10_000) / 10_000;
}

/** Whether a CSM may own an account of `tier`: empty `covers` means every tier, untiered included. */
export function coversTier(csm: CapacityCsm, tier: string | null): boolean {
  return csm.covers.length === 0 || (tier !== null && csm.covers.includes(tier));
}

/** Words for a tier in sentences; accounts without a tier only go to CSMs who cover every tier. */
export function tierLabel(tier: string | null): string {
  return tier ?? 'accounts without a tier';
}

/** Plain code-unit order for names and ids, the same on every machine (no locale). */
export function compareText(left: string, right: string): number {
  if (left < right) return -1;
  return left > right ? 1 : 0;
}

/** The accounts owned by each CSM (by id, in input order) and those owned by no CSM given. */
export function accountsByOwner(
  csms: readonly CapacityCsm[],
  accounts: readonly CapacityAccount[],
): { owned: Map<string, CapacityAccount[]>; unowned: CapacityAccount[] } {
  const owned = new Map<string, CapacityAccount[]>(csms.map((csm) => [csm.id, []]));
  const unowned: CapacityAccount[] = [];
  for (const account of accounts) {
    const book = account.ownerId === null ? undefined : owned.get(account.ownerId);
    if (book === undefined) unowned.push(account);
    else book.push(account);
  }
  return { owned, unowned };
}
