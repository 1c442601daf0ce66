import { useState } from 'react';

/**
 * What a dialog is about (a key to revoke, a group to map) and whether it is open. The target outlives
 * closing, so the dialog keeps its words while it fades out instead of going blank.
 */
export function useDialogTarget<T>() {
  const [target, setTarget] = useState<T | null>(null);
  const [opened, setOpened] = useState(false);
  return {
    target,
    opened,
    open: (next: T) => {
      setTarget(next);
      setOpened(true);
    },
    close: () => setOpened(false),
  };
}
