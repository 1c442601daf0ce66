import {
  Anchor,
  Autocomplete,
  Badge,
  createTheme,
  Notification,
  type CSSVariablesResolver,
  DEFAULT_THEME,
  MultiSelect,
  Paper,
  Select,
  Table,
} from '@mantine/core';
import classes from './theme.module.css';

const reachableClearButton = { tabIndex: 0, 'aria-hidden': false, 'aria-label': 'Clear' } as const;

/** Mantine defaults with our accent colour and a calmer, rounder look; fonts are the system's own. */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 in light mode: white on the default shade 6 is 4.0:1, under WCAG AA's 4.5:1.
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  headings: { fontWeight: '650' },
  components: {
    Badge: Badge.extend({ defaultProps: { radius: 'sm' } }),
    Paper: Paper.extend({ defaultProps: { radius: 'md' } }),
    Table: Table.extend({ classNames: { thead: classes.tableHead } }),
    // A link inside a sentence is underlined, so it does not rely on colour alone (WCAG 1.4.1).
    Anchor: Anchor.extend({ classNames: { root: classes.anchor } }),
    // A clearable field's clear button can be reached with Tab and is announced (Mantine hides it from
    // both: tabIndex -1 and aria-hidden).
    Select: Select.extend({ defaultProps: { clearButtonProps: reachableClearButton } }),
    MultiSelect: MultiSelect.extend({ defaultProps: { clearButtonProps: reachableClearButton } }),
    Autocomplete: Autocomplete.extend({ defaultProps: { clearButtonProps: reachableClearButton } }),
    // Notifications (toasts): the description in body text colour (Mantine's gray-6 reads 3.5:1), and a named close button.
    Notification: Notification.extend({
      classNames: { description: classes.notificationDescription },
      defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } },
    }),
  },
});

/**
 * Colours adjusted for WCAG AA contrast (4.5:1 for text), checked by axe in
 * test/e2e/accessibility.e2e.test.ts: Mantine's "dimmed" grey and the text of light variants
 * (badges, active navigation, alerts) are too pale on white and a shade too dark on dark.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-indigo-8)',
  };
  const dark: Record<string, string> = { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' };
  for (const color of Object.keys(DEFAULT_THEME.colors)) {
    if (color === 'dark' || color === 'gray') continue;
    // Coloured text (c="orange"), light and outline badges: shade 9 darkened a little reads 4.5:1 on white and on its tint.
    const readable = `color-mix(in srgb, var(--mantine-color-${color}-9), black 30%)`;
    light[`--mantine-color-${color}-text`] = readable;
    light[`--mantine-color-${color}-light-color`] = readable;
    light[`--mantine-color-${color}-outline`] = readable;
    dark[`--mantine-color-${color}-light-color`] = `var(--mantine-color-${color}-3)`;
  }
  return { variables: {}, light, dark };
};
