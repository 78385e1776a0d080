import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { MANAGER, STAFF, STAFF2, startServer, type TestServer } from '../support/server';
import { choose, open, rows } from './support/app';
import { launch, screenshot, seriousProblems, signIn, type E2EBrowser } from './support/browser';

describe('the privacy manager in the browser', () => {
  let s: TestServer;
  let b: E2EBrowser;
  let page: Page;
  let token: string;

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

  test('signs in and lands on the dashboard with the counts of the demo data', async () => {
    await signIn(page, s.url, MANAGER, 'PRIVACY_MANAGER');
    await page.getByTestId('count-unassigned').filter({ hasText: /^\d+$/ }).waitFor();
    expect(await page.getByTestId('count-unassigned').innerText()).toBe('1');
    expect(await page.getByTestId('count-overdue').innerText()).toBe('1');
    await page.getByTestId('chart-status').locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByTestId('deadlines').getByText('REQ-2026-0002').waitFor();
    // the audit log card: witnessed, not a hash to copy
    await page.getByTestId('log-state').getByTestId('witnessed').waitFor();
    await screenshot(page, 'manager-dashboard-en');
  });

  test('assigns the unassigned case from the assignment queue', async () => {
    await open(page, s, '/assignment-queue');
    expect((await rows(page)).map((r) => r[0])).toEqual(['REQ-2026-0002']);
    await screenshot(page, 'manager-assignment-queue-en');
    await choose(page, 'Assign to', '窓口担当 高橋');
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('Every open case has an assignee').waitFor();
    const res = await s.gql<{ Case: { assigneeId: string } }>('query($id: ID!) { Case(id: $id) { assigneeId } }', { id: '2' }, token);
    const staff2 = await s.gql<{ allUsers: Array<{ id: string }> }>('{ allUsers(filter: { q: "staff2" }) { id } }', {}, token);
    expect(res.data?.Case.assigneeId).toBe(staff2.data?.allUsers[0]?.id);
  });

  test('verifies the audit chain and sees the head the server reports', async () => {
    await open(page, s, '/AuditEntry');
    await page.getByTestId('verify-chain').click();
    await page.getByTestId('chain-ok').waitFor();
    const checked = Number(await page.getByTestId('verify-checked').innerText());
    const headHash = await page.getByTestId('verify-headHash').innerText();
    expect(checked).toBeGreaterThan(10);
    expect(headHash).toMatch(/^[0-9a-f]{64}$/);
    const head = await s.gql<{ auditHead: { seq: number; hash: string } }>('{ auditHead { seq hash } }', {}, token);
    expect(Number(await page.getByTestId('verify-headSeq').innerText())).toBeLessThanOrEqual(head.data!.auditHead.seq);
    await screenshot(page, 'manager-audit-verify-en', { fullPage: false });
    const headSeq = await page.getByTestId('verify-headSeq').innerText();
    await page.getByRole('button', { name: 'Close' }).click();

    // The head kept elsewhere is still held by today's chain; a made-up one is not.
    await page.getByRole('button', { name: 'Check a saved head' }).click();
    await page.getByLabel('Head sequence').fill(headSeq);
    await page.getByLabel('Head hash').fill(headHash);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByTestId('head-held').waitFor();
    await page.getByLabel('Head hash').fill('0'.repeat(64));
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByTestId('head-not-held').waitFor();
    // A saved signed checkpoint: held as it is, not once its root is changed.
    const cp = await s.gql<{ auditCheckpoint: { note: string; rootHash: string } }>('{ auditCheckpoint { note rootHash } }', {}, token);
    const note = cp.data!.auditCheckpoint.note;
    await page.getByLabel('Saved signed checkpoint').fill(note);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByTestId('head-held').waitFor();
    await page.getByLabel('Saved signed checkpoint').fill(note.replace(cp.data!.auditCheckpoint.rootHash, Buffer.alloc(32, 9).toString('base64')));
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByTestId('head-not-held').waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    // The trail page shows the newest checkpoint and that the witness holds it.
    await page.getByTestId('log-state').getByTestId('witnessed').waitFor();
    expect(Number(await page.getByTestId('checkpoint-size').innerText())).toBeGreaterThan(10);
    await screenshot(page, 'manager-audit-log-state-en', { fullPage: false });
  });

  test('filters the trail by action and exports exactly the filtered entries as CSV and JSON Lines', async () => {
    await open(page, s, '/AuditEntry');
    await choose(page, 'Action', 'Sign-in');
    await page.waitForFunction(() => {
      const cells = Array.from(document.querySelectorAll('table tbody tr td:nth-child(4)'));
      return cells.length > 0 && cells.every((c) => c.textContent?.trim() === 'Sign-in');
    });
    const shown = await rows(page);
    const [{ n }] = await s.sql<{ n: number }>("SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'LOGIN'");
    expect(shown).toHaveLength(Number(n));
    await screenshot(page, 'manager-audit-trail-en');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const csvLines = readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
    expect(csvLines[0]).toMatch(/action/);
    expect(csvLines).toHaveLength(Number(n) + 1);
    expect(csvLines.slice(1).every((l) => l.includes('LOGIN'))).toBe(true);

    const [jsonl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-jsonl').click()]);
    const entries = readFileSync(await jsonl.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(entries).toHaveLength(Number(n));
    expect(entries.every((e: { action: string }) => e.action === 'LOGIN')).toBe(true);
    // The export is itself audited.
    const [{ exports }] = await s.sql<{ exports: number }>("SELECT COUNT(*) AS exports FROM audit_entry WHERE action = 'EXPORT'");
    expect(Number(exports)).toBe(2);
  });

  test('lists ask only for what they show: the subject list reads names only, the case list and the trail no personal data', async () => {
    const before = await s.sql<{ id: number }>('SELECT MAX(id) AS id FROM audit_entry');
    await open(page, s, '/Case');
    await page.getByText('REQ-2026-0001').waitFor();
    await open(page, s, '/AuditEntry');
    await page.locator('table tbody tr').first().waitFor();
    await open(page, s, '/DataSubject');
    await page.getByText('山田 太郎').waitFor();
    await s.linked();
    const reads = await s.gql<{ allAuditEntries: Array<{ id: string; entityType: string; fields: string[] }> }>(
      '{ allAuditEntries(perPage: 100, filter: { action: READ }) { id entityType fields } }',
      {},
      token,
    );
    const fresh = reads.data!.allAuditEntries.filter((e) => Number(e.id) > Number(before[0]!.id));
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((e) => e.entityType === 'DataSubject' && e.fields.join() === 'fullName')).toBe(true);
    await screenshot(page, 'manager-subjects-en');
  });

  test("a subject's page shows its access history: who read what, under which case", async () => {
    await open(page, s, '/DataSubject/1/show');
    await page.getByTestId('subject-detail').getByText('山田 太郎').first().waitFor();
    const history = page.getByTestId('access-history');
    await history.locator('tbody tr').first().waitFor();
    const text = await history.innerText();
    expect(text).toContain('Create');
    expect(text).toContain('Read');
    await screenshot(page, 'manager-subject-en');
  });

  test('records and withdraws a consent, and erases a subject whose chain still verifies', async () => {
    await open(page, s, '/DataSubject/6/show');
    await page.getByRole('link', { name: 'Record a consent' }).click();
    await page.getByRole('combobox', { name: /Purpose of use/ }).click();
    await page.getByRole('option').first().click();
    await page.getByRole('button', { name: 'Save' }).click();
    const consents = page.getByTestId('consents');
    await consents.locator('tbody tr').first().waitFor();
    await consents.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await page.getByText('The consent was withdrawn').waitFor();
    await consents.getByRole('button', { name: 'Withdraw', exact: true }).waitFor({ state: 'detached' });
    await screenshot(page, 'manager-subject-consent-en');

    await page.getByRole('button', { name: 'Erase', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Erase' }).click();
    await page.getByText('The data subject was erased').waitFor();
    const [row] = await s.sql<{ erased_at: string | null }>('SELECT erased_at FROM data_subject WHERE id = 6');
    expect(row?.erased_at).toBeTruthy();
    await s.linked();
    const chain = await s.gql<{ verifyAuditChain: { ok: boolean } }>('{ verifyAuditChain { ok } }', {}, token);
    expect(chain.data?.verifyAuditChain.ok).toBe(true);
  });

  test('runs the retention from the case list and sees what it did', async () => {
    await open(page, s, '/Case');
    await page.getByRole('button', { name: 'Run retention now' }).click();
    await page.getByRole('dialog').getByText('Stored documents destroyed').waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
  });

  test('reviews a break-glass read by staff from the review queue', async () => {
    const staffToken = await s.login(STAFF);
    const read = await s.gql('mutation { breakGlassRead(subjectId: "4", reason: "The applicant called about an urgent correction of her address.") { id } }', {}, staffToken);
    expect(read.errors).toBeUndefined();
    await open(page, s, '/break-glass');
    await page.getByTestId('break-glass-queue').getByText('urgent correction').waitFor();
    await screenshot(page, 'manager-break-glass-en');
    await page.getByRole('button', { name: 'Mark reviewed' }).click();
    await page.getByText('No break-glass reads are waiting for review').waitFor();
  });

  test('unlocks an account locked after failed sign-ins, from users and roles', async () => {
    for (let i = 0; i < 5; i++) await s.gql('mutation { login(email: "staff2@mamori.example", password: "wrong-password-123") { token } }');
    await open(page, s, '/User');
    await page.getByRole('row', { name: /窓口担当 高橋/ }).getByText('Locked').waitFor();
    await screenshot(page, 'manager-users-en');
    await page.getByRole('row', { name: /窓口担当 高橋/ }).click();
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('The account was unlocked').waitFor();
    await expect(s.login(STAFF2)).resolves.toEqual(expect.any(String));
  });
});
