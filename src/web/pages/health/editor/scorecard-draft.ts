import type { MeasureDto, MeasureInputKind, ScorecardDto } from '../../../../shared/api/health.contract';

/** A number field of the form: '' while the box is empty. */
export type NumberField = number | '';

export type AccountField = 'tier' | 'segment' | 'lifecycle_stage' | 'industry' | 'region' | 'status';

export interface GroupDraft {
  /** Stable React key; measures refer to their group by it, so renaming a group keeps them in it. */
  key: string;
  /** The saved id of an existing group (kept so history compares); null while new (derived from the name). */
  savedId: string | null;
  name: string;
  weight: NumberField;
}

export interface RangeDraft {
  key: string;
  /** '' = unbounded. */
  from: NumberField;
  to: NumberField;
  score: NumberField;
}

export interface CategoryDraft {
  key: string;
  label: string;
  score: NumberField;
}

export type SchemeDraft =
  | {
      kind: 'linear';
      fromValue: NumberField;
      fromScore: NumberField;
      toValue: NumberField;
      toScore: NumberField;
    }
  | { kind: 'ranges'; ranges: RangeDraft[] }
  | { kind: 'category'; scores: CategoryDraft[]; otherScore: NumberField };

export interface MeasureDraft {
  key: string;
  /** The saved id of an existing measure (kept, since snapshots refer to it); null while new (derived from the name). */
  savedId: string | null;
  name: string;
  weight: NumberField;
  /** The key of its group, or null for none. */
  groupKey: string | null;
  inputKind: MeasureInputKind;
  /** Parameters of the input kinds that take one. */
  event: string;
  months: NumberField;
  traitKey: string;
  field: AccountField;
  windowDays: NumberField;
  scheme: SchemeDraft;
  missing: 'exclude' | 'default';
  defaultScore: NumberField;
}

export interface BandDraft {
  key: string;
  name: string;
  lower: NumberField;
  upper: NumberField;
}

export interface CriterionDraft {
  key: string;
  kind: 'account_field' | 'trait';
  field: AccountField;
  traitKey: string;
  /** Comma-separated values, as typed. */
  values: string;
}

/** The scorecard editor's form: everything a person can change, as typed (numbers may be blank). */
export interface ScorecardDraft {
  name: string;
  criteria: CriterionDraft[];
  groups: GroupDraft[];
  measures: MeasureDraft[];
  bands: BandDraft[];
}

/** A problem with the draft, at a dotted path such as "measures.0.weight" (the same shape as the server's). */
export interface DraftProblem {
  field: string;
  message: string;
}

let keyCounter = 0;
/** A key unique in this page's life, for list rows (crypto.randomUUID needs a secure context). */
export function newKey(): string {
  keyCounter += 1;
  return `row${keyCounter}`;
}

/**
 * A lower_snake id from a name, as measure and group ids must be (a letter first, at most 40
 * characters): "Seat utilisation (%)" → "seat_utilisation", "30-day logins" → "m_30_day_logins".
 */
export function toSnakeId(name: string, fallback = 'measure'): string {
  const snake = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const id = snake === '' ? fallback : /^[a-z]/.test(snake) ? snake : `m_${snake}`;
  return id.slice(0, 40).replace(/_+$/, '');
}

/** Ids for rows that keep their saved id or derive one from the name, made unique with _2, _3… */
function assignIds(rows: readonly { savedId: string | null; name: string }[], fallback: string): string[] {
  const taken = new Set(rows.flatMap((row) => (row.savedId ? [row.savedId] : [])));
  return rows.map((row) => {
    if (row.savedId) return row.savedId;
    const base = toSnakeId(row.name, fallback);
    let id = base;
    for (let suffix = 2; taken.has(id); suffix += 1)
      id = `${base.slice(0, 40 - String(suffix).length - 1)}_${suffix}`;
    taken.add(id);
    return id;
  });
}

/** Each measure's id, in draft order. */
export function measureIds(draft: ScorecardDraft): string[] {
  return assignIds(draft.measures, 'measure');
}

/** Each group's id, in draft order. */
export function groupIds(draft: ScorecardDraft): string[] {
  return assignIds(draft.groups, 'group');
}

export function defaultScheme(kind: SchemeDraft['kind']): SchemeDraft {
  switch (kind) {
    case 'linear':
      return { kind, fromValue: 0, fromScore: 0, toValue: 100, toScore: 100 };
    case 'ranges':
      return {
        kind,
        ranges: [
          { key: newKey(), from: '', to: 1, score: 100 },
          { key: newKey(), from: 1, to: 3, score: 60 },
          { key: newKey(), from: 3, to: '', score: 20 },
        ],
      };
    case 'category':
      return {
        kind,
        scores: [
          { key: newKey(), label: 'positive', score: 100 },
          { key: newKey(), label: 'neutral', score: 60 },
          { key: newKey(), label: 'negative', score: 0 },
        ],
        otherScore: 50,
      };
  }
}

export function newMeasureDraft(groupKey: string | null = null): MeasureDraft {
  return {
    key: newKey(),
    savedId: null,
    name: 'Days since the last touch',
    weight: 10,
    groupKey,
    inputKind: 'days_since_activity',
    event: '',
    months: 3,
    traitKey: '',
    field: 'tier',
    windowDays: 90,
    scheme: { kind: 'linear', fromValue: 14, fromScore: 100, toValue: 90, toScore: 0 },
    missing: 'default',
    defaultScore: 0,
  };
}

export function newGroupDraft(): GroupDraft {
  return { key: newKey(), savedId: null, name: '', weight: 10 };
}

/** A new scorecard: one measure and the traffic-light bands (red 0–50, yellow 50–75, green 75–100). */
export function newScorecardDraft(): ScorecardDraft {
  return {
    name: '',
    criteria: [],
    groups: [],
    measures: [newMeasureDraft()],
    bands: [
      { key: newKey(), name: 'Red', lower: 0, upper: 50 },
      { key: newKey(), name: 'Yellow', lower: 50, upper: 75 },
      { key: newKey(), name: 'Green', lower: 75, upper: 100 },
    ],
  };
}

export function newCriterionDraft(): CriterionDraft {
  return { key: newKey(), kind: 'account_field', field: 'tier', traitKey: '', values: '' };
}

function schemeDraftOf(scheme: MeasureDto['scheme']): SchemeDraft {
  switch (scheme.kind) {
    case 'linear':
      return {
        kind: 'linear',
        fromValue: scheme.from.value,
        fromScore: scheme.from.score,
        toValue: scheme.to.value,
        toScore: scheme.to.score,
      };
    case 'ranges':
      return {
        kind: 'ranges',
        ranges: scheme.ranges.map((range) => ({
          key: newKey(),
          from: range.from ?? '',
          to: range.to ?? '',
          score: range.score,
        })),
      };
    case 'category':
      return {
        kind: 'category',
        scores: Object.entries(scheme.scores).map(([label, score]) => ({ key: newKey(), label, score })),
        otherScore: scheme.otherScore,
      };
  }
}

/** The form for an existing scorecard's current version. */
export function draftFromScorecard(
  scorecard: Pick<ScorecardDto, 'name' | 'criteria' | 'definition'>,
): ScorecardDraft {
  const groups: GroupDraft[] = scorecard.definition.groups.map((group) => ({
    key: newKey(),
    savedId: group.id,
    name: group.name,
    weight: group.weight,
  }));
  const groupKeyOf = new Map(groups.map((group) => [group.savedId, group.key]));
  return {
    name: scorecard.name,
    criteria: scorecard.criteria.map((criterion) => ({
      key: newKey(),
      kind: criterion.kind,
      field: criterion.kind === 'account_field' ? criterion.field : 'tier',
      traitKey: criterion.kind === 'trait' ? criterion.key : '',
      values: criterion.values.join(', '),
    })),
    groups,
    measures: scorecard.definition.measures.map((measure) => ({
      key: newKey(),
      savedId: measure.id,
      name: measure.name,
      weight: measure.weight,
      groupKey: measure.groupId ? (groupKeyOf.get(measure.groupId) ?? null) : null,
      inputKind: measure.input.kind,
      event: measure.input.kind === 'event_count' ? measure.input.event : '',
      months: measure.input.kind === 'mrr_change' ? measure.input.months : 3,
      traitKey: measure.input.kind === 'trait' ? measure.input.key : '',
      field: measure.input.kind === 'account_field' ? measure.input.field : 'tier',
      windowDays: measure.windowDays,
      scheme: schemeDraftOf(measure.scheme),
      missing: measure.missingData === 'exclude' ? 'exclude' : 'default',
      defaultScore: measure.missingData === 'exclude' ? 0 : measure.missingData.default,
    })),
    bands: scorecard.definition.bands.map((band) => ({
      key: newKey(),
      name: band.name,
      lower: band.lower,
      upper: band.upper,
    })),
  };
}
