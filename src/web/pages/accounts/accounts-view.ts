import {
  type AccountColumn,
  accountColumns,
  type accountSortFields,
  defaultAccountColumns,
} from '../../../shared/api/accounts.contract';
import { accountStatuses, type AccountStatus } from '../../../shared/api/enums';
import { buildApiUrl, type QueryValues } from '../../api/api-client';

export type AccountSortField = (typeof accountSortFields)[number];
/** A sort field, '-' prefixed for descending, exactly as GET /api/v1/accounts takes it. */
export type AccountSort = AccountSortField | `-${AccountSortField}`;

const sortFields: readonly AccountSortField[] = [
  'name',
  'mrr',
  'health',
  'renewalDate',
  'createdAt',
  'updatedAt',
];
export const pageSizes = [25, 50, 100] as const;
/** Renewal windows offered by the filter, in days from today. */
export const renewalWindows = [7, 30, 60, 90, 180, 365] as const;
/** The band filter's value for accounts without a score (the API's `none`). */
export const UNSCORED = 'none';
/** The stage filter's value for accounts without a lifecycle stage. */
export { NO_STAGE } from '../../../shared/api/accounts.contract';

/** What the accounts list shows; it lives in the URL query string so a link shares it. */
export interface AccountsView {
  q: string;
  status: AccountStatus[];
  /** '' for anyone, 'me', 'none' (unassigned) or a user id. */
  owner: string;
  tier: string;
  /** A lifecycle stage, `none` for accounts without one, or '' for any. */
  stage: string;
  /** Health band names, and UNSCORED for accounts without a score. */
  band: string[];
  /** Renewals due within this many days from today; null for any renewal date. */
  renewalWithin: number | null;
  /** The visible columns, in display order (the name always first). */
  cols: AccountColumn[];
  sort: AccountSort;
  page: number;
  pageSize: number;
}

export const defaultAccountsView: AccountsView = {
  q: '',
  status: [],
  owner: '',
  tier: '',
  stage: '',
  band: [],
  renewalWithin: null,
  cols: [...defaultAccountColumns],
  sort: 'name',
  page: 1,
  pageSize: 25,
};

/** Columns in the table's order, the name always kept: `cols=mrr,name,bogus` → name, mrr. */
export function normaliseColumns(columns: readonly string[]): AccountColumn[] {
  const wanted = new Set(columns);
  return accountColumns.filter((column) => column === 'name' || wanted.has(column));
}

function sameColumns(left: readonly AccountColumn[], right: readonly AccountColumn[]): boolean {
  return left.length === right.length && left.every((column, index) => column === right[index]);
}

function commaList(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

function isSort(value: string): value is AccountSort {
  return (sortFields as readonly string[]).includes(value.replace(/^-/, ''));
}

function positiveInteger(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number >= 1 ? number : undefined;
}

/** Reads the view from the URL, ignoring values the list cannot use (a hand-edited link stays usable). */
export function readAccountsView(params: URLSearchParams): AccountsView {
  const statusParam = params.get('status') ?? '';
  const sort = params.get('sort') ?? '';
  const pageSize = positiveInteger(params.get('pageSize'));
  const renewalWithin = params.get('renewalWithin');
  const cols = params.get('cols');
  return {
    q: params.get('q') ?? '',
    status: statusParam
      .split(',')
      .map((part) => part.trim())
      .filter((part): part is AccountStatus => (accountStatuses as readonly string[]).includes(part)),
    owner: params.get('owner') ?? '',
    tier: params.get('tier') ?? '',
    stage: params.get('stage') ?? '',
    band: [...new Set(commaList(params.get('band')))],
    renewalWithin: renewalWithin !== null && /^\d{1,4}$/.test(renewalWithin) ? Number(renewalWithin) : null,
    cols: cols === null ? defaultAccountsView.cols : normaliseColumns(commaList(cols)),
    sort: isSort(sort) ? sort : defaultAccountsView.sort,
    page: positiveInteger(params.get('page')) ?? 1,
    pageSize:
      pageSize !== undefined && (pageSizes as readonly number[]).includes(pageSize)
        ? pageSize
        : defaultAccountsView.pageSize,
  };
}

/** The query string for a view, leaving out defaults so shared links stay short. */
export function writeAccountsView(view: AccountsView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.q.trim()) params.set('q', view.q.trim());
  if (view.status.length > 0) params.set('status', view.status.join(','));
  if (view.owner) params.set('owner', view.owner);
  if (view.tier.trim()) params.set('tier', view.tier.trim());
  if (view.stage) params.set('stage', view.stage);
  if (view.band.length > 0) params.set('band', view.band.join(','));
  if (view.renewalWithin !== null) params.set('renewalWithin', String(view.renewalWithin));
  if (!sameColumns(view.cols, defaultAccountsView.cols)) params.set('cols', view.cols.join(','));
  if (view.sort !== defaultAccountsView.sort) params.set('sort', view.sort);
  if (view.page !== 1) params.set('page', String(view.page));
  if (view.pageSize !== defaultAccountsView.pageSize) params.set('pageSize', String(view.pageSize));
  return params;
}

/** The filters and sort of a view as the API takes them (list and export alike). */
function toFilterQuery(view: AccountsView): QueryValues {
  return {
    q: view.q.trim() || undefined,
    status: view.status.length > 0 ? view.status.join(',') : undefined,
    owner: view.owner || undefined,
    tier: view.tier.trim() || undefined,
    stage: view.stage || undefined,
    band: view.band.length > 0 ? view.band.join(',') : undefined,
    renewalWithin: view.renewalWithin ?? undefined,
    sort: view.sort,
  };
}

/** The API query for a view. */
export function toAccountListQuery(view: AccountsView): QueryValues {
  return { ...toFilterQuery(view), page: view.page, pageSize: view.pageSize };
}

/** The CSV download of a view: every matching account (no paging) with the visible columns. */
export function accountExportUrl(view: AccountsView): string {
  return buildApiUrl('/accounts/export.csv', { ...toFilterQuery(view), columns: view.cols.join(',') });
}

/** True when anything narrows the list (search or a filter), so an empty list means "no match". */
export function hasFilters(view: AccountsView): boolean {
  return Boolean(
    view.q.trim() ||
    view.status.length > 0 ||
    view.owner ||
    view.tier.trim() ||
    view.stage ||
    view.band.length > 0 ||
    view.renewalWithin !== null,
  );
}

/** Clicking a column header: sort ascending by it, or flip direction when it is already the sort. */
export function nextSort(current: AccountSort, field: AccountSortField): AccountSort {
  if (current === field) return `-${field}`;
  return field;
}

/** What a saved view keeps: the view's query string without the page (a saved view opens on page 1). */
export function savedViewQuery(view: AccountsView): string {
  return writeAccountsView({ ...view, page: 1 }).toString();
}
