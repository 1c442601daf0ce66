import { Badge } from '@mantine/core';
import type { WebhookDeliveryStatus } from '../../../api/webhooks-api';
import { deliveryStatusColors, deliveryStatusLabels } from './webhook-events';

export function DeliveryStatusBadge({ status }: { status: WebhookDeliveryStatus }) {
  return (
    <Badge color={deliveryStatusColors[status]} variant="light" data-testid="delivery-status">
      {deliveryStatusLabels[status]}
    </Badge>
  );
}
