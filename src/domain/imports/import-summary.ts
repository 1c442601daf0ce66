/** Row counts of a finished import. */
export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/**
 * The one-line summary shown at the end of an import.
 * @example formatImportSummary({ inserted: 3, updated: 1, unchanged: 0, rejected: 2 }) // 'inserted 3, updated 1, unchanged 0, rejected 2'
 */
export function formatImportSummary(counts: ImportCounts): string {
  return `inserted ${counts.inserted}, updated ${counts.updated}, unchanged ${counts.unchanged}, rejected ${counts.rejected}`;
}
