import type { MeasureScheme } from './measure-scheme';
import type { Scorecard } from './scorecard';

/** One thing wrong with a scorecard: where it is (a dotted path) and what to do about it. */
export type ScorecardProblem = { field: string; message: string };

/**
 * Every problem that stops a scorecard from scoring correctly, each naming the field and the fix;
 * an empty list means the scorecard is valid.
 * @example validateScorecard(scorecard) // [{ field: 'measures[1].weight', message: 'Weight must be greater than 0 (got 0)' }]
 */
export function validateScorecard(scorecard: Scorecard): ScorecardProblem[] {
  const problems: ScorecardProblem[] = [];
  if (!Number.isInteger(scorecard.version) || scorecard.version < 1) {
    problems.push({
      field: 'version',
      message: `Version must be a whole number from 1 (got ${scorecard.version})`,
    });
  }
  if (scorecard.measures.length === 0)
    problems.push({ field: 'measures', message: 'Add at least one measure' });
  const groupIds = new Set<string>();
  (scorecard.groups ?? []).forEach((group, index) => {
    const field = `groups[${index}]`;
    if (groupIds.has(group.id))
      problems.push({
        field: `${field}.id`,
        message: `Group id "${group.id}" is used twice; give each group its own id`,
      });
    groupIds.add(group.id);
    checkWeight(group.weight, `${field}.weight`, problems);
  });
  const measureIds = new Set<string>();
  const usedGroups = new Set<string>();
  scorecard.measures.forEach((measure, index) => {
    const field = `measures[${index}]`;
    if (measureIds.has(measure.id))
      problems.push({
        field: `${field}.id`,
        message: `Measure id "${measure.id}" is used twice; give each measure its own id`,
      });
    measureIds.add(measure.id);
    checkWeight(measure.weight, `${field}.weight`, problems);
    if (!Number.isInteger(measure.windowDays) || measure.windowDays < 1) {
      problems.push({
        field: `${field}.windowDays`,
        message: `Window must be a whole number of days from 1 (got ${measure.windowDays})`,
      });
    }
    if (measure.groupId != null) {
      usedGroups.add(measure.groupId);
      if (!groupIds.has(measure.groupId)) {
        problems.push({
          field: `${field}.groupId`,
          message: `Group "${measure.groupId}" does not exist; add it to groups or remove the measure's groupId`,
        });
      }
    }
    if (measure.missingData !== 'exclude')
      checkScore(measure.missingData.default, `${field}.missingData.default`, problems);
    problems.push(...schemeProblems(measure.scheme, `${field}.scheme`));
  });
  (scorecard.groups ?? []).forEach((group, index) => {
    if (!usedGroups.has(group.id))
      problems.push({
        field: `groups[${index}]`,
        message: `Group "${group.id}" has no measures; add one or remove the group`,
      });
  });
  problems.push(...bandProblems(scorecard));
  return problems;
}

function checkWeight(weight: number, field: string, problems: ScorecardProblem[]): void {
  if (!Number.isFinite(weight) || weight <= 0)
    problems.push({ field, message: `Weight must be greater than 0 (got ${weight})` });
}

function checkScore(score: number, field: string, problems: ScorecardProblem[]): void {
  if (!Number.isFinite(score) || score < 0 || score > 100)
    problems.push({ field, message: `Score must be between 0 and 100 (got ${score})` });
}

function schemeProblems(scheme: MeasureScheme, field: string): ScorecardProblem[] {
  const problems: ScorecardProblem[] = [];
  if (scheme.kind === 'linear') {
    checkScore(scheme.from.score, `${field}.from.score`, problems);
    checkScore(scheme.to.score, `${field}.to.score`, problems);
    if (scheme.from.value === scheme.to.value) {
      problems.push({
        field: `${field}.to.value`,
        message: `The two points need different values (both are ${scheme.from.value})`,
      });
    }
    return problems;
  }
  if (scheme.kind === 'category') {
    checkScore(scheme.otherScore, `${field}.otherScore`, problems);
    for (const [label, score] of Object.entries(scheme.scores))
      checkScore(score, `${field}.scores.${label}`, problems);
    return problems;
  }
  if (scheme.ranges.length === 0)
    problems.push({ field: `${field}.ranges`, message: 'Add at least one range' });
  scheme.ranges.forEach((range, index) => {
    checkScore(range.score, `${field}.ranges[${index}].score`, problems);
    if (range.from !== null && range.to !== null && range.from >= range.to) {
      problems.push({
        field: `${field}.ranges[${index}]`,
        message: `A range's "from" (${range.from}) must be below its "to" (${range.to})`,
      });
    }
    const next = scheme.ranges[index + 1];
    if (next !== undefined && next.from !== range.to) {
      problems.push({
        field: `${field}.ranges[${index + 1}].from`,
        message: `Ranges must be contiguous: set "from" to ${String(range.to)}, the previous range's "to"`,
      });
    }
  });
  return problems;
}

function bandProblems(scorecard: Scorecard): ScorecardProblem[] {
  const problems: ScorecardProblem[] = [];
  const { bands } = scorecard;
  const first = bands[0];
  const last = bands[bands.length - 1];
  if (first === undefined || last === undefined)
    return [{ field: 'bands', message: 'Add at least one band covering 0–100' }];
  if (first.lower !== 0)
    problems.push({
      field: 'bands[0].lower',
      message: `The first band must start at 0 (got ${first.lower})`,
    });
  if (last.upper !== 100)
    problems.push({
      field: `bands[${bands.length - 1}].upper`,
      message: `The last band must end at 100 (got ${last.upper})`,
    });
  const names = new Set<string>();
  bands.forEach((band, index) => {
    if (names.has(band.name))
      problems.push({ field: `bands[${index}].name`, message: `Band name "${band.name}" is used twice` });
    names.add(band.name);
    if (band.lower >= band.upper) {
      problems.push({
        field: `bands[${index}]`,
        message: `Band "${band.name}" must have lower (${band.lower}) below upper (${band.upper})`,
      });
    }
    const previous = bands[index - 1];
    if (previous !== undefined && band.lower !== previous.upper) {
      const kind = band.lower > previous.upper ? 'gap' : 'overlap';
      problems.push({
        field: `bands[${index}].lower`,
        message: `Bands "${previous.name}" and "${band.name}" ${kind === 'gap' ? 'leave a gap' : 'overlap'}: set the lower edge to ${previous.upper} (it is exclusive, so ${previous.upper} stays "${previous.name}")`,
      });
    }
  });
  return problems;
}
