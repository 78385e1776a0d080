import type { Page } from 'playwright-core';
import { AUDITOR, MANAGER, STAFF, startServer, type TestServer } from '../support/server';
import { choose, listedCount, notification, open } from './support/app';
import { launch, menuLabels, screenshot, seriousProblems, signIn, switchLanguage, type E2EBrowser } from './support/browser';

/** The internal audit through its screens: the auditor plans and finds, the manager assigns, the owner acts, the auditor verifies and closes. */
describe('the internal audit in the browser', () => {
  let s: TestServer;
  let b: E2EBrowser;
  let page: Page;
  let auditId: string;

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

  const auditShown = async () => page.getByTestId('findings').waitFor();
  /** Each user in a page of their own, as each person has their own browser. */
  async function asUser(email: string, role: string): Promise<void> {
    await page.close();
    page = await b.newPage();
    await signIn(page, s.url, email, role);
  }

  test('the auditor lands on its dashboard with the corrective actions to watch', async () => {
    await signIn(page, s.url, AUDITOR, 'AUDITOR');
    await page.getByTestId('count-actions-awaiting').filter({ hasText: /^\d+$/ }).waitFor();
    expect(Number(await page.getByTestId('count-audits-open').innerText())).toBe(1);
    const overdue = await s.gql('{ dashboard { internalAudit { overdueCorrectiveActionCount } } }', {}, await s.login(AUDITOR));
    expect(Number(await page.getByTestId('count-actions-overdue').innerText())).toBe(overdue.data?.dashboard.internalAudit.overdueCorrectiveActionCount);
    expect(await menuLabels(page)).toEqual(expect.arrayContaining(['Internal audits', 'Corrective actions', 'Audit trail', 'Cases']));
    await screenshot(page, 'auditor-dashboard-en');
  });

  test('a plan that audits the auditor’s own department is refused with the rule in words; a proper one is saved', async () => {
    await open(page, s, '/InternalAudit');
    await page.getByText('開示等請求対応・委託先管理の内部監査').waitFor();
    await screenshot(page, 'internal-audit-list-en');
    await open(page, s, '/InternalAudit/create');
    await page.getByLabel('Title').fill('Year-end audit of the ledger');
    await page.getByLabel('Scope').fill('Ledger records reviewed this year and their risk assessments');
    await page.getByLabel('Departments audited').fill('内部監査室');
    await choose(page, 'Auditor', '内部監査 渡辺');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await notification(page)).toMatch(/may not audit their own department/);
    await page.getByLabel('Departments audited').fill('お客様相談室\n購買部');
    await screenshot(page, 'internal-audit-create-en');
    await page.getByRole('button', { name: 'Save' }).click();
    await auditShown();
    auditId = /InternalAudit\/(\d+)\/show/.exec(page.url())![1]!;
    expect(await page.locator('#main-content').innerText()).toContain('購買部');
  });

  test('the auditor records a nonconformity on the audit’s page', async () => {
    await page.getByRole('link', { name: 'Add finding' }).click();
    await choose(page, 'Finding', 'Nonconformity');
    await choose(page, 'Area', 'Personal-information ledger');
    await page.getByLabel('Description').fill('Ledger record L-12 has no review recorded this year');
    await page.getByRole('button', { name: 'Save' }).click();
    await auditShown();
    await page.getByTestId('open-nonconformities').waitFor();
    await page.getByText('Ledger record L-12 has no review recorded this year').waitFor();
    await screenshot(page, 'internal-audit-show-en');
  });

  test('the manager assigns a corrective action to a staff member', async () => {
    await asUser(MANAGER, 'PRIVACY_MANAGER');
    await page.getByTestId('count-actions-overdue').filter({ hasText: /^\d+$/ }).waitFor();
    await screenshot(page, 'manager-internal-audit-cards-en');
    await open(page, s, `/InternalAudit/${auditId}/show`);
    await auditShown();
    await page.getByRole('link', { name: 'Add corrective action' }).click();
    await choose(page, 'Nonconformity', 'Ledger record L-12 has no review recorded this year');
    await choose(page, 'Owner', '窓口担当 鈴木');
    await page.getByLabel('Due on').fill('2027-03-31');
    await page.getByLabel('Cause').fill('Nobody is named to review the ledger yearly');
    await screenshot(page, 'corrective-action-create-en');
    await page.getByRole('button', { name: 'Save' }).click();
    await auditShown();
    await page.getByTestId('corrective-actions').getByText('窓口担当 鈴木').first().waitFor();
  });

  test('the owner sees only their own corrective actions and records the action taken', async () => {
    await asUser(STAFF, 'STAFF');
    expect(await menuLabels(page)).toContain('My corrective actions');
    await open(page, s, '/CorrectiveAction');
    await page.getByRole('heading', { name: 'My corrective actions' }).waitFor();
    const ids = (await s.sql<{ id: number; owner_id: number }>('SELECT a.id, a.owner_id FROM internal_audit_action a JOIN app_user u ON u.id = a.owner_id WHERE u.email = ?', [STAFF])).map((r) => String(r.id));
    expect(await listedCount(page, ids.length)).toBe(ids.length);
    const mine = ids.at(-1)!;
    await open(page, s, `/CorrectiveAction/${mine}`);
    await page.getByLabel('Action taken').fill('The privacy manager reviews every ledger record in March; L-12 reviewed');
    const [finding] = await s.sql<{ foundOn: string }>('SELECT f.found_on AS foundOn FROM internal_audit_finding f JOIN internal_audit_action a ON a.finding_id = f.id WHERE a.id = ?', [Number(mine)]);
    await page.getByLabel('Taken on').fill(finding!.foundOn);
    await screenshot(page, 'corrective-action-owner-en');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('flag-awaitingVerification').waitFor();
  });

  test('the auditor verifies the effect and closes the audit', async () => {
    await asUser(AUDITOR, 'AUDITOR');
    const [action] = await s.sql<{ id: number }>('SELECT id FROM internal_audit_action WHERE audit_id = ? ORDER BY id DESC', [Number(auditId)]);
    await open(page, s, `/CorrectiveAction/${action!.id}/show`);
    await page.getByRole('button', { name: 'Verify the effect' }).click();
    await page.getByLabel('Effective', { exact: true }).check();
    await page.getByLabel('Verification note').fill('Checked the March review log');
    await screenshot(page, 'corrective-action-verify-en');
    await page.getByTestId('verify-submit').click();
    await page.getByTestId('flag-effective').waitFor();
    await open(page, s, `/InternalAudit/${auditId}/show`);
    await auditShown();
    await page.getByRole('button', { name: 'Close the audit' }).click();
    await page.getByText('This internal audit is closed').waitFor();
    expect((await s.sql('SELECT status FROM internal_audit WHERE id = ?', [Number(auditId)]))[0].status).toBe('CLOSED');
    await screenshot(page, 'internal-audit-closed-en');
  });

  test('in Japanese: the dashboard cards, the plan, its findings and corrective actions', async () => {
    await switchLanguage(page, '日本語');
    await open(page, s, '/');
    await page.getByText('期限を過ぎた是正処置').waitFor();
    await screenshot(page, 'auditor-dashboard-ja');
    await open(page, s, '/InternalAudit');
    await page.getByRole('columnheader', { name: '監査人' }).waitFor();
    await screenshot(page, 'internal-audit-list-ja');
    const [demo] = await s.sql<{ id: number }>("SELECT id FROM internal_audit WHERE status = 'PLANNED' ORDER BY id LIMIT 1");
    await open(page, s, `/InternalAudit/${demo!.id}/show`);
    await auditShown();
    await page.getByText('不適合').first().waitFor();
    await page.getByText('有効性の確認待ち').or(page.getByText('期限超過')).or(page.getByText('委託先の監督')).first().waitFor();
    await screenshot(page, 'internal-audit-show-ja');
    await page.getByRole('link', { name: '所見を追加' }).click();
    await choose(page, '判定', '観察事項');
    await choose(page, '対象領域', '教育');
    await page.getByLabel('所見の内容').fill('新入社員向けの教育資料が前年度版のまま');
    await screenshot(page, 'audit-finding-create-ja');
    await page.getByRole('button', { name: '保存' }).click();
    await auditShown();
    await page.getByText('新入社員向けの教育資料が前年度版のまま').waitFor();
    await open(page, s, '/InternalAudit/create');
    await page.getByLabel('監査名').fill('自部署の監査');
    await page.getByLabel('監査の範囲').fill('内部監査室の記録');
    await page.getByLabel('対象部署').fill('内部監査室');
    await choose(page, '監査人', '内部監査 渡辺');
    await page.getByRole('button', { name: '保存' }).click();
    expect(await notification(page)).toMatch(/自部署を監査できません/);
    await screenshot(page, 'internal-audit-refused-ja');
    await switchLanguage(page, 'English');
  });
});
