import type { SavedView } from '../../../shared/api/views.contract';
import type { SavedViewRow } from './saved-view.repository';

/** The public shape of a saved view; the owner's id stays on the server (it is always the caller). */
export function presentSavedView(row: SavedViewRow): SavedView {
  return {
    id: row.id,
    page: row.page as SavedView['page'],
    name: row.name,
    query: row.query,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
