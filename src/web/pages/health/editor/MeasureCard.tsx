import {
  Button,
  Code,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { MeasureInputKind } from '../../../../shared/api/health.contract';
import {
  accountFieldLabels,
  inputKindLabels,
  inputsWithoutWindow,
  labelInputs,
} from '../../../format/health';
import { formatPercent } from '../../../format/metric-values';
import type { ErrorAt } from './draft-problems';
import { SchemeEditor } from './SchemeEditor';
import {
  type AccountField,
  defaultScheme,
  type GroupDraft,
  type MeasureDraft,
  type NumberField,
} from './scorecard-draft';

const numberValue = (value: string | number): NumberField =>
  typeof value === 'number' ? value : value === '' ? '' : Number(value);

/** Hints go under the boxes, so the boxes of a row line up. */
const descriptionBelow: ('label' | 'input' | 'description' | 'error')[] = [
  'label',
  'input',
  'description',
  'error',
];

/** The name a new measure gets for an input, e.g. "Seat utilisation" (until someone types another). */
export function defaultMeasureName(kind: MeasureInputKind): string {
  return inputKindLabels[kind].replace(/ \(.*\)$/, '');
}

const inputKindOptions = (Object.keys(inputKindLabels) as MeasureInputKind[]).map((kind) => ({
  value: kind,
  label: inputKindLabels[kind],
}));
const accountFieldOptions = (Object.keys(accountFieldLabels) as AccountField[]).map((field) => ({
  value: field,
  label: accountFieldLabels[field],
}));

interface MeasureCardProps {
  measure: MeasureDraft;
  index: number;
  /** The id the measure is saved under (kept for saved measures, derived from the name for new ones). */
  id: string;
  /** Its share of the score when every measure has a value (0–1), or null while the weights are incomplete. */
  share: number | null;
  groups: GroupDraft[];
  onChange: (measure: MeasureDraft) => void;
  onRemove?: () => void;
  errorAt: ErrorAt;
}

function InputParameter({
  measure,
  onChange,
  errorAt,
  path,
}: Pick<MeasureCardProps, 'measure' | 'onChange' | 'errorAt'> & { path: string }) {
  const label = measure.name.trim() || 'Measure';
  switch (measure.inputKind) {
    case 'event_count':
      return (
        <TextInput
          label="Event name"
          aria-label={`${label}: event name`}
          placeholder="e.g. report_exported"
          w={200}
          value={measure.event}
          onChange={(event) => onChange({ ...measure, event: event.currentTarget.value })}
          error={errorAt(`${path}.input.event`) ?? errorAt(`${path}.input`)}
        />
      );
    case 'mrr_change':
      return (
        <NumberInput
          label="Months back"
          aria-label={`${label}: months back`}
          w={120}
          min={1}
          max={36}
          allowDecimal={false}
          value={measure.months}
          onChange={(value) => onChange({ ...measure, months: numberValue(value) })}
          error={errorAt(`${path}.input.months`)}
        />
      );
    case 'trait':
      return (
        <TextInput
          label="Trait key"
          aria-label={`${label}: trait key`}
          placeholder="e.g. Plan"
          w={200}
          value={measure.traitKey}
          onChange={(event) => onChange({ ...measure, traitKey: event.currentTarget.value })}
          error={errorAt(`${path}.input.key`) ?? errorAt(`${path}.input`)}
        />
      );
    case 'account_field':
      return (
        <Select
          label="Field"
          aria-label={`${label}: account field`}
          w={180}
          data={accountFieldOptions}
          value={measure.field}
          onChange={(value) => value && onChange({ ...measure, field: value as AccountField })}
          allowDeselect={false}
        />
      );
    default:
      return null;
  }
}

/** One measure: name, weight and group, where its value comes from, how the value is scored, and what to do when it is missing. */
export function MeasureCard({
  measure,
  index,
  id,
  share,
  groups,
  onChange,
  onRemove,
  errorAt,
}: MeasureCardProps) {
  const path = `measures.${index}`;
  const label = measure.name.trim() || `Measure ${index + 1}`;
  const labelsOnly = labelInputs.includes(measure.inputKind);

  const changeKind = (kind: MeasureInputKind) => {
    const next: MeasureDraft = { ...measure, inputKind: kind };
    // A new measure still named after its input follows the input.
    if (
      measure.savedId === null &&
      (measure.name.trim() === '' || measure.name === defaultMeasureName(measure.inputKind))
    )
      next.name = defaultMeasureName(kind);
    if (labelInputs.includes(kind) && measure.scheme.kind !== 'category')
      next.scheme = defaultScheme('category');
    onChange(next);
  };

  return (
    <Paper
      withBorder
      p="md"
      component="fieldset"
      aria-label={`Measure ${index + 1}: ${label}`}
      data-testid="measure-card"
      style={{ margin: 0, minWidth: 0 }}
    >
      <Stack gap="sm">
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            label="Name"
            aria-label={`Measure ${index + 1} name`}
            style={{ flex: '1 1 220px' }}
            value={measure.name}
            onChange={(event) => onChange({ ...measure, name: event.currentTarget.value })}
            error={errorAt(`${path}.name`) ?? errorAt(`${path}.id`)}
            inputWrapperOrder={descriptionBelow}
            description={
              <>
                id <Code fz="xs">{id}</Code>
                {measure.savedId === null ? ' (from the name)' : ''}
              </>
            }
          />
          <NumberInput
            label="Weight"
            aria-label={`${label}: weight`}
            w={110}
            min={0}
            value={measure.weight}
            onChange={(value) => onChange({ ...measure, weight: numberValue(value) })}
            error={errorAt(`${path}.weight`)}
            inputWrapperOrder={descriptionBelow}
            description={share === null ? ' ' : `${formatPercent(share)} of the score`}
          />
          <Select
            label="Group"
            aria-label={`${label}: group`}
            w={170}
            data={[
              { value: '', label: 'No group' },
              ...groups.map((group) => ({ value: group.key, label: group.name.trim() || 'Unnamed group' })),
            ]}
            value={measure.groupKey ?? ''}
            onChange={(value) => onChange({ ...measure, groupKey: value ? value : null })}
            error={errorAt(`${path}.groupId`)}
            allowDeselect={false}
          />
          {onRemove && (
            <Button variant="subtle" color="red" size="compact-sm" mt={26} onClick={onRemove}>
              Remove
            </Button>
          )}
        </Group>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select
            label="Input"
            aria-label={`${label}: input`}
            w={260}
            data={inputKindOptions}
            value={measure.inputKind}
            onChange={(value) => value && changeKind(value as MeasureInputKind)}
            error={errorAt(`${path}.input`)}
            allowDeselect={false}
            searchable
          />
          <InputParameter measure={measure} onChange={onChange} errorAt={errorAt} path={path} />
          <NumberInput
            label="Window (days)"
            aria-label={`${label}: window in days`}
            w={120}
            min={1}
            max={3650}
            allowDecimal={false}
            value={measure.windowDays}
            onChange={(value) => onChange({ ...measure, windowDays: numberValue(value) })}
            error={errorAt(`${path}.windowDays`)}
            inputWrapperOrder={descriptionBelow}
            description={
              inputsWithoutWindow.includes(measure.inputKind) ? 'Not used by this input' : undefined
            }
          />
        </Group>
        <div>
          <Text size="sm" fw={500} mb={4}>
            Scoring
          </Text>
          <SchemeEditor
            scheme={measure.scheme}
            onChange={(scheme) => onChange({ ...measure, scheme })}
            errorAt={errorAt}
            path={`${path}.scheme`}
            labelsOnly={labelsOnly}
            measureLabel={label}
          />
          {errorAt(`${path}.scheme`) && (
            <Text size="xs" c="red" mt={4}>
              {errorAt(`${path}.scheme`)}
            </Text>
          )}
        </div>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              When the value is missing
            </Text>
            <SegmentedControl<'exclude' | 'default'>
              size="xs"
              aria-label={`${label}: when the value is missing`}
              value={measure.missing}
              onChange={(missing) => onChange({ ...measure, missing })}
              data={[
                { value: 'exclude', label: 'Leave it out' },
                { value: 'default', label: 'Use a default score' },
              ]}
            />
          </Stack>
          {measure.missing === 'default' ? (
            <NumberInput
              aria-label={`${label}: default score`}
              placeholder="0–100"
              w={100}
              min={0}
              max={100}
              value={measure.defaultScore}
              onChange={(value) => onChange({ ...measure, defaultScore: numberValue(value) })}
              error={errorAt(`${path}.missingData.default`) ?? errorAt(`${path}.missingData`)}
              hideControls
            />
          ) : (
            <Text size="xs" c="dimmed" pb={6}>
              The other measures&apos; weights grow to fill its place.
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
