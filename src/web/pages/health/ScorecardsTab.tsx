import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCanManageHealth, useScorecards } from '../../api/health-api';
import { ErrorState } from '../../components/ErrorState';
import { Notice } from '../../components/Notice';
import { formatDate } from '../../format/dates';
import { describeCriteria } from '../../format/health';
import classes from './HealthPage.module.css';

/** The scorecards in assignment order (the default last): which accounts each scores, its version and measures. */
export function ScorecardsTab() {
  const scorecards = useScorecards();
  const canManage = useCanManageHealth();

  if (scorecards.isPending) return <Skeleton height={200} aria-label="Loading scorecards" />;
  if (scorecards.isError)
    return (
      <ErrorState
        title="Could not load the scorecards"
        error={scorecards.error}
        onRetry={() => void scorecards.refetch()}
      />
    );
  const items = scorecards.data.items;

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" maw={720}>
          Each account is scored by the first scorecard whose criteria it meets, in this order; the default
          scorecard scores the rest. Editing a scorecard makes a new version, and past scores keep the version
          they were computed with.
        </Text>
        {canManage && (
          <Button component={Link} to="/health/scorecards/new">
            New scorecard
          </Button>
        )}
      </Group>
      {items.length === 0 ? (
        <Paper withBorder>
          <Notice
            py={48}
            title="No scorecards yet"
            description={
              canManage
                ? 'The first scorecard you create becomes the default and scores every active and onboarding account.'
                : 'A manager or an admin creates the first scorecard.'
            }
          />
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={760}>
            <Table
              verticalSpacing="sm"
              horizontalSpacing="md"
              className={classes.numbers}
              aria-label="Scorecards"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Scorecard</Table.Th>
                  <Table.Th>Applies to</Table.Th>
                  <Table.Th ta="right">Measures</Table.Th>
                  <Table.Th>Version</Table.Th>
                  <Table.Th ta="right">Accounts</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((scorecard) => (
                  <Table.Tr key={scorecard.id} data-testid="scorecard-row">
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Anchor component={Link} to={`/health/scorecards/${scorecard.id}`} fw={600} size="sm">
                          {scorecard.name}
                        </Anchor>
                        {scorecard.isDefault && (
                          <Badge size="sm" variant="light" color="indigo">
                            Default
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{describeCriteria(scorecard.criteria, scorecard.isDefault)}</Text>
                    </Table.Td>
                    <Table.Td ta="right">{scorecard.definition.measures.length}</Table.Td>
                    <Table.Td>
                      <Text size="sm">v{scorecard.version}</Text>
                      <Text size="xs" c="dimmed">
                        {formatDate(scorecard.updatedAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{scorecard.accounts.toLocaleString()}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
