import { Alert, Anchor, Badge, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/api-client';
import { useCanManageHealth, useScorecard, useScorecards } from '../../../api/health-api';
import { ErrorState } from '../../../components/ErrorState';
import { IconAlert, IconArrowLeft } from '../../../components/icons';
import { Notice } from '../../../components/Notice';
import { formatDate } from '../../../format/dates';
import { describeCriteria } from '../../../format/health';
import { ScorecardEditor } from './ScorecardEditor';
import { ScorecardReadOnly } from './ScorecardReadOnly';
import { draftFromScorecard, newScorecardDraft } from './scorecard-draft';

function BackToScorecards() {
  return (
    <Anchor component={Link} to="/health/scorecards" size="sm" c="dimmed">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} />
        Scorecards
      </Group>
    </Anchor>
  );
}

function EditorSkeleton() {
  return (
    <Stack gap="lg" aria-busy="true" aria-label="Loading scorecard">
      <Skeleton height={40} width="40%" />
      <Skeleton height={420} />
    </Stack>
  );
}

function ScorecardNotFound() {
  return (
    <Notice
      py={80}
      headingOrder={1}
      icon={<IconAlert size={26} />}
      title="Scorecard not found"
      description="No scorecard in use has this address. It may have been retired, or the link is mistyped."
      actions={
        <Button component={Link} to="/health/scorecards">
          Back to scorecards
        </Button>
      }
    />
  );
}

function NewScorecard() {
  const scorecards = useScorecards();
  const canManage = useCanManageHealth();
  // The form starts once, from the blank draft; a refetch of the list must not reset it.
  const [initialDraft] = useState(newScorecardDraft);
  useDocumentTitle('New scorecard · Health · Cycle');
  if (!canManage) {
    return (
      <Alert color="gray" variant="light" title="Read only">
        Only managers and admins create scorecards.
      </Alert>
    );
  }
  if (scorecards.isPending) return <EditorSkeleton />;
  if (scorecards.isError)
    return (
      <ErrorState
        title="Could not load the scorecards"
        error={scorecards.error}
        onRetry={() => void scorecards.refetch()}
      />
    );
  const isDefault = scorecards.data.items.length === 0;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          New scorecard
        </Title>
        <Text c="dimmed" size="sm">
          {isDefault
            ? 'The first scorecard is the default: it scores every active and onboarding account.'
            : 'A scorecard for the accounts that meet its criteria; the default scorecard keeps scoring the rest.'}
        </Text>
      </div>
      <ScorecardEditor
        scorecard={null}
        initialDraft={initialDraft}
        isDefault={isDefault}
        onReload={() => undefined}
      />
    </Stack>
  );
}

function ExistingScorecard({ id }: { id: string }) {
  const scorecard = useScorecard(id);
  const canManage = useCanManageHealth();
  useDocumentTitle(scorecard.data ? `${scorecard.data.name} · Health · Cycle` : 'Scorecard · Health · Cycle');
  if (scorecard.isPending) return <EditorSkeleton />;
  if (scorecard.isError) {
    const missing =
      scorecard.error instanceof ApiError &&
      (scorecard.error.status === 404 || scorecard.error.status === 400);
    return missing ? (
      <ScorecardNotFound />
    ) : (
      <ErrorState
        title="Could not load the scorecard"
        error={scorecard.error}
        onRetry={() => void scorecard.refetch()}
      />
    );
  }
  const data = scorecard.data;
  return (
    <Stack gap="lg">
      <div>
        <Group gap="sm" align="center">
          <Title order={1} size="h2">
            {data.name}
          </Title>
          {data.isDefault && (
            <Badge variant="light" color="indigo" size="lg">
              Default
            </Badge>
          )}
          <Badge variant="outline" color="gray" size="lg" data-testid="scorecard-version">
            Version {data.version}
          </Badge>
        </Group>
        <Text c="dimmed" size="sm">
          {describeCriteria(data.criteria, data.isDefault)} · scores {data.accounts.toLocaleString()}{' '}
          {data.accounts === 1 ? 'account' : 'accounts'} · saved {formatDate(data.updatedAt)}
        </Text>
      </div>
      {canManage ? (
        <ScorecardEditor
          // A new version (saved here or elsewhere) starts a fresh form from it.
          key={`${data.id}@${data.version}@${data.updatedAt}`}
          scorecard={data}
          initialDraft={draftFromScorecard(data)}
          isDefault={data.isDefault}
          onReload={() => void scorecard.refetch()}
        />
      ) : (
        <>
          <Alert color="gray" variant="light" title="Read only">
            Only managers and admins edit scorecards.
          </Alert>
          <ScorecardReadOnly scorecard={data} />
        </>
      )}
    </Stack>
  );
}

/** A scorecard's editor (/health/scorecards/:id) or a new one (/health/scorecards/new); read-only for CSMs and viewers. */
export function ScorecardEditorPage() {
  const { id } = useParams();
  return (
    <Stack gap="md">
      <BackToScorecards />
      {id === undefined || id === 'new' ? <NewScorecard /> : <ExistingScorecard id={id} />}
    </Stack>
  );
}
