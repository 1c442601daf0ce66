import { Badge, type BadgeProps } from '@mantine/core';
import type { AccountStatus } from '../../shared/api/enums';
import { accountStatusColors, accountStatusLabels, humanize } from '../format/labels';

function isKnownStatus(status: string): status is AccountStatus {
  return status in accountStatusLabels;
}

/** The account status as a coloured badge; an unknown status still shows, in grey. */
export function AccountStatusBadge({ status, ...props }: { status: string } & BadgeProps) {
  const known = isKnownStatus(status);
  return (
    <Badge color={known ? accountStatusColors[status] : 'gray'} variant="light" {...props}>
      {known ? accountStatusLabels[status] : humanize(status)}
    </Badge>
  );
}
