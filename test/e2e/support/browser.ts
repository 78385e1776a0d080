import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../support/server';
import { CHROMIUM } from './chromium';

export const ARTIFACTS = join(__dirname, '../../../test-artifacts');

/** A headless Chromium with its own fresh profile; `close` removes the profile. */
export interface E2EBrowser {
  context: BrowserContext;
  /** Console errors and warnings the app printed (CSP violations, missing translations, React errors). */
  problems: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * `bypassCSP` lets a test inject a checker script (axe-core) into the pages;
 * every other suite keeps the server's strict CSP in force and reports its violations.
 */
export async function launch({ bypassCSP = false } = {}): Promise<E2EBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'mamori-chromium-'));
  // A persistent context on a fresh, empty profile directory (removed on close).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    timezoneId: 'Asia/Tokyo',
    acceptDownloads: true,
    bypassCSP,
  });
  const problems: string[] = [];
  return {
    context,
    problems,
    async newPage() {
      const page = await context.newPage();
      page.on('console', (message) => {
        const text = message.text();
        if (message.type() === 'error' || /Content Security Policy|Missing translation/i.test(text)) problems.push(`${message.type()}: ${text}`);
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Problems worth failing a test for: CSP violations, missing translations,
 * errors the app logged or did not catch. HTTP refusals a test provokes on
 * purpose show up as "Failed to load resource" and are not counted.
 */
export const seriousProblems = (problems: string[]) => problems.filter((p) => !/Failed to load resource/.test(p));

/** Signs in through the login page and waits for the role's dashboard. */
export async function signIn(page: Page, baseUrl: string, email: string, role: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId(`dashboard-${role}`).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.evaluate(() => sessionStorage.clear());
}

/** Saves a full-page screenshot under test-artifacts/ (gitignored). */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // Let charts and lists settle, with no tooltip under the pointer.
  await page.mouse.move(0, 899);
  await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => undefined);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

/** Switches the language with react-admin's locale menu in the app bar (or on the login page). */
export async function switchLanguage(page: Page, to: '日本語' | 'English'): Promise<void> {
  await page.getByRole('button', { name: /^(English|日本語)$/ }).first().click();
  await page.getByRole('menuitem', { name: to }).click();
}

/** The labels of the sidebar menu, in order. */
export async function menuLabels(page: Page): Promise<string[]> {
  const items = page.locator('.RaMenu-open a[role="menuitem"], .RaMenu-closed a[role="menuitem"]');
  await items.first().waitFor();
  return (await items.allInnerTexts()).map((t) => t.trim());
}
