import type { Page } from 'playwright-core';
import { MANAGER, STAFF, startServer, type TestServer } from '../support/server';
import { choose, open, rows } from './support/app';
import { launch, screenshot, seriousProblems, signIn, type E2EBrowser } from './support/browser';

describe('staff in the browser', () => {
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

  const status = () => page.getByTestId('case-detail').locator('div', { hasText: /^Status$/ }).locator('xpath=following-sibling::div').first();

  test('signs in and lands on the dashboard with "my cases" and their deadlines first', async () => {
    await signIn(page, s.url, STAFF, 'STAFF');
    await page.getByTestId('count-mine').filter({ hasText: /^\d+$/ }).waitFor();
    expect(await page.getByTestId('count-mine').innerText()).toBe('1');
    const menu = await page.locator('.RaSidebar-fixed a[role="menuitem"], .MuiDrawer-root a[role="menuitem"]').allInnerTexts();
    expect(menu.slice(0, 3).map((t) => t.trim())).toEqual(['Dashboard', 'My cases', 'New request']);
    await screenshot(page, 'staff-dashboard-en');
  });

  test('"my cases" lists only the cases assigned to them, with days left', async () => {
    await open(page, s, '/Case');
    await page.getByText('REQ-2026-0001').waitFor();
    const listed = await rows(page);
    expect(listed.map((r) => r[0]).sort()).toEqual(['REQ-2026-0001', 'REQ-2026-0003']);
    expect(listed.find((r) => r[0] === 'REQ-2026-0001')?.join(' ')).toMatch(/\d+ days left/);
    await screenshot(page, 'staff-my-cases-en');
  });

  test('opens a case and moves it forward, carries it out and writes the reply', async () => {
    await open(page, s, '/Case/1/show');
    await page.getByTestId('case-subject-name').getByText('山田 太郎').waitFor();
    expect(await page.getByTestId('fee-owed').innerText()).toBe('¥3,000');
    await page.getByTestId('no-blockers').waitFor();
    await screenshot(page, 'staff-case-en');
    await page.getByTestId('move-VERIFYING').click();
    await page.getByTestId('move-IN_PROGRESS').click();
    await page.getByTestId('carry-out').click();
    await page.getByTestId('carried-out').waitFor();
    await page.getByTestId('move-RESPONDED').click();
    await page.getByTestId('letter-ja').click();
    const letter = page.frameLocator('[data-testid="letter-frame"]');
    await letter.getByText('山田 太郎').first().waitFor();
    await screenshot(page, 'staff-reply-letter-ja', { fullPage: false });
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Record mailing' }).click();
    await page.getByTestId('move-CLOSED').click();
    await page.getByTestId('timeline').getByText('Closed').waitFor();
    const c = await s.gql<{ Case: { status: string; timeline: unknown[] } }>('{ Case(id: "1") { status timeline { to } } }', {}, await s.login(MANAGER));
    expect(c.data?.Case.status).toBe('CLOSED');
    expect(c.data?.Case.timeline).toHaveLength(5);
  });

  test('records a new request, and is stopped by a missing document until it arrives', async () => {
    await open(page, s, '/Case/create');
    await page.getByLabel('Requester name').fill('佐々木 花子');
    await page.getByLabel('Reply address').fill('〒530-0001 大阪府大阪市北区梅田1-2-3');
    await page.getByTestId('item-choice-ADDRESS').click();
    await page.getByLabel('Fee received').fill('1000');
    await screenshot(page, 'staff-intake-en');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('blocker-DOCUMENTS_INCOMPLETE').waitFor();
    const id = /\/Case\/(\d+)\/show/.exec(page.url())![1]!;

    // The manager assigns it (staff only work cases assigned to them).
    const manager = await s.login(MANAGER);
    const me = await s.gql<{ allUsers: Array<{ id: string }> }>('{ allUsers(filter: { q: "staff@" }) { id } }', {}, manager);
    const assigned = await s.gql('mutation($id: ID!, $a: ID!) { assignCase(id: $id, assigneeId: $a) { id } }', { id, a: me.data!.allUsers[0]!.id }, manager);
    expect(assigned.errors).toBeUndefined();
    await page.reload();

    await page.getByTestId('match-query').fill('佐々木');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('subject-matches').getByText('佐々木 **').waitFor();
    await page.getByRole('button', { name: 'Link' }).click();
    await page.getByTestId('case-subject-name').getByText('佐々木 花子').waitFor();

    await page.getByTestId('move-VERIFYING').click();
    await page.getByTestId('move-IN_PROGRESS').waitFor();
    await page.getByTestId('move-IN_PROGRESS').click();
    const refusal = page.getByTestId('transition-refused');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('Documents are missing');
    await screenshot(page, 'staff-case-blocked-en');
    const before = await s.gql<{ Case: { status: string } }>('query($id: ID!) { Case(id: $id) { status } }', { id }, manager);
    expect(before.data?.Case.status).toBe('VERIFYING');

    // The identity document arrives: the intake is corrected, and the case moves on.
    await page.getByRole('link', { name: 'Correct intake / documents received' }).click();
    await page.waitForFunction(() => (document.querySelector('input[name="requesterName"]') as HTMLInputElement | null)?.value === '佐々木 花子');
    await choose(page, 'Identity document', 'Passport');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('doc-identity').and(page.locator('[data-ok="true"]')).waitFor();
    await page.getByTestId('move-IN_PROGRESS').click();
    await page.getByTestId('carry-out-panel').waitFor();
    const after = await s.gql<{ Case: { status: string } }>('query($id: ID!) { Case(id: $id) { status } }', { id }, manager);
    expect(after.data?.Case.status).toBe('IN_PROGRESS');
  });

  test('reads a subject outside their cases by break-glass, with a reason, and the read waits for review', async () => {
    await open(page, s, '/break-glass-read');
    await page.getByLabel('ID').fill('4');
    await page.getByLabel('Reason given').fill('The applicant called about an urgent correction of her address.');
    await page.getByRole('button', { name: 'Read with this reason' }).click();
    await page.getByTestId('break-glass-data').getByText('中村 さくら').waitFor();
    await screenshot(page, 'staff-break-glass-read-en');
    const queue = await s.gql<{ breakGlassReviewQueue: Array<{ subjectId: string; reason: string }> }>('{ breakGlassReviewQueue { subjectId reason } }', {}, await s.login(MANAGER));
    expect(queue.data?.breakGlassReviewQueue).toEqual([{ subjectId: '4', reason: 'The applicant called about an urgent correction of her address.' }]);
  });
});
