import { describe, expect, it } from 'vitest';
import { settingsPermissionsFor, settingsTabOf, visibleSettingsTabs } from './settings-tabs';

describe('Settings tabs by role', () => {
  it('shows an admin tracking, webhooks, API tokens, tiers and journey stages', () => {
    expect(visibleSettingsTabs('admin')).toEqual(['tracking', 'webhooks', 'tokens', 'tiers', 'stages']);
  });

  it('shows a manager the tracking list (read-only), API tokens, tiers and stages, without webhooks', () => {
    expect(visibleSettingsTabs('manager')).toEqual(['tracking', 'tokens', 'tiers', 'stages']);
    expect(settingsPermissionsFor('manager')).toEqual({
      manageTracking: false,
      readTracking: true,
      manageWebhooks: false,
      manageJourney: true,
    });
  });

  it('shows CSMs and viewers only their API tokens', () => {
    expect(visibleSettingsTabs('csm')).toEqual(['tokens']);
    expect(visibleSettingsTabs('viewer')).toEqual(['tokens']);
  });

  it('opens the tab the URL names when the role may use it, else the first tab the role has', () => {
    expect(settingsTabOf('webhooks', 'admin')).toBe('webhooks');
    expect(settingsTabOf(null, 'admin')).toBe('tracking');
    expect(settingsTabOf('webhooks', 'manager')).toBe('tracking');
    expect(settingsTabOf('tracking', 'csm')).toBe('tokens');
    expect(settingsTabOf('tiers', 'manager')).toBe('tiers');
    expect(settingsTabOf('stages', 'csm')).toBe('tokens');
    expect(settingsTabOf('nonsense', 'viewer')).toBe('tokens');
  });
});
