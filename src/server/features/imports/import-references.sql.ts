import type pg from 'pg';
import type { ImportProblem } from '../../../domain/imports/import-problems';
import { STAGING_TABLE } from './import-staging';

/**
 * Reference resolution: each reference field of the staged rows is resolved once per distinct
 * value into a temp table `ref_<field>` (ref → id, matches), which the upsert joins. Rows whose
 * value names nothing, or more than one record, come back as problems. Field names are constants
 * of the kind definitions, never user input.
 */

/** Staged row a problem is about: its number and the value that failed. */
interface UnresolvedRow {
  row_number: number;
  value: string;
  matches: number;
}

export const referenceTable = (field: string) => `ref_${field}`;

async function createReferenceTable(client: pg.PoolClient, field: string, key: string): Promise<void> {
  await client.query(`CREATE TEMP TABLE ${referenceTable(field)} (${key}, id uuid, matches integer NOT NULL) ON COMMIT DROP`);
}

/** Picks the candidates of the best (lowest) rank per ref; a unique one resolves, several are ambiguous. */
const bestCandidateSelect = `
  best AS (SELECT ref, min(rank) AS rank FROM candidates GROUP BY ref)
  SELECT r.ref,
         CASE WHEN count(DISTINCT c.id) = 1 THEN (array_agg(c.id))[1] END,
         count(DISTINCT c.id)::int
    FROM refs r
    LEFT JOIN best b ON b.ref = r.ref
    LEFT JOIN candidates c ON c.ref = b.ref AND c.rank = b.rank
   GROUP BY r.ref`;

async function unresolvedRows(client: pg.PoolClient, field: string): Promise<UnresolvedRow[]> {
  const result = await client.query<UnresolvedRow>(
    `SELECT t.row_number, t.${field} AS value, r.matches
       FROM ${STAGING_TABLE} t JOIN ${referenceTable(field)} r ON r.ref = t.${field}
      WHERE r.id IS NULL
      ORDER BY t.row_number`,
  );
  return result.rows;
}

/**
 * Resolves an account reference by, in order: external id of this import's source, external id
 * of another source, CRM id, billing id, support id, then name (case-insensitive). With `inFile`,
 * rows of the file being imported (by external id, through their pre-assigned `new_id`) come first.
 */
export async function resolveAccountReference(
  client: pg.PoolClient,
  field: string,
  options: { source: string; inFile: boolean },
): Promise<ImportProblem[]> {
  await createReferenceTable(client, field, 'ref text PRIMARY KEY');
  const inFile = options.inFile ? `SELECT r.ref, f.new_id, 0 FROM refs r JOIN ${STAGING_TABLE} f ON f.external_id = r.ref UNION ALL` : '';
  await client.query(
    `INSERT INTO ${referenceTable(field)} (ref, id, matches)
     WITH refs AS (SELECT DISTINCT ${field} AS ref FROM ${STAGING_TABLE} WHERE ${field} IS NOT NULL),
     candidates (ref, id, rank) AS (
       ${inFile}
       SELECT r.ref, a.id, CASE WHEN a.source = $1 THEN 1 ELSE 2 END FROM refs r JOIN accounts a ON a.external_id = r.ref
       UNION ALL SELECT r.ref, a.id, 3 FROM refs r JOIN accounts a ON a.crm_id = r.ref
       UNION ALL SELECT r.ref, a.id, 4 FROM refs r JOIN accounts a ON a.billing_id = r.ref
       UNION ALL SELECT r.ref, a.id, 5 FROM refs r JOIN accounts a ON a.support_id = r.ref
       UNION ALL SELECT r.ref, a.id, 6 FROM refs r JOIN accounts a ON lower(a.name) = lower(r.ref)
     ),
     ${bestCandidateSelect}`,
    [options.source],
  );
  return (await unresolvedRows(client, field)).map(({ row_number, value, matches }) => ({
    row: row_number,
    field,
    value,
    message:
      matches === 0
        ? `no account has the external id, CRM id, billing id, support id or name "${value}"; import that account first or correct the value`
        : `"${value}" matches ${matches} accounts; use a value that names one account, such as its external id`,
  }));
}

/** Resolves one of our people by email, else by full name (both case-insensitive). */
export async function resolveUserReference(client: pg.PoolClient, field: string): Promise<ImportProblem[]> {
  await createReferenceTable(client, field, 'ref text PRIMARY KEY');
  await client.query(
    `INSERT INTO ${referenceTable(field)} (ref, id, matches)
     WITH refs AS (SELECT DISTINCT ${field} AS ref FROM ${STAGING_TABLE} WHERE ${field} IS NOT NULL),
     candidates (ref, id, rank) AS (
       SELECT r.ref, u.id, 1 FROM refs r JOIN users u ON u.email = lower(r.ref)
       UNION ALL SELECT r.ref, u.id, 2 FROM refs r JOIN users u ON lower(u.name) = lower(r.ref)
     ),
     ${bestCandidateSelect}`,
  );
  return (await unresolvedRows(client, field)).map(({ row_number, value, matches }) => ({
    row: row_number,
    field,
    value,
    message:
      matches === 0
        ? `no Cycle user has the email or name "${value}"; add them (cycle users add) or correct the value`
        : `"${value}" is the name of ${matches} Cycle users; use their email instead`,
  }));
}

/**
 * Resolves a contact of the row's account by email (`accountField` must be resolved first).
 * When several contacts of the account share the email, the one from this source wins, then the oldest.
 */
export async function resolveContactReference(
  client: pg.PoolClient,
  field: string,
  options: { source: string; accountField: string },
): Promise<ImportProblem[]> {
  await createReferenceTable(client, field, 'account_id uuid, ref text, PRIMARY KEY (account_id, ref)');
  const accounts = referenceTable(options.accountField);
  await client.query(
    `INSERT INTO ${referenceTable(field)} (account_id, ref, id, matches)
     SELECT r.account_id, r.ref,
            (array_agg(c.id ORDER BY (c.source = $1) DESC, c.created_at, c.id) FILTER (WHERE c.id IS NOT NULL))[1],
            count(c.id)::int
       FROM (SELECT DISTINCT ra.id AS account_id, t.${field} AS ref
               FROM ${STAGING_TABLE} t JOIN ${accounts} ra ON ra.ref = t.${options.accountField}
              WHERE ra.id IS NOT NULL AND t.${field} IS NOT NULL) r
       LEFT JOIN contacts c ON c.account_id = r.account_id AND lower(c.email) = r.ref
      GROUP BY r.account_id, r.ref`,
    [options.source],
  );
  const result = await client.query<{ row_number: number; value: string }>(
    `SELECT t.row_number, t.${field} AS value
       FROM ${STAGING_TABLE} t
       JOIN ${accounts} ra ON ra.ref = t.${options.accountField}
       JOIN ${referenceTable(field)} rc ON rc.account_id = ra.id AND rc.ref = t.${field}
      WHERE rc.id IS NULL
      ORDER BY t.row_number`,
  );
  return result.rows.map(({ row_number, value }) => ({
    row: row_number,
    field,
    value,
    message: `the account has no contact with email "${value}"; import that contact first or leave the cell empty`,
  }));
}

/** Resolves a list of contact emails per row into sorted contact ids of the row's account. */
export async function resolveContactListReference(
  client: pg.PoolClient,
  field: string,
  options: { source: string; accountField: string },
): Promise<ImportProblem[]> {
  await client.query(
    `CREATE TEMP TABLE ${referenceTable(field)} (row_number integer PRIMARY KEY, ids uuid[] NOT NULL, missing text[] NOT NULL) ON COMMIT DROP`,
  );
  await client.query(
    `INSERT INTO ${referenceTable(field)} (row_number, ids, missing)
     WITH wanted AS (
       SELECT t.row_number, ra.id AS account_id, wanted.email
         FROM ${STAGING_TABLE} t
         JOIN ${referenceTable(options.accountField)} ra ON ra.ref = t.${options.accountField}
        CROSS JOIN LATERAL unnest(t.${field}) AS wanted(email)
        WHERE ra.id IS NOT NULL
     ), found AS (
       SELECT w.row_number, w.email,
              (SELECT c.id FROM contacts c
                WHERE c.account_id = w.account_id AND lower(c.email) = w.email
                ORDER BY (c.source = $1) DESC, c.created_at, c.id LIMIT 1) AS id
         FROM wanted w
     )
     SELECT row_number,
            coalesce(array_agg(DISTINCT id ORDER BY id) FILTER (WHERE id IS NOT NULL), '{}'),
            coalesce(array_agg(email ORDER BY email) FILTER (WHERE id IS NULL), '{}')
       FROM found GROUP BY row_number`,
    [options.source],
  );
  const result = await client.query<{ row_number: number; missing: string[] }>(
    `SELECT row_number, missing FROM ${referenceTable(field)} WHERE cardinality(missing) > 0 ORDER BY row_number`,
  );
  return result.rows.map(({ row_number, missing }) => ({
    row: row_number,
    field,
    value: missing.join(';'),
    message: `the account has no contact with email ${missing.map((email) => `"${email}"`).join(', ')}; import those contacts first or remove them`,
  }));
}
