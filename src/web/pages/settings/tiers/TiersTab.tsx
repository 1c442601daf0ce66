import { Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Tier } from '../../../../shared/api/tiers.contract';
import { errorMessage } from '../../../api/api-client';
import { useRuleFields } from '../../../api/segments-api';
import { useDeleteTier, useReorderTiers, useTierCadence, useTiers } from '../../../api/tiers-api';
import { ErrorState } from '../../../components/ErrorState';
import { Notice } from '../../../components/Notice';
import { formatDate } from '../../../format/dates';
import { ConfirmModal } from '../ConfirmModal';
import { notify } from '../notify';
import { SettingsSection } from '../SettingsSection';
import { useDialogTarget } from '../use-dialog-target';
import { OverdueDrawer, type OverdueTarget } from './OverdueDrawer';
import { TierCard } from './TierCard';
import { TierModal } from './TierModal';

/** The ids of the tiers with a rule, with the one at `index` swapped with its neighbour `by` places away. */
function movedOrder(tiers: readonly Tier[], index: number, by: -1 | 1): string[] {
  const ids = tiers.filter((tier) => !tier.isDefault).map((tier) => tier.id);
  const other = index + by;
  if (other < 0 || other >= ids.length) return ids;
  [ids[index], ids[other]] = [ids[other]!, ids[index]!];
  return ids;
}

/**
 * Settings → Tiers (managers, admins): the tiers in the order their rules are tried, each with its
 * touch model, cadences, accounts and how many are overdue, reordered with the arrows; the default last.
 */
export function TiersTab() {
  const tiers = useTiers();
  const cadence = useTierCadence();
  const fields = useRuleFields('tier');
  const reorder = useReorderTiers();
  const remove = useDeleteTier();
  const editing = useDialogTarget<Tier | null>();
  const deleting = useDialogTarget<Tier>();
  const overdue = useDialogTarget<OverdueTarget>();
  const [creatingDefault, setCreatingDefault] = useState(false);

  const items = tiers.data ?? [];
  const hasDefault = items.some((tier) => tier.isDefault);
  const move = (index: number, by: -1 | 1) =>
    reorder.mutate(movedOrder(items, index, by), {
      onError: (error) => notify('red', `Not moved: ${errorMessage(error)}`),
    });
  const openNew = () => {
    setCreatingDefault(!hasDefault);
    editing.open(null);
  };
  const cadenceOf = (tier: Tier) => cadence.data?.items.find((item) => item.tierId === tier.id);
  const totalOverdue = (cadence.data?.items ?? []).reduce(
    (sum, item) => sum + item.overdueEbr + item.overdueCheckIn,
    0,
  );

  return (
    <Stack gap="xl">
      <SettingsSection
        title="Tiers and touch models"
        description="Tiers are tried from the top and the first whose rule matches an account wins; the default tier takes every other account. A tier's touch model sets how its accounts are served and how much CSM workload they carry; its cadences say how often an EBR and a check-in are due."
        action={
          items.length > 0 && (
            <Button onClick={openNew}>{hasDefault ? 'Add tier' : 'Add the default tier'}</Button>
          )
        }
      >
        {tiers.isPending ? (
          <Skeleton height={220} aria-label="Loading tiers" />
        ) : tiers.isError ? (
          <ErrorState
            title="Could not load the tiers"
            error={tiers.error}
            onRetry={() => void tiers.refetch()}
          />
        ) : items.length === 0 ? (
          <Paper withBorder>
            <Notice
              py={48}
              title="No tiers yet"
              description="Start with the default tier: it serves every account no other tier matches (e.g. Self-serve, tech touch). Then add tiers with rules above it, e.g. Enterprise for ARR at least $100,000."
              actions={<Button onClick={openNew}>Add the default tier</Button>}
            />
          </Paper>
        ) : (
          <Stack gap="sm" aria-busy={reorder.isPending}>
            {items.map((tier, index) => {
              const ruled = items.filter((item) => !item.isDefault).length;
              return (
                <TierCard
                  key={tier.id}
                  tier={tier}
                  cadence={cadenceOf(tier)}
                  fields={fields.data ?? []}
                  onMoveUp={!tier.isDefault && index > 0 ? () => move(index, -1) : undefined}
                  onMoveDown={!tier.isDefault && index < ruled - 1 ? () => move(index, 1) : undefined}
                  moving={reorder.isPending}
                  onEdit={() => {
                    setCreatingDefault(false);
                    editing.open(tier);
                  }}
                  onDelete={() => {
                    remove.reset();
                    deleting.open(tier);
                  }}
                  deleteBlocked={
                    tier.isDefault && items.length > 1
                      ? 'The default tier goes last: delete the other tiers first, or edit it instead.'
                      : undefined
                  }
                  onShowOverdue={(kind) => overdue.open({ kind, tier: { id: tier.id, name: tier.name } })}
                />
              );
            })}
            {cadence.data && (
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  Overdue counts leave out churned accounts and prospects; as of{' '}
                  {formatDate(cadence.data.asOf)}.
                </Text>
                {totalOverdue > 0 && (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    onClick={() => overdue.open({ kind: 'ebr', tier: null })}
                  >
                    Every overdue account
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        )}
      </SettingsSection>
      <TierModal
        opened={editing.opened}
        tier={editing.target}
        creatingDefault={creatingDefault}
        onClose={editing.close}
      />
      <OverdueDrawer target={overdue.target} opened={overdue.opened} onClose={overdue.close} />
      <ConfirmModal
        opened={deleting.opened}
        title="Delete tier"
        confirmLabel="Delete tier"
        pending={remove.isPending}
        error={remove.error}
        onClose={deleting.close}
        onConfirm={() => {
          const tier = deleting.target;
          if (!tier) return;
          remove.mutate(tier.id, {
            onSuccess: () => {
              notify('teal', `Deleted tier “${tier.name}”; its accounts were re-tiered.`);
              deleting.close();
            },
          });
        }}
      >
        <strong>{deleting.target?.name}</strong> will be deleted and its{' '}
        {deleting.target?.accountCount.toLocaleString()} accounts re-tiered by the tiers that remain. This
        cannot be undone.
      </ConfirmModal>
    </Stack>
  );
}
