import { Alert, Anchor, Button, List, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { MetricsOverview } from '../../../shared/api/metrics.contract';
import { IconAlert } from '../../components/icons';
import { formatMonth } from '../../format/metric-values';

type Warning = MetricsOverview['warnings'][number];

const kindLabels: Record<Warning['kind'], string> = {
  'missing-exchange-rate': 'Missing exchange rate',
  'overlapping-subscriptions': 'Overlapping subscriptions',
  'stale-facts': 'Figures out of date',
};

const COLLAPSED_COUNT = 6;

function WarningItem({ warning }: { warning: Warning }) {
  const context = [
    warning.accountId && warning.accountName ? null : warning.accountName,
    warning.month ? formatMonth(warning.month) : null,
    warning.currency,
  ].filter(Boolean);
  return (
    <List.Item>
      <Text span size="sm" fw={600}>
        {kindLabels[warning.kind]}
      </Text>
      {warning.accountId && warning.accountName && (
        <>
          {' · '}
          <Anchor component={Link} to={`/accounts/${warning.accountId}`} size="sm">
            {warning.accountName}
          </Anchor>
        </>
      )}
      {context.length > 0 && (
        <Text span size="sm" c="dimmed">
          {' · '}
          {context.join(' · ')}
        </Text>
      )}
      <Text size="sm">{warning.message}</Text>
    </List.Item>
  );
}

/** Every data-quality warning of the period, in plain view: these are figures that may be wrong. */
export function DataQualityWarnings({ warnings }: { warnings: Warning[] }) {
  const [expanded, setExpanded] = useState(false);
  if (warnings.length === 0) return null;
  const shown = expanded ? warnings : warnings.slice(0, COLLAPSED_COUNT);
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlert size={20} />}
      title={`${warnings.length.toLocaleString()} data-quality ${warnings.length === 1 ? 'warning' : 'warnings'}: some figures below may be incomplete`}
      role="alert"
    >
      <List spacing={6} mt={4}>
        {shown.map((warning, index) => (
          <WarningItem
            key={`${warning.kind}-${warning.accountId ?? ''}-${warning.month ?? ''}-${warning.currency ?? ''}-${index}`}
            warning={warning}
          />
        ))}
      </List>
      {warnings.length > COLLAPSED_COUNT && (
        <Button
          variant="subtle"
          color="orange"
          size="compact-sm"
          mt="sm"
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded ? 'Show fewer' : `Show all ${warnings.length.toLocaleString()} warnings`}
        </Button>
      )}
    </Alert>
  );
}
