import jwt from 'jsonwebtoken';
import { DEV_JWT_SECRET } from '../server/src/config';
import { databaseKinds } from './support/databases';
import { recordFigures } from './support/figures';
import { DEMO_PASSWORD, MANAGER, STAFF, startServer, type GraphQLResponse, type TestServer } from './support/server';

/**
 * Attacks on sign-in beyond test/auth.test.ts (which covers the single-account
 * lock-out, the per-address limit, forged, alg-none and expired tokens and a
 * deactivated user): guessing spread over addresses or over accounts, and
 * tokens that outlive a change of the account behind them.
 */

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const PER_ADDRESS = 12;
const PASSWORD = 'victim-password-2026';

describe.each(databaseKinds())('brute force and stolen tokens on %s', (kind) => {
  let s: TestServer;
  let manager: string;
  const tally = { tests: 6, testsPassed: 0, loginAttempts: 0, addresses: new Set<string>(), tokensForged: 0 };
  const previousTrust = process.env.TRUST_PROXY;

  /** A sign-in from `address` (the server trusts the loopback proxy's X-Forwarded-For, as behind a reverse proxy). */
  const login = (email: string, password: string, address: string): Promise<GraphQLResponse> => {
    tally.loginAttempts++;
    tally.addresses.add(address);
    return s.gql(LOGIN, { e: email, p: password }, undefined, { 'x-forwarded-for': address });
  };
  const code = (res: GraphQLResponse) => res.errors?.[0]?.extensions.code ?? 'OK';

  async function newUser(email: string, role = 'STAFF'): Promise<string> {
    const res = await s.gql(
      'mutation($e: String!, $r: Role!, $p: String!) { createUser(email: $e, displayName: "Target", role: $r, password: $p) { id } }',
      { e: email, r: role, p: PASSWORD },
      manager,
    );
    if (!res.data) throw new Error(res.body);
    return res.data.createUser.id;
  }

  beforeAll(async () => {
    process.env.TRUST_PROXY = 'loopback';
    s = await startServer(kind, { failedLoginsPerAddressPerMinute: PER_ADDRESS });
    manager = await s.login(MANAGER);
  });
  afterAll(async () => {
    if (previousTrust === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = previousTrust;
    recordFigures(`auth-attacks-${kind}`, { tests: tally.tests, testsPassed: tally.testsPassed, loginAttempts: tally.loginAttempts, addresses: tally.addresses.size, tokensForged: tally.tokensForged });
    await s?.close();
  });

  test('guessing one account from many addresses still locks it after 5 failures, and the lock holds for every address', async () => {
    await newUser('spread@mamori.example');
    for (let i = 0; i < 5; i++) expect(code(await login('spread@mamori.example', `guess-${i}-password`, `127.0.1.${i + 1}`))).toBe('UNAUTHENTICATED');
    const fresh = await login('spread@mamori.example', PASSWORD, '127.0.1.99');
    expect(fresh.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(fresh.errors?.[0]?.extensions.lockedUntil).toBeTruthy();
    expect(fresh.data).toBeNull();
    tally.testsPassed++;
  });

  test('one address sweeping every account is cut off by its own limit: it locks at most a couple of accounts, and everyone else still signs in', async () => {
    const victims: string[] = [];
    for (let i = 0; i < 6; i++) {
      victims.push(`victim${i}@mamori.example`);
      await newUser(victims[i]!);
    }
    const attacker = '127.0.2.1';
    let failures = 0;
    let throttledAt = -1;
    // five guesses per account, account after account: the shape of a lock-everyone attack
    for (let n = 0; n < victims.length * 5; n++) {
      const res = await login(victims[Math.floor(n / 5)]!, `wrong-guess-${n}`, attacker);
      if (code(res) === 'TOO_MANY_REQUESTS') {
        throttledAt = n;
        break;
      }
      expect(code(res)).toBe('UNAUTHENTICATED');
      failures++;
    }
    expect(failures).toBe(PER_ADDRESS);
    expect(throttledAt).toBe(PER_ADDRESS);
    // once throttled, the address's further guesses are not even counted against the accounts
    const target = victims[Math.floor(PER_ADDRESS / 5)]!;
    const [before] = await s.sql('SELECT failed_logins, locked_until FROM app_user WHERE email = ?', [target]);
    for (let i = 0; i < 5; i++) expect(code(await login(target, `more-guesses-${i}`, attacker))).toBe('TOO_MANY_REQUESTS');
    const [after] = await s.sql('SELECT failed_logins, locked_until FROM app_user WHERE email = ?', [target]);
    expect(after).toEqual(before);
    expect(after.locked_until).toBeNull();
    // the damage is bounded: at most PER_ADDRESS / 5 accounts locked
    const locked = await s.sql(
      `SELECT email FROM app_user WHERE locked_until IS NOT NULL AND email IN (${victims.map(() => '?').join(',')})`,
      victims,
    );
    expect(locked.length).toBe(Math.floor(PER_ADDRESS / 5));
    // everyone not locked signs in from elsewhere, and so does the demo staff, while the attacker stays throttled
    for (const email of victims.filter((v) => !locked.some((l) => l.email === v))) {
      expect(code(await login(email, PASSWORD, '127.0.3.1'))).toBe('OK');
    }
    expect(code(await login(STAFF, DEMO_PASSWORD, '127.0.3.2'))).toBe('OK');
    expect(code(await login(STAFF, DEMO_PASSWORD, attacker))).toBe('TOO_MANY_REQUESTS');
    // the locked ones stay locked from every address, until the manager unlocks them
    for (const { email } of locked) expect(code(await login(email, PASSWORD, '127.0.3.3'))).toBe('UNAUTHENTICATED');
    tally.testsPassed++;
  });

  test('successful sign-ins from a busy shared address do not use up its failure allowance', async () => {
    const office = '127.0.4.1';
    for (let i = 0; i < PER_ADDRESS + 3; i++) expect(code(await login(STAFF, DEMO_PASSWORD, office))).toBe('OK');
    expect(code(await login('victim5@mamori.example', PASSWORD, office))).toBe('OK');
    tally.testsPassed++;
  });

  test('a token for an account that does not exist, or not yet valid, is UNAUTHENTICATED even with the right key', async () => {
    const now = Math.floor(s.clock.now().getTime() / 1000);
    const ghost = jwt.sign({ sub: '987654', role: 'PRIVACY_MANAGER', tv: 0, iat: now }, DEV_JWT_SECRET, { algorithm: 'HS256', expiresIn: 3600, issuer: 'mamori' });
    const early = jwt.sign({ sub: '1', role: 'PRIVACY_MANAGER', tv: 0, iat: now, nbf: now + 3600 }, DEV_JWT_SECRET, { algorithm: 'HS256', expiresIn: 7200, issuer: 'mamori' });
    const otherIssuer = jwt.sign({ sub: '1', role: 'PRIVACY_MANAGER', tv: 0, iat: now }, DEV_JWT_SECRET, { algorithm: 'HS256', expiresIn: 3600, issuer: 'elsewhere' });
    for (const token of [ghost, early, otherIssuer, `${manager}x`, manager.split('.').slice(0, 2).join('.'), `Bearer ${manager}`]) {
      tally.tokensForged++;
      const res = await s.gql('{ allDataSubjects(perPage: 1) { id fullName } }', {}, token);
      expect({ code: code(res), data: res.data }).toEqual({ code: 'UNAUTHENTICATED', data: null });
    }
    const basic = await s.gql('{ me { id } }', {}, undefined, { authorization: `Basic ${Buffer.from(`${MANAGER}:${DEMO_PASSWORD}`).toString('base64')}` });
    expect(code(basic)).toBe('UNAUTHENTICATED');
    tally.testsPassed++;
  });

  test('a role taken away or a password reset by the manager ends the older token at once', async () => {
    const id = await newUser('demoted@mamori.example', 'STAFF');
    const token = (await login('demoted@mamori.example', PASSWORD, '127.0.5.1')).data!.login.token;
    expect(code(await s.gql('{ allCases(perPage: 1) { id } }', {}, token))).toBe('OK');
    await s.gql('mutation($id: ID!) { updateUser(id: $id, role: SUPERVISOR) { role } }', { id }, manager);
    const afterDemotion = await s.gql('{ allCases(perPage: 1) { id } }', {}, token);
    expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(code(afterDemotion));
    expect(afterDemotion.data).toBeNull();

    const second = (await login('demoted@mamori.example', PASSWORD, '127.0.5.1')).data!.login.token;
    expect(code(await s.gql('{ me { id } }', {}, second))).toBe('OK');
    await s.gql('mutation($id: ID!) { resetUserPassword(id: $id, newPassword: "a-brand-new-password-2026") { id } }', { id }, manager);
    expect(code(await s.gql('{ me { id } }', {}, second))).toBe('UNAUTHENTICATED');
    tally.testsPassed++;
  });

  test('a deactivated account is told the same as a wrong password, so its state is not revealed', async () => {
    const id = await newUser('leaver@mamori.example');
    await s.gql('mutation($id: ID!) { updateUser(id: $id, active: false) { active } }', { id }, manager);
    const deactivated = await login('leaver@mamori.example', PASSWORD, '127.0.6.1');
    const unknown = await login('nobody-at-all@mamori.example', PASSWORD, '127.0.6.1');
    expect(deactivated.errors?.[0]).toEqual(unknown.errors?.[0]);
    expect(deactivated.data).toBeNull();
    tally.testsPassed++;
  });
});
