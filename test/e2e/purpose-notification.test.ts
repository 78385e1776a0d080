import type { Page } from 'playwright-core';
import { MANAGER, STAFF, startServer, type TestServer } from '../support/server';
import { choose, open } from './support/app';
import { launch, screenshot, seriousProblems, signIn, switchLanguage, type E2EBrowser } from './support/browser';

/**
 * A request to be notified of the purposes of use: recorded at intake, refused
 * only for the reasons the law allows it, and answered with the purposes of the
 * subject's category — in English and in Japanese.
 */
describe('requests to be notified of the purposes of use in the browser', () => {
  let s: TestServer;
  let b: E2EBrowser;
  let page: Page;
  let caseId: string;

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

  test('English: intake records the request; rejecting it offers only the reasons the law allows', async () => {
    await signIn(page, s.url, STAFF, 'STAFF');
    await open(page, s, '/Case/create');
    await choose(page, 'Type', 'Notification of the purposes of use');
    await page.getByLabel('Requester name').fill('目的 花子');
    await page.getByLabel('Reply address').fill('〒100-0001 東京都千代田区千代田1-1');
    await page.getByTestId('item-choice-NAME').click();
    await screenshot(page, 'purpose-notification-intake-en');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('requested-items').waitFor();
    caseId = /\/Case\/(\d+)\/show/.exec(page.url())![1]!;
    expect(await page.getByText('Notification of the purposes of use').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('fee-owed').innerText()).toBe('¥1,000');

    const manager = await s.login(MANAGER);
    const staffId = (await s.gql('{ allUsers(filter: { q: "staff@" }) { id email } }', {}, manager)).data?.allUsers.find((u: { email: string }) => u.email === STAFF).id;
    for (const [query, vars] of [
      ['mutation($id: ID!, $a: ID!) { assignCase(id: $id, assigneeId: $a) { id } }', { id: caseId, a: staffId }],
      ['mutation($id: ID!) { linkCaseSubject(id: $id, subjectId: "1") { id } }', { id: caseId }],
      ['mutation($id: ID!) { updateCase(id: $id, identityDocument: PASSPORT, feeYen: 1000) { id } }', { id: caseId }],
    ] as const) {
      expect((await s.gql(query, vars, manager)).errors).toBeUndefined();
    }
    await page.reload();
    await page.getByTestId('reject').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Non-disclosure reasons').waitFor();
    const reasons = await dialog.getByRole('checkbox').count();
    expect(reasons).toBe(7);
    expect(await dialog.getByText(/impede the proper conduct/i).count()).toBe(0);
    await screenshot(page, 'purpose-notification-reasons-en');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  test('English: once answered, the preview and the letter name the purposes of the subject’s category', async () => {
    for (const to of ['VERIFYING', 'IN_PROGRESS', 'RESPONDED']) {
      const res = await s.gql('mutation($id: ID!, $to: CaseStatus!) { transitionCase(id: $id, to: $to) { id } }', { id: caseId, to }, await s.login(STAFF));
      expect(res.errors).toBeUndefined();
    }
    await page.reload();
    await page.getByTestId('reply-preview').getByText('The purposes of use in force for the subject’s category').waitFor();
    await page.getByTestId('letter-en').click();
    const letter = page.frameLocator('[data-testid="letter-frame"]');
    await letter.getByText('for the following purposes').waitFor();
    expect(await letter.locator('ol.purposes li').count()).toBeGreaterThan(0);
    await screenshot(page, 'purpose-notification-letter-en');
    await page.getByRole('button', { name: 'Close' }).click();
  });

  test('Japanese: the type, the preview and the letter', async () => {
    // the app bar hides while the page is scrolled down
    await page.evaluate(() => window.scrollTo(0, 0));
    await switchLanguage(page, '日本語');
    await page.getByTestId('reply-preview').getByText('本人の区分に当てはまる有効な利用目的').waitFor();
    expect(await page.getByText('利用目的の通知').count()).toBeGreaterThan(0);
    await page.getByTestId('letter-ja').click();
    const letter = page.frameLocator('[data-testid="letter-frame"]');
    await letter.getByText('「利用目的の通知」のご請求').waitFor();
    await letter.getByText('の利用目的は、次のとおりです。').waitFor();
    await screenshot(page, 'purpose-notification-letter-ja');
    await page.getByRole('button', { name: '閉じる' }).click();
    await open(page, s, '/Case/create');
    await choose(page, '種別', '利用目的の通知');
    await screenshot(page, 'purpose-notification-intake-ja');
  });
});
