import type { Page } from 'playwright-core';
import { MANAGER, SUPERVISOR, startServer, type TestServer } from '../support/server';
import { choose, open } from './support/app';
import { launch, menuLabels, screenshot, seriousProblems, signIn, type E2EBrowser } from './support/browser';

describe('a supervisor of subcontractors in the browser', () => {
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

  test('signs in and lands on the dashboard with the supervision reminders', async () => {
    await signIn(page, s.url, SUPERVISOR, 'SUPERVISOR');
    await page.getByTestId('count-expiring').filter({ hasText: /^\d+$/ }).waitFor();
    expect(Number(await page.getByTestId('count-open-entrustments').innerText())).toBeGreaterThan(0);
    await screenshot(page, 'supervisor-dashboard-en');
  });

  test('the menu offers supervision (and their own corrective actions) only: no cases, data subjects, audit trail or users', async () => {
    const menu = await menuLabels(page);
    expect(menu).toEqual([
      'Dashboard',
      'Subcontractors',
      'Confidentiality agreements',
      'Supervision reviews',
      'Hand-overs of data',
      'Incident register',
      'My corrective actions',
      'My review actions',
      'Purposes of use',
      'Training courses',
      'My training',
      'Yearly calendar',
    ]);
  });

  test('records a supervision review; a non-compliant result flags the subcontractor', async () => {
    await open(page, s, '/Subcontractor');
    await page.getByRole('row', { name: /株式会社データ処理センター/ }).click();
    await page.getByTestId('reviews').waitFor();
    await screenshot(page, 'supervisor-subcontractor-en');
    await page.getByRole('link', { name: 'Record a review' }).click();
    await choose(page, 'Result', 'Non-compliant');
    await page.getByLabel('Findings').fill('Access logs of the processing room were not kept for October.');
    await page.getByLabel('Corrective actions').fill('Keep the logs daily; re-audit in one month.');
    await screenshot(page, 'supervisor-review-form-en');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Access logs of the processing room').waitFor();
    await page.getByRole('link', { name: '株式会社データ処理センター' }).click();
    await page.getByTestId('flag-flaggedNonCompliant').first().waitFor();
    await page.getByTestId('not-allowed').waitFor();
    const res = await s.gql<{ allSupervisionReviews: Array<{ result: string; findings: string }> }>(
      '{ allSupervisionReviews(filter: { result: NON_COMPLIANT }) { result findings } }',
      {},
      await s.login(MANAGER),
    );
    expect(res.data?.allSupervisionReviews.map((r) => r.findings)).toContain('Access logs of the processing room were not kept for October.');
  });

  test('a hand-over to a subcontractor that may not receive data is refused, with the rule in words', async () => {
    await open(page, s, '/Entrustment/create');
    await choose(page, 'Subcontractor', '株式会社データ処理センター');
    await page.getByLabel('Customer').check();
    await page.getByLabel('Number of data subjects').fill('10');
    await page.getByRole('combobox', { name: 'Purposes' }).click();
    await page.getByRole('option').first().click();
    await page.keyboard.press('Escape');
    await page.getByLabel('Ends on').fill('2027-03-31');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/non-compliant/i).last().waitFor();
    await screenshot(page, 'supervisor-handover-refused-en');
  });
});
