import {
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useId, useState } from 'react';
import type { ActivityKind } from '../../../shared/api/enums';
import { errorMessage } from '../../api/api-client';
import { useLogTimelineActivity } from '../../api/account-360-api';
import { IconAlert } from '../../components/icons';
import { activityKindLabels } from '../../format/labels';

const loggableKinds = ['call', 'meeting', 'email', 'note'] as const satisfies readonly ActivityKind[];
type LoggableKind = (typeof loggableKinds)[number];

const subjectHints: Record<LoggableKind, string> = {
  call: 'e.g. Check-in call with the champion',
  meeting: 'e.g. Onboarding kickoff',
  email: 'e.g. Sent the renewal proposal',
  note: 'e.g. Budget freeze until Q3',
};

/** Logs a call, meeting, email or note on the account; the entry appears at the top of the timeline at once. */
export function LogActivityForm({ accountId }: { accountId: string }) {
  const logActivity = useLogTimelineActivity(accountId);
  const kindLabelId = useId();
  const [kind, setKind] = useState<LoggableKind>('call');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [outcome, setOutcome] = useState('');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    logActivity.mutate(
      { kind, subject: subject.trim(), body: body.trim() || null, outcome: outcome.trim() || null },
      {
        onSuccess: (activity) => {
          setSubject('');
          setBody('');
          setOutcome('');
          notifications.show({
            color: 'teal',
            title: `${activityKindLabels[activity.kind]} logged`,
            message: activity.subject,
          });
        },
      },
    );
  };

  return (
    <Paper withBorder p="lg">
      <form onSubmit={onSubmit} aria-labelledby={`${kindLabelId}-title`}>
        <Stack gap="md">
          <Title order={2} size="h4" id={`${kindLabelId}-title`}>
            Log activity
          </Title>
          {logActivity.isError && (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlert />}
              title="Could not log the activity"
              role="alert"
            >
              {errorMessage(logActivity.error)}
            </Alert>
          )}
          <Stack gap={4}>
            <Text size="sm" fw={500} id={kindLabelId}>
              Type
            </Text>
            <SegmentedControl<LoggableKind>
              aria-labelledby={kindLabelId}
              name="kind"
              value={kind}
              onChange={setKind}
              data={loggableKinds.map((value) => ({ value, label: activityKindLabels[value] }))}
              w={{ base: '100%', sm: 'auto' }}
              style={{ alignSelf: 'flex-start' }}
            />
          </Stack>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <TextInput
              label="Subject"
              name="subject"
              required
              maxLength={300}
              placeholder={subjectHints[kind]}
              value={subject}
              onChange={(event) => setSubject(event.currentTarget.value)}
            />
            <TextInput
              label="Outcome"
              name="outcome"
              maxLength={300}
              placeholder="e.g. Agreed to a QBR in May"
              value={outcome}
              onChange={(event) => setOutcome(event.currentTarget.value)}
            />
          </SimpleGrid>
          <Textarea
            label="Notes"
            name="body"
            autosize
            minRows={2}
            maxRows={10}
            placeholder="What was discussed, who was there, what they asked for"
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={logActivity.isPending}>
              Log {activityKindLabels[kind].toLowerCase()}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
