import type { AccountColumn } from '../../../shared/api/accounts.contract';

/** Header of each portfolio column (the column chooser lists them the same way). */
export const columnLabels: Record<AccountColumn, string> = {
  name: 'Account',
  domain: 'Domain',
  status: 'Status',
  tier: 'Tier',
  segment: 'Segment',
  stage: 'Stage',
  owner: 'Owner',
  health: 'Health',
  mrr: 'MRR',
  arr: 'ARR',
  renewalDate: 'Renewal',
  industry: 'Industry',
  region: 'Region',
};
