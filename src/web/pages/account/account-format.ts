import type { TimelineEntry, TimelineKind } from '../../../shared/api/account-timeline.contract';
import { formatScore } from '../../format/health';
import { userLocale } from '../../format/money';

/** The timeline kinds in chip order (the contract's list, repeated here so zod stays out of the bundle). */
export const timelineKindOrder: readonly TimelineKind[] = [
  'activity',
  'ticket',
  'survey',
  'health',
  'revenue',
];

export const timelineKindLabels: Record<TimelineKind, string> = {
  activity: 'Activities',
  ticket: 'Tickets',
  survey: 'Surveys',
  health: 'Health',
  revenue: 'Revenue',
};

type Movement = Extract<TimelineEntry, { kind: 'revenue' }>['revenue']['movement'];

export const movementLabels: Record<Movement | 'none', string> = {
  new: 'New',
  expansion: 'Expansion',
  contraction: 'Contraction',
  churn: 'Churn',
  reactivation: 'Reactivation',
  none: 'No change',
};

/** Gains in greens and blue, losses in orange and red (the metrics page's colours). */
export const movementColors: Record<Movement | 'none', string> = {
  new: 'teal.7',
  expansion: 'teal.4',
  reactivation: 'cyan.5',
  contraction: 'orange.5',
  churn: 'red.6',
  none: 'indigo.3',
};

/** Whole days in words: "1 day", "12 days". */
export function formatDays(days: number): string {
  return `${days.toLocaleString(userLocale())} ${days === 1 ? 'day' : 'days'}`;
}

/**
 * A lifecycle stage as stored ("adoption", "value_realisation", "Renewal") in title case:
 * "Adoption", "Value Realisation", "Renewal"; letters already capital stay so ("EBR prep" → "EBR Prep").
 */
export function formatStage(stage: string | null): string {
  if (!stage || !stage.trim()) return '—';
  return stage
    .replace(/[_-]+/g, ' ')
    .trim()
    .split(/\s+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * The `kinds` URL value of the timeline filter: absent means every kind, "none" means none chosen,
 * otherwise a comma list; unknown names are dropped. Returned in chip order.
 */
export function parseTimelineKinds(value: string | null): TimelineKind[] {
  if (value === null) return [...timelineKindOrder];
  const chosen = new Set(value.split(','));
  return timelineKindOrder.filter((kind) => chosen.has(kind));
}

/** The inverse of parseTimelineKinds: null (leave it out of the URL) when every kind is chosen. */
export function serializeTimelineKinds(kinds: readonly string[]): string | null {
  const chosen = timelineKindOrder.filter((kind) => kinds.includes(kind));
  if (chosen.length === timelineKindOrder.length) return null;
  return chosen.length === 0 ? 'none' : chosen.join(',');
}

/**
 * A health entry in words: "First score: 70.00 (Yellow)", "Yellow → Green, 72.00 → 76.50 (+4.50)",
 * "83.00 → 60.00 (−23.00)" when the band did not change… or did.
 */
export function describeHealthChange(
  health: Extract<TimelineEntry, { kind: 'health' }>['health'],
  locale: string = userLocale(),
): string {
  const score = formatScore(health.score, locale);
  const band = health.band ? ` (${health.band})` : '';
  if (health.previousScore === null) return `First health score: ${score}${band}`;
  const change = health.change ?? 0;
  const points = `${change > 0 ? '+' : change < 0 ? '−' : ''}${formatScore(Math.abs(change), locale)}`;
  const scores = `${formatScore(health.previousScore, locale)} → ${score} (${points})`;
  if (health.band !== health.previousBand)
    return `Band ${health.previousBand ?? 'none'} → ${health.band ?? 'none'}, ${scores}`;
  return `Score ${change >= 0 ? 'rose' : 'fell'} ${scores}`;
}

/** Hours with at most one decimal, e.g. 8 → "8 h", 36.25 → "36.3 h"; null → "—". */
export function formatHours(hours: number | null, locale: string = userLocale()): string {
  if (hours === null) return '—';
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(hours)} h`;
}

/** A CSAT mean on its 1–5 scale with two decimals, e.g. 4 → "4.00 / 5"; null → "—". */
export function formatCsat(average: number | null, locale: string = userLocale()): string {
  if (average === null) return '—';
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(average)} / 5`;
}

/** Roles that decide renewals come first, so champions and exec sponsors are seen at a glance. */
const rolePriority = ['exec_sponsor', 'champion', 'decision_maker', 'power_user', 'billing', 'user'] as const;

/** Contacts sorted by their most important role (exec sponsor, champion, decision maker, …), then advocates, then name. */
export function sortContactsByRole<T extends { name: string; roles: readonly string[]; isAdvocate: boolean }>(
  contacts: readonly T[],
): T[] {
  const rank = (contact: T) => {
    const ranks = contact.roles
      .map((role) => rolePriority.indexOf(role as (typeof rolePriority)[number]))
      .filter((index) => index >= 0);
    return ranks.length === 0 ? rolePriority.length : Math.min(...ranks);
  };
  return [...contacts].sort(
    (a, b) =>
      rank(a) - rank(b) || Number(b.isAdvocate) - Number(a.isAdvocate) || a.name.localeCompare(b.name),
  );
}
