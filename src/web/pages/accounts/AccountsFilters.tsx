import { Autocomplete, Button, Chip, Group, Input, MultiSelect, Select, TextInput } from '@mantine/core';
import { useId } from 'react';
import { accountStatuses, type AccountStatus } from '../../../shared/api/enums';
import { useStages } from '../../api/journey-api';
import { useTeamMembers } from '../../api/session-api';
import { IconFilterOff, IconSearch } from '../../components/icons';
import { accountStatusLabels } from '../../format/labels';
import { type AccountsView, hasFilters, NO_STAGE, renewalWindows, UNSCORED } from './accounts-view';
import { useDebouncedText } from './use-debounced-text';

const statusOptions = accountStatuses.map((status) => ({
  value: status,
  label: accountStatusLabels[status],
}));

interface AccountsFiltersProps {
  view: AccountsView;
  /** Tiers seen in the loaded rows, offered as suggestions. */
  knownTiers: string[];
  /** Health band names of the scorecards, worst first. */
  bandNames: string[];
  onChange: (patch: Partial<AccountsView>, options?: { replace?: boolean }) => void;
  onClear: () => void;
}

function useOwnerOptions() {
  const users = useTeamMembers();
  const people = (users.data ?? []).map((user) => ({ value: user.id, label: user.name }));
  return [
    {
      group: 'Quick picks',
      items: [
        { value: 'me', label: 'Me' },
        { value: 'none', label: 'Unassigned' },
      ],
    },
    ...(people.length > 0 ? [{ group: 'People', items: people }] : []),
  ];
}

/**
 * The journey map's stages in order, then "No stage". A stage in the URL that is not on the map (a
 * link made before a rename) still shows, so it can be removed.
 */
function useStageOptions(current: string) {
  const stages = useStages();
  const names = (stages.data?.items ?? []).map((stage) => stage.name);
  if (current && current !== NO_STAGE && !names.includes(current)) names.push(current);
  return [...names.map((name) => ({ value: name, label: name })), { value: NO_STAGE, label: 'No stage' }];
}

/** Search, status, owner, tier, stage, health band and renewal window filters of the accounts list; every change lands in the URL. */
export function AccountsFilters({ view, knownTiers, bandNames, onChange, onClear }: AccountsFiltersProps) {
  // Typing replaces the history entry, so Back skips the half-typed words.
  const search = useDebouncedText(view.q, (q) => onChange({ q }, { replace: true }));
  const tier = useDebouncedText(view.tier, (value) => onChange({ tier: value }, { replace: true }));
  const ownerOptions = useOwnerOptions();
  const stageOptions = useStageOptions(view.stage);
  const statusLabelId = useId();
  const tierSuggestions = [...new Set([...knownTiers, ...(view.tier ? [view.tier] : [])])].sort();
  // A band in the URL that no scorecard has (renamed since the link was made) still shows, so it can be removed.
  const bandOptions = [
    ...[...new Set([...bandNames, ...view.band.filter((band) => band !== UNSCORED)])].map((band) => ({
      value: band,
      label: band,
    })),
    { value: UNSCORED, label: 'Not scored' },
  ];
  const windowOptions = [
    ...renewalWindows.map((days) => ({ value: String(days), label: `Next ${days} days` })),
    ...(view.renewalWithin !== null && !(renewalWindows as readonly number[]).includes(view.renewalWithin)
      ? [{ value: String(view.renewalWithin), label: `Next ${view.renewalWithin} days` }]
      : []),
  ];

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Name or domain"
        type="search"
        leftSection={<IconSearch size={16} />}
        value={search.text}
        onChange={(event) => search.onChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') search.commitNow();
        }}
        w={{ base: '100%', sm: 260 }}
      />
      <Input.Wrapper label="Status" labelElement="div" labelProps={{ id: statusLabelId }}>
        <Chip.Group<true, AccountStatus>
          multiple
          value={view.status}
          onChange={(status) => onChange({ status })}
        >
          <Group gap={6} role="group" aria-labelledby={statusLabelId} h={36} wrap="nowrap">
            {statusOptions.map((option) => (
              <Chip key={option.value} value={option.value} size="sm" variant="outline">
                {option.label}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Input.Wrapper>
      <Select
        label="Owner"
        placeholder="Anyone"
        data={ownerOptions}
        value={view.owner || null}
        onChange={(owner) => onChange({ owner: owner ?? '' })}
        clearable
        searchable
        nothingFoundMessage="Nobody by that name"
        w={{ base: '100%', sm: 200 }}
      />
      <Autocomplete
        label="Tier"
        placeholder="Any tier"
        data={tierSuggestions}
        value={tier.text}
        onChange={tier.onChange}
        onOptionSubmit={(value) => tier.commitNow(value)}
        w={{ base: '100%', sm: 160 }}
      />
      <Select
        label="Stage"
        placeholder="Any stage"
        data={stageOptions}
        value={view.stage || null}
        onChange={(stage) => onChange({ stage: stage ?? '' })}
        clearable
        w={{ base: '100%', sm: 170 }}
      />
      <MultiSelect
        label="Health"
        placeholder={view.band.length === 0 ? 'Any band' : undefined}
        data={bandOptions}
        value={view.band}
        onChange={(band) => onChange({ band })}
        clearable
        w={{ base: '100%', sm: 290 }}
      />
      <Select
        label="Renewal"
        placeholder="Any time"
        data={windowOptions}
        value={view.renewalWithin === null ? null : String(view.renewalWithin)}
        onChange={(value) => onChange({ renewalWithin: value === null ? null : Number(value) })}
        clearable
        w={{ base: '100%', sm: 150 }}
      />
      {hasFilters(view) && (
        <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
