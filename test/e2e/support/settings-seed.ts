import type { AccountCreate, AccountSummary } from '../../../src/shared/api/accounts.contract';
import { request, type TestServer, type TestUser } from '../../helpers/test-server';

/** The people and accounts of the Settings journey. */
export interface SeededSettings {
  admin: TestUser;
  manager: TestUser;
  csm: TestUser;
  /** Has the external id `acme-1`, so tracking groups named acme-1 land on it. */
  acme: AccountSummary;
  /** Has the external id `globex-9`; the journey maps an unknown group to it by hand. */
  globex: AccountSummary;
}

/**
 * An admin, a manager and a CSM, and three accounts with external ids (what Segment's groupId is
 * matched against): Acme (acme-1), Globex (globex-9) and Initech (initech-3).
 */
export async function seedSettings(server: TestServer): Promise<SeededSettings> {
  const admin = await server.signIn('admin', 'alex.admin@example.test');
  const manager = await server.signIn('manager', 'morgan.manager@example.test');
  const csm = await server.signIn('csm', 'sam.csm@example.test');
  const createAccount = async (account: AccountCreate): Promise<AccountSummary> => {
    const response = await request(server, 'POST', '/api/v1/accounts', { as: admin, body: account });
    if (response.status !== 201)
      throw new Error(`seeding ${account.name} failed: ${response.status} ${response.text}`);
    return response.body as AccountSummary;
  };
  const acme = await createAccount({
    name: 'Acme Corporation',
    domain: 'acme.example',
    status: 'active',
    externalId: 'acme-1',
  });
  const globex = await createAccount({
    name: 'Globex',
    domain: 'globex.example',
    status: 'active',
    externalId: 'globex-9',
  });
  await createAccount({
    name: 'Initech',
    domain: 'initech.example',
    status: 'active',
    externalId: 'initech-3',
  });
  return { admin, manager, csm, acme, globex };
}
