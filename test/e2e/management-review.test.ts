import type { Page } from 'playwright-core';
import { japanToday } from '../../admin-ui/src/format';
import { AUDITOR, MANAGER, STAFF, startServer, type TestServer } from '../support/server';
import { choose, listedCount, open } from './support/app';
import { launch, menuLabels, screenshot, seriousProblems, signIn, switchLanguage, type E2EBrowser } from './support/browser';

/** The management review through its screens: the manager plans and holds it, assigns an action, the owner records the result, the review closes; the auditor reads it. */
describe('the management review in the browser', () => {
  let s: TestServer;
  let b: E2EBrowser;
  let page: Page;
  let reviewId: string;
  const today = japanToday();
  const fiscalYear = Number(today.slice(5, 7)) >= 4 ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;

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

  const reviewShown = async () => page.getByTestId('review-actions').waitFor();
  async function asUser(email: string, role: string): Promise<void> {
    await page.close();
    page = await b.newPage();
    await signIn(page, s.url, email, role);
  }

  test('the manager’s dashboard says this fiscal year’s review is not held yet', async () => {
    await signIn(page, s.url, MANAGER, 'PRIVACY_MANAGER');
    await page.getByTestId('review-not-held').getByText(`No management review has been held in fiscal year ${fiscalYear} yet.`).waitFor();
    await page.getByTestId('count-review-actions-overdue').filter({ hasText: /^\d+$/ }).waitFor();
    expect(await menuLabels(page)).toEqual(expect.arrayContaining(['Management reviews', 'Review actions']));
    await screenshot(page, 'manager-management-review-cards-en');
  });

  test('last year’s review shows what was presented and its actions', async () => {
    await open(page, s, '/ManagementReview');
    await page.getByText(`${fiscalYear - 1}年度 マネジメントレビュー`).waitFor();
    await screenshot(page, 'management-review-list-en');
    const [demo] = await s.sql<{ id: number }>("SELECT id FROM management_review WHERE status = 'HELD' ORDER BY id LIMIT 1");
    await open(page, s, `/ManagementReview/${demo!.id}/show`);
    await reviewShown();
    await page.getByText('Inputs as presented').waitFor();
    await page.getByTestId('inputs-cases').waitFor();
    await page.getByText('チェックリストを改訂し、窓口担当へ周知した').waitFor();
    await screenshot(page, 'management-review-held-en');
  });

  test('a period that ends after the review’s day is refused at the field, in words; a proper plan is saved with the inputs gathered now', async () => {
    await open(page, s, '/ManagementReview/create');
    await page.getByLabel('Title').fill(`Management review FY${fiscalYear} (interim)`);
    await page.getByLabel('Period from').fill(`${fiscalYear}-04-01`);
    await page.getByLabel('Period to').fill(`${fiscalYear + 1}-03-31`);
    await page.getByLabel('Planned on').fill(today);
    await page.getByLabel('Participants').fill('President Yamamoto\nPrivacy manager Sato');
    await page.getByLabel('Changes in law and regulations').fill('PPC guidelines amended: reporting of incidents clarified');
    await page.getByRole('button', { name: 'Save' }).click();
    // the server's refusal marks the field it names
    await page.getByText(/period covered must end by the day the review is planned for/i).waitFor();
    await page.getByLabel('Period to').fill(today);
    await screenshot(page, 'management-review-create-en');
    await page.getByRole('button', { name: 'Save' }).click();
    await reviewShown();
    reviewId = /ManagementReview\/(\d+)\/show/.exec(page.url())![1]!;
    await page.getByText('Inputs gathered from the records today').waitFor();
    await page.getByTestId('inputs-audit').waitFor();
    await screenshot(page, 'management-review-planned-en');
  });

  test('recorded as held with its conclusions; an action is assigned; closing is refused while it is open', async () => {
    await page.getByTestId('hold-review').click();
    await page.getByLabel('Conclusions').fill('The system works; tighten the follow-up of request deadlines.');
    await screenshot(page, 'management-review-hold-en', { fullPage: false });
    await page.getByTestId('hold-review-confirm').click();
    await page.getByText('Inputs as presented').waitFor();
    expect((await s.sql('SELECT status, inputs_snapshot FROM management_review WHERE id = ?', [Number(reviewId)]))[0]).toMatchObject({ status: 'HELD', inputs_snapshot: expect.stringContaining('"gatheredOn"') });
    await page.getByRole('link', { name: 'Add action' }).click();
    await page.getByLabel('Decision / action').fill('Check every open request’s deadline weekly');
    await choose(page, 'Owner', '窓口担当 鈴木');
    await page.getByLabel('Due on').fill(today);
    await screenshot(page, 'management-review-action-create-en');
    await page.getByRole('button', { name: 'Save' }).click();
    await reviewShown();
    await page.getByTestId('review-actions').getByText('Check every open request’s deadline weekly').waitFor();
    await page.getByTestId('close-review').click();
    await page.getByTestId('close-review-confirm').click();
    // (the notice of the action just saved may still be showing: wait for the refusal itself)
    await page.locator('.MuiSnackbar-root').getByText(/closes once every action decided is done/).waitFor();
    expect((await s.sql('SELECT status FROM management_review WHERE id = ?', [Number(reviewId)]))[0].status).toBe('HELD');
  });

  test('the owner sees their own actions and records the result', async () => {
    await asUser(STAFF, 'STAFF');
    await page.getByTestId('count-review-actions-open').filter({ hasText: /^\d+$/ }).waitFor();
    expect(await menuLabels(page)).toContain('My review actions');
    await open(page, s, '/ManagementReviewAction');
    await page.getByRole('heading', { name: 'My review actions' }).waitFor();
    const mine = await s.sql<{ id: number }>('SELECT a.id FROM management_review_action a JOIN app_user u ON u.id = a.owner_id WHERE u.email = ? ORDER BY a.id', [STAFF]);
    expect(await listedCount(page, mine.length)).toBe(mine.length);
    await open(page, s, `/ManagementReviewAction/${mine.at(-1)!.id}/show`);
    await page.getByTestId('record-result').click();
    await page.getByRole('textbox', { name: 'Result' }).fill('Weekly deadline check started on Mondays');
    await screenshot(page, 'management-review-action-result-en', { fullPage: false });
    await page.getByTestId('record-result-confirm').click();
    await page.getByTestId('action-result').getByText('Weekly deadline check started on Mondays').waitFor();
    await page.getByTestId('action-result').getByText('Done', { exact: true }).waitFor();
  });

  test('the manager closes the review once every action is done', async () => {
    await asUser(MANAGER, 'PRIVACY_MANAGER');
    await open(page, s, `/ManagementReview/${reviewId}/show`);
    await reviewShown();
    await page.getByTestId('close-review').click();
    await page.getByTestId('close-review-confirm').click();
    await page.getByText('This management review is closed; its record can no longer be changed.').waitFor();
    expect((await s.sql('SELECT status FROM management_review WHERE id = ?', [Number(reviewId)]))[0].status).toBe('CLOSED');
    await screenshot(page, 'management-review-closed-en');
  });

  test('the internal auditor reads the review and its inputs, in Japanese, and is offered no change', async () => {
    await asUser(AUDITOR, 'AUDITOR');
    await switchLanguage(page, '日本語');
    await open(page, s, '/');
    await page.getByText('期限を過ぎたマネジメントレビューの処置').waitFor();
    await screenshot(page, 'auditor-management-review-cards-ja');
    await open(page, s, '/ManagementReview');
    await page.getByRole('columnheader', { name: '実施日' }).waitFor();
    await screenshot(page, 'management-review-list-ja');
    await open(page, s, `/ManagementReview/${reviewId}/show`);
    await reviewShown();
    await page.getByText('提示したインプット').waitFor();
    await page.getByRole('table', { name: '開示等の請求と期限遵守' }).waitFor();
    expect(await page.getByTestId('hold-review').count()).toBe(0);
    expect(await page.getByTestId('close-review').count()).toBe(0);
    expect(await page.getByRole('link', { name: '編集' }).count()).toBe(0);
    await screenshot(page, 'management-review-show-ja');
    await switchLanguage(page, 'English');
  });

  test('in Japanese the manager plans a review', async () => {
    await asUser(MANAGER, 'PRIVACY_MANAGER');
    await switchLanguage(page, '日本語');
    await open(page, s, '/ManagementReview/create');
    await page.getByLabel('件名').fill(`${fiscalYear}年度 マネジメントレビュー`);
    await page.getByLabel('対象期間（開始）').fill(`${fiscalYear}-04-01`);
    await page.getByLabel('対象期間（終了）').fill(today);
    await page.getByLabel('予定日').fill(today);
    await page.getByLabel('参加者').fill('代表取締役 山本\n個人情報保護管理者 佐藤');
    await screenshot(page, 'management-review-create-ja');
    await page.getByRole('button', { name: '保存' }).click();
    await reviewShown();
    await page.getByText('本日時点の記録から集計したインプット').waitFor();
    await page.getByTestId('inputs-training').or(page.getByText('この年度の研修コースはありません。')).first().waitFor();
    await screenshot(page, 'management-review-planned-ja');
    await switchLanguage(page, 'English');
  });
});
