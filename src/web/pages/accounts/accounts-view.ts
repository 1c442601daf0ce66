import type { accountSortFields } from '../../../shared/api/accounts.contract';
import { accountStatuses, type AccountStatus } from '../../../shared/api/enums';
import type { QueryValues } from '../../api/api-client';

export type AccountSortField = (typeof accountSortFields)[number];
/** A sort field, '-' prefixed for descending, exactly as GET /api/v1/accounts takes it. */
export type AccountSort = AccountSortField | `-${AccountSortField}`;

const sortFields: readonly AccountSortField[] = ['name', 'mrr', 'renewalDate', 'createdAt', 'updatedAt'];
export const pageSizes = [25, 50, 100] as const;

/** What the accounts list shows; it lives in the URL query string so a link shares it. */
export interface AccountsView {
  q: string;
  status: AccountStatus[];
  /** '' for anyone, 'me', 'none' (unassigned) or a user id. */
  owner: string;
  tier: string;
  sort: AccountSort;
  page: number;
  pageSize: number;
}

export const defaultAccountsView: AccountsView = { q: '', status: [], owner: '', tier: '', sort: 'name', page: 1, pageSize: 25 };

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
  return {
    q: params.get('q') ?? '',
    status: statusParam
      .split(',')
      .map((part) => part.trim())
      .filter((part): part is AccountStatus => (accountStatuses as readonly string[]).includes(part)),
    owner: params.get('owner') ?? '',
    tier: params.get('tier') ?? '',
    sort: isSort(sort) ? sort : defaultAccountsView.sort,
    page: positiveInteger(params.get('page')) ?? 1,
    pageSize: pageSize !== undefined && (pageSizes as readonly number[]).includes(pageSize) ? pageSize : defaultAccountsView.pageSize,
  };
}

/** The query string for a view, leaving out defaults so shared links stay short. */
export function writeAccountsView(view: AccountsView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.q.trim()) params.set('q', view.q.trim());
  if (view.status.length > 0) params.set('status', view.status.join(','));
  if (view.owner) params.set('owner', view.owner);
  if (view.tier.trim()) params.set('tier', view.tier.trim());
  if (view.sort !== defaultAccountsView.sort) params.set('sort', view.sort);
  if (view.page !== 1) params.set('page', String(view.page));
  if (view.pageSize !== defaultAccountsView.pageSize) params.set('pageSize', String(view.pageSize));
  return params;
}

/** The API query for a view. */
export function toAccountListQuery(view: AccountsView): QueryValues {
  return {
    q: view.q.trim() || undefined,
    status: view.status.length > 0 ? view.status.join(',') : undefined,
    owner: view.owner || undefined,
    tier: view.tier.trim() || undefined,
    sort: view.sort,
    page: view.page,
    pageSize: view.pageSize,
  };
}

/** True when anything narrows the list (search or a filter), so an empty list means "no match". */
export function hasFilters(view: AccountsView): boolean {
  return Boolean(view.q.trim() || view.status.length > 0 || view.owner || view.tier.trim());
}

/** Clicking a column header: sort ascending by it, or flip direction when it is already the sort. */
export function nextSort(current: AccountSort, field: AccountSortField): AccountSort {
  if (current === field) return `-${field}`;
  return field;
}
