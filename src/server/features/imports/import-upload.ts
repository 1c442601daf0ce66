import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { IMPORT_FILE_LIMIT } from '../../http/limits';
import { badRequest, ProblemError } from '../../http/problem';
import { type ImportFormField, importFormFields } from './import.schemas';

/** A received upload: the form fields, and the file saved to a private temp folder. */
export interface ImportUpload {
  fields: Partial<Record<ImportFormField, string>>;
  filePath: string;
  fileName: string;
  /** Deletes the saved file; always call it. */
  discard(): Promise<void>;
}

const FILE_FIELD = 'file';

function fileTooLarge(): ProblemError {
  const megabytes = Math.round(IMPORT_FILE_LIMIT / 1024 / 1024);
  return new ProblemError(
    413,
    'Too large',
    `The file is larger than the import limit of ${megabytes} MB (${IMPORT_FILE_LIMIT} bytes). Split it into smaller files, or import it with the command line (cycle import), which has no limit.`,
  );
}

function fieldText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Reads a multipart/form-data import request: the `file` part is saved to a temp file (so the
 * form fields may come before or after it) and every other part must be a known field.
 * Throws 413 when the file passes IMPORT_FILE_LIMIT and 400 for a malformed form.
 */
export async function receiveImportUpload(request: FastifyRequest): Promise<ImportUpload> {
  if (!request.isMultipart()) {
    throw badRequest(`Send the CSV as multipart/form-data with a "${FILE_FIELD}" part and the fields ${importFormFields.join(', ')}.`, [
      { field: 'body', message: 'must be multipart/form-data' },
    ]);
  }
  const folder = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'cycle-import-'));
  const discard = () => fs.promises.rm(folder, { recursive: true, force: true });
  const fields: ImportUpload['fields'] = {};
  let saved: { filePath: string; fileName: string } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        const name = importFormFields.find((field) => field === part.fieldname);
        if (!name) {
          throw badRequest(`Unknown form field "${part.fieldname}"; the fields are ${FILE_FIELD}, ${importFormFields.join(', ')}.`, [
            { field: part.fieldname, message: 'unknown field; remove it' },
          ]);
        }
        fields[name] = fieldText(part.value);
        continue;
      }
      if (part.fieldname !== FILE_FIELD) {
        part.file.resume();
        throw badRequest(`The CSV must be sent in the "${FILE_FIELD}" part, not "${part.fieldname}".`, [
          { field: part.fieldname, message: `send the file as "${FILE_FIELD}"` },
        ]);
      }
      const filePath = path.join(folder, 'upload.csv');
      await pipeline(part.file, fs.createWriteStream(filePath, { mode: 0o600 }));
      if (part.file.truncated) throw fileTooLarge();
      saved = { filePath, fileName: path.basename(part.filename || 'upload.csv') };
    }
  } catch (error) {
    await discard();
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge();
    throw error;
  }
  if (!saved) {
    await discard();
    throw badRequest(`The "${FILE_FIELD}" part with the CSV is missing.`, [{ field: FILE_FIELD, message: 'attach the CSV file' }]);
  }
  return { fields, ...saved, discard };
}
