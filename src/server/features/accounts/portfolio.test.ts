import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromToday, makeAccount, makeSubscription } from '../../../../test/helpers/factories';
import {
  request,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../../../../test/helpers/test-server';
import type { Db } from '../../db/database';
import { accountHealth, accounts, users } from '../../db/schema';

const SCORECARD_ID = '00000000-0000-4000-8000-0000000000aa';
const BANDS = ['Red', 'Yellow', 'Green'];
let snapshotSequence = 0;

/** Writes an account's latest health the way a recompute leaves it (score null: not scored). */
async function setHealth(db: Db, accountId: string, score: number | null) {
  snapshotSequence += 1;
  const bandIndex = score === null ? null : score < 40 ? 0 : score < 70 ? 1 : 2;
  await db.insert(accountHealth).values({
    accountId,
    snapshotId: snapshotSequence,
    computedAt: new Date(),
    asOfDate: dayFromToday(0),
    scorecardId: SCORECARD_ID,
    scorecardVersion: 1,
    status: score === null ? 'not-scored' : 'scored',
    score,
    displayScore: score,
    band: bandIndex === null ? null : BANDS[bandIndex]!,
    bandIndex,
    inputsDigest: '00000000-0000-4000-8000-000000000000',
  });
}

describe('portfolio: health, renewal window, CSV export and bulk reassign', () => {
  let server: TestServer;
  let manager: TestUser;
  let admin: TestUser;
  let csm: TestUser;
  let otherCsm: TestUser;
  let viewer: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    const { db } = server.database;
    manager = await server.signIn('manager');
    admin = await server.signIn('admin');
    csm = await server.signIn('csm');
    otherCsm = await server.signIn('csm');
    viewer = await server.signIn('viewer');

    const alpha = await makeAccount(db, {
      name: 'Alpha, Inc.',
      domain: 'alpha.example',
      ownerId: csm.id,
      tier: 'Enterprise',
      renewalDate: dayFromToday(10),
    });
    const bravo = await makeAccount(db, {
      name: 'Bravo "Best" Ltd',
      domain: 'bravo.example',
      ownerId: csm.id,
      tier: 'SMB',
      renewalDate: dayFromToday(45),
    });
    const charlie = await makeAccount(db, {
      name: 'Charlie Co',
      domain: null,
      renewalDate: dayFromToday(-3),
      segment: 'Mid-market',
    });
    const delta = await makeAccount(db, {
      name: 'Delta Labs',
      domain: 'delta.example',
      ownerId: otherCsm.id,
      status: 'onboarding',
      renewalDate: dayFromToday(0),
    });
    const echo = await makeAccount(db, {
      name: 'Echo GmbH',
      domain: 'echo.example',
      ownerId: otherCsm.id,
      renewalDate: dayFromToday(90),
    });
    Object.assign(ids, {
      alpha: alpha.id,
      bravo: bravo.id,
      charlie: charlie.id,
      delta: delta.id,
      echo: echo.id,
    });
    await setHealth(db, alpha.id, 82.5);
    await setHealth(db, bravo.id, 35.25);
    await setHealth(db, charlie.id, 55);
    await setHealth(db, delta.id, null);
    // Echo has never been scored: no account_health row at all.
    await makeSubscription(db, alpha.id, { amountMinor: 200_000, billingInterval: 'year' }); // 166.67 a month
    await makeSubscription(db, bravo.id, { amountMinor: 12_345 });
  });
  afterAll(async () => server.close());

  const names = (body: { items: { name: string }[] }) => body.items.map((item) => item.name);
  const list = async (query: string, as: TestUser = viewer) => {
    const response = await request(server, 'GET', `/api/v1/accounts?${query}`, { as });
    expect(response.status).toBe(200);
    return response.body;
  };

  it('puts each account’s latest health on the list, null when it is not scored', async () => {
    const body = await list('');
    const health = Object.fromEntries(
      body.items.map((item: { name: string; health: unknown }) => [item.name, item.health]),
    );
    expect(health).toEqual({
      'Alpha, Inc.': { score: 82.5, band: 'Green', bandIndex: 2 },
      'Bravo "Best" Ltd': { score: 35.25, band: 'Red', bandIndex: 0 },
      'Charlie Co': { score: 55, band: 'Yellow', bandIndex: 1 },
      'Delta Labs': null,
      'Echo GmbH': null,
    });
  });

  it('filters by band names and "none" for unscored accounts, with the total of matches', async () => {
    expect(names(await list('band=Red'))).toEqual(['Bravo "Best" Ltd']);
    expect(names(await list('band=Green,Yellow'))).toEqual(['Alpha, Inc.', 'Charlie Co']);
    expect(names(await list('band=none'))).toEqual(['Delta Labs', 'Echo GmbH']);
    const combined = await list('band=Red,none&pageSize=2');
    expect(names(combined)).toEqual(['Bravo "Best" Ltd', 'Delta Labs']);
    expect(combined.total).toBe(3);
    expect(names(await list('band=Purple'))).toEqual([]);
  });

  it('sorts by health either way with unscored accounts last', async () => {
    expect(names(await list('sort=health'))).toEqual([
      'Bravo "Best" Ltd',
      'Charlie Co',
      'Alpha, Inc.',
      'Delta Labs',
      'Echo GmbH',
    ]);
    expect(names(await list('sort=-health'))).toEqual([
      'Alpha, Inc.',
      'Charlie Co',
      'Bravo "Best" Ltd',
      'Delta Labs',
      'Echo GmbH',
    ]);
    const secondPage = await list('sort=-health&pageSize=2&page=2');
    expect(names(secondPage)).toEqual(['Bravo "Best" Ltd', 'Delta Labs']);
    expect(secondPage.total).toBe(5);
  });

  it('filters renewals due within N days from today, both ends included, alongside the other filters', async () => {
    expect(names(await list('renewalWithin=0'))).toEqual(['Delta Labs']);
    expect(names(await list('renewalWithin=10'))).toEqual(['Alpha, Inc.', 'Delta Labs']);
    expect(names(await list('renewalWithin=45'))).toEqual(['Alpha, Inc.', 'Bravo "Best" Ltd', 'Delta Labs']);
    expect(names(await list(`renewalWithin=90&renewalFrom=${dayFromToday(11)}`))).toEqual([
      'Bravo "Best" Ltd',
      'Echo GmbH',
    ]);
    expect(names(await list('renewalWithin=90&owner=me', csm))).toEqual(['Alpha, Inc.', 'Bravo "Best" Ltd']);
    expect(names(await list('renewalWithin=90&band=Red,Green&sort=-mrr'))).toEqual([
      'Alpha, Inc.',
      'Bravo "Best" Ltd',
    ]);
    const bad = await request(server, 'GET', '/api/v1/accounts?renewalWithin=-1', { as: viewer });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('querystring.renewalWithin');
  });

  it('counts and pages the same whether MRR is computed for every account or only for the page', async () => {
    const byMrr = await list('sort=-mrr&pageSize=2');
    expect(names(byMrr)).toEqual(['Alpha, Inc.', 'Bravo "Best" Ltd']);
    expect(byMrr.items.map((item: { mrr: { amountMinor: number } }) => item.mrr.amountMinor)).toEqual([
      16_667, 12_345,
    ]);
    expect(byMrr.total).toBe(5);
    const byName = await list('pageSize=2');
    expect(byName.items.map((item: { mrr: { amountMinor: number } }) => item.mrr.amountMinor)).toEqual([
      16_667, 12_345,
    ]);
    expect((await list('mrrMin=1&band=Green')).total).toBe(1);
  });

  describe('CSV export', () => {
    /** The download as sent, byte order mark included (Response.text() would drop it). */
    const download = async (query: string) => {
      const response = await fetch(`${server.baseUrl}/api/v1/accounts/export.csv${query}`, {
        headers: { cookie: viewer.cookie },
      });
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
      return { status: response.status, headers: response.headers, text };
    };

    it('streams the view with a header row, money as decimals and quotes where needed', async () => {
      const response = await download('?sort=-health&columns=name,owner,health,mrr,arr,renewalDate');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="accounts-${dayFromToday(0)}.csv"`,
      );
      const csmName = (await server.database.db.select().from(users).where(eq(users.id, csm.id)))[0]!.name;
      const otherName = (await server.database.db.select().from(users).where(eq(users.id, otherCsm.id)))[0]!
        .name;
      expect(response.text).toBe(
        '\uFEFFAccount,Owner,Owner email,Health score,Health band,MRR (USD),ARR (USD),Renewal date\r\n' +
          `"Alpha, Inc.",${csmName},${csm.email},82.50,Green,166.67,2000.04,${dayFromToday(10)}\r\n` +
          `Charlie Co,,,55.00,Yellow,0.00,0.00,${dayFromToday(-3)}\r\n` +
          `"Bravo ""Best"" Ltd",${csmName},${csm.email},35.25,Red,123.45,1481.40,${dayFromToday(45)}\r\n` +
          `Delta Labs,${otherName},${otherCsm.email},,,0.00,0.00,${dayFromToday(0)}\r\n` +
          `Echo GmbH,${otherName},${otherCsm.email},,,0.00,0.00,${dayFromToday(90)}\r\n`,
      );
    });

    it('applies the list filters, and writes the default columns when none are named', async () => {
      const response = await download('?band=Red,Yellow');
      expect(response.status).toBe(200);
      const csmName = (await server.database.db.select().from(users).where(eq(users.id, csm.id)))[0]!.name;
      expect(response.text).toBe(
        '\uFEFFAccount,Status,Tier,Owner,Owner email,Health score,Health band,MRR (USD),Renewal date,Lifecycle stage\r\n' +
          `"Bravo ""Best"" Ltd",active,SMB,${csmName},${csm.email},35.25,Red,123.45,${dayFromToday(45)},\r\n` +
          `Charlie Co,active,,,,55.00,Yellow,0.00,${dayFromToday(-3)},\r\n`,
      );
    });

    it('refuses unknown columns and paging parameters with a 400 naming them', async () => {
      const badColumn = await request(server, 'GET', '/api/v1/accounts/export.csv?columns=name,colour', {
        as: viewer,
      });
      expect(badColumn.status).toBe(400);
      expect(badColumn.body.errors[0].field).toMatch(/^querystring\.columns/);
      const paged = await request(server, 'GET', '/api/v1/accounts/export.csv?page=2', { as: viewer });
      expect(paged.status).toBe(400);
      expect(paged.body.errors[0].message).toContain('"page"');
    });
  });

  describe('bulk reassign', () => {
    it('moves the accounts in one go and counts those that already had the owner', async () => {
      const response = await request(server, 'POST', '/api/v1/accounts/reassign', {
        as: manager,
        body: { accountIds: [ids.alpha, ids.charlie, ids.echo, ids.echo], ownerId: otherCsm.id },
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        requested: 3,
        reassigned: 2,
        unchanged: 1,
        owner: { id: otherCsm.id, name: expect.any(String), email: otherCsm.email },
      });
      expect(names(await list(`owner=${otherCsm.id}`))).toEqual([
        'Alpha, Inc.',
        'Charlie Co',
        'Delta Labs',
        'Echo GmbH',
      ]);
      const back = await request(server, 'POST', '/api/v1/accounts/reassign', {
        as: admin,
        body: { accountIds: [ids.alpha], ownerId: csm.id },
      });
      expect(back.body).toMatchObject({ requested: 1, reassigned: 1, unchanged: 0 });
      const unassign = await request(server, 'POST', '/api/v1/accounts/reassign', {
        as: manager,
        body: { accountIds: [ids.charlie], ownerId: null },
      });
      expect(unassign.body).toEqual({ requested: 1, reassigned: 1, unchanged: 0, owner: null });
      expect(names(await list('owner=none'))).toEqual(['Charlie Co']);
    });

    it('changes nothing and names the problem for an unknown account, an unknown owner or a deactivated one', async () => {
      const before = await list('sort=name');
      const unknownAccount = '00000000-0000-4000-8000-00000000dead';
      const missing = await request(server, 'POST', '/api/v1/accounts/reassign', {
        as: manager,
        body: { accountIds: [ids.bravo, unknownAccount], ownerId: manager.id },
      });
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual([
        {
          field: 'body.accountIds',
          message: expect.stringContaining(`1 unknown account id: ${unknownAccount}`),
        },
      ]);
      const unknownOwner = '00000000-0000-4000-8000-00000000beef';
      const noOwner = await request(server, 'POST', '/api/v1/accounts/reassign', {
        as: manager,
        body: { accountIds: [ids.bravo], ownerId: unknownOwner },
      });
      expect(noOwner.status).toBe(400);
      expect(noOwner.body.errors).toEqual([
        {
          field: 'body.ownerId',
          message: `no user with id ${unknownOwner}; list users with GET /api/v1/users`,
        },
      ]);
      await server.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, viewer.id));
      const inactive = await request(server, 'POST', '/api/v1/accounts/reassign', {
        as: manager,
        body: { accountIds: [ids.bravo], ownerId: viewer.id },
      });
      await server.database.db.update(users).set({ disabledAt: null }).where(eq(users.id, viewer.id));
      expect(inactive.status).toBe(400);
      expect(inactive.body.detail).toContain('is deactivated');
      const owners = await server.database.db
        .select({ id: accounts.id, ownerId: accounts.ownerId })
        .from(accounts);
      expect(Object.fromEntries(owners.map((row) => [row.id, row.ownerId]))).toEqual(
        Object.fromEntries(
          before.items.map((item: { id: string; owner: { id: string } | null }) => [
            item.id,
            item.owner?.id ?? null,
          ]),
        ),
      );
    });

    it('refuses a CSM (403), an empty list and more than 5,000 ids (400)', async () => {
      const asCsm = await request(server, 'POST', '/api/v1/accounts/reassign', {
        as: csm,
        body: { accountIds: [ids.alpha], ownerId: csm.id },
      });
      expect(asCsm.status).toBe(403);
      expect(asCsm.body.detail).toContain('admin, manager');
      const empty = await request(server, 'POST', '/api/v1/accounts/reassign', {
        as: manager,
        body: { accountIds: [], ownerId: null },
      });
      expect(empty.status).toBe(400);
      const tooMany = Array.from(
        { length: 5001 },
        (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      );
      const huge = await request(server, 'POST', '/api/v1/accounts/reassign', {
        as: manager,
        body: { accountIds: tooMany, ownerId: null },
      });
      expect(huge.status).toBe(400);
      expect(huge.body.detail).toContain('at most 5,000');
    });
  });
});
