import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeContact } from '../../../../test/helpers/factories';
import {
  request,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../../../../test/helpers/test-server';
import { likePattern } from './search.repository';

/** Global search through HTTP: what matches, in which order, short texts, literal wildcards and bad input. */
describe('search API', () => {
  let server: TestServer;
  let viewer: TestUser;
  let ids: Record<'acme' | 'acmeEurope' | 'globex' | 'tractor' | 'fifty' | 'fiveHundred', string>;
  let danaId: string;

  beforeAll(async () => {
    server = await startTestServer();
    viewer = await server.signIn('viewer');
    const owner = await server.signIn('csm', 'sam.search@example.test');
    const { db } = server.database;
    const acme = await makeAccount(db, {
      name: 'Acme Corporation',
      domain: 'acme.example',
      ownerId: owner.id,
    });
    const acmeEurope = await makeAccount(db, {
      name: 'Acme Europe',
      domain: 'acme-europe.example',
      status: 'churned',
    });
    const globex = await makeAccount(db, { name: 'Globex', domain: 'globex.example' });
    const tractor = await makeAccount(db, { name: 'Tractor Supply', domain: 'tractor.example' });
    const fifty = await makeAccount(db, { name: '50% Off Ltd', domain: 'fifty.example' });
    const fiveHundred = await makeAccount(db, { name: '500 Things', domain: 'things.example' });
    ids = {
      acme: acme.id,
      acmeEurope: acmeEurope.id,
      globex: globex.id,
      tractor: tractor.id,
      fifty: fifty.id,
      fiveHundred: fiveHundred.id,
    };
    danaId = (
      await makeContact(db, globex.id, {
        firstName: 'Dana',
        lastName: 'Whitfield',
        email: 'dana@acme.example',
        title: 'VP Operations',
      })
    ).id;
    await makeContact(db, acme.id, {
      firstName: 'Leo',
      lastName: 'Martins',
      email: 'leo@corp.example',
      title: null,
    });
  });
  afterAll(async () => server.close());

  it('finds accounts by name and contacts by email, names starting with the text first', async () => {
    const response = await request(server, 'GET', '/api/v1/search?q=ACME', { as: viewer });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      q: 'ACME',
      accounts: [
        {
          id: ids.acme,
          name: 'Acme Corporation',
          domain: 'acme.example',
          status: 'active',
          ownerName: 'csm 2',
        },
        {
          id: ids.acmeEurope,
          name: 'Acme Europe',
          domain: 'acme-europe.example',
          status: 'churned',
          ownerName: null,
        },
      ],
      contacts: [
        {
          id: danaId,
          name: 'Dana Whitfield',
          email: 'dana@acme.example',
          title: 'VP Operations',
          accountId: ids.globex,
          accountName: 'Globex',
        },
      ],
    });
  });

  it('matches domains and the middle of names and surnames', async () => {
    const domain = await request(server, 'GET', '/api/v1/search?q=globex.ex', { as: viewer });
    expect(domain.body.accounts.map((hit: { id: string }) => hit.id)).toEqual([ids.globex]);
    const surname = await request(server, 'GET', '/api/v1/search?q=hitfie', { as: viewer });
    expect(surname.body.accounts).toEqual([]);
    expect(surname.body.contacts.map((hit: { name: string }) => hit.name)).toEqual(['Dana Whitfield']);
    const corporation = await request(server, 'GET', '/api/v1/search?q=corp', { as: viewer });
    expect(corporation.body.accounts.map((hit: { name: string }) => hit.name)).toEqual(['Acme Corporation']);
    expect(corporation.body.contacts.map((hit: { name: string }) => [hit.name])).toEqual([['Leo Martins']]);
  });

  it('finds an account by its exact external, CRM, billing or support id, ranked first', async () => {
    const { db } = server.database;
    const initech = await makeAccount(db, {
      name: 'Initech',
      domain: 'initech.example',
      externalId: 'SF-0015g00000AbCdE',
      crmId: '0015g00000XyZ12',
      billingId: 'cus_Q8x1',
      supportId: 'ZD-7781',
    });
    // A name that contains the billing id ranks after the account that has it.
    const namesake = await makeAccount(db, { name: 'Old cus_Q8x1 import', domain: 'namesake.example' });
    const hits = async (text: string) =>
      (
        await request(server, 'GET', `/api/v1/search?q=${encodeURIComponent(text)}`, { as: viewer })
      ).body.accounts.map((hit: { id: string }) => hit.id);
    expect(await hits('SF-0015g00000AbCdE')).toEqual([initech.id]);
    expect(await hits('0015g00000XyZ12')).toEqual([initech.id]);
    expect(await hits('ZD-7781')).toEqual([initech.id]);
    expect(await hits('cus_Q8x1')).toEqual([initech.id, namesake.id]);
    // Ids match whole and as written: a part of one, or another case, is not that account.
    expect(await hits('0015g00000XyZ1')).toEqual([]);
    expect(await hits('zd-7781')).toEqual([]);
  });

  it('matches two characters only at the start, and takes % and _ literally', async () => {
    const short = await request(server, 'GET', '/api/v1/search?q=ac', { as: viewer });
    // "Tractor Supply" contains "ac" but does not start with it.
    expect(short.body.accounts.map((hit: { name: string }) => hit.name)).toEqual([
      'Acme Corporation',
      'Acme Europe',
    ]);
    const percent = await request(server, 'GET', `/api/v1/search?q=${encodeURIComponent('50%')}`, {
      as: viewer,
    });
    expect(percent.body.accounts.map((hit: { name: string }) => hit.name)).toEqual(['50% Off Ltd']);
    expect(likePattern('50%_off')).toBe('%50\\%\\_off%');
    expect(likePattern('Ab')).toBe('ab%');
  });

  it('returns at most `limit` of each kind', async () => {
    const response = await request(server, 'GET', '/api/v1/search?q=acme&limit=1', { as: viewer });
    expect(response.body.accounts.map((hit: { name: string }) => hit.name)).toEqual(['Acme Corporation']);
    expect(response.body.contacts).toHaveLength(1);
  });

  it('refuses a missing or one-character text, a limit out of range and unknown parameters', async () => {
    const missing = await request(server, 'GET', '/api/v1/search', { as: viewer });
    expect(missing.status).toBe(400);
    const one = await request(server, 'GET', '/api/v1/search?q=%20a%20', { as: viewer });
    expect(one.status).toBe(400);
    expect(one.body.errors).toEqual([{ field: 'querystring.q', message: 'type at least 2 characters' }]);
    const limit = await request(server, 'GET', '/api/v1/search?q=acme&limit=21', { as: viewer });
    expect(limit.status).toBe(400);
    expect(limit.body.errors[0].field).toBe('querystring.limit');
    expect((await request(server, 'GET', '/api/v1/search?q=acme&page=2', { as: viewer })).status).toBe(400);
  });
});
