import type { Page } from 'playwright-core';
import { MANAGER, startServer, type TestServer } from '../support/server';
import { open } from './support/app';
import { launch, screenshot, seriousProblems, signIn, switchLanguage, type E2EBrowser } from './support/browser';

/** A typed postal code fills the address from Japan Post's data; the address stays editable; an unknown code says so. */
describe('postal code → address in the browser', () => {
  let s: TestServer;
  let b: E2EBrowser;
  let page: Page;

  beforeAll(async () => {
    s = await startServer('sqlite');
    b = await launch();
    page = await b.newPage();
    await signIn(page, s.url, MANAGER, 'PRIVACY_MANAGER');
  });
  afterAll(async () => {
    await b?.close();
    await s?.close();
  });
  afterEach(() => {
    expect(seriousProblems(b.problems)).toEqual([]);
  });

  const code = () => page.locator('input[name="postalCode"]');
  const address = () => page.locator('input[name="postalAddress"]');
  const filledWith = (value: string) => page.waitForFunction((v) => (document.querySelector('input[name="postalAddress"]') as HTMLInputElement | null)?.value === v, value);

  test.each([
    ['English', '1000001', '東京都千代田区千代田', 'Japan Post lists no such postal code'],
    ['日本語', '１０４－００６１', '東京都中央区銀座', 'この郵便番号は日本郵便のデータにありません'],
  ] as const)('in %s: %s fills %s, the address is edited, an unknown code says so', async (language, typed, area, unknown) => {
    if (language === '日本語') {
      await open(page, s, '/');
      await switchLanguage(page, '日本語');
    }
    await open(page, s, '/DataSubject/create');
    await code().fill(typed);
    await filledWith(area);
    await address().fill(`${area}1-1`);
    expect(await address().inputValue()).toBe(`${area}1-1`);
    await screenshot(page, `subject-postal-fill-${language === '日本語' ? 'ja' : 'en'}`);
    await code().fill('9999999');
    await page.getByTestId('postal-unknown').getByText(unknown).waitFor();
    // the address the user wrote is kept
    expect(await address().inputValue()).toBe(`${area}1-1`);
  });
});
