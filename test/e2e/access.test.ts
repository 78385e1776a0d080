import type { Page } from 'playwright-core';
import { AUDITOR, MANAGER, STAFF, SUPERVISOR, startServer, type TestServer } from '../support/server';
import { countEntries, open } from './support/app';
import { launch, screenshot, seriousProblems, signIn, type E2EBrowser } from './support/browser';

/** Each role reaches only its own pages; the UI does not even ask the server for the others. */
describe('who reaches which page in the browser', () => {
  let s: TestServer;
  let b: E2EBrowser;

  beforeAll(async () => {
    s = await startServer('sqlite');
    b = await launch();
  });
  afterAll(async () => {
    await b?.close();
    await s?.close();
  });
  afterEach(() => {
    expect(seriousProblems(b.problems)).toEqual([]);
  });

  async function expectDenied(page: Page, route: string): Promise<void> {
    await open(page, s, route);
    await page.getByText("You don't have the right permissions to access this page").waitFor();
  }

  test('an anonymous visitor is sent to the sign-in page', async () => {
    const page = await b.newPage();
    await open(page, s, '/Case');
    await page.waitForFunction(() => location.hash.startsWith('#/login'));
    await page.locator('input[name="email"]').waitFor();
    await screenshot(page, 'login-en');
    await page.close();
  });

  test("staff cannot reach the manager's pages, and trying costs the server nothing", async () => {
    const page = await b.newPage();
    await signIn(page, s.url, STAFF, 'STAFF');
    const denied = await countEntries(s, 'ACCESS_DENIED');
    for (const route of ['/User', '/User/1/show', '/assignment-queue', '/break-glass', '/DataSubject/create', '/Subcontractor/create', '/Incident/1']) {
      await expectDenied(page, route);
    }
    await screenshot(page, 'staff-access-denied-en');
    expect(await countEntries(s, 'ACCESS_DENIED')).toBe(denied);
    await page.close();
  });

  test('a supervisor cannot reach personal data: cases, data subjects, the audit trail or users', async () => {
    const page = await b.newPage();
    await signIn(page, s.url, SUPERVISOR, 'SUPERVISOR');
    const denied = await countEntries(s, 'ACCESS_DENIED');
    const reads = await countEntries(s, 'READ');
    for (const route of ['/DataSubject', '/DataSubject/1/show', '/Case', '/Case/1/show', '/Case/create', '/AuditEntry', '/ThirdPartyProvision', '/User', '/assignment-queue']) {
      await expectDenied(page, route);
    }
    expect(await countEntries(s, 'ACCESS_DENIED')).toBe(denied);
    expect(await countEntries(s, 'READ')).toBe(reads);
    await page.close();
  });

  test('the internal auditor reads every case without its personal data and the whole trail, and reaches no data subject', async () => {
    const page = await b.newPage();
    await signIn(page, s.url, AUDITOR, 'AUDITOR');
    const denied = await countEntries(s, 'ACCESS_DENIED');
    const reads = await countEntries(s, 'READ');
    const [demoCase] = await s.sql('SELECT id, reference, requester_name, reply_address FROM request_case ORDER BY id LIMIT 1');
    await open(page, s, '/Case');
    await page.getByText(demoCase.reference).first().waitFor();
    await open(page, s, `/Case/${demoCase.id}/show`);
    await page.getByTestId('no-personal-data').waitFor();
    await page.getByTestId('timeline').waitFor();
    const text = await page.locator('#main-content').innerText();
    expect(text).not.toContain(demoCase.requester_name);
    expect(text).not.toContain(demoCase.reply_address);
    expect(await page.getByTestId('scans-panel').count()).toBe(0);
    await screenshot(page, 'auditor-case-en');
    await open(page, s, '/AuditEntry');
    await page.getByTestId('log-state').waitFor();
    for (const route of ['/DataSubject', '/DataSubject/1/show', '/Case/create', `/Case/${demoCase.id}`, '/ThirdPartyProvision', '/User/create', '/Subcontractor/create', '/assignment-queue', '/break-glass']) {
      await expectDenied(page, route);
    }
    expect(await countEntries(s, 'ACCESS_DENIED')).toBe(denied);
    expect(await countEntries(s, 'READ')).toBe(reads);
    await page.close();
  });

  test('a page that does not exist says so', async () => {
    const page = await b.newPage();
    await signIn(page, s.url, MANAGER, 'PRIVACY_MANAGER');
    await open(page, s, '/NoSuchThing');
    await page.getByText(/not found|doesn't exist/i).first().waitFor();
    await page.close();
  });

  test('a session the server no longer accepts goes back to the sign-in page', async () => {
    const page = await b.newPage();
    await signIn(page, s.url, STAFF, 'STAFF');
    await page.evaluate(() => sessionStorage.setItem('mamori.token', 'expired.or.forged'));
    await open(page, s, '/Case');
    await page.reload();
    await page.waitForFunction(() => location.hash.startsWith('#/login'));
    await page.locator('input[name="email"]').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('mamori.token'))).toBeNull();
    await page.close();
  });

  test('a wrong password is refused on the sign-in page with the reason', async () => {
    const page = await b.newPage();
    await page.goto(`${s.url}/#/login`);
    await page.locator('input[name="email"]').fill(STAFF);
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.locator('button[type="submit"]').click();
    await page.getByText('Sign-in failed or your session has ended').waitFor();
    await page.close();
  });
});
