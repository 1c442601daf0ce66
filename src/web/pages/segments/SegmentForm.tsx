import {
  Alert,
  Button,
  Grid,
  Group,
  Paper,
  Radio,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { SegmentGroup } from '../../../domain/segments';
import type { RuleProblemItem, Segment } from '../../../shared/api/segments.contract';
import { errorMessage } from '../../api/api-client';
import { useRuleFields, useSaveSegment } from '../../api/segments-api';
import { ErrorState } from '../../components/ErrorState';
import { IconAlert } from '../../components/icons';
import { RuleBuilder } from '../../components/rule-builder/RuleBuilder';
import { asRootGroup, serverRuleProblems } from '../../components/rule-builder/rule-draft';
import { useLiveRulePreview } from '../../components/rule-builder/use-live-rule-preview';
import { fieldProblem, isFieldProblem } from '../settings/field-problems';
import { notify } from '../settings/notify';
import { segmentKindDescriptions, segmentKindLabels } from './segment-format';
import { SegmentPreviewPanel } from './SegmentPreviewPanel';

/** Every problem once: the same one can come from the save and from the preview. */
function uniqueProblems(...lists: (readonly RuleProblemItem[])[]): RuleProblemItem[] {
  const seen = new Set<string>();
  return lists.flat().filter((problem) => {
    const key = `${problem.path}\n${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const formFields = ['body.name', 'body.description'] as const;

interface SegmentFormProps {
  /** The segment being edited; null for a new one. */
  segment: Segment | null;
  /** Read only: the rule is shown but cannot change (viewers). */
  readOnly?: boolean;
}

/**
 * A segment's name, description, kind (new ones) and rule, with the live count and sample beside the
 * rule builder. Saving recomputes the members; a new segment opens on its page after.
 */
export function SegmentForm({ segment, readOnly = false }: SegmentFormProps) {
  const navigate = useNavigate();
  const fields = useRuleFields('segment');
  const save = useSaveSegment();
  const [name, setName] = useState(segment?.name ?? '');
  const [description, setDescription] = useState(segment?.description ?? '');
  const [kind, setKind] = useState<Segment['kind']>(segment?.kind ?? 'dynamic');
  const [rule, setRule] = useState<SegmentGroup>(() => asRootGroup(segment?.rule ?? null));
  const [submitted, setSubmitted] = useState(false);
  const dynamic = kind === 'dynamic';
  const live = useLiveRulePreview(rule, dynamic ? fields.data : undefined, 'segment');
  const problems = uniqueProblems(
    serverRuleProblems(save.error, 'body.rule'),
    live.serverProblems,
    submitted ? live.localProblems : [],
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (dynamic && live.localProblems.length > 0) return;
    const text = { name: name.trim(), description: description.trim() === '' ? null : description.trim() };
    const request = segment
      ? { id: segment.id, body: { ...text, ...(dynamic ? { rule } : {}) } }
      : {
          body: dynamic ? { kind: 'dynamic' as const, ...text, rule } : { kind: 'static' as const, ...text },
        };
    save.mutate(request, {
      onSuccess: (saved) => {
        notify(
          'teal',
          segment
            ? `Saved “${saved.name}”: ${saved.memberCount.toLocaleString()} members now.`
            : `Created “${saved.name}” with ${saved.memberCount.toLocaleString()} members.`,
        );
        setSubmitted(false);
        if (!segment) navigate(`/segments/${saved.id}${saved.kind === 'static' ? '?tab=members' : ''}`);
      },
    });
  };

  const ruleError =
    save.isError &&
    !isFieldProblem(save.error, formFields) &&
    serverRuleProblems(save.error, 'body.rule').length === 0;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: dynamic ? 7 : 12, lg: dynamic ? 8 : 12 }}>
          <Stack gap="lg">
            <Paper withBorder p="lg">
              <Stack gap="md">
                <TextInput
                  label="Name"
                  required
                  maxLength={100}
                  value={name}
                  onChange={(event) => setName(event.currentTarget.value)}
                  error={fieldProblem(save.error, 'body.name')}
                  readOnly={readOnly}
                  data-autofocus
                />
                <Textarea
                  label="Description"
                  description="Optional: who is in it and what it is for"
                  autosize
                  minRows={2}
                  maxLength={2000}
                  value={description}
                  onChange={(event) => setDescription(event.currentTarget.value)}
                  error={fieldProblem(save.error, 'body.description')}
                  readOnly={readOnly}
                />
                {segment === null && (
                  <Radio.Group
                    label="Kind"
                    value={kind}
                    onChange={(value) => setKind(value === 'static' ? 'static' : 'dynamic')}
                  >
                    <Group gap="xl" mt={6} align="flex-start">
                      {(['dynamic', 'static'] as const).map((value) => (
                        <Radio
                          key={value}
                          value={value}
                          label={segmentKindLabels[value]}
                          description={segmentKindDescriptions[value]}
                          maw={320}
                        />
                      ))}
                    </Group>
                  </Radio.Group>
                )}
              </Stack>
            </Paper>
            {dynamic && (
              <Paper withBorder p="lg" component="section" aria-label="Rule">
                <Title order={2} size="h4" mb={4}>
                  Rule
                </Title>
                <Text size="sm" c="dimmed" mb="md">
                  Conditions on any account field, metric or imported trait. Text ignores case; an empty field
                  fails every condition except “is empty” and the negative ones (“is not”, “is none of”).
                </Text>
                {fields.isPending ? (
                  <Skeleton height={120} aria-label="Loading the fields" />
                ) : fields.isError ? (
                  <ErrorState
                    title="Could not load the fields"
                    error={fields.error}
                    onRetry={() => void fields.refetch()}
                  />
                ) : (
                  <RuleBuilder
                    value={rule}
                    onChange={setRule}
                    fields={fields.data}
                    problems={problems}
                    disabled={readOnly}
                  />
                )}
              </Paper>
            )}
            {!dynamic && segment === null && (
              <Text size="sm" c="dimmed">
                After it is created, add accounts on its Members tab.
              </Text>
            )}
            {ruleError && (
              <Alert color="red" variant="light" icon={<IconAlert />} title="Not saved" role="alert">
                {errorMessage(save.error)}
              </Alert>
            )}
            {submitted && dynamic && live.localProblems.length > 0 && (
              <Text size="sm" c="red" role="alert">
                Not saved yet: finish the conditions marked in red.
              </Text>
            )}
            {!readOnly && (
              <Group justify="flex-end">
                <Button type="submit" loading={save.isPending} disabled={name.trim() === ''}>
                  {segment ? 'Save changes' : 'Create segment'}
                </Button>
              </Group>
            )}
          </Stack>
        </Grid.Col>
        {dynamic && (
          <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
            <SegmentPreviewPanel
              preview={live.preview}
              localProblems={live.localProblems}
              serverProblems={live.serverProblems}
              waiting={live.waiting}
            />
          </Grid.Col>
        )}
      </Grid>
    </form>
  );
}
