import type {
  OverdueAccountPage,
  OverdueQuery,
  Tier,
  TierCadenceList,
  TierCreate,
  TierUpdate,
} from '../../../shared/api/tiers.contract';
import type { Database } from '../../db/database';
import { badRequest, conflict, notFound, type ProblemItem } from '../../http/problem';
import { ensureMrrToday } from '../accounts/mrr-today';
import { lockJourney, refreshJourneyIn } from './journey-refresh';
import { assertValidRule, catalogueFor, ruleProblems } from './rule-validation';
import type { Queryable } from './segment-fields';
import { utcToday } from './segment-membership';
import { overdueRows, tierCadenceRows } from './tier-cadence';
import { catalogueForSaved } from './tier-assignment';
import {
  clearTierOfAccounts,
  deleteTierRow,
  insertTierRow,
  listTierRows,
  renameTierReferences,
  type TierRow,
  updateTierRow,
  writeTierOrder,
} from './tier.repository';

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

/** Every tier in order (the default last) with account counts and the problems of saved rules. */
export async function listTiers(db: Queryable): Promise<Tier[]> {
  const rows = await listTierRows(db);
  const rules = rows.flatMap((row) => (row.rule ? [row.rule] : []));
  const catalogue = rules.length > 0 ? await catalogueForSaved(db, rules) : undefined;
  return rows.map((row) =>
    presentTier(row, row.rule && catalogue ? ruleProblems(row.rule, catalogue, 'tier') : []),
  );
}

function presentTier(row: TierRow, problems: Tier['problems']): Tier {
  return {
    id: row.id,
    name: row.name,
    position: row.place,
    isDefault: row.rule === null,
    rule: row.rule,
    touchModel: row.touch_model,
    ebrEveryDays: row.ebr_every_days,
    checkInEveryDays: row.check_in_every_days,
    accountCount: row.account_count,
    problems,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

async function findTier(db: Queryable, id: string): Promise<Tier> {
  const tier = (await listTiers(db)).find((candidate) => candidate.id === id);
  if (!tier) throw notFound('tier', id);
  return tier;
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  return code === '23505';
}

/**
 * Runs a tier change in one transaction with the journey lock, then re-applies tiers, stage rules and
 * segments in it, so the answer (and every account) reflects the change; a duplicate name is a 409.
 */
async function changeTiers<T>(
  database: Database,
  name: string | undefined,
  work: (tx: Queryable) => Promise<T>,
): Promise<T> {
  await ensureMrrToday(database.db);
  try {
    return await database.db.transaction(async (tx) => {
      await lockJourney(tx);
      const result = await work(tx);
      await refreshJourneyIn(tx);
      return result;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(`A tier named "${name}" already exists. Pick another name, or edit that tier.`, [
        { field: 'body.name', message: 'already used by another tier (names ignore case)' },
      ]);
    throw error;
  }
}

/**
 * Creates a tier. `rule: null` makes the default tier (only one; it comes first, and stays last);
 * a tier with a rule goes just before the default. Accounts are re-tiered before the answer.
 */
export async function createTier(database: Database, input: TierCreate): Promise<Tier> {
  const { db } = database;
  const tiers = await listTiers(db);
  const fallback = tiers.find((tier) => tier.isDefault);
  if (input.rule === null && fallback) {
    throw conflict(
      `"${fallback.name}" is already the default tier (it takes every account no other tier matches). Give this tier a rule, or edit "${fallback.name}".`,
      [{ field: 'body.rule', message: 'only one tier can be the default (rule null)' }],
    );
  }
  if (input.rule !== null) {
    if (!fallback) {
      throw badRequest(
        'Create the default tier first (rule null): it takes every account no other tier matches, so every account has a tier.',
        [{ field: 'body.rule', message: 'no default tier yet; create one with rule null first' }],
      );
    }
    assertValidRule(input.rule, await catalogueFor(db, [input.rule]), 'tier');
  }
  const id = await changeTiers(database, input.name, (tx) =>
    insertTierRow(tx, {
      name: input.name,
      rule: input.rule,
      touchModel: input.touchModel,
      ebrEveryDays: input.ebrEveryDays ?? null,
      checkInEveryDays: input.checkInEveryDays ?? null,
    }),
  );
  return findTier(db, id);
}

/** Changes a tier's name, rule, touch model or cadences; the default keeps rule null. */
export async function updateTier(database: Database, id: string, input: TierUpdate): Promise<Tier> {
  const { db } = database;
  const existing = await findTier(db, id);
  if (existing.isDefault && input.rule) {
    throw badRequest('The default tier has no rule: it takes every account no other tier matches.', [
      { field: 'body.rule', message: 'must stay null on the default tier' },
    ]);
  }
  if (!existing.isDefault && input.rule === null) {
    throw conflict(
      'There is already a default tier; only one tier can take the accounts no other tier matches.',
      [{ field: 'body.rule', message: 'only the default tier has rule null' }],
    );
  }
  if (input.rule) assertValidRule(input.rule, await catalogueFor(db, [input.rule]), 'tier');
  await changeTiers(database, input.name, async (tx) => {
    if (!(await updateTierRow(tx, id, { ...input, rule: input.rule ?? undefined })))
      throw notFound('tier', id);
    if (input.name !== undefined && input.name !== existing.name)
      await renameTierReferences(tx, existing.name, input.name);
  });
  return findTier(db, id);
}

/** Deletes a tier (its accounts are re-tiered); the default goes only when it is the last tier. */
export async function deleteTier(database: Database, id: string): Promise<void> {
  const tiers = await listTiers(database.db);
  const tier = tiers.find((candidate) => candidate.id === id);
  if (!tier) throw notFound('tier', id);
  if (tier.isDefault && tiers.length > 1) {
    throw conflict(
      `"${tier.name}" is the default tier: every account no other tier matches is in it. Delete the other tiers first, or rename this one.`,
    );
  }
  await changeTiers(database, undefined, async (tx) => {
    if (!(await deleteTierRow(tx, id))) throw notFound('tier', id);
    if (tiers.length === 1) await clearTierOfAccounts(tx, tier.name);
  });
}

/** Puts the tiers with a rule in the given order (the default stays last) and re-tiers the accounts. */
export async function reorderTiers(database: Database, ids: readonly string[]): Promise<Tier[]> {
  const tiers = await listTiers(database.db);
  const byId = new Map(tiers.map((tier) => [tier.id, tier]));
  const errors: ProblemItem[] = [];
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    const tier = byId.get(id);
    if (!tier) errors.push({ field: `body.ids[${index}]`, message: `no tier with id ${id}` });
    else if (seen.has(id))
      errors.push({ field: `body.ids[${index}]`, message: `"${tier.name}" is listed twice` });
    else if (tier.isDefault && index !== ids.length - 1)
      errors.push({
        field: `body.ids[${index}]`,
        message: `"${tier.name}" is the default tier and stays last`,
      });
    seen.add(id);
  });
  const missing = tiers.filter((tier) => !tier.isDefault && !seen.has(tier.id));
  if (missing.length > 0)
    errors.push({
      field: 'body.ids',
      message: `list every tier with a rule; missing: ${missing.map((tier) => `"${tier.name}"`).join(', ')}`,
    });
  if (errors.length > 0)
    throw badRequest(
      `The order is invalid: ${errors.map((item) => `${item.field}: ${item.message}`).join('; ')}`,
      errors,
    );
  const ordered = ids.filter((id) => !byId.get(id)!.isDefault);
  await changeTiers(database, undefined, (tx) => writeTierOrder(tx, ordered));
  return listTiers(database.db);
}

/** Per tier: served accounts and the overdue EBR and check-in counts on `today` (UTC). */
export async function tierCadences(db: Queryable, today = utcToday()): Promise<TierCadenceList> {
  const rows = await tierCadenceRows(db, today);
  return {
    asOf: today,
    items: rows.map((row) => ({
      tierId: row.tier_id,
      tier: row.tier,
      touchModel: row.touch_model,
      ebrEveryDays: row.ebr_every_days,
      checkInEveryDays: row.check_in_every_days,
      accounts: row.accounts,
      overdueEbr: row.overdue_ebr,
      overdueCheckIn: row.overdue_check_in,
    })),
  };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One page of the accounts overdue on a cadence; `tier` is an id or a name (400 when it is neither). */
export async function listOverdue(
  db: Queryable,
  query: OverdueQuery,
  today = utcToday(),
): Promise<OverdueAccountPage> {
  let tierId: string | undefined;
  if (query.tier !== undefined) {
    const key = query.tier.toLowerCase();
    const tier = (await listTierRows(db)).find(
      (row) => (uuidPattern.test(key) && row.id === key) || row.name.toLowerCase() === key,
    );
    if (!tier)
      throw badRequest(`No tier "${query.tier}". Give a tier id or name (GET /api/v1/tiers lists them).`, [
        { field: 'query.tier', message: 'matches no tier id or name' },
      ]);
    tierId = tier.id;
  }
  const { rows, total } = await overdueRows(db, {
    kind: query.kind,
    tierId,
    today,
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    asOf: today,
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((row) => ({
      account: { id: row.id, name: row.name },
      tier: row.tier,
      owner: row.owner_id ? { id: row.owner_id, name: row.owner_name!, email: row.owner_email! } : null,
      cadenceDays: row.cadence_days,
      lastTouchOn: row.last_touch_on,
      customerSince: row.customer_since,
      daysOverdue: row.days_overdue,
    })),
  };
}
