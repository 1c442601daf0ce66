import type { DraftProblem, ScorecardDraft } from './scorecard-draft';

/**
 * A server problem's field in the draft's terms: "body.definition.measures[0].scheme.ranges[1].from"
 * and "body.definition.measures.0.scheme.ranges.1.from" both become "measures.0.scheme.ranges.1.from".
 */
export function problemPath(field: string | undefined): string {
  if (!field) return '';
  return field
    .replace(/^body\.(definition\.)?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\./, '');
}

const tailWords: Record<string, string> = {
  weight: 'weight',
  name: 'name',
  id: 'id',
  groupId: 'group',
  windowDays: 'window',
  lower: 'lower edge',
  upper: 'upper edge',
  values: 'values',
  key: 'trait',
  field: 'field',
  input: 'input',
  scheme: 'scheme',
  otherScore: 'score of any other label',
  missingData: 'missing data',
};

/** The part of a path after the row, in words: "scheme.ranges.1.from" → "range 2, from". */
function describeTail(rest: readonly string[]): string {
  const [first, second, third, fourth] = rest;
  if (first === undefined) return '';
  if (first === 'scheme') {
    if (second === 'ranges' && third !== undefined && /^\d+$/.test(third))
      return `range ${Number(third) + 1}${fourth ? `, ${fourth}` : ''}`;
    if (second === 'scores' && third !== undefined && /^\d+$/.test(third))
      return `category row ${Number(third) + 1}${fourth ? `, ${fourth}` : ''}`;
    if (second === 'scores' && third !== undefined) return `score of "${third}"`;
    if (second === 'from' || second === 'to')
      return `${second === 'from' ? 'first' : 'second'} point${third ? ` ${third}` : ''}`;
    if (second !== undefined) return tailWords[second] ?? second;
    return 'scheme';
  }
  if (first === 'missingData') return 'default score';
  if (first === 'input') return second ? `input ${second}` : 'input';
  return tailWords[first] ?? rest.join(' ');
}

/** Where a problem is, in words: "Measure 2 (Open tickets), weight", "Band 1 (Red), lower edge". */
export function describeProblemPath(path: string, draft: ScorecardDraft): string {
  const [head, indexText, ...rest] = path.split('.');
  const index = Number(indexText);
  const tail = describeTail(rest);
  const withTail = (label: string) => (tail ? `${label}, ${tail}` : label);
  if (head === 'measures' && Number.isInteger(index)) {
    const name = draft.measures[index]?.name.trim();
    return withTail(`Measure ${index + 1}${name ? ` (${name})` : ''}`);
  }
  if (head === 'groups' && Number.isInteger(index)) {
    const name = draft.groups[index]?.name.trim();
    return withTail(`Group ${index + 1}${name ? ` (${name})` : ''}`);
  }
  if (head === 'bands' && Number.isInteger(index)) {
    const name = draft.bands[index]?.name.trim();
    return withTail(`Band ${index + 1}${name ? ` (${name})` : ''}`);
  }
  if (head === 'criteria' && Number.isInteger(index)) return withTail(`Criterion ${index + 1}`);
  const sections: Record<string, string> = {
    criteria: 'Criteria',
    measures: 'Measures',
    bands: 'Bands',
    groups: 'Groups',
    name: 'Name',
  };
  return (head && sections[head]) || path || 'Scorecard';
}

/** Looks up the problems at a path, for the field that shows them: "enter a number; must be 0–100". */
export type ErrorAt = (path: string) => string | undefined;

export function problemLookup(problems: readonly DraftProblem[]): ErrorAt {
  const byPath = new Map<string, string[]>();
  for (const problem of problems)
    byPath.set(problem.field, [...(byPath.get(problem.field) ?? []), problem.message]);
  return (path) => byPath.get(path)?.join('; ');
}
