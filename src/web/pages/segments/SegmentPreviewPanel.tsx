import { Anchor, Group, Loader, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { RuleProblemItem, SegmentPreview } from '../../../shared/api/segments.contract';
import { errorMessage } from '../../api/api-client';
import { HealthBandBadge } from '../../components/HealthBandBadge';
import { describeFirstProblem } from '../../components/rule-builder/rule-draft';
import { formatMoney } from '../../format/money';
import { useHealthBands } from '../accounts/use-health-bands';

interface SegmentPreviewPanelProps {
  preview: { data: SegmentPreview | undefined; error: unknown; isError: boolean };
  localProblems: readonly RuleProblemItem[];
  serverProblems: readonly RuleProblemItem[];
  waiting: boolean;
}

function SampleTable({ preview }: { preview: SegmentPreview }) {
  const bands = useHealthBands().names.map((name) => ({ name }));
  if (preview.sample.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No account matches this rule now. Loosen a condition, or switch the group to “any”.
      </Text>
    );
  return (
    <Table verticalSpacing={6} aria-label="Sample of matching accounts" data-testid="preview-sample">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Account</Table.Th>
          <Table.Th>Health</Table.Th>
          <Table.Th ta="right">ARR</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {preview.sample.map((account) => (
          <Table.Tr key={account.id}>
            <Table.Td>
              <Anchor component={Link} to={`/accounts/${account.id}`} size="sm" fw={600}>
                {account.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {[account.tier, account.owner?.name ?? 'Unassigned'].filter(Boolean).join(' · ')}
              </Text>
            </Table.Td>
            <Table.Td>
              {account.health ? (
                <HealthBandBadge band={account.health.band} bands={bands} size="sm" />
              ) : (
                <Text size="xs" c="dimmed">
                  Not scored
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right" fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatMoney(account.arr, { wholeUnits: true })}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Beside the rule builder: how many accounts the rule matches now, and the 10 with the highest ARR. */
export function SegmentPreviewPanel({
  preview,
  localProblems,
  serverProblems,
  waiting,
}: SegmentPreviewPanelProps) {
  let body;
  if (localProblems.length > 0)
    body = (
      <Text size="sm" c="dimmed">
        Finish the rule to see who it matches: {describeFirstProblem(localProblems)}.
      </Text>
    );
  else if (serverProblems.length > 0)
    body = (
      <Text size="sm" c="red">
        The rule is not valid yet: {describeFirstProblem(serverProblems)}.
      </Text>
    );
  else if (preview.isError)
    body = (
      <Text size="sm" c="red" role="alert">
        Could not count the accounts: {errorMessage(preview.error)}
      </Text>
    );
  else if (!preview.data) body = <Skeleton height={220} aria-label="Loading the preview" />;
  else
    body = (
      <Stack gap="md">
        <div>
          <Text fz={32} fw={700} lh={1.1} data-testid="preview-count">
            {preview.data.count.toLocaleString()}
          </Text>
          <Text size="sm" c="dimmed">
            of {preview.data.totalAccounts.toLocaleString()} accounts match now
          </Text>
        </div>
        <SampleTable preview={preview.data} />
      </Stack>
    );
  return (
    <Paper
      withBorder
      p="lg"
      component="section"
      aria-label="Live preview"
      style={{ position: 'sticky', top: 76 }}
    >
      <Group justify="space-between" mb="xs" gap="xs" mih={24}>
        <Title order={2} size="h4">
          Live preview
        </Title>
        {waiting && localProblems.length === 0 && <Loader size="xs" aria-label="Updating the preview" />}
      </Group>
      <Text size="xs" c="dimmed" mb="md">
        Counted as you edit; nothing is saved. Highest ARR first.
      </Text>
      <div aria-live="polite">{body}</div>
    </Paper>
  );
}
