import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../../api/api-client';
import {
  type CreatedApiToken,
  type TokenScope,
  tokenScopes,
  useCreateApiToken,
} from '../../../api/tokens-api';
import { IconAlert } from '../../../components/icons';
import { CodeSnippet } from '../CodeSnippet';
import { fieldProblem, isFieldProblem } from '../field-problems';
import { SecretValue } from '../SecretValue';
import { tokenScopeDescriptions, tokenScopeLabels } from './token-scopes';
import { FormActions } from '../../../components/FormActions';

/** Creates an API token for the signed-in user, then shows it once with a request that uses it. */
export function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  // The form is cleared once the dialog has faded out, so it does not flash back to the form.
  const clear = () => {
    setName('');
    setScope('read');
    setCreated(null);
    create.reset();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), scope }, { onSuccess: setCreated });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={clear}
      closeButtonProps={{ 'aria-label': 'Close' }}
      size={created ? 'lg' : 'md'}
      title={<Text fw={650}>{created ? `API token "${created.name}"` : 'Create API token'}</Text>}
    >
      {created ? (
        <Stack gap="md">
          <SecretValue label="API token" value={created.token} once />
          <CodeSnippet
            title="Try it with curl"
            code={`curl -H 'Authorization: Bearer ${created.token}' ${window.location.origin}/api/v1/accounts`}
          />
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={onSubmit}>
          <Stack gap="md">
            <TextInput
              label="Name"
              description="What uses it, so you recognise it later"
              placeholder="e.g. Weekly export script"
              required
              maxLength={100}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={fieldProblem(create.error, 'body.name')}
              data-autofocus
            />
            <Radio.Group
              label="Scope"
              description="The most it may do"
              value={scope}
              onChange={(value) => setScope(value as TokenScope)}
              error={fieldProblem(create.error, 'body.scope')}
            >
              <Stack gap="xs" mt="xs">
                {tokenScopes.map((value) => (
                  <Radio
                    key={value}
                    value={value}
                    label={tokenScopeLabels[value]}
                    description={tokenScopeDescriptions[value]}
                  />
                ))}
              </Stack>
            </Radio.Group>
            {create.isError && !isFieldProblem(create.error, ['body.name', 'body.scope']) && (
              <Alert color="red" variant="light" icon={<IconAlert />} title="Not created" role="alert">
                {errorMessage(create.error)}
              </Alert>
            )}
            <FormActions onCancel={onClose} loading={create.isPending} disabled={name.trim() === ''}>
              Create token
            </FormActions>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
