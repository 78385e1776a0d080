import type { Page } from 'playwright-core';
import { DEMO_USERS, STAFF, startServer, type TestServer } from '../support/server';
import { choose, notification } from './support/app';
import { launch, screenshot, seriousProblems, signIn, switchLanguage, type E2EBrowser } from './support/browser';

/** Each user turns their own e-mail digest off and picks the mail language, from the user menu, in both languages. */
describe('e-mail reminder settings in the browser', () => {
  let s: TestServer;
  let b: E2EBrowser;
  let page: Page;

  beforeAll(async () => {
    s = await startServer('sqlite');
    b = await launch();
    page = await b.newPage();
    await signIn(page, s.url, STAFF, 'STAFF');
  });
  afterAll(async () => {
    await b?.close();
    await s?.close();
  });
  afterEach(() => {
    expect(seriousProblems(b.problems)).toEqual([]);
  });

  const stored = async () => (await s.sql<{ digest: number | boolean; language: string }>("SELECT reminder_digest AS digest, mail_language AS language FROM app_user WHERE email = ?", [STAFF]))[0]!;

  test('the user menu leads to the settings; the digest is turned off', async () => {
    // the user menu's button is named by the signed-in user's name
    await page.getByRole('button', { name: DEMO_USERS.find((u) => u.email === STAFF)!.displayName }).click();
    await page.getByRole('menuitem', { name: 'E-mail reminders' }).click();
    const digest = page.getByRole('switch', { name: 'Send me the daily digest' });
    await digest.waitFor();
    expect(await digest.isChecked()).toBe(true);
    await digest.click();
    expect(await notification(page)).toContain('Your e-mail reminder settings are saved');
    expect(Boolean((await stored()).digest)).toBe(false);
    await screenshot(page, 'staff-reminders-en', { fullPage: false });
  });

  test('in Japanese, the mail language is chosen', async () => {
    await switchLanguage(page, '日本語');
    await page.getByText('メール通知').first().waitFor();
    await choose(page, 'メールの言語', 'English');
    await page.getByText('メール通知の設定を保存しました').waitFor();
    expect((await stored()).language).toBe('en');
    await screenshot(page, 'staff-reminders-ja', { fullPage: false });
  });
});
