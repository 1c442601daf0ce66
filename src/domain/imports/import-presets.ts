import type { ImportKind } from './import-fields';

export const importPresetNames = [
  'salesforce-accounts',
  'salesforce-contacts',
  'hubspot-companies',
  'hubspot-contacts',
  'zendesk-tickets',
] as const;
export type ImportPresetName = (typeof importPresetNames)[number];

/**
 * A built-in column mapping for another tool's CSV export. `columns` maps a Cycle field to the
 * header that tool writes; every other column of the export is handled like any unmapped column
 * (kept as a trait for accounts and contacts).
 */
export interface ImportPreset {
  name: ImportPresetName;
  kind: ImportKind;
  /** The default `source` of records it imports: re-imports from the same tool update them. */
  source: string;
  /** The export it reads, for the docs. */
  export: string;
  columns: Readonly<Record<string, string>>;
}

const presets: Record<ImportPresetName, ImportPreset> = {
  'salesforce-accounts': {
    name: 'salesforce-accounts',
    kind: 'accounts',
    source: 'salesforce',
    export: 'a Salesforce accounts report exported as CSV (Details Only)',
    columns: {
      external_id: 'Account ID',
      crm_id: 'Account ID',
      name: 'Account Name',
      parent_external_id: 'Parent Account ID',
      domain: 'Website',
      industry: 'Industry',
      region: 'Billing Country',
      owner_email: 'Account Owner',
    },
  },
  'salesforce-contacts': {
    name: 'salesforce-contacts',
    kind: 'contacts',
    source: 'salesforce',
    export: 'a Salesforce contacts report exported as CSV (Details Only)',
    columns: {
      external_id: 'Contact ID',
      account_external_id: 'Account ID',
      first_name: 'First Name',
      last_name: 'Last Name',
      email: 'Email',
      title: 'Title',
      phone: 'Phone',
    },
  },
  'hubspot-companies': {
    name: 'hubspot-companies',
    kind: 'accounts',
    source: 'hubspot',
    export: 'a HubSpot companies export (CSV)',
    columns: {
      external_id: 'Record ID',
      crm_id: 'Record ID',
      name: 'Company name',
      domain: 'Company Domain Name',
      industry: 'Industry',
      region: 'Country/Region',
      owner_email: 'Company owner',
      lifecycle_stage: 'Lifecycle Stage',
    },
  },
  'hubspot-contacts': {
    name: 'hubspot-contacts',
    kind: 'contacts',
    source: 'hubspot',
    export: 'a HubSpot contacts export (CSV) with associated companies',
    columns: {
      external_id: 'Record ID',
      account_external_id: 'Associated Company IDs (Primary)',
      first_name: 'First Name',
      last_name: 'Last Name',
      email: 'Email',
      title: 'Job Title',
      phone: 'Phone Number',
    },
  },
  'zendesk-tickets': {
    name: 'zendesk-tickets',
    kind: 'tickets',
    source: 'zendesk',
    export: 'a Zendesk Support ticket export (CSV)',
    columns: {
      external_id: 'Id',
      subject: 'Subject',
      status: 'Status',
      priority: 'Priority',
      account_external_id: 'Organization',
      requester_email: 'Requester email',
      channel: 'Via',
      opened_at: 'Created at',
      first_response_minutes: 'First reply time in minutes',
      resolved_at: 'Solved at',
      csat_score: 'Satisfaction Score',
    },
  },
};

/**
 * The preset of that name, or undefined for a name that is not one of {@link importPresetNames}.
 * @example findImportPreset('zendesk-tickets')?.kind // 'tickets'
 */
export function findImportPreset(name: string): ImportPreset | undefined {
  return (importPresetNames as readonly string[]).includes(name) ? presets[name as ImportPresetName] : undefined;
}
