import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeSubscription } from '../../../../test/helpers/factories';
import {
  request,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../../../../test/helpers/test-server';

type Item = { name: string; mrr: { amountMinor: number } };

/**
 * Sorting the portfolio by MRR today reads the accounts with MRR by the MRR index and those without
 * by name, then merges them (account.repository.ts). Whatever the page size and direction, the pages
 * must be the one list: MRR, then name, then id, each account once.
 */
describe('portfolio sorted by MRR today', () => {
  let server: TestServer;
  let csm: TestUser;
  let viewer: TestUser;

  const allPages = async (query: string, pageSize: number, as: TestUser) => {
    const seen: [string, number][] = [];
    for (let page = 1; ; page += 1) {
      const response = await request(
        server,
        'GET',
        `/api/v1/accounts?${query}&pageSize=${pageSize}&page=${page}`,
        {
          as,
        },
      );
      expect(response.status).toBe(200);
      const items = response.body.items as Item[];
      seen.push(...items.map((item): [string, number] => [item.name, item.mrr.amountMinor]));
      if (items.length < pageSize) {
        expect(response.body.total).toBe(seen.length);
        return seen;
      }
    }
  };

  beforeAll(async () => {
    server = await startTestServer();
    csm = await server.signIn('csm');
    viewer = await server.signIn('viewer');
    const db = server.database.db;
    const account = (name: string, mine = false) => makeAccount(db, { name, ownerId: mine ? csm.id : null });
    // $500, two at $300 (ties read by name, case aside), $100; a $0 subscription; an ended one; none.
    await makeSubscription(db, (await account('Orion', true)).id, { amountMinor: 50_000 });
    await makeSubscription(db, (await account('beacon')).id, { amountMinor: 30_000 });
    await makeSubscription(db, (await account('Atlas', true)).id, { amountMinor: 30_000 });
    await makeSubscription(db, (await account('Zephyr')).id, {
      amountMinor: 120_000,
      billingInterval: 'year',
    });
    await makeSubscription(db, (await account('Free Tier Co', true)).id, { amountMinor: 0 });
    await makeSubscription(db, (await account('Ended Ltd')).id, {
      startDate: '2020-01-01',
      endDate: '2021-01-01',
    });
    await account('Prospect Inc', true);
    await account('aardvark');
  });
  afterAll(async () => server.close());

  const descending: [string, number][] = [
    ['Orion', 50_000],
    ['Atlas', 30_000],
    ['beacon', 30_000],
    ['Zephyr', 10_000],
    ['aardvark', 0],
    ['Ended Ltd', 0],
    ['Free Tier Co', 0],
    ['Prospect Inc', 0],
  ];
  const ascending: [string, number][] = [
    ['aardvark', 0],
    ['Ended Ltd', 0],
    ['Free Tier Co', 0],
    ['Prospect Inc', 0],
    ['Zephyr', 10_000],
    ['Atlas', 30_000],
    ['beacon', 30_000],
    ['Orion', 50_000],
  ];

  it('pages through every account once, in order, at any page size and in both directions', async () => {
    for (const pageSize of [1, 2, 3, 5, 8, 50]) {
      expect(await allPages('sort=-mrr', pageSize, viewer)).toEqual(descending);
      expect(await allPages('sort=mrr', pageSize, viewer)).toEqual(ascending);
    }
  });

  it('applies the other filters to both parts', async () => {
    const mine = descending.filter(([name]) =>
      ['Orion', 'Atlas', 'Free Tier Co', 'Prospect Inc'].includes(name),
    );
    for (const pageSize of [1, 3, 50])
      expect(await allPages('owner=me&sort=-mrr', pageSize, csm)).toEqual(mine);
    // An MRR filter takes the other path (every account's MRR); the order is the same.
    expect(await allPages('mrrMin=1&sort=-mrr', 2, viewer)).toEqual(descending.slice(0, 4));
    expect(await allPages('mrrMax=0&sort=mrr', 2, viewer)).toEqual(ascending.slice(0, 4));
  });
});
