import { readFileSync } from 'node:fs';
import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import { AUDITOR, MANAGER, STAFF, startServer, type TestServer } from '../support/server';
import { choose, countEntries, notification, open, rows } from './support/app';
import { launch, menuLabels, screenshot, seriousProblems, signIn, switchLanguage, type E2EBrowser } from './support/browser';

/** The sheets of a downloaded workbook, each as rows of cell values (row 1 the headers). */
async function workbookOf(path: string): Promise<Map<string, unknown[][]>> {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(path);
  return new Map(
    workbook.worksheets.map((sheet) => {
      const values: unknown[][] = [];
      sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
      return [sheet.name, values];
    }),
  );
}

/** The ledger as it opens from the menu (react-admin remembers the last filter: a dashboard card sets one). */
const LEDGER = `/LedgerRecord?filter=${encodeURIComponent(JSON.stringify({ retired: false }))}`;

describe('the personal-information ledger in the browser', () => {
  let s: TestServer;
  let b: E2EBrowser;
  let page: Page;
  let token: string;

  const download = async (testId: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
    return { path: await file.path(), name: file.suggestedFilename() };
  };
  const recordId = async (name: string) => {
    const res = await s.gql<{ allLedgerRecords: Array<{ id: string; name: string }> }>('{ allLedgerRecords(perPage: 100) { id name } }', {}, token);
    return res.data!.allLedgerRecords.find((r) => r.name === name)!.id;
  };

  beforeAll(async () => {
    s = await startServer('sqlite');
    b = await launch();
    page = await b.newPage();
    token = await s.login(MANAGER);
  });
  afterAll(async () => {
    await b?.close();
    await s?.close();
  });
  afterEach(() => {
    expect(seriousProblems(b.problems)).toEqual([]);
  });

  test('the manager’s dashboard counts the ledger reviews and risks due, and each card opens its records', async () => {
    await signIn(page, s.url, MANAGER, 'PRIVACY_MANAGER');
    await page.getByTestId('count-ledger-review-overdue').filter({ hasText: /^\d+$/ }).waitFor();
    // the demo ledger: applicants' CVs past their review with a HIGH risk unplanned and past its re-assessment; two records not assessed
    expect(await page.getByTestId('count-ledger-review-overdue').innerText()).toBe('1');
    expect(await page.getByTestId('count-risk-overdue').innerText()).toBe('1');
    expect(await page.getByTestId('count-risk-unmitigated').innerText()).toBe('1');
    expect(await page.getByTestId('count-not-assessed').innerText()).toBe('2');
    await page.getByTestId('ledger-cards').scrollIntoViewIfNeeded();
    await screenshot(page, 'manager-dashboard-ledger-en');
    await page.getByTestId('count-risk-unmitigated').click();
    await page.waitForURL(/#\/LedgerRecord\?/);
    await page.getByRole('row', { name: /採用応募者の履歴書/ }).waitFor();
    expect((await rows(page)).map((r) => r[0])).toEqual(['採用応募者の履歴書']);
  });

  test('the ledger lists every kind of personal information with its flags; a record shows its risks by stage', async () => {
    expect(await menuLabels(page)).toContain('Personal-information ledger');
    // Coming from the card's filtered list, the filtered rows show until the new query answers: wait for all four.
    await open(page, s, LEDGER);
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 4);
    const listed = await rows(page);
    expect(listed.map((r) => r[0])).toEqual(['ECサイト会員情報', '取引先担当者名簿', '従業員の給与・人事情報', '採用応募者の履歴書']);
    expect(listed.find((r) => r[0] === '採用応募者の履歴書')!.join(' ')).toMatch(/Review overdue.*High risk, no plan.*Re-assessment overdue/);
    await screenshot(page, 'ledger-list-en');
    await page.getByRole('row', { name: /ECサイト会員情報/ }).click();
    await page.getByTestId('risks').locator('tbody tr').first().waitFor();
    const risks = await page.getByTestId('risks').locator('tbody tr').allInnerTexts();
    expect(risks.map((r) => r.split('\t')[0])).toEqual(['Storage', 'Entrustment', 'Disposal']);
    await page.getByText('株式会社データ処理センター').waitFor();
    await page.getByText('CUSTOMER_SERVICES').waitFor();
    await screenshot(page, 'ledger-record-en');
  });

  test('records a new kind of personal information, then assesses a HIGH risk left unplanned: both flagged', async () => {
    await open(page, s, '/LedgerRecord/create');
    await page.getByLabel('Personal information', { exact: false }).first().fill('Webセミナー申込者');
    await page.getByLabel('Owning department').fill('マーケティング部');
    await choose(page, 'Data subjects', 'Customer');
    await page.getByLabel('Name', { exact: true }).check();
    await page.getByLabel('E-mail address', { exact: true }).check();
    await page.getByLabel('Other items').fill('参加履歴');
    await page.keyboard.press('Enter');
    await page.getByLabel('Records (approx.)').fill('800');
    await choose(page, 'Acquired', 'Directly from the individual, otherwise');
    await page.getByRole('combobox', { name: 'Purposes of use' }).click();
    await page.getByRole('option', { name: 'CUSTOMER_SERVICES' }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('Storage system').fill('ウェビナー配信サービス');
    await page.getByLabel('Storage location').fill('クラウド（東京リージョン）');
    await page.getByLabel('Departments with access').fill('マーケティング部');
    await page.keyboard.press('Enter');
    await page.getByLabel('Retention period').fill('セミナー終了後1年');
    await page.getByLabel('Disposal method').fill('サービスから削除');
    await screenshot(page, 'ledger-record-form-en');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('flag-notAssessed').waitFor();
    expect(await page.getByText('参加履歴').count()).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Assess a risk' }).click();
    await choose(page, 'Stage', 'Storage');
    await choose(page, /^Risk\b/, 'Unauthorized access');
    await choose(page, 'Likelihood', 'High');
    await choose(page, 'Impact', 'High');
    await page.getByLabel('Measures in place').fill('共有パスワードでの管理画面ログイン');
    await choose(page, 'Residual risk', 'High');
    await screenshot(page, 'ledger-risk-form-en');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('risks').getByText('Unauthorized access').waitFor();
    await page.getByTestId('flag-highRiskUnmitigated').first().waitFor();
    const id = await recordId('Webセミナー申込者');
    const res = await s.gql<{ LedgerRecord: Record<string, unknown> }>(`{ LedgerRecord(id: ${id}) { dataItems otherDataItems accessDepartments highRiskUnmitigated notAssessed } }`, {}, token);
    expect(res.data?.LedgerRecord).toEqual({ dataItems: ['NAME', 'EMAIL', 'OTHER'], otherDataItems: ['参加履歴'], accessDepartments: ['マーケティング部'], highRiskUnmitigated: true, notAssessed: false });
  });

  test('a subcontractor not entrusted with the category is refused with the rule in words', async () => {
    const id = await recordId('従業員の給与・人事情報');
    await open(page, s, `/LedgerRecord/${id}`);
    await page.getByRole('combobox', { name: 'Subcontractors entrusted' }).click();
    await page.getByRole('option', { name: '株式会社データ処理センター' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await notification(page)).toMatch(/not entrusted to this subcontractor/i);
    await screenshot(page, 'ledger-refused-en');
  });

  test('exports the ledger as an Excel workbook and as CSV, headed in English, each export audited', async () => {
    const before = await countEntries(s, 'EXPORT');
    await open(page, s, LEDGER);
    const xlsx = await download('export-xlsx');
    expect(xlsx.name).toMatch(/^personal-information-ledger-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheets = await workbookOf(xlsx.path);
    expect([...sheets.keys()]).toEqual(['Personal information ledger', 'Risk assessment']);
    const ledger = sheets.get('Personal information ledger')!;
    expect((ledger[0] as string[]).slice(0, 3)).toEqual(['ID', 'Personal information', 'Owning department']);
    expect(ledger.slice(1).map((r) => r[1])).toContain('Webセミナー申込者');
    expect(sheets.get('Risk assessment')!.some((r) => r[2] === 'Webセミナー申込者' && r[4] === 'Unauthorized access')).toBe(true);
    const csv = await download('export-ledger-csv');
    const bytes = readFileSync(csv.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n')[0]).toMatch(/^\uFEFFID,Personal information,Owning department,/);
    await download('export-risk-csv');
    expect(await countEntries(s, 'EXPORT')).toBe(before + 3);
  });

  test('records the yearly review of a record past it: the flag goes', async () => {
    const id = await recordId('採用応募者の履歴書');
    await open(page, s, `/LedgerRecord/${id}/show`);
    await page.getByTestId('flag-reviewOverdue').first().waitFor();
    await page.getByRole('button', { name: 'Record review' }).click();
    await screenshot(page, 'ledger-review-dialog-en');
    await page.getByRole('dialog').getByRole('button', { name: 'Record review' }).click();
    await page.getByText('Review recorded').waitFor();
    await page.getByTestId('flag-reviewOverdue').waitFor({ state: 'detached' });
  });

  test('in Japanese: the ledger, a record and the workbook are headed in Japanese', async () => {
    await switchLanguage(page, '日本語');
    await open(page, s, LEDGER);
    await page.getByRole('heading', { name: '個人情報管理台帳' }).waitFor();
    await page.getByRole('columnheader', { name: '個人情報の名称' }).waitFor();
    await screenshot(page, 'ledger-list-ja');
    const xlsx = await download('export-xlsx');
    const sheets = await workbookOf(xlsx.path);
    expect([...sheets.keys()]).toEqual(['個人情報管理台帳', 'リスク評価']);
    const applicants = sheets.get('個人情報管理台帳')!.find((r) => r[1] === '採用応募者の履歴書')!;
    expect(applicants[3]).toBe('採用応募者');
    await page.getByRole('row', { name: /採用応募者の履歴書/ }).click();
    await page.getByTestId('risks').getByText('保管').waitFor();
    await page.getByText('高リスク・対策未計画').first().waitFor();
    await screenshot(page, 'ledger-record-ja');
    await open(page, s, '/');
    await page.getByTestId('count-risk-unmitigated').filter({ hasText: /^\d+$/ }).waitFor();
    await page.getByText('対策未計画の高リスク').waitFor();
    await page.getByTestId('ledger-cards').scrollIntoViewIfNeeded();
    await screenshot(page, 'manager-dashboard-ledger-ja');
    await switchLanguage(page, 'English');
  });

  test('the internal auditor reads the ledger and its risks with no way to change or export them', async () => {
    const auditor = await b.newPage();
    await signIn(auditor, s.url, AUDITOR, 'AUDITOR');
    await auditor.getByTestId('count-risk-unmitigated').filter({ hasText: /^\d+$/ }).waitFor();
    expect(await menuLabels(auditor)).toContain('Personal-information ledger');
    const denied = await countEntries(s, 'ACCESS_DENIED');
    await open(auditor, s, LEDGER);
    await auditor.getByRole('row', { name: /ECサイト会員情報/ }).click();
    await auditor.getByTestId('risks').locator('tbody tr').first().waitFor();
    expect(await auditor.getByRole('button', { name: /Record review|Retire/ }).count()).toBe(0);
    expect(await auditor.getByRole('link', { name: /Edit|Assess a risk/ }).count()).toBe(0);
    await open(auditor, s, LEDGER);
    await auditor.locator('table tbody tr').first().waitFor();
    expect(await auditor.getByTestId('export-xlsx').count()).toBe(0);
    await screenshot(auditor, 'auditor-ledger-en');
    expect(await countEntries(s, 'ACCESS_DENIED')).toBe(denied);
    await auditor.close();
  });

  test('staff are not offered the ledger and opening it sends nothing to the server', async () => {
    const staff = await b.newPage();
    await signIn(staff, s.url, STAFF, 'STAFF');
    expect(await menuLabels(staff)).not.toContain('Personal-information ledger');
    const denied = await countEntries(s, 'ACCESS_DENIED');
    await open(staff, s, '/LedgerRecord');
    await staff.waitForTimeout(500);
    expect(await staff.locator('table tbody tr').count()).toBe(0);
    expect(await countEntries(s, 'ACCESS_DENIED')).toBe(denied);
    await staff.close();
  });
});
