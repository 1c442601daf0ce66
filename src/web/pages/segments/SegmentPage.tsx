import { Alert, Anchor, Badge, Button, Group, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Segment } from '../../../shared/api/segments.contract';
import { ApiError } from '../../api/api-client';
import { useCanWriteSegments, useDeleteSegment, useSegment } from '../../api/segments-api';
import { ErrorState } from '../../components/ErrorState';
import { IconAlert, IconArrowLeft } from '../../components/icons';
import { Notice } from '../../components/Notice';
import { formatDateTime } from '../../format/dates';
import { ConfirmModal } from '../settings/ConfirmModal';
import { notify } from '../settings/notify';
import { segmentKindLabels } from './segment-format';
import { SegmentForm } from './SegmentForm';
import { SegmentHistoryTab } from './SegmentHistoryTab';
import { SegmentMembersTab } from './SegmentMembersTab';

const tabs = ['members', 'rule', 'history'] as const;
type SegmentTab = (typeof tabs)[number];

function BackToSegments() {
  return (
    <Anchor component={Link} to="/segments" size="sm" c="dimmed">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} />
        Segments
      </Group>
    </Anchor>
  );
}

function NewSegment() {
  useDocumentTitle('New segment · Segments · Cycle');
  const canWrite = useCanWriteSegments();
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          New segment
        </Title>
        <Text c="dimmed" size="sm">
          Name it, choose how accounts get in, and watch the count change as you build the rule.
        </Text>
      </div>
      {canWrite ? (
        <SegmentForm segment={null} />
      ) : (
        <Alert color="gray" variant="light" title="Read only">
          Viewers read segments; admins, managers and CSMs create them.
        </Alert>
      )}
    </Stack>
  );
}

function SegmentHeader({
  segment,
  canWrite,
  onDelete,
}: {
  segment: Segment;
  canWrite: boolean;
  onDelete: () => void;
}) {
  return (
    <Group justify="space-between" align="flex-start">
      <div>
        <Group gap="sm">
          <Title order={1} size="h2">
            {segment.name}
          </Title>
          <Badge variant="light" color={segment.kind === 'dynamic' ? 'indigo' : 'gray'} size="lg">
            {segmentKindLabels[segment.kind]}
          </Badge>
        </Group>
        <Text c="dimmed" size="sm">
          <span data-testid="segment-member-count">
            {segment.memberCount.toLocaleString()} {segment.memberCount === 1 ? 'member' : 'members'}
          </span>
          {segment.evaluatedAt &&
            ` · ${segment.kind === 'dynamic' ? 'recomputed' : 'changed'} ${formatDateTime(segment.evaluatedAt)}`}
          {segment.createdBy && ` · created by ${segment.createdBy.name}`}
        </Text>
      </div>
      {canWrite && (
        <Button variant="default" color="red" onClick={onDelete}>
          Delete segment
        </Button>
      )}
    </Group>
  );
}

function ExistingSegment({ id }: { id: string }) {
  const segment = useSegment(id);
  const canWrite = useCanWriteSegments();
  const remove = useDeleteSegment();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const tab: SegmentTab = tabs.find((value) => value === requested) ?? 'members';
  useDocumentTitle(segment.data ? `${segment.data.name} · Segments · Cycle` : 'Segment · Cycle');

  if (segment.isPending)
    return (
      <Stack gap="lg" aria-busy="true" aria-label="Loading the segment">
        <Skeleton height={40} width="40%" />
        <Skeleton height={320} />
      </Stack>
    );
  if (segment.isError) {
    const missing =
      segment.error instanceof ApiError && (segment.error.status === 404 || segment.error.status === 400);
    return missing ? (
      <Notice
        py={80}
        headingOrder={1}
        icon={<IconAlert size={26} />}
        title="Segment not found"
        description="No segment has this address. It may have been deleted, or the link is mistyped."
        actions={
          <Button component={Link} to="/segments">
            Back to segments
          </Button>
        }
      />
    ) : (
      <ErrorState
        title="Could not load the segment"
        error={segment.error}
        onRetry={() => void segment.refetch()}
      />
    );
  }
  const data = segment.data;
  const selectTab = (value: string | null) => {
    if (!value) return;
    setSearchParams(new URLSearchParams({ tab: value }), { replace: true, preventScrollReset: true });
  };
  return (
    <Stack gap="lg">
      <SegmentHeader segment={data} canWrite={canWrite} onDelete={() => setConfirming(true)} />
      {data.problems.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlert />} title="The rule no longer fits the data">
          Its members are not refreshed until the rule is fixed:{' '}
          {data.problems.map((problem) => problem.message).join('; ')}.
        </Alert>
      )}
      <Tabs value={tab} onChange={selectTab} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="members">Members</Tabs.Tab>
          <Tabs.Tab value="rule">{data.kind === 'dynamic' ? 'Rule' : 'Details'}</Tabs.Tab>
          <Tabs.Tab value="history">Enter and leave history</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members">
          <SegmentMembersTab segment={data} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="rule">
          {/* A saved change (here or elsewhere) starts a fresh form from it. */}
          <SegmentForm key={data.updatedAt} segment={data} readOnly={!canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <SegmentHistoryTab segmentId={data.id} />
        </Tabs.Panel>
      </Tabs>
      <ConfirmModal
        opened={confirming}
        title="Delete segment"
        confirmLabel="Delete segment"
        pending={remove.isPending}
        error={remove.error}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(data.id, {
            onSuccess: () => {
              notify('teal', `Deleted “${data.name}”.`);
              navigate('/segments');
            },
          })
        }
      >
        <strong>{data.name}</strong> and its enter and leave history will be deleted. The accounts stay as
        they are. This cannot be undone.
      </ConfirmModal>
    </Stack>
  );
}

/** A segment (`/segments/:id`: members, rule, history in `?tab=`) or a new one (`/segments/new`). */
export function SegmentPage() {
  const { id } = useParams();
  return (
    <Stack gap="md">
      <BackToSegments />
      {id === undefined || id === 'new' ? <NewSegment /> : <ExistingSegment id={id} />}
    </Stack>
  );
}
