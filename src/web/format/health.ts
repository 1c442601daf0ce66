import type {
  AssignmentCriterion,
  MeasureDto,
  MeasureInput,
  MeasureInputKind,
  SentimentLabel,
} from '../../shared/api/health.contract';
import { humanize } from './labels';
import { userLocale } from './money';

type MeasureScheme = MeasureDto['scheme'];

/** A 0–100 score with exactly two decimals, as the server rounds it: 72.5 → "72.50". */
export function formatScore(score: number, locale: string = userLocale()): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(score);
}

/** A change in points with its sign and a real minus: 3.2 → "+3.20", −1.05 → "−1.05", 0 → "0.00". */
export function formatPoints(points: number, locale: string = userLocale()): string {
  const rounded = Math.round(points * 100) / 100;
  const text = formatScore(Math.abs(rounded), locale);
  if (rounded > 0) return `+${text}`;
  if (rounded < 0) return `−${text}`;
  return text;
}

/** A plain number with at most `digits` decimals, e.g. 42.456 → "42.46", 3 → "3". */
export function formatNumber(value: number, digits = 2, locale: string = userLocale()): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value).replace('-', '−');
}

/**
 * The Mantine colour of a band by its position: the first (worst) band red, the last green and the
 * ones between through orange, yellow and lime, so three bands read red, yellow, green.
 */
export function bandColor(index: number, count: number): string {
  const palette = ['red', 'orange', 'yellow', 'lime', 'green'] as const;
  if (count <= 1 || index < 0) return 'gray';
  const position = Math.min(1, index / (count - 1));
  return palette[Math.round(position * (palette.length - 1))]!;
}

/** The colour of a band by name among the scorecard's bands (low to high); grey for an unknown band. */
export function bandColorByName(name: string | null, bands: readonly { name: string }[]): string {
  if (name === null) return 'gray';
  return bandColor(
    bands.findIndex((band) => band.name === name),
    bands.length,
  );
}

/** What each input reads, in a few words (the contract's definitions, shortened). */
export const inputKindLabels: Record<MeasureInputKind, string> = {
  active_users: 'Average daily active users',
  events: 'Product events',
  event_count: 'Count of one named event',
  usage_change: 'Change in active users (%)',
  seat_utilisation: 'Seat utilisation (%)',
  open_tickets: 'Open tickets',
  tickets_opened: 'Tickets opened',
  escalations: 'Escalated tickets',
  mean_time_to_close: 'Mean time to close (hours)',
  last_nps: 'Latest NPS answer (0–10)',
  last_csat: 'Latest CSAT answer (1–5)',
  days_since_activity: 'Days since the last touch',
  days_since_ebr: 'Days since the last EBR or QBR',
  mrr_change: 'MRR change (%)',
  sentiment: 'CSM sentiment',
  trait: 'Account trait',
  account_field: 'Account field',
};

/** Inputs whose value does not depend on the window (it is read at the as-of time). */
export const inputsWithoutWindow: readonly MeasureInputKind[] = [
  'open_tickets',
  'days_since_activity',
  'days_since_ebr',
  'sentiment',
  'trait',
  'account_field',
  'mrr_change',
];

/** Inputs that give labels rather than numbers: only a category scheme scores them. */
export const labelInputs: readonly MeasureInputKind[] = ['sentiment', 'account_field'];

export const accountFieldLabels: Record<
  'tier' | 'segment' | 'lifecycle_stage' | 'industry' | 'region' | 'status',
  string
> = {
  tier: 'Tier',
  segment: 'Segment',
  lifecycle_stage: 'Lifecycle stage',
  industry: 'Industry',
  region: 'Region',
  status: 'Status',
};

/** One input in words, with its parameters: `Count of "login" events`, `MRR change over 3 months (%)`. */
export function describeInput(input: MeasureInput): string {
  switch (input.kind) {
    case 'event_count':
      return `Count of "${input.event}" events`;
    case 'mrr_change':
      return `MRR change over ${input.months} ${input.months === 1 ? 'month' : 'months'} (%)`;
    case 'trait':
      return `Trait "${input.key}"`;
    case 'account_field':
      return `Account ${accountFieldLabels[input.field].toLowerCase()}`;
    default:
      return inputKindLabels[input.kind];
  }
}

/** A measure's raw value in its unit: "62.5%", "12 days", "4.5 h", a label as is, "—" when missing. */
export function formatRawValue(
  input: MeasureInput,
  value: number | string | null,
  locale: string = userLocale(),
): string {
  if (value === null) return '—';
  if (typeof value === 'string') return input.kind === 'sentiment' ? humanize(value) : value;
  const number = formatNumber(value, 2, locale);
  switch (input.kind) {
    case 'usage_change':
    case 'seat_utilisation':
    case 'mrr_change':
      return `${number}%`;
    case 'mean_time_to_close':
      return `${number} h`;
    case 'days_since_activity':
    case 'days_since_ebr':
      return `${number} ${value === 1 ? 'day' : 'days'}`;
    default:
      return number;
  }
}

/**
 * A scheme in words, e.g. "10 → 0, 70 → 100, linear between", "below 1 → 100; 1 to 3 → 75; 3 and
 * above → 10" or `"Pro" → 100; any other → 40`.
 */
export function describeScheme(scheme: MeasureScheme, locale: string = userLocale()): string {
  const number = (value: number) => formatNumber(value, 4, locale);
  switch (scheme.kind) {
    case 'linear':
      return `${number(scheme.from.value)} → ${number(scheme.from.score)}, ${number(scheme.to.value)} → ${number(scheme.to.score)}, linear between`;
    case 'ranges':
      return scheme.ranges
        .map((range) => {
          const score = number(range.score);
          if (range.from === null && range.to === null) return `any value → ${score}`;
          if (range.from === null) return `below ${number(range.to!)} → ${score}`;
          if (range.to === null) return `${number(range.from)} and above → ${score}`;
          return `${number(range.from)} to ${number(range.to)} → ${score}`;
        })
        .join('; ');
    case 'category': {
      const labels = Object.entries(scheme.scores).map(([label, score]) => `"${label}" → ${number(score)}`);
      return [...labels, `any other → ${number(scheme.otherScore)}`].join('; ');
    }
  }
}

/** Assignment criteria in words: "Tier is Enterprise or Strategic, and trait "Plan" is Pro". */
export function describeCriteria(criteria: readonly AssignmentCriterion[], isDefault: boolean): string {
  if (isDefault) return 'Every account no other scorecard claims';
  if (criteria.length === 0) return 'No criteria';
  const anyOf = (values: readonly string[]) => {
    if (values.length <= 1) return values[0] ?? '';
    return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
  };
  const sentence = criteria
    .map((criterion) =>
      criterion.kind === 'account_field'
        ? `${accountFieldLabels[criterion.field].toLowerCase()} is ${anyOf(criterion.values)}`
        : `trait "${criterion.key}" is ${anyOf(criterion.values)}`,
    )
    .join(', and ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** The sentiment choices from best to worst (the contract's list, kept here so zod stays out of the bundle). */
export const sentimentOptions: readonly SentimentLabel[] = ['positive', 'neutral', 'negative'];

export const sentimentLabelText: Record<SentimentLabel, string> = {
  positive: 'Positive',
  neutral: 'Neutral',
  negative: 'Negative',
};

export const sentimentColors: Record<SentimentLabel, string> = {
  positive: 'teal',
  neutral: 'gray',
  negative: 'red',
};

/** How long a recompute took, e.g. "in 1.4 s", "in under 0.1 s". */
export function formatDuration(seconds: number, locale: string = userLocale()): string {
  if (seconds < 0.1) return 'in under 0.1 s';
  return `in ${new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(seconds)} s`;
}

/** The Mantine colour of a change: green up, red down, dimmed when flat. */
export function changeColor(change: number): string {
  if (Math.round(change * 100) > 0) return 'teal.7';
  if (Math.round(change * 100) < 0) return 'red.7';
  return 'dimmed';
}

/**
 * Each measure's share of the score when every measure has a value (its effective weight, 0–1):
 * group share × share within the group; an ungrouped measure is a group of its own.
 */
export function measureShares(definition: {
  measures: readonly { id: string; weight: number; groupId?: string | null }[];
  groups: readonly { id: string; weight: number }[];
}): Record<string, number> {
  const groupWeight = new Map(definition.groups.map((group) => [group.id, group.weight]));
  const units = new Map<string, { weight: number; measures: { id: string; weight: number }[] }>();
  for (const measure of definition.measures) {
    const key =
      measure.groupId && groupWeight.has(measure.groupId)
        ? `group:${measure.groupId}`
        : `measure:${measure.id}`;
    const unit = units.get(key) ?? {
      weight: measure.groupId ? (groupWeight.get(measure.groupId) ?? measure.weight) : measure.weight,
      measures: [],
    };
    unit.measures.push(measure);
    units.set(key, unit);
  }
  const totalWeight = [...units.values()].reduce((sum, unit) => sum + unit.weight, 0);
  const shares: Record<string, number> = {};
  for (const unit of units.values()) {
    const inUnit = unit.measures.reduce((sum, measure) => sum + measure.weight, 0);
    for (const measure of unit.measures)
      shares[measure.id] =
        totalWeight > 0 && inUnit > 0 ? (unit.weight / totalWeight) * (measure.weight / inUnit) : 0;
  }
  return shares;
}
