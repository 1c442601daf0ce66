import type pg from 'pg';
import type { ColumnMapping } from '../../../domain/imports/column-mapping';
import type { ImportKindDefinition } from '../../../domain/imports/import-fields';
import type { ImportOptions } from '../../../domain/imports/import-options';
import { validateRow } from '../../../domain/imports/row-validation';
import { startCopy } from './copy-stream-writer';
import type { CsvRecordReader } from './csv-record-reader';
import { rejectRow, type RejectionLog } from './import-rejections';
import { copyIntoStagingSql, createStagingTableSql, STAGING_TABLE, stagingColumns, stagingLine } from './import-staging';

/** Progress of a running import, reported about every {@link PROGRESS_EVERY_ROWS} rows. */
export interface ImportProgress {
  phase: 'reading' | 'writing';
  rowsRead: number;
  bytesRead: number;
}

export const PROGRESS_EVERY_ROWS = 2000;

/**
 * Reads every data row, validates it, and COPYs the valid ones into the staging table (created
 * here, inside the caller's transaction). Invalid rows and repeated external ids go to `log`.
 * Returns the number of data rows read.
 */
export async function stageRows(
  client: pg.PoolClient,
  reader: CsvRecordReader,
  context: {
    definition: ImportKindDefinition;
    mapping: ColumnMapping;
    options: ImportOptions;
    log: RejectionLog;
    onProgress?: (progress: ImportProgress) => void;
  },
): Promise<number> {
  const { definition, mapping, options, log } = context;
  const columns = stagingColumns(definition, options.skipInvalid);
  await client.query(createStagingTableSql(columns));
  const copy = startCopy(client, copyIntoStagingSql(columns));
  const externalIdColumn = mapping.fieldColumns.get('external_id');
  const firstRowOfExternalId = new Map<string, number>();
  const validation = { definition, mapping, dateFormat: options.dateFormat, defaultCurrency: options.defaultCurrency, checkEncoding: false };
  let rowsRead = 0;
  try {
    for await (const record of reader.records) {
      rowsRead += 1;
      if (rowsRead % PROGRESS_EVERY_ROWS === 0) context.onProgress?.({ phase: 'reading', rowsRead, bytesRead: reader.state.bytesRead });
      validation.checkEncoding = reader.state.invalidUtf8;
      const result = validateRow(record.cells, record.row, validation);
      // Original cells are kept only when rejected rows are handed back.
      const cells = options.skipInvalid ? record.cells : null;
      if (!result.ok) {
        rejectRow(log, record.row, cells, result.problems);
        const rejectedId = externalIdColumn === undefined ? '' : (record.cells[externalIdColumn] ?? '').trim();
        if (rejectedId !== '' && !log.rejectedExternalIds.has(rejectedId)) log.rejectedExternalIds.set(rejectedId, record.row);
        continue;
      }
      const externalId = result.row.values.external_id;
      if (definition.key === 'external-id' && typeof externalId === 'string') {
        const firstRow = firstRowOfExternalId.get(externalId);
        if (firstRow !== undefined) {
          const column = mapping.headers[externalIdColumn!];
          const message = `external id "${externalId}" is also on row ${firstRow}; each record may appear only once in a file`;
          rejectRow(log, record.row, cells, [{ row: record.row, column, field: 'external_id', value: externalId, message }]);
          continue;
        }
        firstRowOfExternalId.set(externalId, record.row);
      }
      await copy.write(stagingLine(definition, record.row, result.row.values, result.row.extras, cells));
    }
    await copy.finish();
  } catch (error) {
    await copy.abort();
    throw error;
  }
  context.onProgress?.({ phase: 'writing', rowsRead, bytesRead: reader.state.bytesRead });
  await client.query(`ANALYZE ${STAGING_TABLE}`);
  return rowsRead;
}

/** Removes rows rejected by SQL checks from the staging table; returns their original cells. */
export async function unstageRows(client: pg.PoolClient, rows: readonly number[]): Promise<Map<number, string[] | null>> {
  if (rows.length === 0) return new Map();
  const result = await client.query<{ row_number: number; raw_record: string[] | null }>(
    `DELETE FROM ${STAGING_TABLE} WHERE row_number = ANY($1::int[]) RETURNING row_number, raw_record`,
    [rows],
  );
  return new Map(result.rows.map((row) => [row.row_number, row.raw_record]));
}

export async function countStagedRows(client: pg.PoolClient): Promise<number> {
  const result = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${STAGING_TABLE}`);
  return result.rows[0]!.count;
}
