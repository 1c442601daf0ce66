import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../../api/api-client';
import { type CreatedWriteKey, useCreateWriteKey } from '../../../api/tracking-api';
import { IconAlert } from '../../../components/icons';
import { CodeSnippet } from '../CodeSnippet';
import { fieldProblem, isFieldProblem } from '../field-problems';
import { SecretValue } from '../SecretValue';
import { curlSnippet, nodeSnippet } from './tracking-snippets';
import { FormActions } from '../../../components/FormActions';

/**
 * Creates the write key of a source, then shows the key once with examples that send events to
 * this server (the page's own origin) with the Segment Node.js client and with curl.
 */
export function CreateWriteKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateWriteKey();
  const [source, setSource] = useState('');
  const [created, setCreated] = useState<CreatedWriteKey | null>(null);

  // The form is cleared once the dialog has faded out, so it does not flash back to the form.
  const clear = () => {
    setSource('');
    setCreated(null);
    create.reset();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(source.trim(), { onSuccess: setCreated });
  };
  const sourceProblem = fieldProblem(create.error, 'body.source');

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={clear}
      closeButtonProps={{ 'aria-label': 'Close' }}
      size={created ? 'xl' : 'md'}
      title={<Text fw={650}>{created ? `Write key for ${created.source}` : 'Create write key'}</Text>}
    >
      {created ? (
        <Stack gap="lg">
          <SecretValue label="Write key" value={created.key} once />
          <Text size="sm">
            Send events to Cycle with any Segment library by changing its host to this server. The key goes as
            the HTTP Basic user name (or as <code>writeKey</code> in the body).
          </Text>
          <CodeSnippet
            title="Node.js (@segment/analytics-node)"
            code={nodeSnippet(created.key, window.location.origin)}
          />
          <CodeSnippet title="curl" code={curlSnippet(created.key, window.location.origin)} />
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={onSubmit}>
          <Stack gap="md">
            <TextInput
              label="Source"
              description='What sends the events: lower-case letters, digits, ".", "_" or "-", e.g. web-app, ios, backend. One active key per source.'
              placeholder="web-app"
              required
              maxLength={63}
              value={source}
              onChange={(event) => {
                setSource(event.currentTarget.value);
                if (create.isError) create.reset();
              }}
              error={sourceProblem}
              data-autofocus
            />
            {create.isError && !isFieldProblem(create.error, ['body.source']) && (
              <Alert color="red" variant="light" icon={<IconAlert />} title="Not created" role="alert">
                {errorMessage(create.error)}
              </Alert>
            )}
            <FormActions onCancel={onClose} loading={create.isPending} disabled={source.trim() === ''}>
              Create write key
            </FormActions>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
