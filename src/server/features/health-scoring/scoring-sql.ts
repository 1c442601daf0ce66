/**
 * Health scoring as one set-based SQL query per scorecard version. The query reads every measure's
 * input as of a moment, maps it through the measure's scheme, renormalises the weights of missing
 * measures and sums the contributions — the same arithmetic, in the same order, as scoreAccount in
 * src/domain/health, so both give the same bits (checked by scoring-sql.test.ts).
 */
import type { ScorecardDefinition } from '../../../shared/api/health.contract';
import { AS_OF, measureInputsSql, QueryParameters } from './scoring-inputs.sql';

export { isNumericInput, QueryParameters } from './scoring-inputs.sql';

const float = (value: number) => {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
  // Written exactly (shortest round-trip form), so SQL and JavaScript start from the same double.
  return `${String(value)}::float8`;
};

/** The measure score (NULL when unscorable) of raw value columns `number` / `text`, through the scheme. */
function schemeSql(
  scheme: ScorecardDefinition['measures'][number]['scheme'],
  number: string,
  text: string,
  parameters: QueryParameters,
): string {
  if (scheme.kind === 'category') {
    const arms = Object.entries(scheme.scores).map(
      ([label, score]) => `WHEN ${parameters.add(label, 'text')} THEN ${float(score)}`,
    );
    return `CASE WHEN ${text} IS NULL THEN NULL ${arms.length ? `ELSE CASE ${text} ${arms.join(' ')} ELSE ${float(scheme.otherScore)} END` : `ELSE ${float(scheme.otherScore)}`} END`;
  }
  if (scheme.kind === 'ranges') {
    const arms = scheme.ranges.map((range) => {
      const conditions = [
        range.from === null ? null : `${number} >= ${float(range.from)}`,
        range.to === null ? null : `${number} < ${float(range.to)}`,
      ].filter(Boolean);
      return `WHEN ${conditions.length ? conditions.join(' AND ') : 'TRUE'} THEN ${float(range.score)}`;
    });
    return `CASE WHEN ${number} IS NULL THEN NULL ${arms.join(' ')} END`;
  }
  const [low, high] =
    scheme.from.value <= scheme.to.value ? [scheme.from, scheme.to] : [scheme.to, scheme.from];
  return `CASE WHEN ${number} IS NULL THEN NULL
    WHEN ${number} <= ${float(low.value)} THEN ${float(low.score)}
    WHEN ${number} >= ${float(high.value)} THEN ${float(high.score)}
    ELSE ${float(low.score)} + ((${number} - ${float(low.value)}) / (${float(high.value)} - ${float(low.value)})) * (${float(high.score)} - ${float(low.score)}) END`;
}

export type ScoringQueryOptions = {
  definition: ScorecardDefinition;
  asOf: Date;
  /** SQL selecting `account_id` of the accounts to score (may use parameters added to `parameters`). */
  target: (parameters: QueryParameters) => string;
  /**
   * True when the target is every (or nearly every) account, as in a full recompute: inputs are then
   * read for all accounts and joined, instead of being looked up account by account for the target.
   */
  wholeWorkspace?: boolean;
};

/**
 * One query scoring every target account with `definition` as of `asOf`. Columns: account_id,
 * raw_values text[], measure_scores float8[] (NULL where excluded), status, score, display_score, band,
 * band_index — in the measure order of the definition.
 */
export function buildScoringQuery(options: ScoringQueryOptions): { text: string; values: unknown[] } {
  const { definition } = options;
  const parameters = new QueryParameters(options.asOf);
  const target = options.target(parameters);
  const inTarget = (alias: string) =>
    options.wholeWorkspace ? '' : `${alias}.account_id IN (SELECT account_id FROM target) AND `;
  const { ctes, joins, inputs } = measureInputsSql(definition, parameters, inTarget);
  const measures = definition.measures.map((measure, index) => ({ measure, index, input: inputs[index]! }));

  // raw_i (text) and num_i (float8: the input itself, or the text parsed the way Number() does).
  // A category scheme reads only the text, so its number is not parsed.
  const rawColumns = measures.flatMap(({ measure, index, input }) => [
    `${input.rawText} AS raw_${index}`,
    `${measure.scheme.kind === 'category' ? 'NULL::float8' : (input.rawNumber ?? `health_numeric(${input.rawText})`)} AS num_${index}`,
  ]);
  // m_i: the measure score after the missing-data policy; NULL means excluded.
  const scoreColumns = measures.map(({ measure, index }) => {
    const scheme = schemeSql(measure.scheme, `num_${index}`, `raw_${index}`, parameters);
    const fallback = measure.missingData === 'exclude' ? 'NULL::float8' : float(measure.missingData.default);
    return `coalesce(${scheme}, ${fallback}) AS m_${index}`;
  });

  // Groups in order of first appearance; an ungrouped measure is a group of its own.
  const groupWeight = new Map(definition.groups.map((group) => [group.id, group.weight]));
  const groups: { key: string; weight: number; members: { index: number; weight: number }[] }[] = [];
  for (const { measure, index } of measures) {
    const key = measure.groupId == null ? `measure:${measure.id}` : `group:${measure.groupId}`;
    let group = groups.find((candidate) => candidate.key === key);
    if (!group) {
      group = {
        key,
        weight: measure.groupId == null ? measure.weight : (groupWeight.get(measure.groupId) ?? 0),
        members: [],
      };
      groups.push(group);
    }
    group.members.push({ index, weight: measure.weight });
  }
  const present = (index: number) => `m_${index} IS NOT NULL`;
  // mt_g: sum of the counted measure weights of group g, added in measure order from 0.
  const measureTotals = groups.map((group, g) => {
    const sum = group.members.reduce(
      (acc, member) =>
        `(${acc} + CASE WHEN ${present(member.index)} THEN ${float(member.weight)} ELSE 0::float8 END)`,
      '0::float8',
    );
    return `${sum} AS mt_${g}`;
  });
  // gt: sum of the weights of the groups with a counted measure, in group order from 0. Weights are
  // above 0, so "mt_g > 0" is "some member counted", which lets gt sit in the same step as mt_g.
  const groupTotal = groups.reduce(
    (acc, group) =>
      `(${acc} + CASE WHEN ${group.members.map((member) => present(member.index)).join(' OR ')} THEN ${float(group.weight)} ELSE 0::float8 END)`,
    '0::float8',
  );
  const groupOf = new Map<number, number>();
  groups.forEach((group, g) => group.members.forEach((member) => groupOf.set(member.index, g)));
  const contribution = (index: number) => {
    const g = groupOf.get(index) ?? 0;
    const group = groups[g]!;
    const weight = group.members.find((member) => member.index === index)!.weight;
    return `CASE WHEN m_${index} IS NULL OR mt_${g} = 0 OR gt = 0 THEN 0::float8 ELSE ((${float(group.weight)} / gt) * (${float(weight)} / mt_${g})) * m_${index} END`;
  };
  const scoreSum = measures.reduce((acc, { index }) => `(${acc} + ${contribution(index)})`, '0::float8');
  const displayExpression = '(floor(score * 100 + 0.5) / 100)';
  const bandArms = definition.bands
    .map((band, position) => `WHEN ${displayExpression} <= ${float(band.upper)} THEN ${position}`)
    .join(' ');
  const lastBand = definition.bands.length - 1;
  const bandNames = parameters.add(
    definition.bands.map((band) => band.name),
    'text[]',
  );

  const cteList = [...ctes].map(([name, body]) => `${name} AS (${body})`);
  const text = `
WITH as_of AS (SELECT ${AS_OF} AS moment),
target AS (${target}),
${cteList.length ? `${cteList.join(',\n')},` : ''}
raw AS MATERIALIZED (
  SELECT t.account_id, ${rawColumns.join(',\n    ')}
  FROM target t JOIN accounts a ON a.id = t.account_id
  ${[...joins].join('\n  ')}
),
scored AS MATERIALIZED (
  SELECT account_id, ARRAY[${measures.map(({ index }) => `raw_${index}`).join(', ')}]::text[] AS raw_values,
    ${scoreColumns.join(',\n    ')} FROM raw
),
totals AS MATERIALIZED (
  SELECT *, ${measureTotals.join(', ')}, ${groupTotal} AS gt FROM scored
),
summed AS MATERIALIZED (
  SELECT account_id, raw_values,
    ARRAY[${measures.map(({ index }) => `m_${index}`).join(', ')}]::float8[] AS measure_scores,
    CASE WHEN gt > 0 THEN ${scoreSum} END AS score
  FROM totals
)
SELECT account_id, raw_values, measure_scores,
  CASE WHEN score IS NULL THEN 'not-scored' ELSE 'scored' END AS status,
  score,
  ${displayExpression} AS display_score,
  CASE WHEN score IS NULL THEN NULL ELSE (${bandNames})[1 + CASE ${bandArms} ELSE ${lastBand} END] END AS band,
  CASE WHEN score IS NULL THEN NULL ELSE CASE ${bandArms} ELSE ${lastBand} END END AS band_index
FROM summed`;
  return { text, values: parameters.values };
}
