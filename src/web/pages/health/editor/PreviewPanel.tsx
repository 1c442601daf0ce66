import {
  Alert,
  Anchor,
  Group,
  List,
  Loader,
  Paper,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import type { Preview } from '../../../../shared/api/health.contract';
import { ApiError } from '../../../api/api-client';
import { ErrorState } from '../../../components/ErrorState';
import { HealthBandBadge } from '../../../components/HealthBandBadge';
import { IconAlert } from '../../../components/icons';
import { formatNumber, formatScore } from '../../../format/health';
import { ChartSkeleton } from '../HealthSection';
import classes from '../HealthPage.module.css';
import { describeProblemPath } from './draft-problems';
import type { DraftProblem, ScorecardDraft } from './scorecard-draft';

const ScoreBucketsChart = lazy(() =>
  import('../ScoreBucketsChart').then((module) => ({ default: module.ScoreBucketsChart })),
);

/** The draft's problems, each with where it is and how to fix it, in place of the preview. */
export function DraftProblems({
  problems,
  draft,
  title,
}: {
  problems: readonly DraftProblem[];
  draft: ScorecardDraft;
  title: string;
}) {
  return (
    <Alert color="orange" variant="light" icon={<IconAlert />} title={title} data-testid="draft-problems">
      <List size="sm" spacing={4}>
        {problems.map((problem, index) => (
          <List.Item key={`${problem.field}-${index}`}>
            <Text span size="sm" fw={600}>
              {describeProblemPath(problem.field, draft)}
            </Text>
            : {problem.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function CoverageTable({ preview, names }: { preview: Preview; names: Map<string, string> }) {
  return (
    <Table verticalSpacing={4} className={classes.numbers} aria-label="Coverage per measure">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Measure</Table.Th>
          <Table.Th ta="right">Has a value</Table.Th>
          <Table.Th ta="right">Values seen</Table.Th>
          <Table.Th ta="right">Avg score</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {preview.measures.map((measure) => (
          <Table.Tr key={measure.measureId} data-testid="coverage-row">
            <Table.Td fz="sm">{names.get(measure.measureId) ?? measure.measureId}</Table.Td>
            <Table.Td ta="right" fz="sm" c={measure.present === 0 ? 'red.7' : undefined}>
              {measure.present} of {preview.accounts}
            </Table.Td>
            <Table.Td ta="right" fz="sm">
              {measure.min === null || measure.max === null
                ? '—'
                : `${formatNumber(measure.min)}–${formatNumber(measure.max)}`}
            </Table.Td>
            <Table.Td ta="right" fz="sm">
              {measure.averageScore === null ? '—' : formatScore(measure.averageScore)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function PreviewBody({ preview, names }: { preview: Preview; names: Map<string, string> }) {
  const bands = preview.bands.map((band) => ({ name: band.band }));
  if (preview.accounts === 0) {
    return (
      <Text size="sm" c="dimmed">
        No active or onboarding account matches this scorecard&apos;s criteria right now, so there is nothing
        to preview.
      </Text>
    );
  }
  return (
    <Stack gap="md">
      <Group gap="lg" wrap="wrap" data-testid="preview-bands">
        {preview.bands.map((band) => (
          <Group key={band.band} gap={6} wrap="nowrap" data-band={band.band}>
            <HealthBandBadge band={band.band} bands={bands} />
            <Text fw={650} className={classes.figure} data-testid="preview-band-count">
              {band.accounts}
            </Text>
          </Group>
        ))}
        <Text size="sm" c="dimmed">
          Average{' '}
          <Text span fw={650} c="var(--mantine-color-text)" data-testid="preview-average">
            {preview.averageScore === null ? '—' : formatScore(preview.averageScore)}
          </Text>
        </Text>
      </Group>
      <Suspense fallback={<ChartSkeleton height={150} />}>
        <ScoreBucketsChart distribution={preview} height={150} withLegend={false} />
      </Suspense>
      {/* One table at a time keeps the panel short enough to stay in view beside the form. */}
      <Tabs defaultValue="coverage" variant="pills" keepMounted={false}>
        <Tabs.List mb="xs">
          <Tabs.Tab value="coverage">Coverage</Tabs.Tab>
          <Tabs.Tab value="sample">Sample accounts</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="coverage">
          <CoverageTable preview={preview} names={names} />
        </Tabs.Panel>
        <Tabs.Panel value="sample">
          {preview.sample.length === 0 ? (
            <Text size="sm" c="dimmed">
              No accounts to show.
            </Text>
          ) : (
            <Table verticalSpacing={4} className={classes.numbers} aria-label="Sample accounts">
              <Table.Tbody>
                {preview.sample.map((account) => (
                  <Table.Tr key={account.accountId}>
                    <Table.Td fz="sm">
                      <Anchor component={Link} to={`/accounts/${account.accountId}`} size="sm">
                        {account.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right" fz="sm" fw={600}>
                      {account.score === null ? '—' : formatScore(account.score)}
                    </Table.Td>
                    <Table.Td ta="right">
                      <HealthBandBadge band={account.band} bands={bands} size="sm" />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

interface PreviewPanelProps {
  draft: ScorecardDraft;
  /** Problems only the form sees (blank numbers…); the preview waits for them. */
  localProblems: readonly DraftProblem[];
  /** The server's problems with the last draft it was sent (a 400), at draft paths. */
  serverProblems: readonly DraftProblem[];
  preview: { data: Preview | undefined; error: unknown; isFetching: boolean; refetch: () => void };
  /** Measure names by id, for the coverage table. */
  names: Map<string, string>;
  /** Previewing the saved scorecard (read-only view), not a draft. */
  savedOnly?: boolean;
}

/** What the draft would score right now (not saved), or what keeps it from being valid. */
export function PreviewPanel({
  draft,
  localProblems,
  serverProblems,
  preview,
  names,
  savedOnly = false,
}: PreviewPanelProps) {
  const invalid = preview.error instanceof ApiError && preview.error.status === 400;
  let body;
  if (localProblems.length > 0)
    body = <DraftProblems problems={localProblems} draft={draft} title="Finish the draft to preview it" />;
  else if (invalid && serverProblems.length > 0)
    body = <DraftProblems problems={serverProblems} draft={draft} title="The draft is not valid yet" />;
  else if (preview.error)
    body = (
      <ErrorState
        title={invalid ? 'The draft is not valid yet' : 'Could not preview'}
        error={preview.error}
        onRetry={invalid ? undefined : preview.refetch}
      />
    );
  else if (!preview.data) body = <Skeleton height={260} aria-label="Loading preview" />;
  else body = <PreviewBody preview={preview.data} names={names} />;

  return (
    <Paper withBorder p="lg" component="section" aria-label={savedOnly ? 'Scored today' : 'Live preview'}>
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={2} size="h4">
          {savedOnly ? 'Scored today' : 'Live preview'}
        </Title>
        {preview.isFetching && <Loader size="xs" aria-label="Updating the preview" />}
      </Group>
      <Text size="xs" c="dimmed" mb="md">
        {savedOnly
          ? 'The accounts this scorecard applies to, scored now.'
          : preview.data && localProblems.length === 0 && !preview.error
            ? `${preview.data.accounts} ${preview.data.accounts === 1 ? 'account' : 'accounts'} scored now with this draft; nothing is saved.`
            : 'The accounts this scorecard applies to, scored now with the draft; nothing is saved.'}
      </Text>
      {body}
    </Paper>
  );
}
