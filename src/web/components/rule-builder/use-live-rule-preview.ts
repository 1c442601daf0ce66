import { useDebouncedValue } from '@mantine/hooks';
import type { SegmentGroup } from '../../../domain/segments';
import type { RulePurpose, SegmentField } from '../../../shared/api/segments.contract';
import { useRulePreview } from '../../api/segments-api';
import { localRuleProblems, serverRuleProblems } from './rule-draft';

/** How long the rule must stay still before it is counted again, in milliseconds. */
const PREVIEW_DELAY_MS = 400;

/**
 * The live count and sample of a rule being edited: asked of the server 400 ms after the last
 * change, and only once the draft is complete (no blank value). `localProblems` are the draft's own
 * (for the current rule, not the debounced one); `serverProblems` are the server's 400, at builder paths.
 */
export function useLiveRulePreview(
  root: SegmentGroup,
  fields: readonly SegmentField[] | undefined,
  purpose: RulePurpose,
) {
  // A tier or stage rule with no condition would take every account: it must have one.
  const options = { requireCondition: purpose !== 'segment' };
  const [settled] = useDebouncedValue(root, PREVIEW_DELAY_MS);
  const settledProblems = fields ? localRuleProblems(settled, fields, options) : [];
  const ready = fields !== undefined && settledProblems.length === 0;
  const preview = useRulePreview(ready ? settled : null, purpose);
  return {
    preview,
    localProblems: fields ? localRuleProblems(root, fields, options) : [],
    serverProblems: serverRuleProblems(preview.error, 'body.rule'),
    /** True while the rule has changed and its count has not been asked for yet. */
    waiting: settled !== root || (preview.isFetching && ready),
  };
}
