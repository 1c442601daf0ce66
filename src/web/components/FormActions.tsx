import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

/** A form's footer: Cancel, then the submit button (busy while saving, off until the form can be sent). */
export function FormActions({
  onCancel,
  loading,
  disabled,
  children,
}: {
  onCancel: () => void;
  loading: boolean;
  disabled?: boolean;
  /** The submit button's label. */
  children: ReactNode;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={loading} disabled={disabled}>
        {children}
      </Button>
    </Group>
  );
}
