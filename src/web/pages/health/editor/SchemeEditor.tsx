import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { Fragment } from 'react';
import { FieldProblems, RowProblems } from './RowProblems';
import type { ErrorAt } from './draft-problems';
import { defaultScheme, newKey, type NumberField, type SchemeDraft } from './scorecard-draft';

const numberValue = (value: string | number): NumberField =>
  typeof value === 'number' ? value : value === '' || value === '-' ? '' : Number(value);

interface SchemeEditorProps {
  scheme: SchemeDraft;
  onChange: (scheme: SchemeDraft) => void;
  /** Problems at paths under `path` (e.g. "measures.0.scheme"). */
  errorAt: ErrorAt;
  path: string;
  /** The input gives labels (sentiment, account field), so only a category scheme fits. */
  labelsOnly: boolean;
  /** Names the fields for screen readers, e.g. the measure's name. */
  measureLabel: string;
}

function RemoveButton({
  label,
  onClick,
  hidden = false,
}: {
  label: string;
  onClick: () => void;
  hidden?: boolean;
}) {
  if (hidden) return null;
  return (
    <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={onClick}>
      ×
    </ActionIcon>
  );
}

function LinearEditor({
  scheme,
  onChange,
  errorAt,
  path,
  measureLabel,
}: SchemeEditorProps & { scheme: Extract<SchemeDraft, { kind: 'linear' }> }) {
  const point = (which: 'from' | 'to', label: string) => {
    const valueKey = which === 'from' ? 'fromValue' : 'toValue';
    const scoreKey = which === 'from' ? 'fromScore' : 'toScore';
    return (
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <Text size="sm" w={70} mt={6} c="dimmed">
          {label}
        </Text>
        <NumberInput
          aria-label={`${measureLabel}: ${label.toLowerCase()} value`}
          placeholder="Value"
          w={120}
          value={scheme[valueKey]}
          onChange={(value) => onChange({ ...scheme, [valueKey]: numberValue(value) })}
          error={Boolean(errorAt(`${path}.${which}.value`))}
          hideControls
        />
        <Text size="sm" mt={6} c="dimmed">
          scores
        </Text>
        <NumberInput
          aria-label={`${measureLabel}: ${label.toLowerCase()} score`}
          placeholder="0–100"
          w={90}
          min={0}
          max={100}
          value={scheme[scoreKey]}
          onChange={(value) => onChange({ ...scheme, [scoreKey]: numberValue(value) })}
          error={Boolean(errorAt(`${path}.${which}.score`))}
          hideControls
        />
      </Group>
    );
  };
  return (
    <Stack gap={6}>
      {point('from', 'From')}
      {point('to', 'To')}
      <FieldProblems
        messages={['from.value', 'from.score', 'to.value', 'to.score', 'from', 'to'].map((field) =>
          errorAt(`${path}.${field}`),
        )}
      />
      <Text size="xs" c="dimmed">
        A straight line between the two points, flat beyond them. It may go down (e.g. days since the last
        touch: 7 → 100, 60 → 0).
      </Text>
    </Stack>
  );
}

function RangesEditor({
  scheme,
  onChange,
  errorAt,
  path,
  measureLabel,
}: SchemeEditorProps & { scheme: Extract<SchemeDraft, { kind: 'ranges' }> }) {
  const setRange = (index: number, patch: Partial<(typeof scheme.ranges)[number]>) =>
    onChange({
      ...scheme,
      ranges: scheme.ranges.map((range, at) => (at === index ? { ...range, ...patch } : range)),
    });
  const rangeError = (index: number) => errorAt(`${path}.ranges.${index}`);
  return (
    <Stack gap={6}>
      <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={6} maw={480}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>From (≥)</Table.Th>
            <Table.Th>To (&lt;)</Table.Th>
            <Table.Th>Score</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scheme.ranges.map((range, index) => (
            <Fragment key={range.key}>
              <Table.Tr>
                <Table.Td>
                  <NumberInput
                    aria-label={`${measureLabel}: range ${index + 1} from`}
                    placeholder="no lower bound"
                    w={140}
                    value={range.from}
                    onChange={(value) => setRange(index, { from: numberValue(value) })}
                    error={Boolean(errorAt(`${path}.ranges.${index}.from`) ?? rangeError(index))}
                    hideControls
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${measureLabel}: range ${index + 1} to`}
                    placeholder="no upper bound"
                    w={140}
                    value={range.to}
                    onChange={(value) => setRange(index, { to: numberValue(value) })}
                    error={Boolean(errorAt(`${path}.ranges.${index}.to`))}
                    hideControls
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${measureLabel}: range ${index + 1} score`}
                    placeholder="0–100"
                    w={90}
                    min={0}
                    max={100}
                    value={range.score}
                    onChange={(value) => setRange(index, { score: numberValue(value) })}
                    error={Boolean(errorAt(`${path}.ranges.${index}.score`))}
                    hideControls
                  />
                </Table.Td>
                <Table.Td>
                  <RemoveButton
                    label={`Remove range ${index + 1}`}
                    hidden={scheme.ranges.length <= 1}
                    onClick={() =>
                      onChange({ ...scheme, ranges: scheme.ranges.filter((_, at) => at !== index) })
                    }
                  />
                </Table.Td>
              </Table.Tr>
              <RowProblems
                colSpan={4}
                messages={[
                  rangeError(index),
                  ...['from', 'to', 'score'].map((field) => errorAt(`${path}.ranges.${index}.${field}`)),
                ]}
              />
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
      <Group gap="sm">
        <Button
          size="compact-sm"
          variant="subtle"
          onClick={() => {
            const last = scheme.ranges[scheme.ranges.length - 1];
            onChange({
              ...scheme,
              ranges: [...scheme.ranges, { key: newKey(), from: last?.to ?? '', to: '', score: '' }],
            });
          }}
        >
          Add range
        </Button>
        <Text size="xs" c="dimmed">
          Blank = unbounded. Each range starts where the one before ends; a value outside every range counts
          as missing.
        </Text>
      </Group>
    </Stack>
  );
}

function CategoryEditor({
  scheme,
  onChange,
  errorAt,
  path,
  measureLabel,
}: SchemeEditorProps & { scheme: Extract<SchemeDraft, { kind: 'category' }> }) {
  const setRow = (index: number, patch: Partial<(typeof scheme.scores)[number]>) =>
    onChange({
      ...scheme,
      scores: scheme.scores.map((row, at) => (at === index ? { ...row, ...patch } : row)),
    });
  return (
    <Stack gap={6}>
      <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={6} maw={480}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Label (exact, case-sensitive)</Table.Th>
            <Table.Th>Score</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scheme.scores.map((row, index) => (
            <Fragment key={row.key}>
              <Table.Tr>
                <Table.Td>
                  <TextInput
                    aria-label={`${measureLabel}: label ${index + 1}`}
                    w={220}
                    value={row.label}
                    onChange={(event) => setRow(index, { label: event.currentTarget.value })}
                    error={Boolean(
                      errorAt(`${path}.scores.${index}.label`) ??
                      errorAt(`${path}.scores.${row.label.trim()}`),
                    )}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${measureLabel}: score of label ${index + 1}`}
                    placeholder="0–100"
                    w={90}
                    min={0}
                    max={100}
                    value={row.score}
                    onChange={(value) => setRow(index, { score: numberValue(value) })}
                    error={Boolean(errorAt(`${path}.scores.${index}.score`))}
                    hideControls
                  />
                </Table.Td>
                <Table.Td>
                  <RemoveButton
                    label={`Remove label ${index + 1}`}
                    onClick={() =>
                      onChange({ ...scheme, scores: scheme.scores.filter((_, at) => at !== index) })
                    }
                  />
                </Table.Td>
              </Table.Tr>
              <RowProblems
                colSpan={3}
                messages={[
                  errorAt(`${path}.scores.${index}.label`),
                  errorAt(`${path}.scores.${row.label.trim()}`),
                  errorAt(`${path}.scores.${index}.score`),
                ]}
              />
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
      <Group gap="xs" align="flex-start">
        <Button
          size="compact-sm"
          variant="subtle"
          mt={4}
          onClick={() =>
            onChange({ ...scheme, scores: [...scheme.scores, { key: newKey(), label: '', score: '' }] })
          }
        >
          Add label
        </Button>
        <Text size="sm" c="dimmed" mt={6} ml="auto">
          Any other label scores
        </Text>
        <NumberInput
          aria-label={`${measureLabel}: score of any other label`}
          w={90}
          min={0}
          max={100}
          value={scheme.otherScore}
          onChange={(value) => onChange({ ...scheme, otherScore: numberValue(value) })}
          error={Boolean(errorAt(`${path}.otherScore`))}
          hideControls
        />
      </Group>
      <FieldProblems messages={[errorAt(`${path}.otherScore`)]} />
    </Stack>
  );
}

/** How a raw value becomes a 0–100 measure score: a line between two points, ranges, or label → score. */
export function SchemeEditor(props: SchemeEditorProps) {
  const { scheme, onChange, labelsOnly, measureLabel } = props;
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <SegmentedControl<SchemeDraft['kind']>
          size="xs"
          aria-label={`${measureLabel}: scheme`}
          value={scheme.kind}
          onChange={(kind) => kind !== scheme.kind && onChange(defaultScheme(kind))}
          data={[
            { value: 'linear', label: 'Linear', disabled: labelsOnly },
            { value: 'ranges', label: 'Ranges', disabled: labelsOnly },
            { value: 'category', label: 'Category' },
          ]}
        />
        {labelsOnly && (
          <Text size="xs" c="dimmed">
            This input gives labels, so it is scored by category.
          </Text>
        )}
      </Group>
      {scheme.kind === 'linear' && <LinearEditor {...props} scheme={scheme} />}
      {scheme.kind === 'ranges' && <RangesEditor {...props} scheme={scheme} />}
      {scheme.kind === 'category' && <CategoryEditor {...props} scheme={scheme} />}
    </Stack>
  );
}
