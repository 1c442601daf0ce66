import type { boardSortFields } from '../../../shared/api/journey.contract';
import type { QueryValues } from '../../api/api-client';

export type BoardSort = (typeof boardSortFields)[number];

/** The drill-down's sorts, in the order the picker offers them. */
export const boardSorts: readonly { value: BoardSort; label: string }[] = [
  { value: '-daysInStage', label: 'Longest in stage first' },
  { value: 'daysInStage', label: 'Newest in stage first' },
  { value: '-arr', label: 'ARR, highest first' },
  { value: 'arr', label: 'ARR, lowest first' },
  { value: 'name', label: 'Name, A to Z' },
  { value: '-name', label: 'Name, Z to A' },
];

/** Which accounts of a column to list: all, only overdue, or only on track. */
export type BoardFilter = 'all' | 'overdue' | 'on_track';

export const BOARD_PAGE_SIZE = 25;

/** What the journey page shows besides the board; it lives in the URL so a link opens the same drill-down. */
export interface JourneyView {
  /** The column opened below the board; null for none. */
  stage: string | null;
  filter: BoardFilter;
  sort: BoardSort;
  page: number;
}

/** Reads the view from the URL, ignoring values it cannot use. */
export function readJourneyView(params: URLSearchParams): JourneyView {
  const overdue = params.get('overdue');
  const sort = params.get('sort');
  const page = params.get('page');
  return {
    stage: params.get('stage') || null,
    filter: overdue === 'true' ? 'overdue' : overdue === 'false' ? 'on_track' : 'all',
    sort: boardSorts.find((option) => option.value === sort)?.value ?? '-daysInStage',
    page: page !== null && /^\d{1,6}$/.test(page) && Number(page) >= 1 ? Number(page) : 1,
  };
}

/** The query string of a view, defaults left out. */
export function writeJourneyView(view: JourneyView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.stage) params.set('stage', view.stage);
  if (view.filter !== 'all') params.set('overdue', view.filter === 'overdue' ? 'true' : 'false');
  if (view.sort !== '-daysInStage') params.set('sort', view.sort);
  if (view.page !== 1) params.set('page', String(view.page));
  return params;
}

/** The API query of a column's drill-down. */
export function boardAccountsQuery(view: JourneyView): QueryValues {
  return {
    overdue: view.filter === 'all' ? undefined : view.filter === 'overdue' ? 'true' : 'false',
    sort: view.sort,
    page: view.page,
    pageSize: BOARD_PAGE_SIZE,
  };
}
