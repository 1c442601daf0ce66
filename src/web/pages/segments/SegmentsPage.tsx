import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import type { Segment } from '../../../shared/api/segments.contract';
import { useCanWriteSegments, useRuleFields, useSegments } from '../../api/segments-api';
import { ErrorState } from '../../components/ErrorState';
import { Notice } from '../../components/Notice';
import { describeRule } from '../../components/rule-builder/rule-draft';
import { formatDate } from '../../format/dates';
import { segmentKindLabels } from './segment-format';

function SegmentRow({ segment, ruleText }: { segment: Segment; ruleText: string | null }) {
  return (
    <Table.Tr data-testid="segment-row">
      <Table.Td maw={420}>
        <Anchor component={Link} to={`/segments/${segment.id}`} fw={600} size="sm">
          {segment.name}
        </Anchor>
        <Text size="xs" c="dimmed" lineClamp={2}>
          {segment.description ?? ruleText ?? 'Hand-picked accounts'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Badge variant="light" color={segment.kind === 'dynamic' ? 'indigo' : 'gray'}>
            {segmentKindLabels[segment.kind]}
          </Badge>
          {segment.problems.length > 0 && (
            <Tooltip multiline w={300} label={segment.problems.map((problem) => problem.message).join('; ')}>
              <Badge variant="light" color="orange" tabIndex={0}>
                Rule needs fixing
              </Badge>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
      <Table.Td ta="right" fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {segment.memberCount.toLocaleString()}
      </Table.Td>
      <Table.Td fz="sm">{formatDate(segment.updatedAt)}</Table.Td>
      <Table.Td fz="sm">{segment.createdBy?.name ?? '—'}</Table.Td>
    </Table.Tr>
  );
}

/** Segments (`/segments`): every dynamic segment and static list with its members, newest change first. */
export function SegmentsPage() {
  useDocumentTitle('Segments · Cycle');
  const segments = useSegments();
  const fields = useRuleFields('segment');
  const canWrite = useCanWriteSegments();
  const newButton = canWrite && (
    <Button component={Link} to="/segments/new">
      New segment
    </Button>
  );
  const items = [...(segments.data ?? [])].sort((left, right) =>
    right.updatedAt.localeCompare(left.updatedAt),
  );
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Segments
          </Title>
          <Text c="dimmed" size="sm">
            Groups of accounts by a rule on any field, trait or metric, kept current as data changes; or lists
            picked by hand.
          </Text>
        </div>
        {items.length > 0 && newButton}
      </Group>
      <Paper withBorder>
        {segments.isPending ? (
          <Skeleton height={180} aria-label="Loading segments" />
        ) : segments.isError ? (
          <ErrorState
            title="Could not load the segments"
            error={segments.error}
            onRetry={() => void segments.refetch()}
          />
        ) : items.length === 0 ? (
          <Notice
            py={56}
            title="No segments yet"
            description={
              canWrite
                ? 'Create one to follow a group of accounts — e.g. ARR at least $100,000 and a renewal within 90 days. Its members update as data changes, with a history of who entered and left.'
                : 'Nobody has created a segment yet. Admins, managers and CSMs can create them.'
            }
            actions={newButton || undefined}
          />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Segments">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Segment</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th ta="right">Members</Table.Th>
                  <Table.Th>Updated</Table.Th>
                  <Table.Th>Created by</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((segment) => (
                  <SegmentRow
                    key={segment.id}
                    segment={segment}
                    ruleText={segment.rule ? describeRule(segment.rule, fields.data ?? []) : null}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
