import { Button } from '@mantine/core';
import { errorMessage } from '../api/api-client';
import { IconAlert } from './icons';
import { Notice } from './Notice';

/** What went wrong, in the server's words, with a way to try again. */
export function ErrorState({ title = 'Could not load this', error, onRetry }: { title?: string; error: unknown; onRetry?: () => void }) {
  return (
    <Notice
      role="alert"
      py="xl"
      variant="light"
      color="red"
      icon={<IconAlert size={24} />}
      title={title}
      description={errorMessage(error)}
      actions={
        onRetry && (
          <Button variant="light" onClick={onRetry}>
            Try again
          </Button>
        )
      }
    />
  );
}
