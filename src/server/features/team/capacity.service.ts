import { createHash } from 'node:crypto';
import {
  books,
  type CapacityAccount,
  capacityBenchmarks,
  type CapacitySettings,
  capacitySettingsProblems,
  defaultCapacitySettings,
  hiringNeed,
  hiringNeedProblems,
  proposeRebalance,
} from '../../../domain/capacity';
import type {
  CapacityBenchmarks,
  CapacityOverview,
  CapacitySettingsResponse,
  HiringNeedDto,
  HiringRequest,
  RebalancePreview,
} from '../../../shared/api/capacity.contract';
import type { Db, Tx } from '../../db/database';
import { badRequest } from '../../http/problem';
import { ensureMrrToday } from '../accounts/mrr-today';
import {
  type CapacityCsmRow,
  loadCapacityAccounts,
  loadCapacityCsms,
  loadHiringTiers,
  readCapacitySettings,
  writeCapacitySettings,
} from './capacity.repository';

/** The inputs of every capacity figure, loaded together. */
export interface CapacityInputs {
  csms: CapacityCsmRow[];
  accounts: CapacityAccount[];
  settings: CapacitySettings;
}

/** The public benchmarks, labelled as such (they are not the team's own figures). */
export function presentBenchmarks(): CapacityBenchmarks {
  return {
    label: 'Public benchmark',
    source: capacityBenchmarks.source,
    accountsPerCsm: capacityBenchmarks.accountsPerCsm,
    arrPerCsm: { ...capacityBenchmarks.arrPerCsm },
    arrPerCsmByTouchModel: { ...capacityBenchmarks.arrPerCsmByTouchModel },
  };
}

/** The saved settings, or the defaults when none were saved. */
export async function capacitySettingsOf(db: Db | Tx): Promise<CapacitySettings> {
  return (await readCapacitySettings(db)) ?? defaultCapacitySettings;
}

/** Loads CSMs, non-churned accounts and settings (MRR today must be current: see ensureMrrToday). */
export async function loadCapacityInputs(db: Db | Tx): Promise<CapacityInputs> {
  // One after another: inside a transaction the queries share one connection.
  const csms = await loadCapacityCsms(db);
  const accounts = await loadCapacityAccounts(db);
  const settings = await capacitySettingsOf(db);
  return { csms, accounts, settings };
}

/** The capacity settings with the defaults and the public benchmarks. */
export async function getCapacitySettings(db: Db): Promise<CapacitySettingsResponse> {
  const saved = await readCapacitySettings(db);
  return {
    settings: saved ?? defaultCapacitySettings,
    defaults: defaultCapacitySettings,
    isDefault: saved === undefined,
    benchmarks: presentBenchmarks(),
  };
}

/** Saves the capacity settings; 400 naming each field that cannot be used (e.g. underloadAt above overloadAt). */
export async function saveCapacitySettings(
  db: Db,
  settings: CapacitySettings,
): Promise<CapacitySettingsResponse> {
  const problems = capacitySettingsProblems(settings).map((problem) => ({
    field: `body.${problem.field}`,
    message: problem.message,
  }));
  if (problems.length > 0) {
    throw badRequest(
      `Nothing was saved. ${problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`,
      problems,
    );
  }
  await writeCapacitySettings(db, settings);
  return getCapacitySettings(db);
}

/** Books per CSM, the team total and the unowned accounts, from already loaded inputs. */
export function presentOverview(inputs: CapacityInputs): CapacityOverview {
  const result = books(inputs.csms, inputs.accounts, inputs.settings);
  const { arr: teamArr, ...team } = result.team;
  return {
    books: result.csms.map((book, index) => {
      const csm = inputs.csms[index]!;
      return {
        csmId: book.csmId,
        name: book.name,
        email: csm.email,
        role: csm.role,
        covers: [...csm.covers],
        accounts: book.accounts,
        arrMinor: book.arr,
        workload: book.workload,
        capacity: book.capacity,
        utilisation: book.utilisation,
        accountsByTouchModel: book.accountsByTouchModel,
        arrTarget: book.arrTarget
          ? { touchModel: book.arrTarget.touchModel, amountMinor: book.arrTarget.amount }
          : null,
        flag: book.flag,
      };
    }),
    team: { ...team, arrMinor: teamArr },
    unowned: {
      accounts: result.unowned.accounts,
      arrMinor: result.unowned.arr,
      workload: result.unowned.workload,
    },
    settings: inputs.settings,
    benchmarks: presentBenchmarks(),
    currency: 'USD',
  };
}

/** Every CSM's book of business now, with the team total, flags and the public benchmarks. */
export async function getCapacityOverview(db: Db): Promise<CapacityOverview> {
  await ensureMrrToday(db);
  return presentOverview(await loadCapacityInputs(db));
}

/**
 * A digest of what a rebalancing proposal depends on: each account's owner, tier and touch model,
 * each CSM's capacity and tiers covered, and the settings (not ARR, which moves nothing).
 */
export function rebalanceBasis(inputs: CapacityInputs): string {
  const accounts = [...inputs.accounts]
    .sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0))
    .map((account) => [account.id, account.ownerId, account.tier, account.touchModel, account.ownedSince]);
  const csms = [...inputs.csms]
    .sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0))
    .map((csm) => [csm.id, csm.workloadCapacity ?? null, [...csm.covers].sort()]);
  return createHash('sha256')
    .update(JSON.stringify({ accounts, csms, settings: inputs.settings }))
    .digest('hex');
}

/** A rebalancing proposal from loaded inputs, with the names of both CSMs on each move and its basis. */
export function proposalOf(inputs: CapacityInputs): RebalancePreview {
  const proposal = proposeRebalance(inputs.csms, inputs.accounts, inputs.settings);
  const nameOf = new Map(inputs.csms.map((csm) => [csm.id, csm.name]));
  return {
    moves: proposal.moves.map((move) => ({
      ...move,
      fromName: nameOf.get(move.fromId) ?? '',
      toName: nameOf.get(move.toId) ?? '',
    })),
    before: proposal.before,
    after: proposal.after,
    unresolved: proposal.unresolved,
    basis: rebalanceBasis(inputs),
  };
}

/** Proposes moves that bring every overloaded CSM within capacity; nothing is moved. */
export async function previewRebalance(db: Db): Promise<RebalancePreview> {
  await ensureMrrToday(db);
  return proposalOf(await loadCapacityInputs(db));
}

/** The first day of the calendar quarter after `today` (YYYY-MM-DD, UTC). */
export function nextQuarterStart(today: Date): string {
  const year = today.getUTCFullYear();
  const nextQuarterMonth = Math.floor(today.getUTCMonth() / 3) * 3 + 3;
  const start = new Date(Date.UTC(year, nextQuarterMonth, 1));
  return start.toISOString().slice(0, 10);
}

/**
 * How many CSMs of each touch model next quarter's expected new customers need, and when to start
 * hiring. 400 naming each unknown tier or bad quarter start.
 */
export async function planHiring(db: Db, input: HiringRequest, today = new Date()): Promise<HiringNeedDto> {
  await ensureMrrToday(db);
  const [inputs, tiers] = await Promise.all([loadCapacityInputs(db), loadHiringTiers(db)]);
  const quarterStart = input.quarterStart ?? nextQuarterStart(today);
  const request = { ...inputs, tiers, expectedNew: input.expectedNew, quarterStart };
  const problems = hiringNeedProblems(request).map((problem) => ({
    field: `body.${problem.field}`,
    message: problem.message,
  }));
  if (problems.length > 0) {
    throw badRequest(
      `Cannot plan hiring. ${problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`,
      problems,
    );
  }
  const need = hiringNeed(request);
  return { quarterStart, tiers, touchModels: need.touchModels, csmsNeeded: need.csmsNeeded };
}
