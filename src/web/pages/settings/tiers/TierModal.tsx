import { DaysInput } from '../../../components/DaysInput';
import { Alert, Modal, Radio, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { SegmentGroup } from '../../../../domain/segments';
import { touchModels, type TouchModel } from '../../../../shared/api/enums';
import type { Tier } from '../../../../shared/api/tiers.contract';
import { errorMessage } from '../../../api/api-client';
import { useRuleFields } from '../../../api/segments-api';
import { useSaveTier } from '../../../api/tiers-api';
import { ErrorState } from '../../../components/ErrorState';
import { IconAlert } from '../../../components/icons';
import { RuleBuilder } from '../../../components/rule-builder/RuleBuilder';
import {
  asRootGroup,
  localRuleProblems,
  serverRuleProblems,
} from '../../../components/rule-builder/rule-draft';
import { RuleMatchCount } from '../../../components/rule-builder/RuleMatchCount';
import { fieldProblem, isFieldProblem } from '../field-problems';
import { notify } from '../notify';
import { touchModelExplanations, touchModelLabels } from './tier-format';
import { FormActions } from '../../../components/FormActions';

const formFields = ['body.name', 'body.touchModel', 'body.ebrEveryDays', 'body.checkInEveryDays'] as const;

/** A cadence box's value as the API takes it: whole days, or null when left blank. */
const cadenceOf = (value: string | number): number | null => (typeof value === 'number' ? value : null);

interface TierModalProps {
  opened: boolean;
  /** The tier being edited; null to add one. */
  tier: Tier | null;
  /** Adding the first tier: it is the default (no rule), which must exist before tiers with rules. */
  creatingDefault: boolean;
  onClose: () => void;
}

function TierForm({ tier, creatingDefault, onClose }: Omit<TierModalProps, 'opened'>) {
  const save = useSaveTier();
  const fields = useRuleFields('tier');
  const isDefault = tier?.isDefault ?? creatingDefault;
  const [name, setName] = useState(tier?.name ?? '');
  const [touchModel, setTouchModel] = useState<TouchModel>(tier?.touchModel ?? (isDefault ? 'tech' : 'high'));
  const [ebr, setEbr] = useState<string | number>(tier?.ebrEveryDays ?? '');
  const [checkIn, setCheckIn] = useState<string | number>(tier?.checkInEveryDays ?? '');
  const [rule, setRule] = useState<SegmentGroup>(() => asRootGroup(tier?.rule ?? null));
  const [submitted, setSubmitted] = useState(false);
  const localProblems = fields.data ? localRuleProblems(rule, fields.data, { requireCondition: true }) : [];
  const problems = [...serverRuleProblems(save.error, 'body.rule'), ...(submitted ? localProblems : [])];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (!isDefault && localProblems.length > 0) return;
    const body = {
      name: name.trim(),
      touchModel,
      ebrEveryDays: cadenceOf(ebr),
      checkInEveryDays: cadenceOf(checkIn),
    };
    const request = tier
      ? { id: tier.id, body: isDefault ? body : { ...body, rule } }
      : { body: { ...body, rule: isDefault ? null : rule } };
    save.mutate(request, {
      onSuccess: (saved) => {
        notify(
          'teal',
          `Saved tier “${saved.name}”: ${saved.accountCount.toLocaleString()} accounts in it now.`,
        );
        onClose();
      },
    });
  };
  const otherError =
    save.isError &&
    !isFieldProblem(save.error, formFields) &&
    serverRuleProblems(save.error, 'body.rule').length === 0;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Name"
          placeholder={isDefault ? 'e.g. Self-serve' : 'e.g. Enterprise'}
          required
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldProblem(save.error, 'body.name')}
          data-autofocus
        />
        <Radio.Group
          label="Touch model"
          description="How the tier's accounts are served; it also sets how much CSM workload each account carries"
          value={touchModel}
          onChange={(value) => setTouchModel(value as TouchModel)}
          error={fieldProblem(save.error, 'body.touchModel')}
        >
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs" spacing="sm">
            {touchModels.map((model) => (
              <Radio
                key={model}
                value={model}
                label={touchModelLabels[model]}
                description={touchModelExplanations[model]}
              />
            ))}
          </SimpleGrid>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <DaysInput
            label="EBR every"
            description="An EBR or QBR is due this often; blank for none"
            placeholder="No EBRs expected"
            min={1}
            max={3660}
            value={ebr}
            onChange={setEbr}
            error={fieldProblem(save.error, 'body.ebrEveryDays')}
          />
          <DaysInput
            label="Check-in every"
            description="A call or meeting is due this often; blank for none"
            placeholder="No check-ins expected"
            min={1}
            max={3660}
            value={checkIn}
            onChange={setCheckIn}
            error={fieldProblem(save.error, 'body.checkInEveryDays')}
          />
        </SimpleGrid>
        {isDefault ? (
          <Alert color="indigo" variant="light" title="The default tier">
            It has no rule: it serves every account no other tier matches, and always comes last.
          </Alert>
        ) : (
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Rule
            </Text>
            <Text size="xs" c="dimmed" mt={-4}>
              Accounts that match join this tier, unless a tier above it matches them first. A tier rule
              cannot test the tier itself.
            </Text>
            {fields.isPending ? (
              <Skeleton height={90} aria-label="Loading the fields" />
            ) : fields.isError ? (
              <ErrorState
                title="Could not load the fields"
                error={fields.error}
                onRetry={() => void fields.refetch()}
              />
            ) : (
              <RuleBuilder value={rule} onChange={setRule} fields={fields.data} problems={problems} />
            )}
            <RuleMatchCount
              rule={rule}
              fields={fields.data}
              purpose="tier"
              note="on its own (a tier above takes its matches first)"
            />
          </Stack>
        )}
        {otherError && (
          <Alert color="red" variant="light" icon={<IconAlert />} title="Not saved" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        <FormActions onCancel={onClose} loading={save.isPending} disabled={name.trim() === ''}>
          {tier ? 'Save tier' : isDefault ? 'Add default tier' : 'Add tier'}
        </FormActions>
      </Stack>
    </form>
  );
}

/** Adds or edits a tier: name, touch model, cadences and (except the default) its rule with a live count. */
export function TierModal({ opened, tier, creatingDefault, onClose }: TierModalProps) {
  const title = tier ? `Edit tier ${tier.name}` : creatingDefault ? 'Add the default tier' : 'Add tier';
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={<Text fw={650}>{title}</Text>}
    >
      {/* Mantine mounts the content on opening, so each opening starts a fresh form. */}
      <TierForm tier={tier} creatingDefault={creatingDefault} onClose={onClose} />
    </Modal>
  );
}
