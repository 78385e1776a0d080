import { databaseKinds } from './support/databases';
import { MANAGER, STAFF, STAFF2, SUPERVISOR, startServer, type TestServer } from './support/server';

describe.each(databaseKinds())('foundation on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer(kind);
  });
  afterAll(() => s?.close());

  test('the four demo accounts sign in and `me` answers with their role', async () => {
    const expected = { [MANAGER]: 'PRIVACY_MANAGER', [STAFF]: 'STAFF', [STAFF2]: 'STAFF', [SUPERVISOR]: 'SUPERVISOR' };
    for (const [email, role] of Object.entries(expected)) {
      const token = await s.login(email);
      const res = await s.gql('{ me { email role active } }', {}, token);
      expect(res.data).toEqual({ me: { email, role, active: true } });
    }
  });

  test('a query without a token is UNAUTHENTICATED', async () => {
    const res = await s.gql('{ me { id } }');
    expect(res.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(res.data?.me ?? null).toBeNull();
  });

  test('/healthz answers ok', async () => {
    const res = await fetch(`${s.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
