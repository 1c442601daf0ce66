import { Group, Loader, Text } from '@mantine/core';
import type { SegmentGroup } from '../../../domain/segments';
import type { RulePurpose, SegmentField } from '../../../shared/api/segments.contract';
import { errorMessage } from '../../api/api-client';
import { describeFirstProblem } from './rule-draft';
import { useLiveRulePreview } from './use-live-rule-preview';

interface RuleMatchCountProps {
  rule: SegmentGroup;
  fields: readonly SegmentField[] | undefined;
  purpose: RulePurpose;
  /** What the count means here, after it (e.g. "on its own; an earlier tier takes its matches first"). */
  note?: string;
}

/** One line under a tier or stage rule: how many accounts it matches now, counted live while it is edited. */
export function RuleMatchCount({ rule, fields, purpose, note }: RuleMatchCountProps) {
  const { preview, localProblems, serverProblems, waiting } = useLiveRulePreview(rule, fields, purpose);
  let text: string;
  if (!fields) text = 'Loading the fields…';
  else if (localProblems.length > 0)
    text = `Finish the rule to count its accounts: ${describeFirstProblem(localProblems)}.`;
  else if (serverProblems.length > 0) text = 'The rule is not valid yet: see the conditions above.';
  else if (preview.isError) text = `Could not count the accounts: ${errorMessage(preview.error)}`;
  else if (!preview.data) text = 'Counting the accounts…';
  else
    text = `Matches ${preview.data.count.toLocaleString()} of ${preview.data.totalAccounts.toLocaleString()} accounts now${note ? ` ${note}` : ''}.`;
  return (
    <Group gap={8} wrap="nowrap" mih={22}>
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="rule-match-count">
        {text}
      </Text>
      {waiting && localProblems.length === 0 && <Loader size={14} aria-label="Counting" />}
    </Group>
  );
}
