import { Badge, Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { BoardColumn } from '../../../shared/api/journey.contract';
import { formatNumber } from '../../format/health';
import { formatWholeMoney } from '../../format/metric-values';
import classes from './JourneyPage.module.css';

interface BoardColumnCardProps {
  column: BoardColumn;
  selected: boolean;
  onOpen: () => void;
  onOpenOverdue: () => void;
}

/** One stage of the board: accounts, ARR, median days in stage and the overdue count, each opening the drill-down. */
export function BoardColumnCard({ column, selected, onOpen, onOpenOverdue }: BoardColumnCardProps) {
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
