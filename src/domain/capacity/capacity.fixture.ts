import type { CapacityAccount, CapacityCsm } from './capacity-settings';

/** A CSM who covers every tier, with the team's capacity, and overrides. */
export function csmOf(id: string, overrides: Partial<CapacityCsm> = {}): CapacityCsm {
  return { id, name: id, covers: [], ...overrides };
}

/** A high-touch Tier 1 account with no ARR and an unknown start, and overrides. */
export function accountOf(id: string, overrides: Partial<CapacityAccount> = {}): CapacityAccount {
  return {
    id,
    name: id,
    ownerId: null,
    tier: 'Tier 1',
    touchModel: 'high',
    arr: 0,
    ownedSince: null,
    ...overrides,
  };
}

/** `count` accounts of one owner and kind, ids `${prefix}-1` … `${prefix}-${count}`. */
export function accountsOf(
  prefix: string,
  count: number,
  overrides: Partial<CapacityAccount> = {},
): CapacityAccount[] {
  return Array.from({ length: count }, (_, index) => accountOf(`${prefix}-${index + 1}`, overrides));
}
