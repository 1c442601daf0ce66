import { describe, expect, it } from 'vitest';
import { settingsPermissionsFor, settingsTabOf, visibleSettingsTabs } from './settings-tabs';

describe('Settings tabs by role', () => {
  it('shows an admin tracking, webhooks and API tokens', () => {
    expect(visibleSettingsTabs('admin')).toEqual(['tracking', 'webhooks', 'tokens']);
  });

  it('shows a manager the tracking list (read-only) and API tokens, without webhooks', () => {
    expect(visibleSettingsTabs('manager')).toEqual(['tracking', 'tokens']);
    expect(settingsPermissionsFor('manager')).toEqual({
      manageTracking: false,
      readTracking: true,
      manageWebhooks: false,
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
    expect(settingsTabOf('nonsense', 'viewer')).toBe('tokens');
  });
});
