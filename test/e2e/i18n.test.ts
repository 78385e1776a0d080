import type { Page } from 'playwright-core';
import { MANAGER, STAFF, SUPERVISOR, startServer, type TestServer } from '../support/server';
import { open } from './support/app';
import { launch, menuLabels, screenshot, seriousProblems, signIn, switchLanguage, type E2EBrowser } from './support/browser';

/** Japanese for the company's staff: labels, dates and yen the Japanese way; screenshots of the main pages in Japanese. */
describe('Japanese in the browser', () => {
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

  test('switching to Japanese on the sign-in page shows Japanese labels', async () => {
    await page.goto(`${s.url}/#/login`);
    await page.getByText('Personal-information protection').waitFor();
    await switchLanguage(page, '日本語');
    await page.getByText('個人情報保護管理', { exact: true }).waitFor();
    await page.getByLabel(/^メールアドレス/).waitFor();
    await page.getByLabel(/^パスワード/).waitFor();
    await screenshot(page, 'login-ja');
  });

  test("the manager's menu and dashboard are in Japanese, with Japanese dates", async () => {
    await signIn(page, s.url, MANAGER, 'PRIVACY_MANAGER');
    expect(await menuLabels(page)).toEqual([
      'ダッシュボード',
      '割当待ち',
      '案件',
      '緊急閲覧の確認',
      '監査証跡',
      '個人情報管理台帳',
      '本人',
      '第三者提供記録',
      '第三者からの受領記録',
      '委託先',
      '秘密保持契約',
      '監督レビュー',
      '個人データの引渡し',
      '事故台帳',
      '内部監査',
      '是正処置',
      'マネジメントレビュー',
      'レビューの処置',
      '利用目的',
      '研修コース',
      '研修の受講状況',
      '受講記録',
      '自分の研修',
      '年間スケジュール',
      'ユーザーと権限',
      '組織情報',
    ]);
    await page.getByText('ようこそ、個人情報管理責任者 佐藤さん').waitFor();
    const deadline = await page.getByTestId('deadlines').locator('tbody tr').first().innerText();
    expect(deadline).toMatch(/\d{4}年\d{1,2}月\d{1,2}日\([月火水木金土日]\)/);
    expect(deadline).toMatch(/\d+日超過/);
    await page.getByTestId('chart-status').locator('.recharts-bar-rectangle').first().waitFor();
    await screenshot(page, 'manager-dashboard-ja');
  });

  test('the case page writes yen and dates the Japanese way', async () => {
    await open(page, s, '/Case/1/show');
    await page.getByTestId('case-subject-name').getByText('山田 太郎').waitFor();
    expect(await page.getByTestId('fee-owed').innerText()).toBe('3,000円');
    expect(await page.getByTestId('case-detail').innerText()).toContain('簡易書留');
    await page.getByText('次の段階に進めます').waitFor();
    await screenshot(page, 'manager-case-ja');
  });

  test('the other main pages in Japanese', async () => {
    for (const [route, name, text] of [
      ['/assignment-queue', 'manager-assignment-queue-ja', '割当待ち'],
      ['/AuditEntry', 'manager-audit-trail-ja', 'ログイン'],
      ['/DataSubject', 'manager-subjects-ja', '山田 太郎'],
      ['/DataSubject/1/show', 'manager-subject-ja', 'アクセス履歴'],
      ['/Subcontractor', 'manager-subcontractors-ja', '株式会社データ処理センター'],
      ['/Subcontractor/1/show', 'manager-subcontractor-ja', '監督レビュー'],
      ['/Incident', 'manager-incidents-ja', '漏えい'],
      ['/User', 'manager-users-ja', '窓口担当 鈴木'],
    ] as const) {
      await open(page, s, route);
      await page.getByText(text).first().waitFor();
      await screenshot(page, name);
    }
  });

  test('staff and supervisors get Japanese too (the choice is remembered)', async () => {
    const staff = await b.newPage();
    await signIn(staff, s.url, STAFF, 'STAFF');
    expect((await menuLabels(staff)).slice(0, 3)).toEqual(['ダッシュボード', '担当案件', '請求の受付']);
    await screenshot(staff, 'staff-dashboard-ja');
    await open(staff, s, '/Case');
    await staff.getByText('REQ-2026-0001').waitFor();
    await screenshot(staff, 'staff-my-cases-ja');
    await open(staff, s, '/Case/create');
    await staff.getByLabel(/^請求者氏名/).waitFor();
    await screenshot(staff, 'staff-intake-ja');
    await staff.close();

    const supervisor = await b.newPage();
    await signIn(supervisor, s.url, SUPERVISOR, 'SUPERVISOR');
    await supervisor.getByText('委託先の監督').first().waitFor();
    await screenshot(supervisor, 'supervisor-dashboard-ja');
    await supervisor.close();
  });

  test('switching back to English in the app bar', async () => {
    await switchLanguage(page, 'English');
    expect((await menuLabels(page))[0]).toBe('Dashboard');
  });
});
