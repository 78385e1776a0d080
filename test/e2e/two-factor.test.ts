import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, MANAGER, startServer, type TestServer } from '../support/server';
import { countEntries, open } from './support/app';
import { launch, menuLabels, screenshot, seriousProblems, type E2EBrowser } from './support/browser';

/** Where the privacy manager must use two-factor sign-in (production), the UI walks them through enrolment first. */
describe('two-factor sign-in in the browser', () => {
  let s: TestServer;
  let b: E2EBrowser;
  let page: Page;
  let recoveryCodes: string[];

  beforeAll(async () => {
    s = await startServer('sqlite', { requireManagerTwoFactor: true });
    b = await launch();
    page = await b.newPage();
  });
  afterAll(async () => {
    await b?.close();
    await s?.close();
  });
  afterEach(() => {
    expect(seriousProblems(b.problems)).toEqual([]);
  });

  async function submit(email: string, password: string): Promise<void> {
    await page.goto(`${s.url}/#/login`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('button[type="submit"]').click();
  }

  test('a manager without two-factor sign-in reaches only the enrolment page', async () => {
    await submit(MANAGER, DEMO_PASSWORD);
    await page.getByTestId('two-factor').waitFor();
    await page.getByText('Set up two-factor sign-in before using this account').waitFor();
    expect(await menuLabels(page)).toEqual(['Dashboard']);
    const denied = await countEntries(s, 'ACCESS_DENIED');
    await open(page, s, '/Case');
    await page.getByText("You don't have the right permissions to access this page").waitFor();
    expect(await countEntries(s, 'ACCESS_DENIED')).toBe(denied);
  });

  test('enrols with the QR code and a first code, and is shown the recovery codes once', async () => {
    await open(page, s, '/two-factor');
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const qr = page.locator('img[alt="QR"]');
    await qr.waitFor();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const secret = (await page.getByTestId('two-factor').locator('p').filter({ hasText: /^[A-Z2-7]{16,}$/ }).innerText()).trim();
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
    await page.getByLabel('Authenticator code').fill(code);
    await page.getByRole('button', { name: 'Confirm' }).click();
    const codes = page.getByTestId('recovery-codes');
    await codes.waitFor();
    recoveryCodes = (await codes.innerText()).trim().split('\n');
    expect(recoveryCodes).toHaveLength(10);
    await screenshot(page, 'manager-two-factor-en', { fullPage: false });
    await page.getByRole('button', { name: 'Sign in again' }).click();
    await page.locator('input[name="email"]').waitFor();
  });

  test('signing in then asks for a code, and a recovery code lets the manager in', async () => {
    await submit(MANAGER, DEMO_PASSWORD);
    await page.getByText('Enter the code from your authenticator app').waitFor();
    await page.locator('input[name="totpCode"]').fill(recoveryCodes[0]!);
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('dashboard-PRIVACY_MANAGER').waitFor();
  });
});
