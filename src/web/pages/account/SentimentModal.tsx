import { Alert, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useId, useState } from 'react';
import type { SentimentLabel } from '../../../shared/api/health.contract';
import { errorMessage } from '../../api/api-client';
import { useSetSentiment } from '../../api/health-api';
import { IconAlert } from '../../components/icons';
import { sentimentLabelText, sentimentOptions } from '../../format/health';
import { todayUtc } from '../../format/dates';
import { FormActions } from '../../components/FormActions';

/** YYYY-MM-DD `days` after today (UTC), the calendar the server checks expiry dates in. */
function dayFromToday(days: number): string {
  return new Date(Date.parse(`${todayUtc()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Records the CSM's read of the account with a note and an expiry (30 days ahead unless changed). */
export function SentimentModal({
  accountId,
  opened,
  onClose,
}: {
  accountId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const setSentiment = useSetSentiment(accountId);
  const labelId = useId();
  const [sentiment, setSentimentLabel] = useState<SentimentLabel>('neutral');
  const [note, setNote] = useState('');
  const [expiresOn, setExpiresOn] = useState(() => dayFromToday(30));

  const close = () => {
    setSentiment.reset();
    onClose();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSentiment.mutate(
      { sentiment, note: note.trim(), expiresOn },
      {
        onSuccess: (health) => {
          setNote('');
          setExpiresOn(dayFromToday(30));
          const score = health.current?.score;
          notifications.show({
            color: 'teal',
            title: `Sentiment set to ${sentimentLabelText[sentiment].toLowerCase()}`,
            message:
              score === null || score === undefined
                ? 'The account was rescored.'
                : `The account was rescored: ${score.toFixed(2)}.`,
          });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>Set sentiment</Text>}>
      <form onSubmit={onSubmit}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Your own read of the account. It counts in the score (when the scorecard has a sentiment measure)
            until it expires, and the note is shown with the score.
          </Text>
          {setSentiment.isError && (
            <Alert color="red" variant="light" icon={<IconAlert />} title="Not saved" role="alert">
              {errorMessage(setSentiment.error)}
            </Alert>
          )}
          <Stack gap={4}>
            <Text size="sm" fw={500} id={labelId}>
              Sentiment
            </Text>
            <SegmentedControl<SentimentLabel>
              aria-labelledby={labelId}
              name="sentiment"
              value={sentiment}
              onChange={setSentimentLabel}
              data={sentimentOptions.map((value) => ({ value, label: sentimentLabelText[value] }))}
              color={sentiment === 'positive' ? 'teal' : sentiment === 'negative' ? 'red' : 'gray'}
            />
          </Stack>
          <Textarea
            label="Note"
            description="Why: what you heard or saw"
            required
            autosize
            minRows={3}
            maxRows={8}
            maxLength={2000}
            placeholder="e.g. Champion left; the new VP is reviewing all tools"
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <TextInput
            label="Counts until"
            description="It stops counting after this day"
            type="date"
            required
            min={todayUtc()}
            max={dayFromToday(365)}
            value={expiresOn}
            onChange={(event) => setExpiresOn(event.currentTarget.value)}
            w={220}
          />
          <FormActions
            onCancel={close}
            loading={setSentiment.isPending}
            disabled={note.trim() === '' || expiresOn === ''}
          >
            Save sentiment
          </FormActions>
        </Stack>
      </form>
    </Modal>
  );
}
