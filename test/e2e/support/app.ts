import type { Page } from 'playwright-core';
import type { TestServer } from '../../support/server';

/** Opens a route of the single-page app (hash router) and waits for react-admin to settle. */
export async function open(page: Page, s: TestServer, route: string): Promise<void> {
  await page.goto(`${s.url}/#${route}`);
  await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => undefined);
}

/** The rows of the first react-admin list on the page, each as its cells' texts. */
export async function rows(page: Page): Promise<string[][]> {
  const body = page.locator('table tbody').first();
  await body.locator('tr').first().waitFor();
  return body.locator('tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim())));
}

/**
 * Waits until the first react-admin list shows exactly `count` records (its
 * data rows, not the loading placeholder's) and returns that count; a list
 * that never gets there fails with the count it shows.
 */
export async function listedCount(page: Page, count: number, timeout = 15_000): Promise<number> {
  const dataRows = 'table tbody.datagrid-body tr';
  await page
    .waitForFunction(([selector, n]) => document.querySelectorAll(selector as string).length === n, [dataRows, count] as const, { timeout })
    .catch(() => undefined);
  return page.locator(dataRows).count();
}

/** Picks an option of a MUI select (react-admin SelectInput) by its label and option text. */
export async function choose(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  const item = page.getByRole('option', { name: option, exact: typeof option === 'string' });
  // A form that is still settling may re-render and close the menu: open it again then.
  for (let attempt = 0; ; attempt++) {
    await page.getByRole('combobox', { name: label }).click();
    try {
      await item.waitFor({ timeout: 3000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
  await item.click();
}

/** The text of the latest notification (snackbar). */
export async function notification(page: Page): Promise<string> {
  const alert = page.locator('.MuiSnackbar-root').last();
  await alert.waitFor();
  return (await alert.innerText()).trim();
}

/** Counts audit entries of an action straight from the database (to check the UI caused no refusals). */
export async function countEntries(s: TestServer, action: string): Promise<number> {
  const [row] = await s.sql<{ n: number }>('SELECT COUNT(*) AS n FROM audit_entry WHERE action = ?', [action]);
  return Number(row?.n ?? 0);
}
