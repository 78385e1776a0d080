import { databaseKinds } from './support/databases';
import { AUDITOR, MANAGER, STAFF, STAFF2, SUPERVISOR, startServer, type TestServer } from './support/server';

describe.each(databaseKinds())('foundation on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer(kind);
  });
  afterAll(() => s?.close());

  test('the five demo accounts sign in and `me` answers with their role', async () => {
    const expected = { [MANAGER]: 'PRIVACY_MANAGER', [STAFF]: 'STAFF', [STAFF2]: 'STAFF', [SUPERVISOR]: 'SUPERVISOR', [AUDITOR]: 'AUDITOR' };
    for (const [email, role] of Object.entries(expected)) {
      const token = await s.login(email);
      const res = await s.gql('{ me { email role active } }', {}, token);
      expect(res.data).toEqual({ me: { email, role, active: true } });
    }
  });

  test('a user department is stored in one form (NFKC, single spaces), bounded, cleared by a blank, and filters the list', async () => {
    const manager = await s.login(MANAGER);
    const create = await s.gql(
      'mutation($d: String) { createUser(email: "dept@mamori.example", displayName: "部署 確認", role: STAFF, password: "department-pass-2026", department: $d) { id department } }',
      { d: '  ＩＴ　　推進部 ' },
      manager,
    );
    expect(create.data?.createUser.department).toBe('IT 推進部');
    const id = create.data!.createUser.id;
    const byDepartment = await s.gql('{ allUsers(filter: { department: "ＩＴ 推進部" }) { id } }', {}, manager);
    expect(byDepartment.data?.allUsers).toEqual([{ id }]);
    const tooLong = await s.gql('mutation($id: ID!, $d: String) { updateUser(id: $id, department: $d) { id } }', { id, d: 'x'.repeat(61) }, manager);
    expect(tooLong.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const untouched = await s.gql('mutation($id: ID!) { updateUser(id: $id, displayName: "部署 確認2") { department } }', { id }, manager);
    expect(untouched.data?.updateUser.department).toBe('IT 推進部');
    const cleared = await s.gql('mutation($id: ID!) { updateUser(id: $id, department: "  ") { department } }', { id }, manager);
    expect(cleared.data?.updateUser.department).toBeNull();
    const status = await s.gql('{ trainingStatus { userId department } }', {}, manager);
    const auditorRow = (status.data?.trainingStatus as Array<{ department: string | null }>).find((r) => r.department === '内部監査室');
    expect(auditorRow).toBeDefined();
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
