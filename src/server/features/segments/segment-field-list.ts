import { operatorsByType } from '../../../domain/segments';
import type { RulePurpose, SegmentField } from '../../../shared/api/segments.contract';
import { forbiddenFieldOf, loadFieldCatalogue, loadKnownValues, type Queryable } from './segment-fields';

/**
 * The rule builder's field list: the built-in fields in their order, then every trait found on
 * accounts (typed by its values), without the field this purpose may not test.
 */
export async function listRuleFields(db: Queryable, purpose: RulePurpose): Promise<SegmentField[]> {
  const [catalogue, known] = await Promise.all([loadFieldCatalogue(db), loadKnownValues(db)]);
  const forbidden = forbiddenFieldOf[purpose];
  return Object.values(catalogue.fields)
    .filter((field) => field.key !== forbidden)
    .map((field) => ({
      key: field.key,
      label: field.label,
      type: field.type,
      origin: field.origin,
      operators: [...operatorsByType[field.type]],
      unit: field.unit,
      description: field.description,
      values: known[field.key] ?? null,
    }));
}
