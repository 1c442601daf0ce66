import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { webhookEventTypes, webhookFormats } from '../../../../shared/api/enums';
import { errorMessage } from '../../../api/api-client';
import {
  type CreatedWebhook,
  useCreateWebhook,
  type WebhookEventType,
  type WebhookFormat,
} from '../../../api/webhooks-api';
import { IconAlert } from '../../../components/icons';
import { fieldProblem, isFieldProblem } from '../field-problems';
import { SecretValue } from '../SecretValue';
import { webhookEventDescriptions, webhookFormatDescriptions, webhookFormatLabels } from './webhook-events';
import { FormActions } from '../../../components/FormActions';

const formFields = ['body.url', 'body.events', 'body.format', 'body.description'] as const;

/** Subscribes a URL to events, then shows the signing secret (it can be revealed again later). */
export function CreateWebhookModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateWebhook();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>([]);
  const [format, setFormat] = useState<WebhookFormat>('json');
  const [description, setDescription] = useState('');
  const [created, setCreated] = useState<CreatedWebhook | null>(null);

  // The form is cleared once the dialog has faded out, so it does not flash back to the form.
  const clear = () => {
    setUrl('');
    setEvents([]);
    setFormat('json');
    setDescription('');
    setCreated(null);
    create.reset();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(
      { url: url.trim(), events, format, description: description.trim() === '' ? null : description.trim() },
      { onSuccess: setCreated },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={clear}
      closeButtonProps={{ 'aria-label': 'Close' }}
      size="lg"
      title={<Text fw={650}>{created ? 'Webhook added' : 'Add webhook'}</Text>}
    >
      {created ? (
        <Stack gap="md">
          <Text size="sm">
            Cycle now POSTs the chosen events to <strong>{created.url}</strong>. Each request carries a{' '}
            <code>Cycle-Signature</code> header: the HMAC-SHA256 of{' '}
            <code>&quot;&lt;t&gt;.&lt;body&gt;&quot;</code> keyed with this secret. Check it before trusting a
            request.
          </Text>
          <SecretValue label="Signing secret" value={created.secret} />
          <Text size="sm" c="dimmed">
            An admin can reveal it again from the webhook&apos;s menu.
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={onSubmit}>
          <Stack gap="md">
            <TextInput
              label="URL"
              description="Where events are POSTed: your endpoint, an automation tool or a Slack incoming webhook"
              placeholder="https://example.com/hooks/cycle"
              type="url"
              required
              maxLength={2000}
              value={url}
              onChange={(event) => setUrl(event.currentTarget.value)}
              error={fieldProblem(create.error, 'body.url')}
              data-autofocus
            />
            <Checkbox.Group
              label="Events"
              description="Choose at least one"
              required
              value={events}
              onChange={(value) => setEvents(value as WebhookEventType[])}
              error={fieldProblem(create.error, 'body.events')}
            >
              <Stack gap="xs" mt="xs">
                {webhookEventTypes.map((type) => (
                  <Checkbox
                    key={type}
                    value={type}
                    label={
                      <Text size="sm" ff="monospace">
                        {type}
                      </Text>
                    }
                    description={webhookEventDescriptions[type]}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            <Radio.Group
              label="Format"
              value={format}
              onChange={(value) => setFormat(value as WebhookFormat)}
              error={fieldProblem(create.error, 'body.format')}
            >
              <Stack gap="xs" mt="xs">
                {webhookFormats.map((value) => (
                  <Radio
                    key={value}
                    value={value}
                    label={webhookFormatLabels[value]}
                    description={webhookFormatDescriptions[value]}
                  />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea
              label="Description"
              description="Optional: what it is for, so others know"
              placeholder="e.g. Churn alerts to the #cs-alerts channel"
              autosize
              minRows={2}
              maxLength={300}
              value={description}
              onChange={(event) => setDescription(event.currentTarget.value)}
              error={fieldProblem(create.error, 'body.description')}
            />
            {create.isError && !isFieldProblem(create.error, formFields) && (
              <Alert color="red" variant="light" icon={<IconAlert />} title="Not added" role="alert">
                {errorMessage(create.error)}
              </Alert>
            )}
            <FormActions
              onCancel={onClose}
              loading={create.isPending}
              disabled={url.trim() === '' || events.length === 0}
            >
              Add webhook
            </FormActions>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
