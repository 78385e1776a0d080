import jwt from 'jsonwebtoken';
import { DEV_JWT_SECRET } from '../server/src/config';
import { databaseKinds } from './support/databases';
import { DEMO_PASSWORD, MANAGER, STAFF, STAFF2, SUPERVISOR, startServer, type TestServer } from './support/server';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id email role } } }';

describe.each(databaseKinds())('sign-in and tokens on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer(kind);
  });
  afterAll(() => s?.close());

  test('login returns a token and the user; a wrong password is UNAUTHENTICATED', async () => {
    const ok = await s.gql(LOGIN, { e: MANAGER, p: DEMO_PASSWORD });
    expect(ok.data?.login.user).toMatchObject({ email: MANAGER, role: 'PRIVACY_MANAGER' });
    const bad = await s.gql(LOGIN, { e: MANAGER, p: 'wrong-password-123' });
    expect(bad.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(bad.data).toBeNull();
  });

  test('an account locks after 5 failures for 15 minutes, refusing even the right password, then opens again', async () => {
    for (let i = 0; i < 5; i++) await s.gql(LOGIN, { e: STAFF2, p: `wrong-password-${i}` });
    const locked = await s.gql(LOGIN, { e: STAFF2, p: DEMO_PASSWORD });
    expect(locked.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const lockedUntil = locked.errors?.[0]?.extensions.lockedUntil as string;
    expect(Date.parse(lockedUntil) - s.clock.now().getTime()).toBeGreaterThan(14 * 60_000);
    s.clock.advance(14 * 60_000);
    expect((await s.gql(LOGIN, { e: STAFF2, p: DEMO_PASSWORD })).errors?.[0]?.extensions.lockedUntil).toBe(lockedUntil);
    s.clock.advance(61_000);
    expect((await s.gql(LOGIN, { e: STAFF2, p: DEMO_PASSWORD })).data?.login.user.email).toBe(STAFF2);
  });

  test('the manager unlocks a locked account', async () => {
    for (let i = 0; i < 5; i++) await s.gql(LOGIN, { e: SUPERVISOR, p: `wrong-password-${i}` });
    expect((await s.gql(LOGIN, { e: SUPERVISOR, p: DEMO_PASSWORD })).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const manager = await s.login(MANAGER);
    const [{ id }] = await s.sql('SELECT id FROM app_user WHERE email = ?', [SUPERVISOR]);
    const unlocked = await s.gql('mutation($id: ID!) { unlockUser(id: $id) { lockedUntil } }', { id: String(id) }, manager);
    expect(unlocked.data?.unlockUser.lockedUntil).toBeNull();
    expect((await s.gql(LOGIN, { e: SUPERVISOR, p: DEMO_PASSWORD })).data?.login).toBeTruthy();
  });

  test('logins and failed logins are audit entries', async () => {
    await s.gql(LOGIN, { e: STAFF, p: 'not-the-password' });
    await s.login(STAFF);
    const rows = await s.sql("SELECT action, outcome FROM audit_entry WHERE action IN ('LOGIN','LOGIN_FAILED') ORDER BY id DESC LIMIT 2");
    expect(rows.map((r) => r.action)).toEqual(['LOGIN', 'LOGIN_FAILED']);
  });

  test('tokens with a bad signature, alg none, another algorithm, tampered claims or past expiry are UNAUTHENTICATED', async () => {
    const good = await s.login(STAFF);
    const claims = jwt.decode(good) as Record<string, unknown>;
    const [header, payload, signature] = good.split('.');
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const tampered = `${header}.${b64({ ...claims, role: 'PRIVACY_MANAGER', sub: '1' })}.${signature}`;
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    const otherKey = jwt.sign({ ...claims }, 'another-secret-of-sufficient-length-123456');
    const hs512 = jwt.sign({ sub: claims.sub, role: claims.role, tv: claims.tv, iss: 'mamori' }, DEV_JWT_SECRET, { algorithm: 'HS512', expiresIn: 3600 });
    for (const token of [tampered, none, otherKey, hs512, 'not-a-token']) {
      const res = await s.gql('{ me { id } }', {}, token);
      expect({ token, code: res.errors?.[0]?.extensions.code }).toEqual({ token, code: 'UNAUTHENTICATED' });
    }
    expect((await s.gql('{ me { id } }', {}, good)).data?.me).toBeTruthy();
    s.clock.advance(9 * 3600_000);
    expect((await s.gql('{ me { id } }', {}, good)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    s.clock.set(new Date());
  });

  test('a deactivated user’s token is refused at once', async () => {
    const manager = await s.login(MANAGER);
    const created = await s.gql(
      'mutation { createUser(email: "temp@mamori.example", displayName: "Temp", role: STAFF, password: "temporary-pass-2026") { id } }',
      {},
      manager,
    );
    const id = created.data?.createUser.id;
    const token = await s.login('temp@mamori.example', 'temporary-pass-2026');
    expect((await s.gql('{ me { id } }', {}, token)).data?.me.id).toBe(id);
    await s.gql('mutation($id: ID!) { updateUser(id: $id, active: false) { active } }', { id }, manager);
    expect((await s.gql('{ me { id } }', {}, token)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  test('changing one’s password ends older sessions and needs the current password', async () => {
    const token = await s.login(STAFF);
    const wrong = await s.gql('mutation { changePassword(currentPassword: "nope-nope-nope", newPassword: "a-new-password-2026") { id } }', {}, token);
    expect(wrong.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const short = await s.gql(`mutation { changePassword(currentPassword: "${DEMO_PASSWORD}", newPassword: "short") { id } }`, {}, token);
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const ok = await s.gql(`mutation { changePassword(currentPassword: "${DEMO_PASSWORD}", newPassword: "a-new-password-2026") { id } }`, {}, token);
    expect(ok.data?.changePassword.id).toBeTruthy();
    expect((await s.gql('{ me { id } }', {}, token)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    await s.login(STAFF, 'a-new-password-2026');
  });

  test('only the manager manages users', async () => {
    const staff = await s.login(STAFF2);
    const res = await s.gql('{ allUsers { id } }', {}, staff);
    expect(res.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const denied = await s.sql("SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'ACCESS_DENIED' AND actor_role = 'STAFF'");
    expect(Number(denied[0].n)).toBeGreaterThan(0);
  });
});

describe('failed logins are limited per client address', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer('sqlite', { failedLoginsPerAddressPerMinute: 3 });
  });
  afterAll(() => s?.close());

  test('after 3 failures from one address, further attempts on any account are TOO_MANY_REQUESTS', async () => {
    await s.gql(LOGIN, { e: 'nobody1@mamori.example', p: 'wrong-password-1' });
    await s.gql(LOGIN, { e: 'nobody2@mamori.example', p: 'wrong-password-2' });
    await s.gql(LOGIN, { e: 'nobody3@mamori.example', p: 'wrong-password-3' });
    const res = await s.gql(LOGIN, { e: MANAGER, p: DEMO_PASSWORD });
    expect(res.errors?.[0]?.extensions.code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('anonymous requests are refused before any data is touched, counted and rate-limited', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer('sqlite', { anonymousRefusalsPerAddressPerMinute: 5 });
  });
  afterAll(() => s?.close());

  test('an address that keeps sending requests without a token gets TOO_MANY_REQUESTS, and nothing is audited', async () => {
    const [before] = await s.sql('SELECT COUNT(*) AS n FROM audit_entry');
    const codes = [];
    for (let i = 0; i < 7; i++) codes.push((await s.gql('{ allDataSubjects { fullName } }')).errors?.[0]?.extensions.code);
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes.slice(5)).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
    const [after] = await s.sql('SELECT COUNT(*) AS n FROM audit_entry');
    expect(Number(after.n)).toBe(Number(before.n));
    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    expect(metrics).toMatch(/mamori_anonymous_refusals_total \d+/);
  });
});
