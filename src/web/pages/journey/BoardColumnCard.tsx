import {
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import type { BoardColumn, BoardStageMetric } from '../../../shared/api/journey.contract';
import { formatNumber } from '../../format/health';
import { formatPercent, formatWholeMoney } from '../../format/metric-values';
import classes from './JourneyPage.module.css';

interface BoardColumnCardProps {
  column: BoardColumn;
  selected: boolean;
  onOpen: () => void;
  onOpenOverdue: () => void;
  /** The board so far came without the metrics; the full one is on its way. */
  metricsPending?: boolean;
}

/** A stage metric's value in its unit, e.g. "12.5 days", "56.3%", "+33", "$1,200"; "—" when there is none. */
function formatStageMetric({ value, unit }: BoardStageMetric): string {
  if (value === null) return '—';
  switch (unit) {
    case 'days':
      return `${formatNumber(value, 1)} ${value === 1 ? 'day' : 'days'}`;
    case 'percent':
      return formatPercent(value / 100);
    case 'nps':
      return value > 0 ? `+${formatNumber(value, 0)}` : formatNumber(value, 0);
    case 'usd_minor':
      return formatWholeMoney(value, 'USD');
    case 'users':
    case 'score':
      return formatNumber(value, 1);
  }
}

/** The stage's chosen metrics, one compact line each; what a value was computed over shows on hover. */
function StageMetricList({ metrics }: { metrics: readonly BoardStageMetric[] }) {
  if (metrics.length === 0) return null;
  return (
    <Stack gap={2} className={classes.above} data-testid="column-metrics">
      {metrics.map((metric) => (
        <Tooltip key={metric.key} label={metric.basis} multiline w={260} withArrow openDelay={200}>
          <Group gap={6} justify="space-between" wrap="nowrap">
            <Text size="xs" c="dimmed" truncate>
              {metric.label}
            </Text>
            <Text
              size="xs"
              fw={600}
              className={classes.figure}
              c={metric.value === null ? 'dimmed' : undefined}
            >
              {formatStageMetric(metric)}
            </Text>
            <VisuallyHidden>{metric.basis}</VisuallyHidden>
          </Group>
        </Tooltip>
      ))}
    </Stack>
  );
}

/**
 * One stage of the board: accounts, ARR, median days in stage and the overdue count, each opening the
 * drill-down, and the values of the stage's chosen metrics.
 */
export function BoardColumnCard({
  column,
  selected,
  onOpen,
  onOpenOverdue,
  metricsPending = false,
}: BoardColumnCardProps) {
  const { stage } = column;
  return (
    <Paper
      withBorder
      className={classes.column}
      data-selected={selected || undefined}
      component="section"
      aria-label={`Stage ${stage.name}`}
      data-testid="board-column"
    >
      <Stack gap={8} p="md">
        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Stage {stage.position + 1}
          </Text>
          {/* The stage name is the button; its ::after covers the card, so a click anywhere opens the column. */}
          <UnstyledButton className={classes.columnButton} onClick={onOpen} aria-pressed={selected}>
            <Text fw={650} lineClamp={1} title={stage.name} span>
              {stage.name}
            </Text>
          </UnstyledButton>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {stage.owningTeam ? stage.owningTeam.name : 'No owning team'}
          </Text>
        </div>
        <div>
          <Text fz={28} fw={700} lh={1.1} className={classes.figure} data-testid="column-accounts">
            {column.accounts.toLocaleString()}
          </Text>
          <Text size="xs" c="dimmed">
            {column.accounts === 1 ? 'account' : 'accounts'} · {formatWholeMoney(column.arrMinor, 'USD')} ARR
          </Text>
        </div>
        <Text size="sm" data-testid="column-median">
          {column.medianDaysInStage === null
            ? 'No one here'
            : `Median ${formatNumber(column.medianDaysInStage, 1)} days in stage`}
        </Text>
        <Text size="xs" c="dimmed">
          {stage.expectedDays === null
            ? 'No time limit'
            : `Expected ${stage.expectedDays.toLocaleString()} days`}
        </Text>
        {metricsPending ? (
          <Text size="xs" c="dimmed" data-testid="column-metrics-pending">
            Computing the stage metrics…
          </Text>
        ) : (
          <StageMetricList metrics={column.metrics} />
        )}
      </Stack>
      <Group px="md" pb="md" mt="auto" className={classes.above}>
        {column.overdue > 0 ? (
          <Button
            size="compact-sm"
            color="red"
            variant="light"
            onClick={onOpenOverdue}
            aria-label={`${stage.name}: ${column.overdue.toLocaleString()} overdue, show them`}
            data-testid="column-overdue"
          >
            {column.overdue.toLocaleString()} overdue
          </Button>
        ) : (
          <Badge variant="light" color="teal" data-testid="column-overdue">
            None overdue
          </Badge>
        )}
      </Group>
    </Paper>
  );
}
