import { ActionIcon, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { fieldProblem } from '../field-problems';

/** A touchpoint as the form holds it: the due day is '' while blank (no fixed day). */
export interface TouchpointDraft {
  title: string;
  dueDay: number | string;
}

interface TouchpointsEditorProps {
  value: TouchpointDraft[];
  onChange: (next: TouchpointDraft[]) => void;
  /** The last save's error, for problems at `body.touchpoints.N.title` and `.dueDay`. */
  error: unknown;
}

/** The proactive touchpoints of a stage: a title and the day after entering by which it is due. */
export function TouchpointsEditor({ value, onChange, error }: TouchpointsEditorProps) {
  const update = (index: number, patch: Partial<TouchpointDraft>) =>
    onChange(value.map((item, at) => (at === index ? { ...item, ...patch } : item)));
  return (
    <Stack gap={6}>
      <div>
        <Text size="sm" fw={500}>
          Touchpoints
        </Text>
        <Text size="xs" c="dimmed">
          What the owning team commits to do in this stage, and by which day after the account enters it
        </Text>
      </div>
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          None yet, e.g. “Kickoff call” by day 3.
        </Text>
      )}
      {value.map((touchpoint, index) => (
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap" data-testid="touchpoint-row">
          <TextInput
            aria-label={`Touchpoint ${index + 1} title`}
            placeholder="e.g. Kickoff call"
            maxLength={200}
            value={touchpoint.title}
            onChange={(event) => update(index, { title: event.currentTarget.value })}
            error={
              fieldProblem(error, `body.touchpoints.${index}.title`) ??
              fieldProblem(error, `body.touchpoints.${index}`)
            }
            flex={1}
          />
          <NumberInput
            aria-label={`Touchpoint ${index + 1} due day`}
            placeholder="Any day"
            min={0}
            max={3650}
            allowDecimal={false}
            allowNegative={false}
            value={touchpoint.dueDay}
            onChange={(dueDay) => update(index, { dueDay })}
            leftSection={
              <Text size="xs" c="dimmed" pl={4}>
                Day
              </Text>
            }
            leftSectionWidth={40}
            error={fieldProblem(error, `body.touchpoints.${index}.dueDay`)}
            w={150}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            mt={4}
            aria-label={`Remove touchpoint ${index + 1}`}
            onClick={() => onChange(value.filter((_, at) => at !== index))}
          >
            <svg
              width={16}
              height={16}
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth={2}
              strokeLinecap="round"
              aria-hidden="true"
              focusable="false"
            >
              <path d="M6 6l12 12M18 6L6 18" />
            </svg>
          </ActionIcon>
        </Group>
      ))}
      <div>
        <Button
          variant="light"
          size="compact-sm"
          disabled={value.length >= 50}
          onClick={() => onChange([...value, { title: '', dueDay: '' }])}
        >
          + Touchpoint
        </Button>
      </div>
    </Stack>
  );
}
