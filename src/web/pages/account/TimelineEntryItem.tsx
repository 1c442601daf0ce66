import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TimelineEntry } from '../../../shared/api/account-timeline.contract';
import { formatDateTime } from '../../format/dates';
import { humanize } from '../../format/labels';
import { formatMonthLong, formatSignedMoney, formatWholeMoney } from '../../format/metric-values';
import { activityKindLabels } from '../../format/labels';
import { describeHealthChange, movementLabels } from './account-format';
import {
  IconCheck,
  IconCoin,
  IconMail,
  IconMessage,
  IconNote,
  IconPhone,
  IconPresentation,
  IconPulse,
  IconSchool,
  IconTicket,
  IconUsers,
} from './timeline-icons';

type ActivityKind = Extract<TimelineEntry, { kind: 'activity' }>['activity']['kind'];

const activityIcons: Record<ActivityKind, ReactNode> = {
  call: <IconPhone />,
  meeting: <IconUsers />,
  email: <IconMail />,
  note: <IconNote />,
  ebr: <IconPresentation />,
  qbr: <IconPresentation />,
  training: <IconSchool />,
};

const surveyLabels = { nps: 'NPS', csat: 'CSAT', ces: 'CES', custom: 'Survey' } as const;
const surveyScales = { nps: ' / 10', csat: ' / 5', ces: ' / 7', custom: '' } as const;

/** The bullet icon and its colour of an entry. */
export function entryLook(entry: TimelineEntry): { icon: ReactNode; color: string } {
  switch (entry.kind) {
    case 'activity':
      return { icon: activityIcons[entry.activity.kind], color: 'blue' };
    case 'ticket':
      return entry.ticket.event === 'resolved'
        ? { icon: <IconCheck />, color: 'teal' }
        : { icon: <IconTicket />, color: entry.ticket.escalated ? 'red' : 'orange' };
    case 'survey':
      return { icon: <IconMessage />, color: 'grape' };
    case 'health': {
      const down = (entry.health.change ?? 0) < 0;
      return {
        icon: <IconPulse />,
        color: entry.health.previousScore === null ? 'gray' : down ? 'red' : 'teal',
      };
    }
    case 'revenue': {
      const up = entry.revenue.change.amountMinor >= 0;
      return { icon: <IconCoin />, color: up ? 'teal' : 'red' };
    }
  }
}

function Meta({ at, who, whenText }: { at: string; who?: string | null; whenText?: string }) {
  return (
    <Text size="xs" c="dimmed">
      <time dateTime={at}>{whenText ?? formatDateTime(at)}</time>
      {who ? ` · ${who}` : ''}
    </Text>
  );
}

function TabLink({ tab, children }: { tab: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={{ search: `?tab=${tab}` }} size="xs">
      {children}
    </Anchor>
  );
}

/** One timeline entry: what happened, when, who, the details that matter, and where to read more. */
export function TimelineEntryItem({ entry }: { entry: TimelineEntry }) {
  switch (entry.kind) {
    case 'activity': {
      const { activity } = entry;
      return (
        <Stack gap={2}>
          <Group gap="xs">
            <Badge variant="light" color="blue" size="sm">
              {activityKindLabels[activity.kind]}
            </Badge>
            <Text fw={600} size="sm">
              {activity.subject}
            </Text>
          </Group>
          <Meta at={entry.at} who={activity.user?.name} />
          {activity.body && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {activity.body}
            </Text>
          )}
          {activity.outcome && (
            <Text size="sm" c="dimmed">
              Outcome: {activity.outcome}
            </Text>
          )}
        </Stack>
      );
    }
    case 'ticket': {
      const { ticket } = entry;
      return (
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              Ticket {ticket.event}: {ticket.subject}
            </Text>
            {ticket.escalated && (
              <Badge color="red" variant="outline" size="xs">
                Escalated
              </Badge>
            )}
          </Group>
          <Meta at={entry.at} who={ticket.requesterEmail} />
          <Group gap="md">
            <Text size="xs" c="dimmed">
              {humanize(ticket.priority)} priority · status {humanize(ticket.status).toLowerCase()}
              {ticket.event === 'resolved' && ticket.csatScore !== null
                ? ` · CSAT ${ticket.csatScore} / 5`
                : ''}
            </Text>
            <TabLink tab="support">See support</TabLink>
          </Group>
        </Stack>
      );
    }
    case 'survey': {
      const { survey } = entry;
      return (
        <Stack gap={2}>
          <Text fw={600} size="sm">
            {surveyLabels[survey.surveyKind]} answer: {survey.score}
            {surveyScales[survey.surveyKind]}
            {survey.surveyName ? ` · ${survey.surveyName}` : ''}
          </Text>
          <Meta at={entry.at} who={survey.contact?.name} />
          {survey.comment && (
            <Text size="sm" fs="italic">
              “{survey.comment}”
            </Text>
          )}
          {survey.contact && <TabLink tab="contacts">See contacts</TabLink>}
        </Stack>
      );
    }
    case 'health':
      return (
        <Stack gap={2}>
          <Text fw={600} size="sm">
            {describeHealthChange(entry.health)}
          </Text>
          <Meta at={entry.at} who="Health scoring" />
          <TabLink tab="overview">See health</TabLink>
        </Stack>
      );
    case 'revenue': {
      const { revenue } = entry;
      const { currency } = revenue.mrr;
      return (
        <Stack gap={2}>
          <Text fw={600} size="sm">
            {movementLabels[revenue.movement]}: {formatSignedMoney(revenue.change.amountMinor, currency)} MRR
          </Text>
          <Meta at={entry.at} whenText={formatMonthLong(revenue.month)} who="Subscriptions" />
          <Group gap="md">
            <Text size="xs" c="dimmed">
              {formatWholeMoney(revenue.previousMrr.amountMinor, currency)} →{' '}
              {formatWholeMoney(revenue.mrr.amountMinor, currency)} at month end
            </Text>
            <TabLink tab="revenue">See revenue</TabLink>
          </Group>
        </Stack>
      );
    }
  }
}
