import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import type { SegmentField } from '../../../../shared/api/segments.contract';
import type { CadenceKind, Tier, TierCadence } from '../../../../shared/api/tiers.contract';
import { IconChevronDown, IconChevronUp } from '../../../components/icons';
import { describeRule } from '../../../components/rule-builder/rule-draft';
import { describeCadences, touchModelColors, touchModelLabels } from './tier-format';
import classes from './TiersTab.module.css';

interface TierCardProps {
  tier: Tier;
  cadence: TierCadence | undefined;
  fields: readonly SegmentField[];
  /** Moves the tier one place up or down; undefined where it cannot move (the edges, the default). */
  onMoveUp?: () => void;
  onMoveDown?: () => void;
  moving: boolean;
  onEdit: () => void;
  onDelete: () => void;
  /** Why the tier cannot be deleted now (the default while other tiers exist); undefined when it can. */
  deleteBlocked?: string;
  onShowOverdue: (kind: CadenceKind) => void;
}

function OverdueButton({ count, label, onClick }: { count: number; label: string; onClick: () => void }) {
  if (count === 0)
    return (
      <Text size="sm" c="dimmed">
        0 overdue {label}
      </Text>
    );
  return (
    <Button variant="light" color="orange" size="compact-sm" onClick={onClick}>
      {count.toLocaleString()} overdue {label}
    </Button>
  );
}

/** One tier in the ordered list: position, name, touch model, rule in words, cadences, accounts and overdue counts. */
export function TierCard({
  tier,
  cadence,
  fields,
  onMoveUp,
  onMoveDown,
  moving,
  onEdit,
  onDelete,
  deleteBlocked,
  onShowOverdue,
}: TierCardProps) {
  return (
    <Paper withBorder p="md" data-testid="tier-card" aria-label={`Tier ${tier.name}`} component="article">
      <Group align="flex-start" wrap="nowrap" gap="md">
        <div className={classes.position} aria-hidden="true">
          {tier.isDefault ? '—' : tier.position}
        </div>
        <Stack gap={6} flex={1} miw={0}>
          <Group gap="xs">
            <Text fw={650} size="lg" component="h3" m={0}>
              {tier.name}
            </Text>
            <Badge variant="light" color={touchModelColors[tier.touchModel]}>
              {touchModelLabels[tier.touchModel]}
            </Badge>
            {tier.isDefault && (
              <Badge variant="outline" color="gray">
                Default
              </Badge>
            )}
            {tier.problems.length > 0 && (
              <Badge variant="light" color="orange">
                Rule needs fixing
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {tier.isDefault
              ? 'Every account no tier above matches'
              : tier.rule
                ? describeRule(tier.rule, fields)
                : '—'}
          </Text>
          {tier.problems.length > 0 && (
            <Text size="sm" c="orange">
              It matches no account until fixed: {tier.problems.map((problem) => problem.message).join('; ')}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {describeCadences(tier.ebrEveryDays, tier.checkInEveryDays)}
          </Text>
          <Group gap="sm" mt={4}>
            <Text size="sm" fw={600} data-testid="tier-account-count">
              {tier.accountCount.toLocaleString()} {tier.accountCount === 1 ? 'account' : 'accounts'}
            </Text>
            {cadence && tier.ebrEveryDays !== null && (
              <OverdueButton count={cadence.overdueEbr} label="EBR" onClick={() => onShowOverdue('ebr')} />
            )}
            {cadence && tier.checkInEveryDays !== null && (
              <OverdueButton
                count={cadence.overdueCheckIn}
                label="check-in"
                onClick={() => onShowOverdue('check_in')}
              />
            )}
          </Group>
        </Stack>
        <Group gap={4} wrap="nowrap">
          {!tier.isDefault && (
            <>
              <ActionIcon
                variant="default"
                aria-label={`Move ${tier.name} up`}
                disabled={!onMoveUp || moving}
                onClick={onMoveUp}
              >
                <IconChevronUp size={16} />
              </ActionIcon>
              <ActionIcon
                variant="default"
                aria-label={`Move ${tier.name} down`}
                disabled={!onMoveDown || moving}
                onClick={onMoveDown}
              >
                <IconChevronDown size={16} />
              </ActionIcon>
            </>
          )}
          <Button
            variant="default"
            size="compact-sm"
            onClick={onEdit}
            aria-label={`Edit ${tier.name}`}
            ml={4}
          >
            Edit
          </Button>
          <Tooltip label={deleteBlocked} disabled={!deleteBlocked} multiline w={240}>
            <Button
              variant="subtle"
              color="red"
              size="compact-sm"
              // Looks disabled but keeps focus and hover, so the tooltip can say why.
              onClick={deleteBlocked ? undefined : onDelete}
              aria-label={`Delete ${tier.name}`}
              aria-disabled={deleteBlocked ? true : undefined}
              data-disabled={deleteBlocked ? true : undefined}
            >
              Delete
            </Button>
          </Tooltip>
        </Group>
      </Group>
    </Paper>
  );
}
