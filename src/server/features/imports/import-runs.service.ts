import type { Db } from '../../db/database';
import { notFound } from '../../http/problem';
import { findImportRun, listImportRuns } from './import-run.repository';
import { presentImportRun, presentImportRunDetail } from './import.presenter';
import type { ImportRunDetail } from './import.schemas';

/** Past import runs, newest first. */
export async function listImportRunPage(db: Db, page: number, pageSize: number) {
  const { rows, total } = await listImportRuns(db, page, pageSize);
  return { items: rows.map(presentImportRun), total, page, pageSize };
}

/** One run with the problems it recorded. */
export async function getImportRun(db: Db, id: string): Promise<ImportRunDetail> {
  const row = await findImportRun(db, id);
  if (!row) throw notFound('import run', id);
  return presentImportRunDetail(row);
}
