import { Autocomplete, Group, NumberInput, TagsInput, Text, TextInput } from '@mantine/core';
import type { SegmentCondition } from '../../../domain/segments';
import type { SegmentField } from '../../../shared/api/segments.contract';
import classes from './RuleBuilder.module.css';
import { valueShape } from './rule-draft';

type Value = SegmentCondition['value'];

const unitText: Record<string, string> = { USD: 'USD', percent: '%', days: 'days' };

/** The unit after a number, e.g. "USD" for ARR; nothing when the field has none. */
function UnitSection({ unit }: { unit: string | null }) {
  if (unit === null) return null;
  return (
    <Text size="xs" c="dimmed" pr={6} aria-hidden="true">
      {unitText[unit] ?? unit}
    </Text>
  );
}

/**
 * A NumberInput's value as the rule keeps it: a number, undefined while blank, or the half-typed text
 * ("-", "1.") so typing is not undone; the draft's validation reports the text until it is a number.
 */
const fromInput = (value: string | number): number | string | undefined => (value === '' ? undefined : value);
const toInput = (value: unknown): string | number =>
  typeof value === 'number' || typeof value === 'string' ? value : '';

interface ConditionValueInputProps {
  field: SegmentField | undefined;
  condition: SegmentCondition;
  /** e.g. "Condition 2", for the input's accessible name. */
  name: string;
  error: string | undefined;
  disabled: boolean;
  onChange: (value: Value) => void;
}

/**
 * The value of a condition, by the field's type and the operator: a number (with its unit), a text
 * (suggesting known values), a list for in / not in, a day (YYYY-MM-DD, the browser's date picker),
 * a number of days for within_*, two bounds for between, and nothing for is empty, is yes…
 */
export function ConditionValueInput({
  field,
  condition,
  name,
  error,
  disabled,
  onChange,
}: ConditionValueInputProps) {
  const type = field?.type ?? 'text';
  const unit = field?.unit ?? null;
  const { value } = condition;
  const shape = valueShape(type, condition.operator);
  const pair = Array.isArray(value) ? value : ['', ''];
  const unitWidth = unit === null ? undefined : unit === 'percent' ? 28 : 44;

  switch (shape) {
    case 'none':
      return <div className={classes.noValue} aria-hidden="true" />;
    case 'number':
      return (
        <NumberInput
          className={classes.value}
          aria-label={`${name} value`}
          placeholder="A number"
          value={toInput(value)}
          onChange={(next) => onChange(fromInput(next))}
          thousandSeparator=","
          hideControls
          rightSection={<UnitSection unit={unit} />}
          rightSectionWidth={unitWidth}
          error={error}
          disabled={disabled}
        />
      );
    case 'days':
      return (
        <NumberInput
          className={classes.value}
          aria-label={`${name} number of days`}
          value={toInput(value)}
          onChange={(next) => onChange(fromInput(next))}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          rightSection={<UnitSection unit="days" />}
          rightSectionWidth={44}
          error={error}
          disabled={disabled}
        />
      );
    case 'date':
      return (
        <TextInput
          className={classes.value}
          type="date"
          aria-label={`${name} day`}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value)}
          error={error}
          disabled={disabled}
        />
      );
    case 'list':
      return (
        <TagsInput
          className={classes.value}
          aria-label={`${name} values`}
          placeholder={Array.isArray(value) && value.length > 0 ? undefined : 'Type a value, press Enter'}
          data={field?.values ?? []}
          value={Array.isArray(value) ? value.map(String) : []}
          onChange={(next) => onChange(next)}
          acceptValueOnBlur
          clearable
          error={error}
          disabled={disabled}
        />
      );
    case 'number_range':
      return (
        <Group className={classes.value} gap={6} wrap="nowrap" align="flex-start">
          <NumberInput
            aria-label={`${name} lowest value`}
            placeholder="From"
            value={toInput(pair[0])}
            onChange={(next) => onChange([next, pair[1] ?? ''])}
            thousandSeparator=","
            hideControls
            rightSection={<UnitSection unit={unit} />}
            rightSectionWidth={unitWidth}
            error={error}
            disabled={disabled}
            flex={1}
          />
          <Text size="sm" mt={8}>
            and
          </Text>
          <NumberInput
            aria-label={`${name} highest value`}
            placeholder="To"
            value={toInput(pair[1])}
            onChange={(next) => onChange([pair[0] ?? '', next])}
            thousandSeparator=","
            hideControls
            rightSection={<UnitSection unit={unit} />}
            rightSectionWidth={unitWidth}
            error={error ? true : undefined}
            disabled={disabled}
            flex={1}
          />
        </Group>
      );
    case 'date_range':
      return (
        <Group className={classes.value} gap={6} wrap="nowrap" align="flex-start">
          <TextInput
            type="date"
            aria-label={`${name} first day`}
            value={typeof pair[0] === 'string' ? pair[0] : ''}
            onChange={(event) => onChange([event.currentTarget.value, pair[1] ?? ''])}
            error={error}
            disabled={disabled}
            flex={1}
          />
          <Text size="sm" mt={8}>
            and
          </Text>
          <TextInput
            type="date"
            aria-label={`${name} last day`}
            value={typeof pair[1] === 'string' ? pair[1] : ''}
            onChange={(event) => onChange([pair[0] ?? '', event.currentTarget.value])}
            error={error ? true : undefined}
            disabled={disabled}
            flex={1}
          />
        </Group>
      );
    default:
      return (
        <Autocomplete
          className={classes.value}
          aria-label={`${name} value`}
          placeholder={field?.values?.length ? 'Type or pick a value' : 'A text'}
          data={field?.values ?? []}
          value={typeof value === 'string' ? value : ''}
          onChange={(next) => onChange(next)}
          error={error}
          disabled={disabled}
        />
      );
  }
}
