import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../src/server/db/database';
import type { TestServer, TestUser } from './test-server';
import { countRows } from './test-database';

/** Helpers shared by the import integration tests (not a test file itself). */

export const fixtureFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/csv');

/** The bytes of a CSV fixture in test/fixtures/csv. */
export function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(fixtureFolder, name));
}

export interface ImportResponse {
  status: number;
  // The parsed JSON body; tests assert its exact shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
  contentType: string | null;
}

/**
 * POSTs a multipart import: `fields` first, then the file (unless `file` is null).
 * `as` is a signed-in user, or omitted for an anonymous call.
 */
export async function postImport(
  server: TestServer,
  as: TestUser | undefined,
  fields: Record<string, string>,
  file: { content: Buffer | string; name: string } | null,
): Promise<ImportResponse> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) {
    const bytes = typeof file.content === 'string' ? file.content : new Uint8Array(file.content);
    form.append('file', new Blob([bytes], { type: 'text/csv' }), file.name);
  }
  const headers: Record<string, string> = as ? { cookie: as.cookie } : {};
  const response = await fetch(`${server.baseUrl}/api/v1/imports`, { method: 'POST', headers, body: form });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text, contentType: response.headers.get('content-type') };
}

/** POSTs a fixture file as an import of `kind`, with extra fields. */
export function importFixture(server: TestServer, as: TestUser, kind: string, name: string, fields: Record<string, string> = {}) {
  return postImport(server, as, { kind, ...fields }, { content: fixture(name), name });
}

export const importedTables = [
  'accounts',
  'contacts',
  'subscriptions',
  'tickets',
  'usage_daily',
  'survey_responses',
  'activities',
  'churn_events',
] as const;

/** Row counts of every table an import writes, to prove a refused import changed nothing. */
export async function countImportedRows(database: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of importedTables) counts[table] = await countRows(database, table);
  return counts;
}
