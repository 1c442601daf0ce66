import { Group, Kbd, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/api-client';
import { SEARCH_MIN_LENGTH, useGlobalSearch } from '../../api/search-api';
import { IconBuilding, IconSearch } from '../icons';
import classes from './SearchDialog.module.css';
import { itemsOf, readRecentItems, rememberRecentItem, type SearchItem } from './search-items';

interface SearchDialogProps {
  opened: boolean;
  onClose: () => void;
}

interface Section {
  title: string;
  items: SearchItem[];
}

function sectionsOf(items: SearchItem[], recent: boolean): Section[] {
  if (recent) return items.length > 0 ? [{ title: 'Recently opened', items }] : [];
  const accounts = items.filter((item) => item.kind === 'account');
  const contacts = items.filter((item) => item.kind === 'contact');
  return [
    ...(accounts.length > 0 ? [{ title: 'Accounts', items: accounts }] : []),
    ...(contacts.length > 0 ? [{ title: 'Contacts', items: contacts }] : []),
  ];
}

/**
 * The global search dialog (Ctrl/Cmd+K): type to find accounts by name, domain or id and contacts by
 * name or email; ↑/↓ move, Enter opens, Esc closes. With nothing typed it lists recently opened items.
 * The input is an ARIA combobox whose active option follows the arrow keys.
 */
export function SearchDialog({ opened, onClose }: SearchDialogProps) {
  const navigate = useNavigate();
  const listId = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [recent, setRecent] = useState(readRecentItems);
  const [debounced] = useDebouncedValue(text.trim(), 150);
  const search = useGlobalSearch(debounced);
  const typing = text.trim().length >= SEARCH_MIN_LENGTH;
  const items = useMemo(
    () => (typing ? (search.data ? itemsOf(search.data) : []) : recent),
    [typing, search.data, recent],
  );
  const sections = sectionsOf(items, !typing);
  const activeIndex = Math.min(active, Math.max(0, items.length - 1));
  const optionId = (index: number) => `${listId}-option-${index}`;

  const close = () => {
    setText('');
    setActive(0);
    onClose();
  };
  const open = (item: SearchItem) => {
    setRecent(rememberRecentItem(item));
    close();
    navigate(item.to);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (items.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = (activeIndex + step + items.length) % items.length;
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      const item = items[activeIndex];
      if (item) {
        event.preventDefault();
        open(item);
      }
    }
  };

  let status: string;
  if (!typing)
    status =
      recent.length > 0
        ? ''
        : 'Type at least 2 characters: an account name, domain or id, a contact name or email.';
  else if (search.isError) status = errorMessage(search.error);
  else if (search.isPending || debounced !== text.trim()) status = search.data ? '' : 'Searching…';
  else
    status =
      items.length === 0 ? `Nothing matches “${text.trim()}”. Try part of a name, a domain or an email.` : '';

  let index = -1;
  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Search accounts and contacts"
      size="lg"
      yOffset="10vh"
      classNames={{ body: classes.body }}
      closeButtonProps={{ 'aria-label': 'Close search' }}
    >
      <TextInput
        data-autofocus
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        placeholder="Account, domain or id, contact or email"
        leftSection={search.isFetching && typing ? <Loader size={16} /> : <IconSearch size={16} />}
        role="combobox"
        aria-label="Search accounts and contacts"
        aria-autocomplete="list"
        aria-expanded={items.length > 0}
        aria-controls={listId}
        aria-activedescendant={items.length > 0 ? optionId(activeIndex) : undefined}
        autoComplete="off"
        spellCheck={false}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={typing ? 'Results' : 'Recently opened'}
        className={classes.list}
      >
        {sections.map((section) => (
          <div key={section.title} role="group" aria-label={section.title}>
            <Text
              size="xs"
              fw={600}
              c="dimmed"
              tt="uppercase"
              className={classes.sectionTitle}
              aria-hidden="true"
            >
              {section.title}
            </Text>
            {section.items.map((item) => {
              index += 1;
              const position = index;
              const selected = position === activeIndex;
              return (
                <UnstyledButton
                  key={item.key}
                  id={optionId(position)}
                  role="option"
                  aria-selected={selected}
                  tabIndex={-1}
                  className={classes.option}
                  data-active={selected || undefined}
                  onMouseMove={() => setActive(position)}
                  onClick={() => open(item)}
                >
                  <Group gap="sm" wrap="nowrap">
                    <span className={classes.kindIcon}>
                      {item.kind === 'account' ? (
                        <IconBuilding size={16} />
                      ) : (
                        <span aria-hidden="true">@</span>
                      )}
                    </span>
                    <Stack gap={0} className={classes.optionText}>
                      <Text size="sm" fw={500} truncate>
                        {item.label}
                      </Text>
                      {item.description && (
                        <Text size="xs" c="dimmed" truncate>
                          {item.description}
                        </Text>
                      )}
                    </Stack>
                  </Group>
                </UnstyledButton>
              );
            })}
          </div>
        ))}
      </div>
      <Text
        size="sm"
        c={search.isError && typing ? 'red' : 'dimmed'}
        role="status"
        aria-live="polite"
        className={classes.status}
      >
        {status}
      </Text>
      <Group gap="lg" className={classes.footer} aria-hidden="true">
        <Text size="xs" c="dimmed">
          <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> move
        </Text>
        <Text size="xs" c="dimmed">
          <Kbd size="xs">Enter</Kbd> open
        </Text>
        <Text size="xs" c="dimmed">
          <Kbd size="xs">Esc</Kbd> close
        </Text>
      </Group>
    </Modal>
  );
}
