import { Alert, Button, Grid, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ScorecardDto } from '../../../../shared/api/health.contract';
import { ApiError, errorMessage } from '../../../api/api-client';
import { type PreviewBody, useSaveScorecard, useScorecardPreview } from '../../../api/health-api';
import { IconAlert } from '../../../components/icons';
import { formatDuration, measureShares } from '../../../format/health';
import { BandsEditor } from './BandsEditor';
import { CriteriaEditor } from './CriteriaEditor';
import { GroupsEditor } from './GroupsEditor';
import { MeasureCard } from './MeasureCard';
import { PreviewPanel } from './PreviewPanel';
import { problemLookup, problemPath } from './draft-problems';
import { draftToRequest } from './draft-to-request';
import {
  type DraftProblem,
  groupIds,
  measureIds,
  newMeasureDraft,
  type ScorecardDraft,
} from './scorecard-draft';
import classes from './ScorecardEditor.module.css';
import { VersionHistory } from './VersionHistory';

function EditorSection({ title, children, label }: { title: ReactNode; children: ReactNode; label: string }) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={label}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function problemsOf(error: unknown): DraftProblem[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  return error.errors.map((item) => ({ field: problemPath(item.field), message: item.message }));
}

interface ScorecardEditorProps {
  /** The scorecard being edited, or null for a new one. */
  scorecard: ScorecardDto | null;
  initialDraft: ScorecardDraft;
  /** Whether it is (or, new, will be) the default scorecard, which takes no criteria. */
  isDefault: boolean;
  /** Fetches the scorecard again (after someone else saved it). */
  onReload: () => void;
}

/**
 * The scorecard form with a live preview: every change is sent (after a 400 ms pause) to the preview
 * endpoint, which scores the accounts without saving; its problems show beside the form. Saving an
 * edit makes a new version, refused (409) when someone saved since this form was opened.
 */
export function ScorecardEditor({ scorecard, initialDraft, isDefault, onReload }: ScorecardEditorProps) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState(initialDraft);
  const [note, setNote] = useState('');
  const save = useSaveScorecard();

  const request = useMemo(() => draftToRequest(draft, { isDefault }), [draft, isDefault]);
  const initialRequest = useMemo(
    () => JSON.stringify({ name: initialDraft.name.trim(), ...draftToRequest(initialDraft, { isDefault }) }),
    [initialDraft, isDefault],
  );
  const dirty = JSON.stringify({ name: draft.name.trim(), ...request }) !== initialRequest;
  const definitionChanged =
    scorecard !== null && JSON.stringify(request.definition) !== JSON.stringify(scorecard.definition);

  const previewBody = useMemo<PreviewBody | null>(
    () =>
      request.problems.length > 0
        ? null
        : {
            definition: request.definition,
            criteria: request.criteria,
            ...(scorecard ? { scorecardId: scorecard.id } : {}),
          },
    [request, scorecard],
  );
  const [debouncedBody] = useDebouncedValue(previewBody, 400);
  const preview = useScorecardPreview(request.problems.length > 0 ? null : debouncedBody);

  const serverProblems = problemsOf(preview.error);
  const saveProblems = problemsOf(save.error);
  const errorAt = problemLookup([...request.problems, ...serverProblems, ...saveProblems]);
  const ids = measureIds(draft);
  const shares = request.problems.length === 0 ? measureShares(request.definition) : null;
  const names = new Map(request.definition.measures.map((measure) => [measure.id, measure.name]));
  const measureCounts = new Map<string, number>();
  for (const measure of draft.measures)
    if (measure.groupKey) measureCounts.set(measure.groupKey, (measureCounts.get(measure.groupKey) ?? 0) + 1);

  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const canSave = request.problems.length === 0 && draft.name.trim() !== '' && (scorecard === null || dirty);

  const onSave = () => {
    const trimmedNote = note.trim() || undefined;
    if (scorecard) {
      save.mutate(
        {
          id: scorecard.id,
          body: {
            name: draft.name.trim(),
            ...(isDefault ? {} : { criteria: request.criteria }),
            definition: request.definition,
            note: trimmedNote,
            baseVersion: scorecard.version,
          },
        },
        {
          onSuccess: (saved) =>
            notifications.show({
              color: 'teal',
              title:
                saved.scorecard.version > scorecard.version
                  ? `Saved as version ${saved.scorecard.version}`
                  : 'Saved',
              message: `${saved.recompute.accounts.toLocaleString()} accounts rescored ${formatDuration(saved.recompute.seconds)}.`,
            }),
        },
      );
      return;
    }
    save.mutate(
      {
        body: {
          name: draft.name.trim(),
          criteria: request.criteria,
          definition: request.definition,
          note: trimmedNote,
        },
      },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            title: `${saved.scorecard.name} created`,
            message: `${saved.recompute.accounts.toLocaleString()} accounts scored ${formatDuration(saved.recompute.seconds)}.`,
          });
          navigate(`/health/scorecards/${saved.scorecard.id}`, { replace: true });
        },
      },
    );
  };

  const update = (patch: Partial<ScorecardDraft>) => setDraft((current) => ({ ...current, ...patch }));

  return (
    <Grid gap="lg" align="flex-start">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="lg">
          <EditorSection title="Scorecard" label="Scorecard">
            <Stack gap="md">
              <TextInput
                label="Name"
                required
                maxLength={120}
                w={{ base: '100%', sm: 420 }}
                placeholder="e.g. Enterprise health"
                value={draft.name}
                onChange={(event) => update({ name: event.currentTarget.value })}
                error={errorAt('name')}
              />
              {isDefault ? (
                <Text size="sm" c="dimmed">
                  {scorecard
                    ? 'The default scorecard scores every active and onboarding account no other scorecard claims, so it has no criteria.'
                    : 'This first scorecard becomes the default: it scores every active and onboarding account.'}
                </Text>
              ) : (
                <div>
                  <Text size="sm" fw={500} mb={4}>
                    Applies to
                  </Text>
                  <CriteriaEditor
                    criteria={draft.criteria}
                    onChange={(criteria) => update({ criteria })}
                    errorAt={errorAt}
                  />
                </div>
              )}
            </Stack>
          </EditorSection>

          <EditorSection title="Groups" label="Groups">
            <GroupsEditor
              groups={draft.groups}
              ids={groupIds(draft)}
              measureCounts={measureCounts}
              onChange={(groups) =>
                setDraft((current) => {
                  const kept = new Set(groups.map((group) => group.key));
                  // Measures of a removed group become ungrouped.
                  const measures = current.measures.map((measure) =>
                    measure.groupKey && !kept.has(measure.groupKey)
                      ? { ...measure, groupKey: null }
                      : measure,
                  );
                  return { ...current, groups, measures };
                })
              }
              errorAt={errorAt}
            />
          </EditorSection>

          <EditorSection title={`Measures (${draft.measures.length})`} label="Measures">
            <Stack gap="md">
              {errorAt('measures') && (
                <Text size="sm" c="red">
                  {errorAt('measures')}
                </Text>
              )}
              {draft.measures.map((measure, index) => (
                <MeasureCard
                  key={measure.key}
                  measure={measure}
                  index={index}
                  id={ids[index]!}
                  share={shares ? (shares[ids[index]!] ?? 0) : null}
                  groups={draft.groups}
                  onChange={(next) =>
                    setDraft((current) => ({
                      ...current,
                      measures: current.measures.map((candidate) =>
                        candidate.key === next.key ? next : candidate,
                      ),
                    }))
                  }
                  onRemove={
                    draft.measures.length > 1
                      ? () =>
                          setDraft((current) => ({
                            ...current,
                            measures: current.measures.filter((candidate) => candidate.key !== measure.key),
                          }))
                      : undefined
                  }
                  errorAt={errorAt}
                />
              ))}
              <div>
                <Button
                  variant="light"
                  onClick={() =>
                    setDraft((current) => ({
                      ...current,
                      measures: [...current.measures, newMeasureDraft(current.groups[0]?.key ?? null)],
                    }))
                  }
                >
                  Add measure
                </Button>
              </div>
            </Stack>
          </EditorSection>

          <EditorSection title="Bands" label="Bands">
            <BandsEditor bands={draft.bands} onChange={(bands) => update({ bands })} errorAt={errorAt} />
          </EditorSection>
        </Stack>
      </Grid.Col>

      <Grid.Col span={{ base: 12, lg: 5 }} className={classes.sideColumn}>
        <Stack gap="lg">
          <Paper withBorder p="lg" component="section" aria-label="Save">
            <Stack gap="sm">
              {conflict && (
                <Alert
                  color="orange"
                  variant="light"
                  icon={<IconAlert />}
                  title="Someone saved this scorecard meanwhile"
                  role="alert"
                >
                  <Text size="sm">{errorMessage(save.error)}</Text>
                  <Button size="compact-sm" variant="light" color="orange" mt="xs" onClick={onReload}>
                    Reload the saved version (your changes here are dropped)
                  </Button>
                </Alert>
              )}
              {save.isError && !conflict && (
                <Alert color="red" variant="light" icon={<IconAlert />} title="Not saved" role="alert">
                  {errorMessage(save.error)}
                </Alert>
              )}
              <Group align="flex-end" gap="sm" wrap="nowrap">
                <TextInput
                  label="Note for this version"
                  placeholder="Why, e.g. Support matters more for Enterprise"
                  maxLength={500}
                  value={note}
                  onChange={(event) => setNote(event.currentTarget.value)}
                  style={{ flex: 1 }}
                />
                <Button
                  onClick={onSave}
                  loading={save.isPending}
                  disabled={!canSave || conflict}
                  style={{ flex: 'none' }}
                >
                  {scorecard === null
                    ? 'Create scorecard'
                    : definitionChanged
                      ? `Save as version ${scorecard.version + 1}`
                      : 'Save'}
                </Button>
              </Group>
              <Text size="xs" c={dirty ? 'orange.8' : 'dimmed'} data-testid="save-state">
                {scorecard === null
                  ? 'Not saved yet'
                  : dirty
                    ? 'Unsaved changes'
                    : `No changes to version ${scorecard.version}`}
              </Text>
            </Stack>
          </Paper>
          <PreviewPanel
            draft={draft}
            localProblems={request.problems}
            serverProblems={[...serverProblems, ...saveProblems]}
            preview={preview}
            names={names}
          />
        </Stack>
      </Grid.Col>
      {scorecard && (
        <Grid.Col span={12}>
          <VersionHistory scorecard={scorecard} />
        </Grid.Col>
      )}
    </Grid>
  );
}
