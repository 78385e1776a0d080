import { CALLER_TTL_MS } from '../server/src/modules/auth/callers';
import { databaseKinds } from './support/databases';
import { MANAGER, secondProcess, startServer, type SecondProcess, type TestServer } from './support/server';

/**
 * The user behind a session token is kept in memory for a moment instead of
 * read on every request. A change that ends or narrows a session must still
 * hold: refused on the very next request in the process that made it, and
 * within two seconds in every other process.
 */
const WITHIN_MS = 2000;
const PASSWORD = 'temporary-pass-2026';

describe.each(databaseKinds())('session users kept in memory, on %s, with two processes', (kind) => {
  let a: TestServer;
  let b: SecondProcess;
  let manager: string;
  let n = 0;

  beforeAll(async () => {
    a = await startServer(kind);
    b = await secondProcess(a);
    manager = await a.login(MANAGER);
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** A new staff member, signed in, whose token both processes have just accepted (so both hold the user in memory). */
  async function signedInStaff(): Promise<{ id: string; token: string }> {
    n += 1;
    const email = `cached${n}@mamori.example`;
    const created = await a.gql(
      'mutation($e: String!, $p: String!) { createUser(email: $e, displayName: "Cached", role: STAFF, password: $p) { id } }',
      { e: email, p: PASSWORD },
      manager,
    );
    const id = created.data?.createUser.id as string;
    const token = await a.login(email, PASSWORD);
    for (const server of [a, b]) expect((await server.gql('{ allDataSubjects(perPage: 1) { id } }', {}, token)).errors).toBeUndefined();
    return { id, token };
  }

  /** Milliseconds until `server` refuses the token with `code` (polling every 50 ms, giving up after twice the allowance). */
  async function refusedAfter(server: { gql: TestServer['gql'] }, token: string, code: string, since: number): Promise<number> {
    for (;;) {
      const res = await server.gql('{ allDataSubjects(perPage: 1) { id } }', {}, token);
      const elapsed = Date.now() - since;
      if (res.errors?.[0]?.extensions.code === code) return elapsed;
      if (elapsed > 2 * WITHIN_MS) return elapsed;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const changes: Array<[string, (id: string) => Promise<unknown>, string]> = [
    ['deactivated', (id) => a.gql('mutation($id: ID!) { updateUser(id: $id, active: false) { id } }', { id }, manager), 'UNAUTHENTICATED'],
    ['demoted to supervisor', (id) => a.gql('mutation($id: ID!) { updateUser(id: $id, role: SUPERVISOR) { id } }', { id }, manager), 'FORBIDDEN'],
    ['password reset', (id) => a.gql('mutation($id: ID!) { resetUserPassword(id: $id, newPassword: "another-pass-2026") { id } }', { id }, manager), 'UNAUTHENTICATED'],
    ['two-factor reset', (id) => a.gql('mutation($id: ID!) { resetUserTwoFactor(id: $id) { id } }', { id }, manager), 'UNAUTHENTICATED'],
  ];

  test.each(changes)('%s: refused at once where it was changed, within 2 s in the other process', async (_name, change, code) => {
    const { id, token } = await signedInStaff();
    const res = (await change(id)) as { errors?: unknown };
    expect(res.errors).toBeUndefined();
    const changedAt = Date.now();
    const here = await a.gql('{ allDataSubjects(perPage: 1) { id } }', {}, token);
    expect(here.errors?.[0]?.extensions.code).toBe(code);
    expect(await refusedAfter(b, token, code, changedAt)).toBeLessThan(WITHIN_MS);
  });

  test('the other process keeps the user in memory meanwhile (the cache is in use, and short)', async () => {
    expect(CALLER_TTL_MS).toBeLessThan(WITHIN_MS);
    const { id, token } = await signedInStaff();
    // A change written behind the application's back (as another process would): this process does not hear of it.
    await a.sql('UPDATE app_user SET active = ? WHERE id = ?', [false, Number(id)]);
    const changedAt = Date.now();
    const stillAccepted = await a.gql('{ allDataSubjects(perPage: 1) { id } }', {}, token);
    const elapsed = await refusedAfter(a, token, 'UNAUTHENTICATED', changedAt);
    // Accepted right after (when the check ran inside the allowance), refused within it.
    if (Date.now() - changedAt < CALLER_TTL_MS / 2) expect(stillAccepted.errors).toBeUndefined();
    expect(elapsed).toBeLessThan(WITHIN_MS);
  });
});
