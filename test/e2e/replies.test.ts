import type { Page } from 'playwright-core';
import { MANAGER, STAFF, startServer, type TestServer } from '../support/server';
import { open } from './support/app';
import { launch, screenshot, seriousProblems, signIn, signOut, switchLanguage, type E2EBrowser } from './support/browser';

/**
 * Replies that answer exactly what was asked: the intake's item chips, held /
 * not held on the case page, the reply preview, and the organisation profile
 * (its page, the sign-in page, the dashboard's request to fill it), in English
 * and in Japanese.
 */
describe('requested items, the reply preview and the organisation profile in the browser', () => {
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

  const caseIdOf = () => /\/Case\/(\d+)\/show/.exec(page.url())![1]!;

  test('English: intake offers the items as chips, the fee follows them, the case page marks each held or not held', async () => {
    await signIn(page, s.url, STAFF, 'STAFF');
    await open(page, s, '/Case/create');
    await page.getByLabel('Requester name').fill('山田 太郎');
    await page.getByLabel('Reply address').fill('〒100-0001 東京都千代田区千代田1-1');
    for (const item of ['NAME', 'PLACE_OF_WORK', 'EMAIL']) await page.getByTestId(`item-choice-${item}`).click();
    await page.getByTestId('item-choice-EMAIL').click(); // and off again
    await page.getByTestId('item-others').locator('textarea').first().fill('Purchase history');
    expect(await page.getByTestId('item-choice-NAME').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('item-choice-EMAIL').getAttribute('aria-pressed')).toBe('false');
    await screenshot(page, 'intake-items-en');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('requested-items').waitFor();
    expect(await page.getByTestId('fee-owed').innerText()).toBe('¥3,000');
    expect(await page.getByTestId('requested-items').innerText()).toMatch(/Name[\s\S]*Place of work[\s\S]*Other \(Purchase history\)/);

    // linked to the subject (by the manager here), the chips say what is held
    const id = caseIdOf();
    const manager = await s.login(MANAGER);
    const linked = await s.gql('mutation($id: ID!) { linkCaseSubject(id: $id, subjectId: "1") { id } }', { id }, manager);
    expect(linked.errors).toBeUndefined();
    await page.reload();
    await page.getByTestId('requested-item-NAME').and(page.locator('[data-held="true"]')).waitFor();
    expect(await page.getByTestId('requested-item-NAME').innerText()).toBe('Name · held');
    expect(await page.getByTestId('requested-item-PLACE_OF_WORK').innerText()).toBe('Place of work · not held');
    expect(await page.getByTestId('requested-item-OTHER').getAttribute('data-held')).toBe('unknown');
    await screenshot(page, 'case-items-held-en');
  });

  test('English: the reply panel previews exactly what the letter discloses, and the letter carries the sender', async () => {
    // REQ-2026-0003 (closed): a disclosure of name and address
    const [row] = await s.sql<{ id: number }>("SELECT id FROM request_case WHERE reference = 'REQ-2026-0003'");
    await open(page, s, `/Case/${row!.id}/show`);
    await page.getByTestId('reply-preview').waitFor();
    expect(await page.getByTestId('preview-NAME').innerText()).toContain('Disclosed: Full name');
    expect(await page.getByTestId('preview-ADDRESS').innerText()).toContain('Disclosed: Postal code, Address');
    expect(await page.getByTestId('reply-preview').innerText()).not.toContain('Telephone');
    expect(await page.getByTestId('reply-sender').innerText()).toContain('Mamori Shoji Co., Ltd.');
    await screenshot(page, 'reply-preview-en');
    await page.getByTestId('letter-ja').click();
    const letter = page.frameLocator('[data-testid="letter-frame"]');
    await letter.getByText('株式会社まもり商事').first().waitFor();
    expect(await letter.locator('body').innerText()).not.toContain('092-456-7890');
    await page.getByRole('button', { name: 'Close' }).click();
  });

  test('English: the manager keeps the organisation profile; while incomplete the dashboard asks for it; the sign-in page shows it', async () => {
    await signOut(page);
    await signIn(page, s.url, MANAGER, 'PRIVACY_MANAGER');
    await open(page, s, '/organisation');
    const email = page.locator('input[name="contactEmail"]');
    await email.waitFor();
    expect(await email.inputValue()).toBe('privacy@mamori.example');
    await email.fill('');
    await page.getByTestId('organisation-save').click();
    await page.getByTestId('organisation-missing').getByText('Contact e-mail').waitFor();
    await screenshot(page, 'organisation-profile-en');
    await open(page, s, '/');
    await page.getByTestId('organisation-profile-missing').waitFor();
    await page.getByTestId('organisation-profile-missing').getByRole('link', { name: 'Fill in' }).click();
    await email.waitFor();
    await email.fill('privacy@mamori.example');
    await page.getByTestId('organisation-save').click();
    await page.getByText('The organisation profile was saved').waitFor();
    expect(await page.getByTestId('organisation-missing').count()).toBe(0);
    const res = await s.gql('{ organisationProfile { contactEmail missingFields } }');
    expect(res.data?.organisationProfile).toEqual({ contactEmail: 'privacy@mamori.example', missingFields: [] });

    await signOut(page);
    await page.goto(`${s.url}/#/login`);
    expect(await page.getByTestId('sign-in-organisation').innerText()).toContain('Mamori Shoji Co., Ltd.');
  });

  test('Japanese: chips, held / not held, the preview, the profile page and the sign-in page', async () => {
    await switchLanguage(page, '日本語');
    await page.getByTestId('sign-in-organisation').getByText('株式会社まもり商事').waitFor();
    await screenshot(page, 'login-organisation-ja');
    await signIn(page, s.url, STAFF, 'STAFF');
    await open(page, s, '/Case/create');
    await page.getByTestId('item-choice-TELEPHONE').getByText('電話番号').waitFor();
    await page.getByTestId('item-choice-ADDRESS').click();
    await screenshot(page, 'intake-items-ja');

    await open(page, s, '/Case/1/show');
    await page.getByTestId('requested-item-TELEPHONE').waitFor();
    expect(await page.getByTestId('requested-item-TELEPHONE').innerText()).toBe('電話番号 · 保有あり');
    const [row] = await s.sql<{ id: number }>("SELECT id FROM request_case WHERE reference = 'REQ-2026-0003'");
    await open(page, s, `/Case/${row!.id}/show`);
    await page.getByTestId('preview-NAME').getByText('開示: 氏名').waitFor();
    expect(await page.getByTestId('reply-sender').innerText()).toContain('個人情報保護管理室 個人情報管理責任者');
    await screenshot(page, 'reply-preview-ja');

    await signOut(page);
    await signIn(page, s.url, MANAGER, 'PRIVACY_MANAGER');
    await open(page, s, '/organisation');
    await page.getByLabel('会社名（日本語）').waitFor();
    expect(await page.locator('input[name="nameJa"]').inputValue()).toBe('株式会社まもり商事');
    await screenshot(page, 'organisation-profile-ja');
  });
});
