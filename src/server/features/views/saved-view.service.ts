import type {
  SavedView,
  SavedViewCreate,
  SavedViewPage,
  SavedViewUpdate,
} from '../../../shared/api/views.contract';
import type { Actor } from '../../auth/policy';
import type { Db } from '../../db/database';
import { conflict, notFound } from '../../http/problem';
import { presentSavedView } from './saved-view.presenter';
import {
  deleteOwnSavedView,
  insertSavedView,
  listSavedViews,
  updateOwnSavedView,
} from './saved-view.repository';

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  return code === '23505';
}

/** Runs a write and turns the per-user unique name into a 409 that says what to do. */
async function withUniqueName<T>(name: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(
        `You already have a view named "${name}". Pick another name, or update that view instead.`,
        [{ field: 'body.name', message: 'already used by another of your views (names ignore case)' }],
      );
    }
    throw error;
  }
}

/** The signed-in user's saved views of one list. Nobody sees anyone else's. */
export async function listViewsOf(db: Db, actor: Actor, page: SavedViewPage): Promise<SavedView[]> {
  return (await listSavedViews(db, actor.userId, page)).map(presentSavedView);
}

/** Saves a view for the signed-in user; 409 when they already have one with this name. */
export async function createView(db: Db, actor: Actor, input: SavedViewCreate): Promise<SavedView> {
  const row = await withUniqueName(input.name, () =>
    insertSavedView(db, { userId: actor.userId, page: input.page, name: input.name, query: input.query }),
  );
  return presentSavedView(row);
}

/** Renames or re-points one of the user's views; another user's id is a 404, as if it did not exist. */
export async function updateView(
  db: Db,
  actor: Actor,
  id: string,
  input: SavedViewUpdate,
): Promise<SavedView> {
  const row = await withUniqueName(input.name, () => updateOwnSavedView(db, actor.userId, id, input));
  if (!row) throw notFound('saved view', id);
  return presentSavedView(row);
}

/** Deletes one of the user's views; another user's id is a 404. */
export async function deleteView(db: Db, actor: Actor, id: string): Promise<void> {
  if (!(await deleteOwnSavedView(db, actor.userId, id))) throw notFound('saved view', id);
}
