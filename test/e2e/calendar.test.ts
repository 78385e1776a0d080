import type { Page } from 'playwright-core';
import { addDays, addMonths, fiscalYearOf } from '../../server/src/clock';
import { japanToday } from '../../admin-ui/src/format';
import { MANAGER, STAFF, startServer, type TestServer } from '../support/server';
import { createRecord, customerAccounts, purposeId } from '../support/ledger';
import { open } from './support/app';
import { launch, screenshot, seriousProblems, signIn, signOut, switchLanguage, type E2EBrowser } from './support/browser';

const today = japanToday();
const fiscalYear = fiscalYearOf(today);

/**
 * The yearly calendar in the browser: the fiscal year's twelve months from
 * April, each item with its kind, status and link; overdue and due-today
 * flagged; the year switcher and the filter by kind; each role sees its own.
 * In English and in Japanese.
 */
describe('the yearly calendar of what is due in the browser', () => {
  let s: TestServer;
  let b: E2EBrowser;
  let page: Page;
  let manager: string;
  const keys: Record<string, string> = {};

  const item = (key: string) => page.getByTestId(`calendar-item-${key}`);

  beforeAll(async () => {
    s = await startServer('sqlite');
    b = await launch();
    page = await b.newPage();
    manager = await s.login(MANAGER);
    const gql = async (query: string, variables: Record<string, unknown> = {}) => {
      const res = await s.gql(query, variables, manager);
      if (res.errors) throw new Error(res.body);
      return res.data!;
    };
    // a course due on the last day of the year, a review due today, a report overdue since five days
    const course = (await gql('mutation($y: Int!, $d: Date!) { createTrainingCourse(title: "年間の研修", fiscalYear: $y, dueOn: $d) { id } }', { y: fiscalYear, d: `${fiscalYear + 1}-03-31` })).createTrainingCourse.id;
    keys.course = `TRAINING_DUE:${course}`;
    const purpose = await purposeId(s, manager, 'CUSTOMER_SERVICES');
    const ledger = (await createRecord(s, manager, customerAccounts(purpose, { name: '暦の台帳', lastReviewedOn: addMonths(today, -12) }))).data!.createLedgerRecord.id;
    keys.ledger = `LEDGER_REVIEW:${ledger}`;
    const incident = (
      await gql('mutation($at: DateTime!) { createIncident(kind: LEAK, detectedAt: $at, description: "誤送信", peopleAffected: 3, sensitiveData: true) { id reference } }', {
        at: `${addDays(today, -10)}T12:00:00+09:00`,
      })
    ).createIncident;
    keys.incident = `INCIDENT_PRELIMINARY_REPORT:${incident.id}`;
    keys.incidentReference = incident.reference;
  });
  afterAll(async () => {
    await b?.close();
    await s?.close();
  });
  afterEach(() => {
    expect(seriousProblems(b.problems)).toEqual([]);
  });

  test('English: the manager opens the calendar from the menu; twelve months from April, overdue and due today flagged', async () => {
    await signIn(page, s.url, MANAGER, 'PRIVACY_MANAGER');
    await page.getByRole('menuitem', { name: 'Yearly calendar' }).click();
    await page.getByTestId('compliance-calendar').waitFor();
    const months = await page.locator('[data-testid^="month-"] h2').allInnerTexts();
    expect(months).toHaveLength(12);
    expect(months[0]).toBe(`April ${fiscalYear}`);
    expect(months[11]).toBe(`March ${fiscalYear + 1}`);
    await item(keys.ledger!).waitFor();
    expect(await item(keys.ledger!).getAttribute('data-status')).toBe('DUE_TODAY');
    expect(await item(keys.ledger!).innerText()).toContain('Due today');
    expect(await item(keys.ledger!).innerText()).toContain('Ledger review');
    expect(await item(keys.incident!).getAttribute('data-status')).toBe('OVERDUE');
    expect(await item(keys.incident!).innerText()).toMatch(/Preliminary report[\s\S]*Overdue/);
    // the course sits in March, the last month of the year
    expect(await page.getByTestId(`month-${fiscalYear + 1}-03`).getByTestId(`calendar-item-${keys.course}`).count()).toBe(1);
    expect(await page.getByTestId('calendar-summary').innerText()).toMatch(/\d+ items this fiscal year: [1-9]\d* overdue, [1-9]\d* due today/);
    await screenshot(page, 'calendar-en');

    // the link opens the record's page
    await item(keys.incident!).getByRole('link', { name: keys.incidentReference }).click();
    await page.waitForFunction((id) => location.hash.startsWith(`#/Incident/${id}/show`), keys.incident!.split(':')[1]);
  });

  test('English: a kind is hidden and shown again; another fiscal year has its own months', async () => {
    await open(page, s, '/calendar');
    await item(keys.incident!).waitFor();
    const chip = page.getByTestId('kind-INCIDENT_PRELIMINARY_REPORT');
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    await chip.click();
    await item(keys.incident!).waitFor({ state: 'detached' });
    expect(await chip.getAttribute('aria-pressed')).toBe('false');
    expect(await item(keys.ledger!).count()).toBe(1);
    await chip.click();
    await item(keys.incident!).waitFor();

    await page.getByTestId('calendar-year').getByRole('combobox').click();
    await page.getByRole('option', { name: `FY ${fiscalYear + 1} (`, exact: false }).click();
    await page.getByTestId(`month-${fiscalYear + 1}-04`).waitFor();
    expect(await item(keys.course!).count()).toBe(0);
    expect(await page.locator('[data-testid^="month-"] h2').first().innerText()).toBe(`April ${fiscalYear + 1}`);
  });

  test('Japanese: 年間スケジュール with Japanese months, kinds and statuses', async () => {
    await open(page, s, '/calendar');
    await switchLanguage(page, '日本語');
    await page.getByRole('menuitem', { name: '年間スケジュール' }).waitFor();
    await item(keys.ledger!).waitFor();
    const months = await page.locator('[data-testid^="month-"] h2').allInnerTexts();
    expect(months[0]).toBe(`${fiscalYear}年4月`);
    expect(months[11]).toBe(`${fiscalYear + 1}年3月`);
    expect(await item(keys.ledger!).innerText()).toMatch(/台帳の見直し[\s\S]*本日期限/);
    expect(await item(keys.incident!).innerText()).toMatch(/速報[\s\S]*期限超過/);
    expect(await page.getByTestId('calendar-summary').innerText()).toMatch(/今年度の予定 \d+件（期限超過 [1-9]\d*件、本日期限 [1-9]\d*件）/);
    await screenshot(page, 'calendar-ja');
    await switchLanguage(page, 'English');
  });

  test('staff see their own cases and training only: no ledger, no incident reports', async () => {
    await signOut(page);
    await signIn(page, s.url, STAFF, 'STAFF');
    await open(page, s, '/calendar');
    await item(keys.course!).waitFor();
    expect(await item(keys.ledger!).count()).toBe(0);
    expect(await item(keys.incident!).count()).toBe(0);
    expect(await page.getByTestId('kind-LEDGER_REVIEW').count()).toBe(0);
    await screenshot(page, 'calendar-staff-en');
  });
});
