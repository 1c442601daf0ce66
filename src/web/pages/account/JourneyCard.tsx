import { Alert, Badge, Group, Paper, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { AccountStages } from '../../../shared/api/journey.contract';
import { errorMessage } from '../../api/api-client';
import { useAccountStages, useChangeAccountStage, useStages } from '../../api/journey-api';
import { ErrorState } from '../../components/ErrorState';
import { formatDays } from './account-format';
import { StageHistoryList } from './StageHistoryList';

function CurrentStage({ current }: { current: AccountStages['current'] }) {
  if (!current)
    return (
      <Text size="sm" c="dimmed" data-testid="journey-current-stage">
        Not on the journey: no current stage.
      </Text>
    );
  const overdue = current.status === 'overdue';
  return (
    <Stack gap={4}>
      <Group gap="sm" align="center">
        <Text fz={24} fw={700} lh={1.2} data-testid="journey-current-stage">
          {current.stage}
        </Text>
        <Badge color={overdue ? 'red' : 'teal'} variant="light" data-testid="journey-stage-status">
          {overdue ? 'Overdue' : 'On track'}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" data-testid="journey-days-in-stage">
        {formatDays(current.daysInStage)} in stage
        {current.expectedDays === null
          ? ' · no expected time set'
          : ` · expected ${formatDays(current.expectedDays)}`}
      </Text>
    </Stack>
  );
}

/** Moves the account to another stage of the journey map by hand; the history records who did. */
function MoveToStage({ accountId, currentStage }: { accountId: string; currentStage: string | null }) {
  const stages = useStages();
  const change = useChangeAccountStage(accountId);
  const options = (stages.data?.items ?? []).map((stage) => ({
    value: stage.name,
    label: stage.name,
    disabled: stage.name === currentStage,
  }));
  let placeholder = 'Choose a stage';
  if (stages.isPending) placeholder = 'Loading stages…';
  else if (stages.isError) placeholder = 'Could not load the stages';
  else if (options.length === 0) placeholder = 'No stages defined yet (Settings → Journey stages)';
  return (
    <Stack gap={6}>
      <Select
        label="Move to stage"
        placeholder={placeholder}
        data={options}
        value={null}
        onChange={(stage) => {
          if (stage) change.mutate({ stage });
        }}
        disabled={change.isPending || options.length === 0}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      {change.isError && (
        <Alert color="red" variant="light" role="alert" p="xs">
          <Text size="sm">Could not move the account: {errorMessage(change.error)}</Text>
        </Alert>
      )}
    </Stack>
  );
}

/**
 * The account's place on the customer journey: its current stage with days in stage and whether it
 * is over the stage's expected time, every stage it went through, and (for those who may edit the
 * account; churned accounts are off the journey) a way to move it by hand.
 */
export function JourneyCard({
  accountId,
  status,
  canEdit,
}: {
  accountId: string;
  status: string;
  canEdit: boolean;
}) {
  const stages = useAccountStages(accountId);
  if (stages.isPending) return <Skeleton height={240} aria-label="Loading journey" />;
  if (stages.isError)
    return (
      <ErrorState
        title="Could not load the journey"
        error={stages.error}
        onRetry={() => void stages.refetch()}
      />
    );
  const { current, items } = stages.data;
  return (
    <Paper withBorder p="lg" component="section" aria-label="Journey">
      <Title order={2} size="h4" mb="md">
        Journey
      </Title>
      <Stack gap="lg">
        <CurrentStage current={current} />
        {canEdit && status !== 'churned' && (
          <MoveToStage accountId={accountId} currentStage={current?.stage ?? null} />
        )}
        <Stack gap="xs">
          <Title order={3} size="h5">
            Stage history
          </Title>
          <StageHistoryList stays={items} />
        </Stack>
      </Stack>
    </Paper>
  );
}
