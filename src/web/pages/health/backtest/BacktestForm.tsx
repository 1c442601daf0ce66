import { Button, Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import type { ScorecardDto } from '../../../../shared/api/health.contract';
import { formatDate, todayUtc } from '../../../format/dates';
import { type BacktestView, defaultAsOf, type OutcomeMode } from './backtest-view';

interface BacktestFormProps {
  view: BacktestView;
  scorecards: ScorecardDto[];
  running: boolean;
  onRun: (view: BacktestView) => void;
}

/** Which scorecard to judge and what counts as churn: leaving within a horizon, or a churn column. */
export function BacktestForm({ view, scorecards, running, onRun }: BacktestFormProps) {
  const modeLabelId = useId();
  const defaultScorecard = scorecards.find((scorecard) => scorecard.isDefault) ?? scorecards[0];
  const [scorecardId, setScorecardId] = useState(view.scorecardId || defaultScorecard?.id || '');
  const [mode, setMode] = useState<OutcomeMode>(view.mode);
  const [horizonDays, setHorizonDays] = useState<number | ''>(view.horizonDays);
  // The as-of date follows the horizon (today − horizon − 1 day) until it is chosen by hand.
  const [asOf, setAsOf] = useState(view.asOf);
  const [outcomeField, setOutcomeField] = useState(view.outcomeField);
  const [outcomeValue, setOutcomeValue] = useState(view.outcomeValue);
  const today = todayUtc();
  const effectiveAsOf = asOf || (horizonDays === '' ? '' : defaultAsOf(today, horizonDays));
  const latestAsOf = horizonDays === '' ? today : defaultAsOf(today, horizonDays - 1);

  const complete =
    mode === 'column'
      ? outcomeField.trim() !== '' && outcomeValue.trim() !== ''
      : horizonDays !== '' && effectiveAsOf !== '';
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!complete) return;
    onRun({
      scorecardId,
      mode,
      asOf,
      horizonDays: horizonDays === '' ? view.horizonDays : horizonDays,
      outcomeField: outcomeField.trim(),
      outcomeValue: outcomeValue.trim(),
      run: true,
    });
  };

  return (
    <form onSubmit={onSubmit} aria-label="Backtest">
      <Stack gap="md">
        <Group align="flex-end" gap="lg" wrap="wrap">
          <Select
            label="Scorecard"
            w={280}
            data={scorecards.map((scorecard) => ({
              value: scorecard.id,
              label: `${scorecard.name} (v${scorecard.version})${scorecard.isDefault ? ' · default' : ''}`,
            }))}
            value={scorecardId}
            onChange={(value) => value && setScorecardId(value)}
            allowDeselect={false}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id={modeLabelId}>
              What counts as churn
            </Text>
            <SegmentedControl<OutcomeMode>
              aria-labelledby={modeLabelId}
              value={mode}
              onChange={setMode}
              data={[
                { value: 'horizon', label: 'Churn within a horizon' },
                { value: 'column', label: 'A churn column' },
              ]}
            />
          </Stack>
        </Group>
        {mode === 'horizon' ? (
          <Group align="flex-start" gap="lg" wrap="wrap">
            <TextInput
              label="Score as of"
              type="date"
              w={200}
              max={latestAsOf}
              value={effectiveAsOf}
              onChange={(event) => setAsOf(event.currentTarget.value)}
              description="Accounts as they were on this day"
            />
            <NumberInput
              label="Horizon (days)"
              w={200}
              min={7}
              max={730}
              allowDecimal={false}
              value={horizonDays}
              onChange={(value) => setHorizonDays(typeof value === 'number' ? value : '')}
              description="Churned within this many days after"
            />
            <Text size="sm" c="dimmed" maw={420} mt={28}>
              An account churned when it has a churn event in the horizon, or no running subscription at its
              end. The horizon must have passed: the latest as-of date for {horizonDays || '…'} days is{' '}
              {formatDate(latestAsOf)}.
            </Text>
          </Group>
        ) : (
          <Group align="flex-start" gap="lg" wrap="wrap">
            <TextInput
              label="Churn column"
              w={200}
              placeholder="Churn"
              value={outcomeField}
              onChange={(event) => setOutcomeField(event.currentTarget.value)}
              description="An imported column (trait)"
              required
            />
            <TextInput
              label="Value meaning churned"
              w={200}
              placeholder="Yes"
              value={outcomeValue}
              onChange={(event) => setOutcomeValue(event.currentTarget.value)}
              description="Any other value: renewed"
              required
            />
            <Text size="sm" c="dimmed" maw={420} mt={28}>
              Scores today&apos;s inputs against a column you imported that says who churned, e.g. Churn =
              Yes. Accounts without a value are left out.
            </Text>
          </Group>
        )}
        <Group>
          <Button type="submit" loading={running} disabled={!complete || !scorecardId}>
            Run backtest
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
