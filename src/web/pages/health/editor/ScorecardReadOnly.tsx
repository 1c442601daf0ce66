import { Code, Grid, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';
import type { ScorecardDto } from '../../../../shared/api/health.contract';
import { useScorecardPreview } from '../../../api/health-api';
import { HealthBandBadge } from '../../../components/HealthBandBadge';
import {
  describeCriteria,
  describeInput,
  describeScheme,
  formatNumber,
  measureShares,
} from '../../../format/health';
import { formatPercent } from '../../../format/metric-values';
import { bandRange } from '../BandCards';
import classes from '../HealthPage.module.css';
import { PreviewPanel } from './PreviewPanel';
import { draftFromScorecard } from './scorecard-draft';
import { VersionHistory } from './VersionHistory';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * A scorecard for those who may not edit it (CSMs, viewers): what it applies to, each measure in
 * words, the groups and bands, what it scores today and its versions.
 */
export function ScorecardReadOnly({ scorecard }: { scorecard: ScorecardDto }) {
  const { definition } = scorecard;
  const shares = measureShares(definition);
  const groupName = new Map(definition.groups.map((group) => [group.id, group.name]));
  const bands = definition.bands.map((band) => ({ name: band.name }));
  const [draft] = useState(() => draftFromScorecard(scorecard));
  const body = useMemo(
    () => ({
      definition,
      criteria: scorecard.isDefault ? [] : scorecard.criteria,
      scorecardId: scorecard.id,
    }),
    [definition, scorecard],
  );
  const preview = useScorecardPreview(body);
  const names = new Map(definition.measures.map((measure) => [measure.id, measure.name]));
  const groupShare = (id: string) =>
    definition.measures
      .filter((measure) => measure.groupId === id)
      .reduce((sum, measure) => sum + (shares[measure.id] ?? 0), 0);

  return (
    <Stack gap="lg">
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Section title="Applies to">
              <Text size="sm">{describeCriteria(scorecard.criteria, scorecard.isDefault)}.</Text>
            </Section>
            <Section title={`Measures (${definition.measures.length})`}>
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing={8} className={classes.numbers} aria-label="Measures">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Measure</Table.Th>
                      <Table.Th ta="right">Share</Table.Th>
                      <Table.Th>Input</Table.Th>
                      <Table.Th>Scoring</Table.Th>
                      <Table.Th>When missing</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {definition.measures.map((measure) => (
                      <Table.Tr key={measure.id} data-testid="read-only-measure">
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {measure.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {measure.groupId ? `${groupName.get(measure.groupId) ?? measure.groupId} · ` : ''}
                            weight {formatNumber(measure.weight)} · <Code fz="xs">{measure.id}</Code>
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right" fw={600}>
                          {formatPercent(shares[measure.id] ?? 0)}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{describeInput(measure.input)}</Text>
                          <Text size="xs" c="dimmed">
                            {measure.windowDays}-day window
                          </Text>
                        </Table.Td>
                        <Table.Td fz="sm">{describeScheme(measure.scheme)}</Table.Td>
                        <Table.Td fz="sm">
                          {measure.missingData === 'exclude'
                            ? 'Left out'
                            : `Scores ${formatNumber(measure.missingData.default)}`}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Section>
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Section title="Groups">
                  {definition.groups.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      No groups: each measure counts on its own.
                    </Text>
                  ) : (
                    <Table verticalSpacing={6} className={classes.numbers} aria-label="Groups">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>Group</Table.Th>
                          <Table.Th ta="right">Weight</Table.Th>
                          <Table.Th ta="right">Share</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {definition.groups.map((group) => (
                          <Table.Tr key={group.id}>
                            <Table.Td fz="sm">{group.name}</Table.Td>
                            <Table.Td ta="right" fz="sm">
                              {formatNumber(group.weight)}
                            </Table.Td>
                            <Table.Td ta="right" fz="sm">
                              {formatPercent(groupShare(group.id))}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  )}
                </Section>
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Section title="Bands">
                  <Table verticalSpacing={6} className={classes.numbers} aria-label="Bands">
                    <Table.Tbody>
                      {definition.bands.map((band, index) => (
                        <Table.Tr key={band.name}>
                          <Table.Td>
                            <HealthBandBadge band={band.name} bands={bands} />
                          </Table.Td>
                          <Table.Td ta="right" fz="sm">
                            {bandRange(band, index)}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Section>
              </Grid.Col>
            </Grid>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <PreviewPanel
            draft={draft}
            localProblems={[]}
            serverProblems={[]}
            preview={preview}
            names={names}
            savedOnly
          />
        </Grid.Col>
      </Grid>
      <VersionHistory scorecard={scorecard} />
    </Stack>
  );
}
