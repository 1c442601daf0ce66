import { ActionIcon, Anchor, Badge, Button, Group, List, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { SegmentField } from '../../../../shared/api/segments.contract';
import type { Stage } from '../../../../shared/api/journey.contract';
import { errorMessage } from '../../../api/api-client';
import { useDeleteStage, useReorderStages, useStages } from '../../../api/journey-api';
import { useRuleFields } from '../../../api/segments-api';
import { ErrorState } from '../../../components/ErrorState';
import { IconChevronDown, IconChevronUp } from '../../../components/icons';
import { Notice } from '../../../components/Notice';
import { describeRule } from '../../../components/rule-builder/rule-draft';
import { ConfirmModal } from '../ConfirmModal';
import { notify } from '../notify';
import { SettingsSection } from '../SettingsSection';
import classes from '../tiers/TiersTab.module.css';
import { useDialogTarget } from '../use-dialog-target';
import { StageModal } from './StageModal';

/** Every stage id with the one at `index` swapped with its neighbour `by` places away. */
function movedOrder(stages: readonly Stage[], index: number, by: -1 | 1): string[] {
  const ids = stages.map((stage) => stage.id);
  const other = index + by;
  if (other < 0 || other >= ids.length) return ids;
  [ids[index], ids[other]] = [ids[other]!, ids[index]!];
  return ids;
}

interface StageCardProps {
  stage: Stage;
  fields: readonly SegmentField[];
  onMoveUp?: () => void;
  onMoveDown?: () => void;
  moving: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

function StageCard({ stage, fields, onMoveUp, onMoveDown, moving, onEdit, onDelete }: StageCardProps) {
  const touchpoints = [...stage.touchpoints].sort(
    (left, right) => (left.dueDay ?? Infinity) - (right.dueDay ?? Infinity),
  );
  return (
    <Paper withBorder p="md" component="article" aria-label={`Stage ${stage.name}`} data-testid="stage-card">
      <Group align="flex-start" wrap="nowrap" gap="md">
        <div className={classes.position} aria-hidden="true">
          {stage.position + 1}
        </div>
        <Stack gap={6} flex={1} miw={0}>
          <Group gap="xs">
            <Text fw={650} size="lg" component="h3" m={0}>
              {stage.name}
            </Text>
            {stage.owningTeam && (
              <Badge variant="light" color="gray">
                {stage.owningTeam.name}
              </Badge>
            )}
            <Text size="sm" fw={600}>
              {stage.accounts.toLocaleString()} {stage.accounts === 1 ? 'account' : 'accounts'}
            </Text>
          </Group>
          {stage.description && <Text size="sm">{stage.description}</Text>}
          <Text size="sm" c="dimmed">
            {stage.entryRule ? `Enters by rule: ${describeRule(stage.entryRule, fields)}` : 'Entered by hand'}{' '}
            ·{' '}
            {stage.expectedDays === null
              ? 'no time limit'
              : `expected ${stage.expectedDays.toLocaleString()} days`}
          </Text>
          {touchpoints.length > 0 && (
            <List size="sm" spacing={2}>
              {touchpoints.map((touchpoint, index) => (
                <List.Item key={`${touchpoint.title}-${index}`}>
                  {touchpoint.dueDay === null ? 'Any day' : `Day ${touchpoint.dueDay}`}: {touchpoint.title}
                </List.Item>
              ))}
            </List>
          )}
          {stage.metrics.length > 0 && (
            <Group gap={4}>
              {stage.metrics.map((metric) => (
                <Badge key={metric.key} variant="outline" color="indigo" tt="none" fw={500}>
                  {metric.label}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="default"
            aria-label={`Move ${stage.name} earlier`}
            disabled={!onMoveUp || moving}
            onClick={onMoveUp}
          >
            <IconChevronUp size={16} />
          </ActionIcon>
          <ActionIcon
            variant="default"
            aria-label={`Move ${stage.name} later`}
            disabled={!onMoveDown || moving}
            onClick={onMoveDown}
          >
            <IconChevronDown size={16} />
          </ActionIcon>
          <Button
            variant="default"
            size="compact-sm"
            onClick={onEdit}
            aria-label={`Edit ${stage.name}`}
            ml={4}
          >
            Edit
          </Button>
          <Button
            variant="subtle"
            color="red"
            size="compact-sm"
            onClick={onDelete}
            aria-label={`Delete ${stage.name}`}
          >
            Delete
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

/**
 * Settings → Journey stages (managers, admins): the lifecycle stages in order, each with how accounts
 * enter, the expected duration, the owning team, touchpoints and metrics; reordered with the arrows.
 */
export function StagesTab() {
  const stages = useStages();
  const fields = useRuleFields('stage');
  const reorder = useReorderStages();
  const remove = useDeleteStage();
  const editing = useDialogTarget<Stage | null>();
  const deleting = useDialogTarget<Stage>();
  const items = stages.data?.items ?? [];
  const move = (index: number, by: -1 | 1) =>
    reorder.mutate(movedOrder(items, index, by), {
      onError: (error) => notify('red', `Not moved: ${errorMessage(error)}`),
    });
  return (
    <Stack gap="xl">
      <SettingsSection
        title="Journey stages"
        description={
          <>
            The steps every customer goes through, in order. Each stage says how accounts enter it, how long
            they should stay, which team owns it, the touchpoints the team commits to and the metrics that
            tell whether it works. See where accounts are on the{' '}
            <Anchor component={Link} to="/journey" size="sm">
              journey board
            </Anchor>
            .
          </>
        }
        action={items.length > 0 && <Button onClick={() => editing.open(null)}>Add stage</Button>}
      >
        {stages.isPending ? (
          <Skeleton height={220} aria-label="Loading stages" />
        ) : stages.isError ? (
          <ErrorState
            title="Could not load the stages"
            error={stages.error}
            onRetry={() => void stages.refetch()}
          />
        ) : items.length === 0 ? (
          <Paper withBorder>
            <Notice
              py={48}
              title="No journey map yet"
              description="Add the stages your customers go through, e.g. Handoff, Onboarding, Adoption, Value, Renewal, Expansion. Accounts already carrying a stage name show on the journey board once it is on the map."
              actions={<Button onClick={() => editing.open(null)}>Add the first stage</Button>}
            />
          </Paper>
        ) : (
          <Stack gap="sm" aria-busy={reorder.isPending}>
            {items.map((stage, index) => (
              <StageCard
                key={stage.id}
                stage={stage}
                fields={fields.data ?? []}
                onMoveUp={index > 0 ? () => move(index, -1) : undefined}
                onMoveDown={index < items.length - 1 ? () => move(index, 1) : undefined}
                moving={reorder.isPending}
                onEdit={() => editing.open(stage)}
                onDelete={() => {
                  remove.reset();
                  deleting.open(stage);
                }}
              />
            ))}
          </Stack>
        )}
      </SettingsSection>
      <StageModal
        opened={editing.opened}
        stage={editing.target}
        metricCatalogue={stages.data?.metricCatalogue ?? []}
        onClose={editing.close}
      />
      <ConfirmModal
        opened={deleting.opened}
        title="Delete stage"
        confirmLabel="Delete stage"
        pending={remove.isPending}
        error={remove.error}
        onClose={deleting.close}
        onConfirm={() => {
          const stage = deleting.target;
          if (!stage) return;
          remove.mutate(stage.id, {
            onSuccess: () => {
              notify('teal', `Deleted stage “${stage.name}”.`);
              deleting.close();
            },
          });
        }}
      >
        {deleting.target && deleting.target.accounts > 0
          ? `${deleting.target.accounts.toLocaleString()} accounts are in ${deleting.target.name}: move them to another stage first, or the delete is refused.`
          : `${deleting.target?.name ?? 'The stage'} will be taken off the journey map; the stages after it close up. This cannot be undone.`}
      </ConfirmModal>
    </Stack>
  );
}
