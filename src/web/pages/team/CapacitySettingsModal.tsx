import { DaysInput } from '../../components/DaysInput';
import { Alert, Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { CapacitySettingsDto, CapacitySettingsResponse } from '../../../shared/api/capacity.contract';
import { touchModels, type TouchModel } from '../../../shared/api/enums';
import { errorMessage } from '../../api/api-client';
import { useSaveCapacitySettings } from '../../api/capacity-api';
import { IconAlert } from '../../components/icons';
import { formatWholeMoney } from '../../format/metric-values';
import { fieldProblem, isFieldProblem } from '../settings/field-problems';
import { notify } from '../settings/notify';
import { touchModelLabels } from '../settings/tiers/tier-format';

type NumberBox = number | string;

/** The form's numbers as people type them: ARR targets in whole dollars, thresholds in percent. */
interface SettingsDraft {
  weights: Record<TouchModel, NumberBox>;
  workloadCapacity: NumberBox;
  arrTargets: Record<TouchModel, NumberBox>;
  overloadAt: NumberBox;
  underloadAt: NumberBox;
  hiringLeadDays: NumberBox;
}

const byModel = <T,>(make: (model: TouchModel) => T): Record<TouchModel, T> => ({
  high: make('high'),
  low: make('low'),
  tech: make('tech'),
});

function toDraft(settings: CapacitySettingsDto): SettingsDraft {
  return {
    weights: byModel((model) => settings.weights[model]),
    workloadCapacity: settings.workloadCapacity,
    arrTargets: byModel((model) => settings.arrTargets[model] / 100),
    overloadAt: Math.round(settings.overloadAt * 10000) / 100,
    underloadAt: Math.round(settings.underloadAt * 10000) / 100,
    hiringLeadDays: settings.hiringLeadDays,
  };
}

/** NaN for a blank box: Save waits until every box holds a number, rather than guessing one. */
const num = (value: NumberBox) => (typeof value === 'number' ? value : Number.NaN);

function toSettings(draft: SettingsDraft): CapacitySettingsDto {
  return {
    weights: byModel((model) => num(draft.weights[model])),
    workloadCapacity: num(draft.workloadCapacity),
    arrTargets: byModel((model) => Math.round(num(draft.arrTargets[model]) * 100)),
    overloadAt: Math.round(num(draft.overloadAt) * 100) / 10000,
    underloadAt: Math.round(num(draft.underloadAt) * 100) / 10000,
    hiringLeadDays: num(draft.hiringLeadDays),
  };
}

const formFields = [
  ...touchModels.flatMap((model) => [`body.weights.${model}`, `body.arrTargets.${model}`]),
  'body.workloadCapacity',
  'body.overloadAt',
  'body.underloadAt',
  'body.hiringLeadDays',
];

function SettingsForm({ response, onClose }: { response: CapacitySettingsResponse; onClose: () => void }) {
  const save = useSaveCapacitySettings();
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(response.settings));
  const { defaults, benchmarks } = response;
  const problem = (field: string) => fieldProblem(save.error, `body.${field}`);
  const incomplete = JSON.stringify(toSettings(draft)).includes('null');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(toSettings(draft), {
      onSuccess: () => {
        notify('teal', 'Saved the capacity settings; the books are recounted with them.');
        onClose();
      },
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="lg">
        <div>
          <Title order={3} size="h5">
            Workload per account
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            Units one account adds to its CSM&apos;s workload, by its tier&apos;s touch model
          </Text>
          <SimpleGrid cols={3} spacing="sm">
            {touchModels.map((model) => (
              <NumberInput
                key={model}
                label={touchModelLabels[model]}
                description={`Default ${defaults.weights[model]}`}
                min={0}
                decimalScale={2}
                value={draft.weights[model]}
                onChange={(value) => setDraft({ ...draft, weights: { ...draft.weights, [model]: value } })}
                error={problem(`weights.${model}`)}
              />
            ))}
          </SimpleGrid>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NumberInput
            label="Capacity of a CSM"
            description={`Workload units a CSM carries unless set on the person; default ${defaults.workloadCapacity}`}
            min={0.01}
            decimalScale={2}
            value={draft.workloadCapacity}
            onChange={(value) => setDraft({ ...draft, workloadCapacity: value })}
            error={problem('workloadCapacity')}
          />
          <DaysInput
            label="Hiring lead time"
            description={`Days from opening a role to a ramped CSM; default ${defaults.hiringLeadDays}`}
            min={0}
            max={730}
            value={draft.hiringLeadDays}
            onChange={(value) => setDraft({ ...draft, hiringLeadDays: value })}
            error={problem('hiringLeadDays')}
          />
          <NumberInput
            label="Overloaded above"
            description={`Utilisation (workload ÷ capacity); default ${defaults.overloadAt * 100}%`}
            min={1}
            max={1000}
            decimalScale={2}
            suffix="%"
            value={draft.overloadAt}
            onChange={(value) => setDraft({ ...draft, overloadAt: value })}
            error={problem('overloadAt')}
          />
          <NumberInput
            label="Underloaded below"
            description={`Default ${defaults.underloadAt * 100}%`}
            min={0}
            max={1000}
            decimalScale={2}
            suffix="%"
            value={draft.underloadAt}
            onChange={(value) => setDraft({ ...draft, underloadAt: value })}
            error={problem('underloadAt')}
          />
        </SimpleGrid>
        <div>
          <Title order={3} size="h5">
            ARR target per CSM
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            By the touch model carrying most of a book&apos;s workload. Public benchmark: high touch about{' '}
            {formatWholeMoney(benchmarks.arrPerCsmByTouchModel.high, 'USD')}, low and tech touch{' '}
            {formatWholeMoney(benchmarks.arrPerCsmByTouchModel.low, 'USD')}+.
          </Text>
          <SimpleGrid cols={3} spacing="sm">
            {touchModels.map((model) => (
              <NumberInput
                key={model}
                label={touchModelLabels[model]}
                description={`Default ${formatWholeMoney(defaults.arrTargets[model], 'USD')}`}
                min={0}
                allowDecimal={false}
                prefix="$"
                thousandSeparator=","
                value={draft.arrTargets[model]}
                onChange={(value) =>
                  setDraft({ ...draft, arrTargets: { ...draft.arrTargets, [model]: value } })
                }
                error={problem(`arrTargets.${model}`)}
              />
            ))}
          </SimpleGrid>
        </div>
        {save.isError && !isFieldProblem(save.error, formFields) && (
          <Alert color="red" variant="light" icon={<IconAlert />} title="Not saved" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Group justify="space-between">
          <Button variant="subtle" color="gray" onClick={() => setDraft(toDraft(defaults))}>
            Fill in the defaults
          </Button>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={incomplete}>
              Save settings
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** The capacity model managers tune: weights per touch model, a CSM's capacity, thresholds, ARR targets, hiring lead time. */
export function CapacitySettingsModal({
  opened,
  response,
  onClose,
}: {
  opened: boolean;
  response: CapacitySettingsResponse | undefined;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={<Text fw={650}>Capacity settings</Text>}
    >
      {response && <SettingsForm response={response} onClose={onClose} />}
    </Modal>
  );
}
