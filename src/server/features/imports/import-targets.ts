import type pg from 'pg';
import type { ImportKind, ImportKindDefinition } from '../../../domain/imports/import-fields';
import type { ImportProblem } from '../../../domain/imports/import-problems';
import { accountTarget, contactTarget } from './customer-import-targets';
import { activityTarget, surveyResponseTarget, ticketTarget } from './engagement-import-targets';
import {
  referenceTable,
  resolveAccountReference,
  resolveContactListReference,
  resolveContactReference,
  resolveUserReference,
} from './import-references.sql';
import type { UpsertTarget } from './import-upsert.sql';
import { churnEventTarget, subscriptionTarget } from './revenue-import-targets';
import { usageTarget } from './usage-import-target';

/** The table (and its columns) each import kind writes to. */
export const importTargets: Record<ImportKind, UpsertTarget> = {
  accounts: accountTarget,
  contacts: contactTarget,
  subscriptions: subscriptionTarget,
  tickets: ticketTarget,
  usage: usageTarget,
  'survey-responses': surveyResponseTarget,
  activities: activityTarget,
  'churn-events': churnEventTarget,
};

/** The account reference every kind but accounts carries; contact references resolve within it. */
const ACCOUNT_FIELD = 'account_external_id';

/** The joins of the upsert's SELECT: one per mapped reference field, aliased r_<field>. */
export function referenceJoins(definition: ImportKindDefinition, isMapped: (field: string) => boolean): string {
  const joins: string[] = [];
  for (const field of definition.fields) {
    if (!field.references || !isMapped(field.name)) continue;
    const table = referenceTable(field.name);
    const alias = `r_${field.name}`;
    const join = field.required ? 'JOIN' : 'LEFT JOIN';
    switch (field.references) {
      case 'account':
      case 'user':
        joins.push(`${join} ${table} ${alias} ON ${alias}.ref = t.${field.name}`);
        break;
      case 'contact':
        joins.push(`LEFT JOIN ${table} ${alias} ON ${alias}.account_id = r_${ACCOUNT_FIELD}.id AND ${alias}.ref = t.${field.name}`);
        break;
      case 'contacts':
        joins.push(`LEFT JOIN ${table} ${alias} ON ${alias}.row_number = t.row_number`);
        break;
    }
  }
  return joins.join('\n');
}

/**
 * Resolves every mapped reference field of the staged rows (accounts first, since contacts are
 * looked up within their account) and returns the rows that name nothing or several records.
 * `parentsInFile`: account rows may name a parent that is another row of the same file.
 */
export async function resolveStagedReferences(
  client: pg.PoolClient,
  definition: ImportKindDefinition,
  isMapped: (field: string) => boolean,
  options: { source: string; parentsInFile: boolean },
): Promise<ImportProblem[]> {
  const fields = definition.fields.filter((field) => field.references && isMapped(field.name));
  const order = { account: 0, user: 1, contact: 2, contacts: 2 } as const;
  fields.sort((left, right) => order[left.references!] - order[right.references!]);
  const problems: ImportProblem[] = [];
  for (const field of fields) {
    switch (field.references!) {
      case 'account':
        problems.push(
          ...(await resolveAccountReference(client, field.name, {
            source: options.source,
            inFile: options.parentsInFile && field.name === 'parent_external_id',
          })),
        );
        break;
      case 'user':
        problems.push(...(await resolveUserReference(client, field.name)));
        break;
      case 'contact':
        problems.push(...(await resolveContactReference(client, field.name, { source: options.source, accountField: ACCOUNT_FIELD })));
        break;
      case 'contacts':
        problems.push(...(await resolveContactListReference(client, field.name, { source: options.source, accountField: ACCOUNT_FIELD })));
        break;
    }
  }
  return problems;
}
