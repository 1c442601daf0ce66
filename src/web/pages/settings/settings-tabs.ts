import type { UserRole } from '../../../shared/api/enums';

/** The Settings tabs, in the order they show; `?tab=` names one. */
export const settingsTabs = ['tracking', 'webhooks', 'tokens', 'tiers', 'stages'] as const;
export type SettingsTab = (typeof settingsTabs)[number];

export const settingsTabLabels: Record<SettingsTab, string> = {
  tracking: 'Tracking',
  webhooks: 'Webhooks',
  tokens: 'API tokens',
  tiers: 'Tiers',
  stages: 'Journey stages',
};

/** What a role may do in Settings, mirroring the server's policy (src/server/auth/policy.ts). */
export interface SettingsPermissions {
  /** Write keys and mapping unmatched groups and users (`tracking.manage`: admin). */
  manageTracking: boolean;
  /** The list of what waits for an account (`tracking.read`: admin, manager). */
  readTracking: boolean;
  /** Outbound webhooks (`webhooks.manage`: admin). */
  manageWebhooks: boolean;
  /** Tiers, touch models, cadences and lifecycle stages (`journey.manage`: admin, manager). */
  manageJourney: boolean;
}

/** The role's permissions in Settings; every role manages its own API tokens. */
export function settingsPermissionsFor(role: UserRole): SettingsPermissions {
  return {
    manageTracking: role === 'admin',
    readTracking: role === 'admin' || role === 'manager',
    manageWebhooks: role === 'admin',
    manageJourney: role === 'admin' || role === 'manager',
  };
}

/**
 * The tabs a role may use: admin all; manager Tracking (read-only), API tokens, Tiers and Journey
 * stages; others API tokens.
 */
export function visibleSettingsTabs(role: UserRole): SettingsTab[] {
  const permissions = settingsPermissionsFor(role);
  return settingsTabs.filter((tab) => {
    if (tab === 'tracking') return permissions.readTracking;
    if (tab === 'webhooks') return permissions.manageWebhooks;
    if (tab === 'tiers' || tab === 'stages') return permissions.manageJourney;
    return true;
  });
}

/** The tab `?tab=` asks for when the role may use it, else the role's first tab. */
export function settingsTabOf(value: string | null, role: UserRole): SettingsTab {
  const visible = visibleSettingsTabs(role);
  return visible.find((tab) => tab === value) ?? visible[0] ?? 'tokens';
}
