import { loadConfig } from '../server/src/config';
import { databaseKinds } from './support/databases';
import { freePort, HeadlessBrowser, OIDC_CLIENT, ssoSignIn, startProvider, type ProviderAccount, type TestProvider } from './support/oidc';
import { DEMO_PASSWORD, MANAGER, STAFF, STAFF2, SUPERVISOR, startServer, type TestServer } from './support/server';

const MANAGERS = 'mamori-privacy-managers';
const STAFF_GROUP = 'mamori-staff';
const SUPERVISORS = 'mamori-supervisors';
const ROLE_MAP = { [MANAGERS]: 'PRIVACY_MANAGER', [STAFF_GROUP]: 'STAFF', [SUPERVISORS]: 'SUPERVISOR' } as const;
const MFA_ACR = 'urn:mamori:test:mfa';

const ACCOUNTS: Record<string, ProviderAccount> = {
  'manager-mfa': { email: MANAGER, email_verified: true, groups: [MANAGERS], amr: ['pwd', 'mfa'] },
  'manager-acr': { email: MANAGER.toUpperCase(), email_verified: true, groups: [MANAGERS], amr: ['pwd'], acr: MFA_ACR },
  'manager-password-only': { email: MANAGER, email_verified: true, groups: [MANAGERS], amr: ['pwd'] },
  staff: { email: STAFF, email_verified: true, groups: ['everyone', STAFF_GROUP], amr: ['pwd'] },
  'staff-as-manager': { email: STAFF, email_verified: true, groups: [MANAGERS], amr: ['pwd', 'mfa'] },
  'staff2-marketing': { email: STAFF2, email_verified: true, groups: ['marketing'], amr: ['pwd'] },
  'staff2-unverified': { email: STAFF2, email_verified: false, groups: [STAFF_GROUP], amr: ['pwd'] },
  supervisor: { email: SUPERVISOR, email_verified: true, groups: [SUPERVISORS], amr: ['pwd'] },
  stranger: { email: 'stranger@company.example', email_verified: true, groups: [STAFF_GROUP], amr: ['pwd'] },
  newcomer: { email: 'newcomer@company.example', email_verified: true, name: 'New Comer', groups: [MANAGERS, STAFF_GROUP, SUPERVISORS], amr: ['pwd'] },
};

interface Entry {
  action: string;
  outcome: string;
  reason: string | null;
  entity_id: string | null;
  actor_id: number | null;
}

describe.each(databaseKinds())('single sign-on through a real OpenID provider on %s', (kind) => {
  let provider: TestProvider;
  let s: TestServer;
  let jit: TestServer;

  const serverWith = async (port: number, env: { jitCreate: boolean; passwordSignIn: boolean }) =>
    startServer(kind, {
      port,
      publicUrl: `http://127.0.0.1:${port}`,
      requireManagerTwoFactor: true,
      passwordSignIn: env.passwordSignIn,
      oidc: {
        issuer: provider.issuer,
        clientId: OIDC_CLIENT.id,
        clientSecret: OIDC_CLIENT.secret,
        roleClaim: 'groups',
        roleMap: { ...ROLE_MAP },
        jitCreate: env.jitCreate,
        mfaAcrValues: [MFA_ACR],
        scopes: 'openid email profile groups',
      },
    });

  beforeAll(async () => {
    const [port, jitPort] = [await freePort(), await freePort()];
    provider = await startProvider([port, jitPort].map((p) => `http://127.0.0.1:${p}/auth/oidc/callback`), ACCOUNTS);
    s = await serverWith(port, { jitCreate: false, passwordSignIn: true });
    jit = await serverWith(jitPort, { jitCreate: true, passwordSignIn: false });
  });
  afterAll(async () => {
    await s?.close();
    await jit?.close();
    await provider?.close();
  });
  afterEach(() => provider.setMode('normal'));

  const lastSignIn = async (server: TestServer): Promise<Entry> => {
    const [row] = await server.sql<Entry>("SELECT action, outcome, reason, entity_id, actor_id FROM audit_entry WHERE action IN ('LOGIN', 'LOGIN_FAILED') ORDER BY id DESC LIMIT 1");
    return { ...row!, actor_id: row!.actor_id === null ? null : Number(row!.actor_id) };
  };
  const idOf = async (server: TestServer, email: string) => Number((await server.sql('SELECT id FROM app_user WHERE email = ?', [email]))[0]?.id);
  const refusedWith = async (server: TestServer, account: string, refusal: string) => {
    const outcome = await ssoSignIn(server.url, account);
    expect({ account, sso: outcome.landing.searchParams.get('sso'), error: outcome.landing.searchParams.get('sso_error') }).toEqual({ account, sso: null, error: refusal });
    expect(outcome.session).toBeNull();
    const entry = await lastSignIn(server);
    expect(entry).toMatchObject({ action: 'LOGIN_FAILED', outcome: 'DENIED' });
    expect(entry.reason).toMatch(/^single sign-on: /);
    return entry;
  };

  test('a member of the staff group signs in; the session works, is handed over once, and the LOGIN is audited', async () => {
    const browser = new HeadlessBrowser();
    const outcome = await ssoSignIn(s.url, 'staff', browser);
    expect(outcome.landing.searchParams.get('sso')).toBe('done');
    expect(outcome.session?.user).toMatchObject({ email: STAFF, role: 'STAFF' });
    const me = await s.gql('{ me { email role } }', {}, outcome.session!.token);
    expect(me.data?.me).toEqual({ email: STAFF, role: 'STAFF' });
    // the cookie that carried the session is gone: a second take is refused
    expect((await browser.get(`${s.url}/auth/oidc/session`, { method: 'POST' })).status).toBe(401);
    const staffId = await idOf(s, STAFF);
    expect(await lastSignIn(s)).toEqual({ action: 'LOGIN', outcome: 'ALLOWED', reason: 'single sign-on', entity_id: String(staffId), actor_id: staffId });
  });

  test('the authorization request uses PKCE (S256), state and nonce', async () => {
    const start = await new HeadlessBrowser().get(`${s.url}/auth/oidc/start`);
    expect(start.status).toBe(303);
    const url = new URL(start.headers.get('location')!);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(`${s.url}/auth/oidc/callback`);
    expect(start.headers.get('set-cookie')).toMatch(/mamori_oidc=[^;]+;.*HttpOnly/i);
  });

  test("the privacy manager signs in only with the provider's MFA claim (amr or an MFA acr)", async () => {
    const withAmr = await ssoSignIn(s.url, 'manager-mfa');
    expect(withAmr.session?.user).toMatchObject({ email: MANAGER, role: 'PRIVACY_MANAGER' });
    const withAcr = await ssoSignIn(s.url, 'manager-acr');
    expect(withAcr.session?.user.role).toBe('PRIVACY_MANAGER');
    const entry = await refusedWith(s, 'manager-password-only', 'mfa-required');
    expect(entry.entity_id).toBe(String(await idOf(s, MANAGER)));
  });

  test('a replayed authorization code is refused by the provider, and the refusal is audited', async () => {
    const first = await ssoSignIn(s.url, 'staff');
    expect(first.session).not.toBeNull();
    // the same answer again, with the pending sign-in it was made for (as a thief who took both would send it)
    const thief = new HeadlessBrowser();
    thief.setCookies(s.url, first.cookiesAtCallback);
    const again = await thief.get(first.callbackUrl!);
    expect(new URL(again.headers.get('location')!).searchParams.get('sso_error')).toBe('provider');
    expect(again.headers.getSetCookie().some((c) => c.startsWith('mamori_oidc_session='))).toBe(false);
    const entry = await lastSignIn(s);
    expect(entry).toMatchObject({ action: 'LOGIN_FAILED', outcome: 'DENIED', reason: "single sign-on: the identity provider's answer was refused (invalid_grant)" });
  });

  test('a provider answering as another issuer is refused: in its metadata and in the authorization response', async () => {
    await provider.setMode('other-issuer');
    const start = await new HeadlessBrowser().get(`${s.url}/auth/oidc/start`);
    expect(new URL(start.headers.get('location')!).searchParams.get('sso_error')).toBe('provider');
    const entry = await lastSignIn(s);
    expect(entry).toMatchObject({ action: 'LOGIN_FAILED', outcome: 'DENIED' });
    expect(entry.reason).toMatch(/^single sign-on: the identity provider's metadata was refused \(/);

    await provider.setMode('normal');
    // RFC 9207: the answer names its issuer; an answer that another issuer made is refused (mix-up)
    const mixedUp = await ssoSignIn(s.url, 'staff', new HeadlessBrowser(), (answer) => {
      expect(answer.searchParams.get('iss')).toBe(provider.issuer);
      answer.searchParams.set('iss', 'https://login.other-company.example');
    });
    expect(mixedUp.landing.searchParams.get('sso_error')).toBe('provider');
    expect((await lastSignIn(s)).reason).toMatch(/^single sign-on: the identity provider's answer was refused \(/);
  });

  test('an ID token whose signature does not verify with the published keys is refused', async () => {
    await provider.setMode('foreign-keys');
    const entry = await refusedWith(s, 'staff', 'provider');
    expect(entry.reason).toMatch(/signature verification failed/);
  });

  test('groups that map to no role, or not to the account’s role, are refused', async () => {
    const none = await refusedWith(s, 'staff2-marketing', 'no-role');
    expect(none.entity_id).toBe(String(await idOf(s, STAFF2)));
    await refusedWith(s, 'staff-as-manager', 'role-not-granted');
  });

  test('an e-mail the provider has not verified is refused', async () => {
    await refusedWith(s, 'staff2-unverified', 'email-not-verified');
  });

  test('an unknown e-mail is refused when just-in-time creation is off, and no account is made', async () => {
    const entry = await refusedWith(s, 'stranger', 'no-account');
    expect(entry.entity_id).toBeNull();
    expect(await s.sql('SELECT id FROM app_user WHERE email = ?', ['stranger@company.example'])).toHaveLength(0);
  });

  test('a deactivated account is refused although the provider signs the user in', async () => {
    // the manager signs in (with MFA at the provider) and deactivates the supervisor
    const manager = (await ssoSignIn(s.url, 'manager-mfa')).session!.token;
    const supervisorId = await idOf(s, SUPERVISOR);
    const off = await s.gql('mutation($id: ID!) { updateUser(id: $id, active: false) { active } }', { id: String(supervisorId) }, manager);
    expect(off.data?.updateUser.active).toBe(false);
    const entry = await refusedWith(s, 'supervisor', 'deactivated');
    expect(entry.entity_id).toBe(String(supervisorId));
  });

  test('just-in-time creation makes the account with the least-privileged mapped role, audited', async () => {
    const outcome = await ssoSignIn(jit.url, 'newcomer');
    expect(outcome.session?.user).toMatchObject({ email: 'newcomer@company.example', role: 'SUPERVISOR' });
    const [user] = await jit.sql('SELECT id, role, display_name, active FROM app_user WHERE email = ?', ['newcomer@company.example']);
    expect({ role: user.role, name: user.display_name, active: Boolean(user.active) }).toEqual({ role: 'SUPERVISOR', name: 'New Comer', active: true });
    const created = await jit.sql("SELECT actor_id, reason FROM audit_entry WHERE action = 'CREATE' AND entity_type = 'User' AND entity_id = ?", [String(user.id)]);
    expect(created).toHaveLength(1);
    expect(created[0].reason).toMatch(/single sign-on: created at first sign-in as SUPERVISOR/);
    expect((await lastSignIn(jit)).action).toBe('LOGIN');
    // the second sign-in finds the account
    expect((await ssoSignIn(jit.url, 'newcomer')).session?.user.id).toBe(String(user.id));
    expect(await jit.sql('SELECT id FROM app_user WHERE email = ?', ['newcomer@company.example'])).toHaveLength(1);
  });

  test('with PASSWORD_SIGNIN=false the password is refused (audited) and the sign-in page is told so', async () => {
    const options = await (await fetch(`${jit.url}/auth/options`)).json();
    expect(options).toEqual({ password: false, singleSignOn: true });
    expect(await (await fetch(`${s.url}/auth/options`)).json()).toEqual({ password: true, singleSignOn: true });
    const refused = await jit.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: MANAGER, p: DEMO_PASSWORD });
    expect(refused.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(refused.data).toBeNull();
    expect(await lastSignIn(jit)).toMatchObject({ action: 'LOGIN_FAILED', outcome: 'DENIED', reason: 'password sign-in is turned off' });
  });
});

describe('single sign-on settings', () => {
  const env = (extra: Record<string, string>) => ({ NODE_ENV: 'test', ...extra }) as NodeJS.ProcessEnv;
  const sso = {
    OIDC_ISSUER: 'https://login.example.com/tenant/v2.0',
    OIDC_CLIENT_ID: 'mamori',
    OIDC_CLIENT_SECRET: 'secret',
    OIDC_ROLE_MAP: JSON.stringify(ROLE_MAP),
    PUBLIC_URL: 'https://mamori.example.com/',
  };

  test('are read from the environment', () => {
    const config = loadConfig(env({ ...sso, OIDC_JIT_CREATE: 'true', OIDC_MFA_ACR: 'urn:a, urn:b', PASSWORD_SIGNIN: 'false' }));
    expect(config.publicUrl).toBe('https://mamori.example.com');
    expect(config.passwordSignIn).toBe(false);
    expect(config.oidc).toEqual({
      issuer: sso.OIDC_ISSUER,
      clientId: 'mamori',
      clientSecret: 'secret',
      roleClaim: 'groups',
      roleMap: ROLE_MAP,
      jitCreate: true,
      mfaAcrValues: ['urn:a', 'urn:b'],
      scopes: 'openid email profile',
    });
    expect(loadConfig(env({})).oidc).toBeNull();
    expect(loadConfig(env({})).passwordSignIn).toBe(true);
  });

  test.each([
    [{ ...sso, OIDC_CLIENT_SECRET: '' }, /OIDC_CLIENT_SECRET must be set/],
    [{ ...sso, PUBLIC_URL: '' }, /PUBLIC_URL must be set/],
    [{ ...sso, OIDC_ROLE_MAP: '{"g": "ADMIN"}' }, /OIDC_ROLE_MAP names roles of/],
    [{ ...sso, OIDC_ROLE_MAP: 'g=STAFF' }, /OIDC_ROLE_MAP must be a JSON object/],
    [{ ...sso, OIDC_ROLE_MAP: '{}' }, /at least one group/],
    [{ PASSWORD_SIGNIN: 'false' }, /PASSWORD_SIGNIN=false needs single sign-on/],
    [{ ...sso, NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(40), AUDIT_HMAC_KEY: 'k'.repeat(40), OIDC_ISSUER: 'http://login.example.com' }, /OIDC_ISSUER must be an https URL in production/],
  ])('refuse a wrong setting (%#)', (extra, message) => {
    expect(() => loadConfig(env(extra))).toThrow(message);
  });
});
