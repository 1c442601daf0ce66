import type { webhookFormats } from '../../../shared/api/enums';

export interface WebhookEvent {
  eventId: string;
  eventType: string;
  createdAt: Date;
  data: Record<string, unknown>;
}

type Json = Record<string, unknown>;
const accountName = (data: Json) => String((data.account as Json | undefined)?.name ?? 'An account');

/** One line a person reads in Slack, per event type. */
export function describeWebhookEvent(event: WebhookEvent): string {
  const data = event.data;
  switch (event.eventType) {
    case 'account.health_band_changed':
      return `${accountName(data)}: health moved from ${String(data.previousBand)} to ${String(data.band)} (score ${String(data.score)}).`;
    case 'account.churned':
      return `${accountName(data)} churned.`;
    case 'account.stage_changed':
      return `${accountName(data)} moved from stage ${String(data.previousStage ?? 'none')} to ${String(data.stage ?? 'none')}.`;
    case 'survey.response_received': {
      const response = (data.response ?? {}) as Json;
      const comment =
        typeof response.comment === 'string' && response.comment !== '' ? ` — "${response.comment}"` : '';
      return `${accountName(data)} answered ${String(response.kind).toUpperCase()} with ${String(response.score)}${comment}.`;
    }
    case 'import.completed': {
      const run = (data.import ?? {}) as Json;
      return `Import of ${String(run.kind)} from ${String(run.source)} completed: ${String(run.inserted)} new, ${String(run.updated)} updated, ${String(run.rejected)} rejected.`;
    }
    case 'webhook.test':
      return 'Test event from Cycle: this webhook works.';
    default:
      return `Cycle event ${event.eventType}.`;
  }
}

/**
 * The request body for a subscription's format: `json` is Cycle's envelope
 * `{ id, type, createdAt, data }`; `slack` is `{ text }` for a Slack incoming webhook.
 */
export function webhookBody(event: WebhookEvent, format: (typeof webhookFormats)[number]): string {
  if (format === 'slack') return JSON.stringify({ text: describeWebhookEvent(event) });
  return JSON.stringify({
    id: event.eventId,
    type: event.eventType,
    createdAt: event.createdAt.toISOString(),
    data: event.data,
  });
}
