import { DaysInput } from '../../../components/DaysInput';
import {
  Alert,
  Modal,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { SegmentGroup } from '../../../../domain/segments';
import type { Stage, StageMetricKey } from '../../../../shared/api/journey.contract';
import { errorMessage } from '../../../api/api-client';
import { useSaveStage } from '../../../api/journey-api';
import { useRuleFields } from '../../../api/segments-api';
import { useTeams } from '../../../api/team-api';
import { ErrorState } from '../../../components/ErrorState';
import { IconAlert } from '../../../components/icons';
import { RuleBuilder } from '../../../components/rule-builder/RuleBuilder';
import {
  asRootGroup,
  localRuleProblems,
  serverRuleProblems,
} from '../../../components/rule-builder/rule-draft';
import { RuleMatchCount } from '../../../components/rule-builder/RuleMatchCount';
import { fieldProblem, isFieldProblem } from '../field-problems';
import { notify } from '../notify';
import { type TouchpointDraft, TouchpointsEditor } from './TouchpointsEditor';
import { FormActions } from '../../../components/FormActions';

const formFields = [
  'body.name',
  'body.description',
  'body.expectedDays',
  'body.owningTeamId',
  'body.metrics',
] as const;

interface StageModalProps {
  opened: boolean;
  /** The stage being edited; null to add one at the end of the journey. */
  stage: Stage | null;
  metricCatalogue: readonly { key: StageMetricKey; label: string }[];
  onClose: () => void;
}

function StageForm({ stage, metricCatalogue, onClose }: Omit<StageModalProps, 'opened'>) {
  const save = useSaveStage();
  const fields = useRuleFields('stage');
  const teams = useTeams();
  const [name, setName] = useState(stage?.name ?? '');
  const [description, setDescription] = useState(stage?.description ?? '');
  const [entry, setEntry] = useState<'manual' | 'rule'>(stage?.entryRule ? 'rule' : 'manual');
  const [rule, setRule] = useState<SegmentGroup>(() => asRootGroup(stage?.entryRule ?? null));
  const [expectedDays, setExpectedDays] = useState<string | number>(stage?.expectedDays ?? '');
  const [teamId, setTeamId] = useState<string | null>(stage?.owningTeam?.id ?? null);
  const [touchpoints, setTouchpoints] = useState<TouchpointDraft[]>(
    stage?.touchpoints.map((touchpoint) => ({ title: touchpoint.title, dueDay: touchpoint.dueDay ?? '' })) ??
      [],
  );
  const [metrics, setMetrics] = useState<string[]>(stage?.metrics.map((metric) => metric.key) ?? []);
  const [submitted, setSubmitted] = useState(false);
  const byRule = entry === 'rule';
  const localProblems =
    byRule && fields.data ? localRuleProblems(rule, fields.data, { requireCondition: true }) : [];
  const problems = [...serverRuleProblems(save.error, 'body.entryRule'), ...(submitted ? localProblems : [])];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (localProblems.length > 0) return;
    const body = {
      name: name.trim(),
      description: description.trim() === '' ? null : description.trim(),
      entryRule: byRule ? rule : null,
      expectedDays: typeof expectedDays === 'number' ? expectedDays : null,
      owningTeamId: teamId,
      touchpoints: touchpoints.map((touchpoint) => ({
        title: touchpoint.title.trim(),
        dueDay: typeof touchpoint.dueDay === 'number' ? touchpoint.dueDay : null,
      })),
      metrics: metrics as StageMetricKey[],
    };
    save.mutate(stage ? { id: stage.id, body } : { body }, {
      onSuccess: (saved) => {
        notify('teal', `Saved stage “${saved.name}”: ${saved.accounts.toLocaleString()} accounts in it now.`);
        onClose();
      },
    });
  };
  const touchpointFields = touchpoints.flatMap((_, index) =>
    ['', '.title', '.dueDay'].map((part) => `body.touchpoints.${index}${part}`),
  );
  const otherError =
    save.isError &&
    !isFieldProblem(save.error, [...formFields, ...touchpointFields]) &&
    serverRuleProblems(save.error, 'body.entryRule').length === 0;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label="Name"
            placeholder="e.g. Onboarding"
            required
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldProblem(save.error, 'body.name')}
            data-autofocus
          />
          <Select
            label="Owning team"
            placeholder={teams.isError ? 'Could not load the teams' : 'No team'}
            data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            value={teamId}
            onChange={setTeamId}
            clearable
            nothingFoundMessage="No teams yet"
            error={fieldProblem(save.error, 'body.owningTeamId')}
          />
        </SimpleGrid>
        <Textarea
          label="Description"
          description="Optional: what the stage is for and when it ends"
          autosize
          minRows={2}
          maxLength={2000}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={fieldProblem(save.error, 'body.description')}
        />
        <DaysInput
          label="Expected duration"
          description="Past it an account is overdue in this stage; blank for no limit"
          placeholder="No limit"
          min={1}
          max={3650}
          value={expectedDays}
          onChange={setExpectedDays}
          error={fieldProblem(save.error, 'body.expectedDays')}
          maw={320}
        />
        <Stack gap={6}>
          <Text size="sm" fw={500} id="stage-entry-label">
            How accounts enter
          </Text>
          <SegmentedControl
            aria-labelledby="stage-entry-label"
            value={entry}
            onChange={(value) => setEntry(value === 'rule' ? 'rule' : 'manual')}
            data={[
              { value: 'manual', label: 'By hand' },
              { value: 'rule', label: 'By an entry rule' },
            ]}
            maw={360}
          />
          {byRule ? (
            <>
              <Text size="xs" c="dimmed">
                Rules are tried from the last stage to the first and the first match wins; an account no rule
                matches keeps its stage. A stage rule cannot test the lifecycle stage itself.
              </Text>
              {fields.isPending ? (
                <Skeleton height={90} aria-label="Loading the fields" />
              ) : fields.isError ? (
                <ErrorState
                  title="Could not load the fields"
                  error={fields.error}
                  onRetry={() => void fields.refetch()}
                />
              ) : (
                <RuleBuilder value={rule} onChange={setRule} fields={fields.data} problems={problems} />
              )}
              <RuleMatchCount
                rule={rule}
                fields={fields.data}
                purpose="stage"
                note="on its own (a later stage's rule wins)"
              />
            </>
          ) : (
            <Text size="xs" c="dimmed">
              People move accounts into this stage from the account&apos;s page, or an import sets it.
            </Text>
          )}
        </Stack>
        <TouchpointsEditor value={touchpoints} onChange={setTouchpoints} error={save.error} />
        <MultiSelect
          label="Metrics"
          description="What tells whether the stage works"
          placeholder={metrics.length === 0 ? 'Pick metrics' : undefined}
          data={metricCatalogue.map((metric) => ({ value: metric.key, label: metric.label }))}
          value={metrics}
          onChange={setMetrics}
          clearable
          error={fieldProblem(save.error, 'body.metrics')}
        />
        {otherError && (
          <Alert color="red" variant="light" icon={<IconAlert />} title="Not saved" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        <FormActions onCancel={onClose} loading={save.isPending} disabled={name.trim() === ''}>
          {stage ? 'Save stage' : 'Add stage'}
        </FormActions>
      </Stack>
    </form>
  );
}

/** Adds a stage at the end of the journey or edits one: entry (by hand or rule), duration, team, touchpoints, metrics. */
export function StageModal({ opened, stage, metricCatalogue, onClose }: StageModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={<Text fw={650}>{stage ? `Edit stage ${stage.name}` : 'Add stage'}</Text>}
    >
      <StageForm stage={stage} metricCatalogue={metricCatalogue} onClose={onClose} />
    </Modal>
  );
}
