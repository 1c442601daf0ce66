import { Group, Kbd, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useHotkeys, useOs } from '@mantine/hooks';
import { lazy, Suspense, useState } from 'react';
import { IconSearch } from '../icons';
import classes from './GlobalSearch.module.css';

// The dialog's code loads the first time it opens, so it costs the first paint nothing.
const SearchDialog = lazy(() =>
  import('./SearchDialog').then((module) => ({ default: module.SearchDialog })),
);

/** The header's search button and the Ctrl/Cmd+K shortcut (from anywhere, inputs included) that opens the search dialog. */
export function GlobalSearch() {
  const [opened, { open, close }] = useDisclosure(false);
  const [loaded, setLoaded] = useState(false);
  const os = useOs();
  const shortcut = os === 'macos' || os === 'ios' ? '⌘ K' : 'Ctrl K';
  const show = () => {
    setLoaded(true);
    open();
  };
  useHotkeys([['mod+K', show]], []);
  return (
    <>
      <UnstyledButton
        className={classes.trigger}
        onClick={show}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
      >
        <Group gap="xs" wrap="nowrap">
          <IconSearch size={16} />
          <Text size="sm" className={classes.label}>
            Search…
          </Text>
          <VisuallyHidden>accounts and contacts</VisuallyHidden>
          <Kbd size="xs" className={classes.shortcut}>
            {shortcut}
          </Kbd>
        </Group>
      </UnstyledButton>
      {loaded && (
        <Suspense fallback={null}>
          <SearchDialog opened={opened} onClose={close} />
        </Suspense>
      )}
    </>
  );
}
