import type { PoolClient } from 'pg';
import type { TrackingMessage } from './tracking-messages';
import { usageFoldCtes } from './usage-fold.sql';

type Traits = Record<string, unknown>;
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : null;

/**
 * identify: keeps the user's traits and creates or updates their contact — found by the user id
 * (a contact of this source with that external id) or by email — once the user's account is known.
 * Returns the account whose data changed, if any.
 */
export async function applyIdentify(
  client: PoolClient,
  source: string,
  message: TrackingMessage,
): Promise<string | null> {
  const result = await client.query<{ account_id: string | null; contact_id: string | null; traits: Traits }>(
    `INSERT INTO tracked_users (source, user_key, user_id, anonymous_id, traits) VALUES ($1, $2, $3, $4, $5::jsonb)
     ON CONFLICT (source, user_key) DO UPDATE SET
       traits = tracked_users.traits || excluded.traits, last_seen_at = now(),
       user_id = coalesce(excluded.user_id, tracked_users.user_id),
       anonymous_id = coalesce(excluded.anonymous_id, tracked_users.anonymous_id)
     RETURNING account_id, contact_id, traits`,
    [source, message.userKey, message.userId, message.anonymousId, JSON.stringify(message.traits)],
  );
  const user = result.rows[0]!;
  if (user.account_id === null) return null;
  await linkContact(
    client,
    source,
    message.userKey,
    message.userId,
    user.account_id,
    user.contact_id,
    user.traits,
  );
  return user.account_id;
}

/**
 * group: records the group and its traits, matches it to the account whose external id is the
 * groupId (when exactly one account has it), merges the traits into that account's traits, puts the
 * user in the group and attributes the user's waiting (unmatched) events to the account.
 * Returns the account whose data changed, if any.
 */
export async function applyGroup(
  client: PoolClient,
  source: string,
  message: TrackingMessage,
): Promise<string | null> {
  const groupId = message.groupId!;
  const accountId = await upsertGroup(client, source, groupId, message.traits);
  const user = await client.query<{ contact_id: string | null; traits: Traits }>(
    `INSERT INTO tracked_users (source, user_key, user_id, anonymous_id, group_id, account_id) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (source, user_key) DO UPDATE SET
       group_id = excluded.group_id, account_id = excluded.account_id, last_seen_at = now(),
       user_id = coalesce(excluded.user_id, tracked_users.user_id),
       anonymous_id = coalesce(excluded.anonymous_id, tracked_users.anonymous_id)
     RETURNING contact_id, traits`,
    [source, message.userKey, message.userId, message.anonymousId, groupId, accountId],
  );
  if (accountId === null) return null;
  const { contact_id: contactId, traits } = user.rows[0]!;
  await linkContact(client, source, message.userKey, message.userId, accountId, contactId, traits);
  await attributeWaitingEvents(client, source, [message.userKey], accountId);
  return accountId;
}

/**
 * alias: the user known as previousId is now userId. The new user inherits the old one's account,
 * contact and traits where it has none, and the old id's waiting events follow it to the account.
 */
export async function applyAlias(
  client: PoolClient,
  source: string,
  message: TrackingMessage,
): Promise<string | null> {
  const previousKeys = [`user:${message.previousId}`, `anon:${message.previousId}`];
  const previous = await client.query<{
    account_id: string | null;
    contact_id: string | null;
    group_id: string | null;
    traits: Traits;
  }>(
    `SELECT account_id, contact_id, group_id, traits FROM tracked_users
     WHERE source = $1 AND user_key = ANY($2::text[]) ORDER BY account_id IS NULL, user_key LIMIT 1`,
    [source, previousKeys],
  );
  const old = previous.rows[0];
  const merged = await client.query<{ account_id: string | null }>(
    `INSERT INTO tracked_users (source, user_key, user_id, group_id, account_id, contact_id, traits)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
     ON CONFLICT (source, user_key) DO UPDATE SET
       group_id = coalesce(tracked_users.group_id, excluded.group_id),
       account_id = coalesce(tracked_users.account_id, excluded.account_id),
       contact_id = coalesce(tracked_users.contact_id, excluded.contact_id),
       traits = excluded.traits || tracked_users.traits, last_seen_at = now()
     RETURNING account_id`,
    [
      source,
      message.userKey,
      message.userId,
      old?.group_id ?? null,
      old?.account_id ?? null,
      old?.contact_id ?? null,
      JSON.stringify(old?.traits ?? {}),
    ],
  );
  const accountId = merged.rows[0]!.account_id;
  if (accountId === null) return null;
  await attributeWaitingEvents(client, source, [...previousKeys, message.userKey], accountId);
  return accountId;
}

/**
 * Records a group (merging its traits) and returns its account: the one it is mapped to, else the
 * single account whose external id is the groupId (then remembered), else null (unmatched).
 */
async function upsertGroup(
  client: PoolClient,
  source: string,
  groupId: string,
  traits: Traits,
): Promise<string | null> {
  const group = await client.query<{ account_id: string | null }>(
    `INSERT INTO tracked_groups (source, group_id, traits) VALUES ($1, $2, $3::jsonb)
     ON CONFLICT (source, group_id) DO UPDATE SET traits = tracked_groups.traits || excluded.traits, last_seen_at = now()
     RETURNING account_id`,
    [source, groupId, JSON.stringify(traits)],
  );
  let accountId = group.rows[0]!.account_id;
  if (accountId === null) {
    const matches = await client.query<{ id: string }>(
      'SELECT id FROM accounts WHERE external_id = $1 LIMIT 2',
      [groupId],
    );
    if (matches.rows.length !== 1) return null;
    accountId = matches.rows[0]!.id;
    await client.query('UPDATE tracked_groups SET account_id = $3 WHERE source = $1 AND group_id = $2', [
      source,
      groupId,
      accountId,
    ]);
  }
  if (Object.keys(traits).length > 0) {
    await client.query('UPDATE accounts SET traits = traits || $2::jsonb, updated_at = now() WHERE id = $1', [
      accountId,
      JSON.stringify(traits),
    ]);
  }
  return accountId;
}

/**
 * Finds or creates the contact of a tracked user of `accountId`: the contact already linked, else one
 * with this source and the user id as external id, else one with the user's email (preferring this
 * account's); with none, and an email or a name to go by, a new contact. Fills in the name, title,
 * phone and email the traits give, and links the contact to the user.
 */
async function linkContact(
  client: PoolClient,
  source: string,
  userKey: string,
  userId: string | null,
  accountId: string,
  contactId: string | null,
  traits: Traits,
): Promise<void> {
  const email = text(traits.email);
  const [first, ...rest] = (text(traits.name) ?? '').split(/\s+/);
  const fields = {
    first_name: text(traits.firstName ?? traits.first_name) ?? (first || null),
    last_name: text(traits.lastName ?? traits.last_name) ?? (rest.join(' ') || null),
    title: text(traits.title),
    phone: text(traits.phone),
    email,
  };
  let id = contactId;
  if (id === null && (userId !== null || email !== null)) {
    const found = await client.query<{ id: string }>(
      `SELECT id FROM contacts
       WHERE ($2::text IS NOT NULL AND source = $1 AND external_id = $2) OR ($3::text IS NOT NULL AND lower(email) = lower($3))
       ORDER BY (source = $1 AND external_id IS NOT DISTINCT FROM $2) DESC, (account_id = $4) DESC, created_at
       LIMIT 1`,
      [source, userId, email, accountId],
    );
    id = found.rows[0]?.id ?? null;
  }
  if (id === null) {
    // A user known only by an id (no email, no name) is not worth a contact: wait for identify.
    if (email === null && fields.first_name === null && fields.last_name === null) return;
    const created = await client.query<{ id: string }>(
      `INSERT INTO contacts (account_id, source, external_id, first_name, last_name, title, phone, email)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        accountId,
        source,
        userId,
        fields.first_name,
        fields.last_name,
        fields.title,
        fields.phone,
        fields.email,
      ],
    );
    id = created.rows[0]!.id;
  } else {
    await client.query(
      `UPDATE contacts SET first_name = coalesce($2, first_name), last_name = coalesce($3, last_name), title = coalesce($4, title),
              phone = coalesce($5, phone), email = coalesce($6, email), updated_at = now()
       WHERE id = $1`,
      [id, fields.first_name, fields.last_name, fields.title, fields.phone, fields.email],
    );
  }
  await client.query('UPDATE tracked_users SET contact_id = $3 WHERE source = $1 AND user_key = $2', [
    source,
    userKey,
    id,
  ]);
}

/**
 * Attributes the waiting (unmatched) events of these users to `accountId`. Those the usage fold has
 * already passed (it skipped them for having no account) are folded into the daily usage here, in
 * the same statement; newer ones are left to the fold, which will count them with their account.
 * The fold state is share-locked so a fold cannot run between reading its horizon and committing.
 * Returns how many events were attributed.
 */
export async function attributeWaitingEvents(
  client: PoolClient,
  source: string,
  userKeys: string[],
  accountId: string,
): Promise<number> {
  const result = await client.query<{ attributed: number }>(
    `WITH fold AS (SELECT horizon FROM usage_fold_state WHERE id = 1 FOR SHARE),
     attributed AS (
       UPDATE usage_events e SET account_id = $3, contact_id = u.contact_id
       FROM tracked_users u
       WHERE e.source = $1 AND e.user_key = ANY($2::text[]) AND e.account_id IS NULL
         AND u.source = e.source AND u.user_key = e.user_key
       RETURNING e.source, e.account_id, e.user_key, e.type, e.event, e.occurred_at, e.fold_txid
     ),
     landed AS (
       SELECT * FROM attributed
       WHERE fold_txid IS NULL OR fold_txid < (SELECT horizon FROM fold)
     ),${usageFoldCtes()}
     SELECT count(*)::int AS attributed FROM attributed`,
    [source, userKeys, accountId],
  );
  return result.rows[0]!.attributed;
}
