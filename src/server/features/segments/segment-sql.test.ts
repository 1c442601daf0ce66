import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  evaluateSegmentRule,
  type FieldType,
  type FieldValue,
  operatorsByType,
  type SegmentCondition,
  type SegmentRule,
} from '../../../domain/segments';
import {
  makeAccount,
  makeContact,
  makeSubscription,
  makeSurveyResponse,
  makeTicket,
  makeUsageDay,
} from '../../../../test/helpers/factories';
import { createTestDatabase } from '../../../../test/helpers/test-database';
import type { Database } from '../../db/database';
import { ensureMrrToday } from '../accounts/mrr-today';
import {
  accountSourceSql,
  allSources,
  type FieldCatalogue,
  fieldTypesOf,
  loadFieldCatalogue,
} from './segment-fields';
import { compileSegmentRule } from './segment-sql';

/**
 * Parity of the SQL compiler with the reference evaluator: on a real database, for every field type ×
 * operator (empty values included) and for nested AND/OR groups, the compiled SQL selects exactly the
 * accounts evaluateSegmentRule matches from the same field values.
 */
const TODAY = '2026-03-10';
const day = (offset: number) =>
  new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

const valuesByType: Record<FieldType, Partial<Record<string, SegmentCondition['value'][]>>> = {
  number: {
    eq: [0, 5, -3.5, 1200, 6],
    neq: [0, 5, 1200],
    gt: [0, 4.99, 1200, -100],
    gte: [0, 5, 1200],
    lt: [0, 5, 100],
    lte: [0, 5, 1200],
    between: [
      [0, 5],
      [-10, 0],
      [5, 5],
      [100, 100_000],
    ],
  },
  text: {
    eq: ['pro', ' PRO ', 'école', '', 'Acme One'],
    neq: ['pro', 'école', ''],
    contains: ['pro', 'É', '', ' '],
    not_contains: ['pro', 'co', ''],
    starts_with: ['pro', 'éc', '', 'acme'],
    in: [['pro', 'basic'], ['ÉCOLE', ' plus '], ['']],
    not_in: [['pro', 'basic'], ['x']],
  },
  date: {
    on: [day(0), day(10), '2026-02-30'],
    before: [day(0), day(-5), '2026-02-30'],
    after: [day(0), day(40)],
    between: [
      [day(-30), day(0)],
      [day(0), day(0)],
      ['2026-02-28', '2026-02-31'],
    ],
    within_next_days: [0, 10, 45],
    within_last_days: [0, 5, 400],
  },
  boolean: { is_true: [undefined], is_false: [undefined] },
};

/** Every valid condition on a field: each operator of its type with each sample value. */
function conditionsFor(field: string, type: FieldType): SegmentCondition[] {
  return operatorsByType[type].flatMap((operator) => {
    const values = ['is_empty', 'is_not_empty'].includes(operator)
      ? [undefined]
      : (valuesByType[type][operator] ?? []);
    return values.map((value): SegmentCondition => ({ kind: 'condition', field, operator, value }));
  });
}

/** A seeded generator (mulberry32), so the random rules are the same every run. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('compileSegmentRule matches evaluateSegmentRule on a real database', () => {
  let database: Database;
  let catalogue: FieldCatalogue;
  let accountValues: { id: string; values: Record<string, FieldValue> }[];

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const specs: Parameters<typeof makeAccount>[1][] = [
      {
        name: 'Acme One',
        status: 'active',
        industry: 'Retail',
        region: '  ',
        renewalDate: day(10),
        goLiveDate: day(-400),
        traits: { plan: 'Pro', score: 5, vip: true, mixed: 5, nested: { a: 1 } },
      },
      {
        name: ' acme two ',
        domain: null,
        status: 'onboarding',
        renewalDate: day(0),
        goLiveDate: day(-5),
        traits: { plan: ' pro ', score: 0, vip: false, mixed: 'five' },
      },
      {
        name: 'ÉCOLE Plus',
        status: 'churned',
        industry: '',
        renewalDate: day(-5),
        goLiveDate: day(0),
        traits: { plan: 'École plus', score: -3.5, vip: null, mixed: true },
      },
      {
        name: 'Basic Co',
        status: 'prospect',
        renewalDate: day(45),
        traits: { plan: 'Basic', score: 100, vip: true },
      },
      { name: 'Blank Traits', renewalDate: day(40), traits: { plan: '', score: null } },
      { name: 'Spaces', region: 'EMEA', renewalDate: '2026-02-28', traits: { plan: '   ', score: 1200 } },
      { name: 'March First', renewalDate: '2026-03-01', goLiveDate: day(10), traits: { score: 6.5 } },
      { name: 'Nothing', traits: {} },
    ];
    const accounts = [];
    for (const spec of specs) accounts.push(await makeAccount(db, spec));
    const [one, two, three, four, five] = accounts;
    await makeSubscription(db, one!.id, { amountMinor: 1_000_000, billingInterval: 'year', seats: 10 });
    await makeSubscription(db, two!.id, { amountMinor: 50_000, seats: 0 });
    await makeSubscription(db, four!.id, { amountMinor: 10_000, seats: 4 });
    await makeSubscription(db, five!.id, {
      amountMinor: 100_000,
      startDate: '2020-01-01',
      endDate: '2021-01-01',
    });
    await makeSurveyResponse(db, one!.id, { score: 3, respondedAt: new Date('2026-01-01T00:00:00Z') });
    await makeSurveyResponse(db, one!.id, { score: 9, respondedAt: new Date('2026-02-01T00:00:00Z') });
    await makeSurveyResponse(db, three!.id, { score: 0 });
    await makeTicket(db, one!.id, { status: 'open' });
    await makeTicket(db, one!.id, { status: 'solved' });
    await makeTicket(db, two!.id, { status: 'pending' });
    await makeUsageDay(db, one!.id, day(-1), 6, 120);
    await makeUsageDay(db, one!.id, day(-2), 3, 30);
    await makeUsageDay(db, two!.id, day(-100), 5, 10);
    await makeUsageDay(db, four!.id, day(-29), 4, 5);
    await makeContact(db, one!.id, { isAdvocate: true });
    await makeContact(db, one!.id, { isAdvocate: true });
    await makeContact(db, two!.id, { isAdvocate: false });
    for (const [account, score, band] of [
      [one!, 72.5, 'Yellow'],
      [two!, 30, 'Red'],
    ] as const) {
      await db.execute(sql`
        INSERT INTO account_health (account_id, snapshot_id, computed_at, as_of_date, scorecard_id, scorecard_version, status, score, display_score, band, band_index, inputs_digest)
        VALUES (${account.id}, 1, now(), current_date, gen_random_uuid(), 1, 'scored', ${score}, ${score}, ${band}, 0, gen_random_uuid())`);
    }
    await ensureMrrToday(db);
    catalogue = await loadFieldCatalogue(db);
    const fields = Object.values(catalogue.fields);
    const columns = fields.map(
      (field, index) => sql`${field.expression(TODAY)} AS ${sql.raw(`"f${index}"`)}`,
    );
    const rows = await db.execute<Record<string, FieldValue>>(
      sql`SELECT a.id, ${sql.join(columns, sql`, `)} FROM ${accountSourceSql(allSources, TODAY)} ORDER BY a.id`,
    );
    accountValues = rows.rows.map((row) => ({
      id: row.id as string,
      values: Object.fromEntries(fields.map((field, index) => [field.key, row[`f${index}`]])),
    }));
  });
  afterAll(async () => database.close());

  /** The ids each rule selects in SQL against the ids the evaluator matches, checked in batches of one query. */
  async function expectParity(rules: SegmentRule[]) {
    const types = fieldTypesOf(catalogue);
    for (let start = 0; start < rules.length; start += 200) {
      const batch = rules.slice(start, start + 200);
      const columns = batch.map(
        (rule, index) => sql`(${compileSegmentRule(rule, catalogue, TODAY)}) AS ${sql.raw(`"r${index}"`)}`,
      );
      const result = await database.db.execute<Record<string, boolean | string>>(
        sql`SELECT a.id, ${sql.join(columns, sql`, `)} FROM ${accountSourceSql(allSources, TODAY)} ORDER BY a.id`,
      );
      batch.forEach((rule, index) => {
        const bySql = result.rows.filter((row) => row[`r${index}`] === true).map((row) => row.id);
        const byEvaluator = accountValues
          .filter((account) => evaluateSegmentRule(rule, account.values, types, TODAY))
          .map((account) => account.id);
        expect({ rule, ids: bySql }).toEqual({ rule, ids: byEvaluator });
        expect(result.rows.every((row) => typeof row[`r${index}`] === 'boolean')).toBe(true);
      });
    }
  }

  it('types the traits from their values: numbers, booleans, text, and mixed types as text', () => {
    const traitTypes = Object.fromEntries(
      Object.values(catalogue.fields)
        .filter((field) => field.origin === 'trait')
        .map((field) => [field.key, field.type]),
    );
    expect(traitTypes).toEqual({
      'traits.mixed': 'text',
      'traits.nested': 'text',
      'traits.plan': 'text',
      'traits.score': 'number',
      'traits.vip': 'boolean',
    });
  });

  it('reads the metrics of each account as the catalogue defines them', () => {
    const acme = accountValues.find((account) => account.values.name === 'Acme One')!.values;
    expect({
      mrr: acme.mrr,
      arr: acme.arr,
      health_score: acme.health_score,
      health_band: acme.health_band,
      last_nps: acme.last_nps,
      open_tickets: acme.open_tickets,
      active_users_30d: acme.active_users_30d,
      events_30d: acme.events_30d,
      seats: acme.seats,
      seat_utilisation: acme.seat_utilisation,
      days_since_go_live: acme.days_since_go_live,
      days_to_renewal: acme.days_to_renewal,
      advocates: acme.advocates,
    }).toEqual({
      mrr: 83_333 / 100,
      arr: (83_333 / 100) * 12,
      health_score: 72.5,
      health_band: 'Yellow',
      last_nps: 9,
      open_tickets: 1,
      active_users_30d: 9 / 30,
      events_30d: 150,
      seats: 10,
      seat_utilisation: (9 / 30 / 10) * 100,
      days_since_go_live: 400,
      days_to_renewal: 10,
      advocates: 2,
    });
    const two = accountValues.find((account) => account.values.name === ' acme two ')!.values;
    expect([two.active_users_30d, two.events_30d, two.seat_utilisation, two.open_tickets]).toEqual([
      0,
      0,
      null,
      1,
    ]);
    const nothing = accountValues.find((account) => account.values.name === 'Nothing')!.values;
    expect([nothing.active_users_30d, nothing.last_nps, nothing.mrr, nothing.health_score]).toEqual([
      null,
      null,
      0,
      null,
    ]);
  });

  it('agrees on every operator of every field, empty values included', async () => {
    const rules = Object.values(catalogue.fields).flatMap((field) => conditionsFor(field.key, field.type));
    expect(rules.length).toBeGreaterThan(400);
    await expectParity(rules);
  });

  it('agrees on a field no account has: empty everywhere', async () => {
    const field = 'traits.vanished';
    await expectParity(
      ['is_empty', 'is_not_empty', 'eq', 'neq', 'not_contains', 'not_in', 'gt'].map((operator) => ({
        kind: 'condition',
        field,
        operator: operator as SegmentCondition['operator'],
        value:
          operator === 'not_in'
            ? ['x']
            : operator === 'gt'
              ? 1
              : operator.startsWith('is_')
                ? undefined
                : 'x',
      })),
    );
  });

  it('agrees on nested AND/OR groups, empty groups included', async () => {
    const pool = Object.values(catalogue.fields).flatMap((field) => conditionsFor(field.key, field.type));
    const random = seeded(7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const build = (depth: number): SegmentRule => {
      if (depth === 0 || random() < 0.3) return pick(pool);
      const size = Math.floor(random() * 4);
      return {
        kind: 'group',
        combinator: pick(['and', 'or'] as const),
        rules: Array.from({ length: size }, () => build(depth - 1)),
      };
    };
    const rules: SegmentRule[] = [
      { kind: 'group', combinator: 'and', rules: [] },
      { kind: 'group', combinator: 'or', rules: [] },
      ...Array.from({ length: 400 }, () => build(4)),
    ];
    await expectParity(rules);
  });
});
