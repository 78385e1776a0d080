import type { Page } from 'playwright-core';
import { MANAGER, STAFF, startServer, type TestServer } from '../support/server';
import { launch, screenshot, seriousProblems, signIn, type E2EBrowser } from './support/browser';

describe('the privacy manager in the browser', () => {
  let s: TestServer;
  let b: E2EBrowser;
  let page: Page;

  beforeAll(async () => {
    s = await startServer('sqlite');
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

  test('signs in and lands on the dashboard with the counts of the demo data', async () => {
    await signIn(page, s.url, MANAGER, 'PRIVACY_MANAGER');
    await page.getByTestId('count-unassigned').filter({ hasText: /^\d+$/ }).waitFor();
    expect(await page.getByTestId('count-unassigned').innerText()).toBe('1');
    await page.getByTestId('chart-status').locator('.recharts-bar-rectangle').first().waitFor();
    await screenshot(page, 'manager-dashboard-en');
  });
});
