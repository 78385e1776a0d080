import type { Role } from '@mamori/shared';
import type { Page } from 'playwright-core';
import { AUDITOR, MANAGER, STAFF, SUPERVISOR, startServer, type TestServer } from '../support/server';
import { open } from './support/app';
import { axeViolations } from './support/axe';
import { launch, signIn, switchLanguage, type E2EBrowser } from './support/browser';
import { recordRoute, screensOf, seedScreenRecords } from './support/pages';

const ROLES: Array<[Role, string]> = [
  ['PRIVACY_MANAGER', MANAGER],
  ['STAFF', STAFF],
  ['SUPERVISOR', SUPERVISOR],
  ['AUDITOR', AUDITOR],
];
const LANGUAGES = [
  ['ja', '日本語'],
  ['en', 'English'],
] as const;

/** Waits until the page shows its content: requests done, no loading indicator left. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
  await page
    .waitForFunction(() => !document.querySelector('.RaLoading-root, .MuiCircularProgress-root, .MuiLinearProgress-root, .MuiSkeleton-root'), undefined, { timeout: 5000 })
    .catch(() => undefined);
  // A notification fading in or out has no colour of its own yet: measure once no transition runs.
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity), undefined, {
      timeout: 3000,
    })
    .catch(() => undefined);
}

/**
 * WCAG 2 A/AA as axe-core checks it, on every page each role can open
 * (support/pages.ts), in Japanese and in English: any violation fails.
 */
describe('accessibility (axe-core, WCAG 2 A/AA)', () => {
  let s: TestServer;
  let b: E2EBrowser;

  beforeAll(async () => {
    s = await startServer('sqlite');
    await seedScreenRecords(s);
    b = await launch({ bypassCSP: true });
  });
  afterAll(async () => {
    await b?.close();
    await s?.close();
  });

  describe.each(LANGUAGES)('in %s', (code, language) => {
    // The language chosen on the sign-in page is remembered for the pages after it.
    test('the sign-in page', async () => {
      const page = await b.newPage();
      await page.goto(`${s.url}/#/login`);
      await page.locator('input[name="email"]').waitFor();
      await switchLanguage(page, language);
      await page.waitForFunction((lang) => document.documentElement.lang === lang, code);
      await settled(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });

    describe.each(ROLES)('%s', (role, email) => {
      let page: Page;
      let token: string;
      beforeAll(async () => {
        page = await b.newPage();
        await signIn(page, s.url, email, role);
        token = await s.login(email);
      });
      afterAll(async () => {
        await page?.close();
      });

      test.each(screensOf(role).map((screen) => [screen.route, screen] as const))('%s', async (_route, screen) => {
        await open(page, s, await recordRoute(screen, (query) => s.gql(query, {}, token)));
        await page.locator('#main-content').waitFor();
        await settled(page);
        // A notification on opening a screen would be an error (a record the role cannot open).
        expect(await page.locator('.MuiSnackbarContent-message').allInnerTexts()).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
      });
    });
  });
});
