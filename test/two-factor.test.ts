import * as OTPAuth from 'otpauth';
import { databaseKinds } from './support/databases';
import { DEMO_PASSWORD, MANAGER, startServer, type TestServer } from './support/server';

const LOGIN = 'mutation($e: String!, $p: String!, $c: String) { login(email: $e, password: $p, totpCode: $c) { token twoFactorEnrollmentRequired } }';

function codeAt(secret: string, at: Date): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at.getTime() });
}

describe.each(databaseKinds())('two-factor sign-in for the privacy manager on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer(kind, { requireManagerTwoFactor: true });
  });
  afterAll(() => s?.close());

  test('a manager without two-factor sign-in may only enrol, then must use codes; codes are single-use', async () => {
    const first = await s.gql(LOGIN, { e: MANAGER, p: DEMO_PASSWORD });
    expect(first.data?.login.twoFactorEnrollmentRequired).toBe(true);
    const pending = first.data?.login.token;
    const refused = await s.gql('{ allDataSubjects { id } }', {}, pending);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'TWO_FACTOR_REQUIRED' });

    const enrol = await s.gql('mutation { enrollTwoFactor { secret otpauthUrl qrCodeDataUrl } }', {}, pending);
    const { secret, otpauthUrl, qrCodeDataUrl } = enrol.data?.enrollTwoFactor;
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Mamori:/);
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    const wrong = await s.gql('mutation($c: String!) { confirmTwoFactor(code: $c) }', { c: '000000' }, pending);
    expect(wrong.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const confirmed = await s.gql('mutation($c: String!) { confirmTwoFactor(code: $c) }', { c: codeAt(secret, s.clock.now()) }, pending);
    const recovery: string[] = confirmed.data?.confirmTwoFactor;
    expect(recovery).toHaveLength(10);
    expect((await s.gql('{ me { id } }', {}, pending)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');

    const missing = await s.gql(LOGIN, { e: MANAGER, p: DEMO_PASSWORD });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', twoFactorRequired: true });
    s.clock.advance(60_000);
    const code = codeAt(secret, s.clock.now());
    const ok = await s.gql(LOGIN, { e: MANAGER, p: DEMO_PASSWORD, c: code });
    expect(ok.data?.login.twoFactorEnrollmentRequired).toBe(false);
    expect((await s.gql('{ allDataSubjects(perPage: 1) { id } }', {}, ok.data?.login.token)).data?.allDataSubjects).toHaveLength(1);
    const replay = await s.gql(LOGIN, { e: MANAGER, p: DEMO_PASSWORD, c: code });
    expect(replay.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');

    const byRecovery = await s.gql(LOGIN, { e: MANAGER, p: DEMO_PASSWORD, c: recovery[0] });
    expect(byRecovery.data?.login.token).toBeTruthy();
    const again = await s.gql(LOGIN, { e: MANAGER, p: DEMO_PASSWORD, c: recovery[0] });
    expect(again.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const [row] = await s.sql('SELECT totp_secret FROM app_user WHERE email = ?', [MANAGER]);
    expect(row.totp_secret).not.toContain(secret);
  });
});

describe('resetting two-factor sign-in', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer('sqlite');
  });
  afterAll(() => s?.close());

  test('an unknown user is NOT_FOUND, not an internal error', async () => {
    const manager = await s.login(MANAGER);
    const res = await s.gql('mutation { resetUserTwoFactor(id: "999999") { id } }', {}, manager);
    expect(res.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });
});
