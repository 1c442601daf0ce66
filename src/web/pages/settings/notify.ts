import { notifications } from '@mantine/notifications';

/**
 * Shows a one-sentence notification. Its close button gets a name (Mantine's has none), and there is
 * no title, because Mantine greys the text under a title to gray-6, below WCAG AA contrast.
 */
export function notify(color: 'teal' | 'red', message: string) {
  notifications.show({ color, message, closeButtonProps: { 'aria-label': 'Dismiss notification' } });
}
