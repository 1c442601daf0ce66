import type { WebhookDeliveryStatus, WebhookEventType, WebhookFormat } from '../../../api/webhooks-api';

/** When each event is sent, in one line (docs/webhooks.md has the payloads). */
export const webhookEventDescriptions: Record<WebhookEventType, string> = {
  'account.health_band_changed': 'A rescore moves an account to another health band (not its first score)',
  'account.churned': "An account's status changes to churned (API, import or CLI)",
  'account.stage_changed': "An account's lifecycle stage changes",
  'survey.response_received': 'A survey answer is stored (import or API)',
  'import.completed': 'An import run completes',
};

export const webhookFormatLabels: Record<WebhookFormat, string> = {
  json: 'JSON',
  slack: 'Slack',
};

export const webhookFormatDescriptions: Record<WebhookFormat, string> = {
  json: "Cycle's signed JSON event, for your own endpoint or an automation tool",
  slack: 'A one-line message for a Slack incoming-webhook URL',
};

export const deliveryStatusLabels: Record<WebhookDeliveryStatus, string> = {
  pending: 'Pending',
  succeeded: 'Succeeded',
  failed: 'Failed',
};

export const deliveryStatusColors: Record<WebhookDeliveryStatus, string> = {
  pending: 'yellow',
  succeeded: 'teal',
  failed: 'red',
};
