import { freePort, OIDC_CLIENT, startProvider, type TestProvider } from '../support/oidc';
import { STAFF, startServer, type TestServer } from '../support/server';
import { notification } from './support/app';
import { launch, screenshot, seriousProblems, switchLanguage, type E2EBrowser } from './support/browser';

/** The company sign-in in the real browser: Mamori → the OpenID provider's page → back, signed in to the UI. */
describe('single sign-on in the browser', () => {
  let provider: TestProvider;
  let s: TestServer;
  let b: E2EBrowser;

  beforeAll(async () => {
    const port = await freePort();
    provider = await startProvider([`http://127.0.0.1:${port}/auth/oidc/callback`], {
      staff: { email: STAFF, email_verified: true, groups: ['mamori-staff'], amr: ['pwd'] },
      stranger: { email: 'stranger@company.example', email_verified: true, groups: ['mamori-staff'], amr: ['pwd'] },
    });
    s = await startServer('sqlite', {
      port,
      publicUrl: `http://127.0.0.1:${port}`,
      oidc: {
        issuer: provider.issuer,
        clientId: OIDC_CLIENT.id,
        clientSecret: OIDC_CLIENT.secret,
        roleClaim: 'groups',
        roleMap: { 'mamori-staff': 'STAFF' },
        jitCreate: false,
        mfaAcrValues: [],
        scopes: 'openid email profile groups',
      },
    });
    b = await launch();
  });
  afterAll(async () => {
    await b?.close();
    await s?.close();
    await provider?.close();
  });
  afterEach(() => {
    expect(seriousProblems(b.problems)).toEqual([]);
  });

  const signInAtProvider = async (page: Awaited<ReturnType<E2EBrowser['newPage']>>, account: string) => {
    await page.getByRole('link', { name: 'Sign in with the company account' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByLabel('Account').fill(account);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  test('the button (in Japanese and English) leads through the provider and ends signed in', async () => {
    const page = await b.newPage();
    await page.goto(`${s.url}/#/login`);
    await switchLanguage(page, '日本語');
    await page.getByRole('link', { name: '会社のアカウントでログイン' }).waitFor();
    await switchLanguage(page, 'English');
    await screenshot(page, 'login-sso-en');
    await signInAtProvider(page, 'staff');
    await page.getByTestId('dashboard-STAFF').waitFor();
    // the answer's query is gone from the address, and the session is the browser tab's, as with a password
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate(() => JSON.parse(sessionStorage.getItem('mamori.user') ?? '{}').email)).toBe(STAFF);
    const [entry] = await s.sql("SELECT action, reason FROM audit_entry WHERE action IN ('LOGIN', 'LOGIN_FAILED') ORDER BY id DESC LIMIT 1");
    expect(entry).toEqual({ action: 'LOGIN', reason: 'single sign-on' });
    await page.close();
  });

  test('a refusal comes back to the sign-in page with its reason', async () => {
    // another person at this browser: the provider's own session (single sign-on!) would sign the last one in again
    await b.context.clearCookies();
    const page = await b.newPage();
    await page.goto(`${s.url}/#/login`);
    await signInAtProvider(page, 'stranger');
    expect(await notification(page)).toMatch(/no Mamori account for your company e-mail address/);
    await page.locator('input[name="email"]').waitFor();
    await page.close();
  });
});
