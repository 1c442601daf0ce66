import type {
  AssignmentCriterion,
  MeasureDto,
  MeasureInput,
  ScorecardDefinition,
} from '../../../../shared/api/health.contract';
import {
  type DraftProblem,
  groupIds,
  type MeasureDraft,
  measureIds,
  type NumberField,
  type ScorecardDraft,
  type SchemeDraft,
} from './scorecard-draft';

/** Reads the draft's number fields, noting each blank one as a problem at its path. */
class NumberReader {
  readonly problems: DraftProblem[] = [];

  required(value: NumberField, field: string): number {
    if (value === '') {
      this.problems.push({ field, message: 'enter a number' });
      return 0;
    }
    return value;
  }

  /** Blank means unbounded (null). */
  optional(value: NumberField): number | null {
    return value === '' ? null : value;
  }
}

function inputOf(measure: MeasureDraft, path: string, reader: NumberReader): MeasureInput {
  switch (measure.inputKind) {
    case 'event_count':
      return { kind: 'event_count', event: measure.event.trim() };
    case 'mrr_change':
      return { kind: 'mrr_change', months: reader.required(measure.months, `${path}.input.months`) };
    case 'trait':
      return { kind: 'trait', key: measure.traitKey.trim() };
    case 'account_field':
      return { kind: 'account_field', field: measure.field };
    default:
      return { kind: measure.inputKind } as MeasureInput;
  }
}

function schemeOf(scheme: SchemeDraft, path: string, reader: NumberReader): MeasureDto['scheme'] {
  switch (scheme.kind) {
    case 'linear':
      return {
        kind: 'linear',
        from: {
          value: reader.required(scheme.fromValue, `${path}.from.value`),
          score: reader.required(scheme.fromScore, `${path}.from.score`),
        },
        to: {
          value: reader.required(scheme.toValue, `${path}.to.value`),
          score: reader.required(scheme.toScore, `${path}.to.score`),
        },
      };
    case 'ranges':
      return {
        kind: 'ranges',
        ranges: scheme.ranges.map((range, index) => ({
          from: reader.optional(range.from),
          to: reader.optional(range.to),
          score: reader.required(range.score, `${path}.ranges.${index}.score`),
        })),
      };
    case 'category': {
      const scores: Record<string, number> = {};
      scheme.scores.forEach((row, index) => {
        const label = row.label.trim();
        if (label === '') {
          reader.problems.push({
            field: `${path}.scores.${index}.label`,
            message: 'enter the label this row scores',
          });
          return;
        }
        if (label in scores)
          reader.problems.push({
            field: `${path}.scores.${index}.label`,
            message: `"${label}" is listed twice`,
          });
        scores[label] = reader.required(row.score, `${path}.scores.${index}.score`);
      });
      return {
        kind: 'category',
        scores,
        otherScore: reader.required(scheme.otherScore, `${path}.otherScore`),
      };
    }
  }
}

function splitValues(values: string): string[] {
  return values
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/**
 * The definition and criteria the API takes, from the draft, with the problems only the form can see
 * (blank numbers, blank labels, criteria without values); the server checks everything else.
 */
export function draftToRequest(
  draft: ScorecardDraft,
  options: { isDefault: boolean },
): {
  definition: ScorecardDefinition;
  criteria: AssignmentCriterion[];
  problems: DraftProblem[];
} {
  const reader = new NumberReader();
  const ids = measureIds(draft);
  const groupIdList = groupIds(draft);
  const groupIdOf = new Map(draft.groups.map((group, index) => [group.key, groupIdList[index]!]));
  const measures = draft.measures.map((measure, index): MeasureDto => {
    const path = `measures.${index}`;
    return {
      id: ids[index]!,
      name: measure.name.trim(),
      weight: reader.required(measure.weight, `${path}.weight`),
      input: inputOf(measure, path, reader),
      windowDays: reader.required(measure.windowDays, `${path}.windowDays`),
      scheme: schemeOf(measure.scheme, `${path}.scheme`, reader),
      missingData:
        measure.missing === 'exclude'
          ? 'exclude'
          : { default: reader.required(measure.defaultScore, `${path}.missingData.default`) },
      groupId: measure.groupKey ? (groupIdOf.get(measure.groupKey) ?? null) : null,
    };
  });
  const groups = draft.groups.map((group, index) => ({
    id: groupIdList[index]!,
    name: group.name.trim(),
    weight: reader.required(group.weight, `groups.${index}.weight`),
  }));
  const bands = draft.bands.map((band, index) => ({
    name: band.name.trim(),
    lower: reader.required(band.lower, `bands.${index}.lower`),
    upper: reader.required(band.upper, `bands.${index}.upper`),
  }));
  const criteria: AssignmentCriterion[] = options.isDefault
    ? []
    : draft.criteria.map((criterion, index) => {
        const values = splitValues(criterion.values);
        if (values.length === 0)
          reader.problems.push({
            field: `criteria.${index}.values`,
            message: 'enter at least one value (comma-separated)',
          });
        return criterion.kind === 'account_field'
          ? { kind: 'account_field', field: criterion.field, values }
          : { kind: 'trait', key: criterion.traitKey.trim(), values };
      });
  if (!options.isDefault && draft.criteria.length === 0) {
    reader.problems.push({
      field: 'criteria',
      message: 'add a criterion: which accounts this scorecard scores (the default scores the rest)',
    });
  }
  return { definition: { measures, groups, bands }, criteria, problems: reader.problems };
}
