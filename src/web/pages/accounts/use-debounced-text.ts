import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

/**
 * A text box bound to a URL value: typing updates the box at once and `commit`s after a pause;
 * when the URL changes by other means (back/forward, "clear filters"), the box follows it.
 */
export function useDebouncedText(urlValue: string, commit: (value: string) => void, delay = 300) {
  const [text, setText] = useState(urlValue);
  const [seenUrlValue, setSeenUrlValue] = useState(urlValue);
  const debouncedCommit = useDebouncedCallback(commit, delay);
  if (urlValue !== seenUrlValue) {
    setSeenUrlValue(urlValue);
    setText(urlValue);
  }
  const onChange = (value: string) => {
    setText(value);
    debouncedCommit(value);
  };
  /** Commits now (Enter key, option picked). */
  const commitNow = (value: string = text) => {
    debouncedCommit.cancel();
    setText(value);
    commit(value);
  };
  return { text, onChange, commitNow };
}
