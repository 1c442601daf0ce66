import { ActionIcon, type ComboboxItem, type ComboboxItemGroup, Select, Stack, Text } from '@mantine/core';
import type { SegmentCondition } from '../../../domain/segments';
import type { RuleProblemItem, SegmentField, SegmentOperator } from '../../../shared/api/segments.contract';
import classes from './RuleBuilder.module.css';
import { ConditionValueInput } from './ConditionValueInput';
import {
  changeField,
  changeOperator,
  conditionNumber,
  operatorLabel,
  partProblem,
  pathText,
  type RulePath,
} from './rule-draft';

const originLabels: Record<SegmentField['origin'], string> = {
  account: 'Account',
  metric: 'Metrics',
  trait: 'Traits',
};

/** The field picker's options, grouped by where a field comes from; a saved field the list no longer has stays pickable. */
function fieldOptions(
  fields: readonly SegmentField[],
  keep: string | null,
): ComboboxItemGroup<ComboboxItem>[] {
  const groups = (Object.keys(originLabels) as SegmentField['origin'][])
    .map((origin) => ({
      group: originLabels[origin],
      items: fields
        .filter((field) => field.origin === origin)
        .map((field) => ({ value: field.key, label: field.label })),
    }))
    .filter((group) => group.items.length > 0);
  if (keep !== null && !fields.some((field) => field.key === keep))
    groups.push({ group: 'No longer available', items: [{ value: keep, label: keep }] });
  return groups;
}

/** A cross drawn with strokes, for "remove". */
function IconX() {
  return (
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
  );
}

interface ConditionRowProps {
  condition: SegmentCondition;
  path: RulePath;
  fields: readonly SegmentField[];
  problems: readonly RuleProblemItem[];
  disabled: boolean;
  onChange: (next: SegmentCondition) => void;
  onRemove: () => void;
}

/** One condition: field (grouped, searchable, with its description), operator by the field's type, value by both. */
export function ConditionRow({
  condition,
  path,
  fields,
  problems,
  disabled,
  onChange,
  onRemove,
}: ConditionRowProps) {
  const name = `Condition ${conditionNumber(path)}`;
  const field = fields.find((item) => item.key === condition.field);
  const type = field?.type;
  const operators: readonly SegmentOperator[] = field?.operators ?? [condition.operator];
  const own = problems.filter((problem) => problem.path === pathText(path));
  return (
    <Stack gap={4} data-testid="rule-condition">
      <div className={classes.condition}>
        <Select
          className={classes.field}
          aria-label={`${name} field`}
          data={fieldOptions(fields, condition.field)}
          value={condition.field}
          onChange={(key) => {
            const next = fields.find((item) => item.key === key);
            if (next) onChange(changeField(condition, type, next));
          }}
          searchable
          allowDeselect={false}
          maxDropdownHeight={320}
          nothingFoundMessage="No field has that name"
          renderOption={({ option }) => {
            const described = fields.find((item) => item.key === option.value);
            return (
              <div>
                <Text size="sm">{option.label}</Text>
                {described && (
                  <Text size="xs" c="dimmed" lh={1.3}>
                    {described.description}
                  </Text>
                )}
              </div>
            );
          }}
          error={partProblem(problems, path, 'field')}
          disabled={disabled}
        />
        <Select
          className={classes.operator}
          aria-label={`${name} operator`}
          data={operators.map((operator) => ({
            value: operator,
            label: operatorLabel(type ?? 'text', operator),
          }))}
          value={condition.operator}
          onChange={(operator) => {
            if (operator && type) onChange(changeOperator(condition, type, operator as SegmentOperator));
          }}
          allowDeselect={false}
          error={partProblem(problems, path, 'operator')}
          disabled={disabled || field === undefined}
        />
        <ConditionValueInput
          field={field}
          condition={condition}
          name={name}
          error={partProblem(problems, path, 'value')}
          disabled={disabled}
          onChange={(value) => {
            const { value: _old, ...rest } = condition;
            onChange(value === undefined ? rest : { ...rest, value });
          }}
        />
        {!disabled && (
          <ActionIcon
            className={classes.remove}
            variant="subtle"
            color="gray"
            aria-label={`Remove condition ${conditionNumber(path)}`}
            onClick={onRemove}
          >
            <IconX />
          </ActionIcon>
        )}
      </div>
      {own.map((problem) => (
        <Text key={problem.message} size="xs" c="red">
          {problem.message}
        </Text>
      ))}
    </Stack>
  );
}
