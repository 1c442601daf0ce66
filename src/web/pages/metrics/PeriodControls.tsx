import { Group, Paper, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { formatMonth } from '../../format/metric-values';
import {
  addMonths,
  breakdownDimensions,
  dimensionLabel,
  monthCount,
  monthOf,
  type PeriodPreset,
  periodPresetLabels,
  periodPresets,
  presetOf,
  presetPeriod,
} from './metrics-view';

/** Months to choose from, newest first: the last twenty years, and further back when the URL asks for it. */
function monthOptions(now: Date, earliest: string): { value: string; label: string }[] {
  const current = monthOf(now);
  const count = Math.max(240, monthCount(earliest, current));
  return Array.from({ length: count }, (_, index) => {
    const month = addMonths(current, -index);
    return { value: month, label: formatMonth(month) };
  });
}

const TRAIT = 'trait:';

interface PeriodControlsProps {
  from: string;
  to: string;
  by: string;
  onPeriodChange: (period: { from: string; to: string }) => void;
  onByChange: (by: string) => void;
}

/** Period (a preset or custom months) and breakdown dimension; the page keeps both in the URL. */
export function PeriodControls({ from, to, by, onPeriodChange, onByChange }: PeriodControlsProps) {
  const now = new Date();
  const preset = presetOf({ from, to }, now);
  const [customChosen, setCustomChosen] = useState(false);
  const showCustom = preset === 'custom' || customChosen;
  const [traitKey, setTraitKey] = useState(by.startsWith(TRAIT) ? by.slice(TRAIT.length) : '');
  const [traitChosen, setTraitChosen] = useState(false);
  const showTrait = by.startsWith(TRAIT) || traitChosen;
  const months = monthOptions(now, from);

  const choosePreset = (value: string | null) => {
    if (value === 'custom') {
      setCustomChosen(true);
      return;
    }
    if (!value) return;
    setCustomChosen(false);
    onPeriodChange(presetPeriod(value as PeriodPreset, now));
  };
  const chooseDimension = (value: string | null) => {
    if (value === TRAIT) {
      setTraitChosen(true);
      if (traitKey.trim()) onByChange(`${TRAIT}${traitKey.trim()}`);
      return;
    }
    setTraitChosen(false);
    onByChange(value ?? '');
  };
  const applyTrait = () => {
    const key = traitKey.trim();
    if (key && /^[A-Za-z0-9_ .-]{1,100}$/.test(key)) onByChange(`${TRAIT}${key}`);
  };
  const traitInvalid = traitKey.trim() !== '' && !/^[A-Za-z0-9_ .-]{1,100}$/.test(traitKey.trim());

  return (
    <Paper withBorder p="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <Select
          label="Period"
          w={190}
          data={[
            ...periodPresets.map((value) => ({ value, label: periodPresetLabels[value] })),
            { value: 'custom', label: 'Custom months…' },
          ]}
          value={showCustom ? 'custom' : preset}
          onChange={choosePreset}
          allowDeselect={false}
        />
        {showCustom && (
          <>
            <Select
              label="From"
              w={150}
              data={months}
              value={from}
              searchable
              allowDeselect={false}
              onChange={(value) =>
                value && onPeriodChange(value > to ? { from: value, to: value } : { from: value, to })
              }
            />
            <Select
              label="To"
              w={150}
              data={months}
              value={to}
              searchable
              allowDeselect={false}
              onChange={(value) =>
                value && onPeriodChange(value < from ? { from: value, to: value } : { from, to: value })
              }
            />
          </>
        )}
        <Select
          label="Break down by"
          w={200}
          placeholder="None"
          data={[
            ...breakdownDimensions.map((value) => ({ value, label: dimensionLabel(value) })),
            { value: TRAIT, label: 'Account trait…' },
          ]}
          value={showTrait ? TRAIT : by || null}
          onChange={chooseDimension}
          clearable
          comboboxProps={{ shadow: 'md' }}
        />
        {showTrait && (
          <TextInput
            label="Trait key"
            description={undefined}
            placeholder="e.g. employees"
            w={190}
            value={traitKey}
            error={traitInvalid ? 'Letters, digits, space, _ . - only' : undefined}
            onChange={(event) => setTraitKey(event.currentTarget.value)}
            onBlur={applyTrait}
            onKeyDown={(event) => {
              if (event.key === 'Enter') applyTrait();
            }}
          />
        )}
      </Group>
    </Paper>
  );
}
