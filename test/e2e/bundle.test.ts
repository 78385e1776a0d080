import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MANAGER, startServer, type TestServer } from '../support/server';
import { launch, seriousProblems, signIn, type E2EBrowser } from './support/browser';

const ASSETS = join(__dirname, '../../admin-ui/dist/assets');

/** The UI is split by route: the sign-in page loads the libraries and the sign-in form, not the screens behind it. */
describe('what the browser downloads', () => {
  let s: TestServer;
  let b: E2EBrowser;

  beforeAll(async () => {
    s = await startServer('sqlite');
    b = await launch();
  });
  afterAll(async () => {
    await b?.close();
    await s?.close();
  });

  test('the sign-in page loads less than 60% of the UI, and the screens only after signing in', async () => {
    const page = await b.newPage();
    const scripts = new Map<string, number>();
    page.on('response', async (response) => {
      const name = new URL(response.url()).pathname.split('/').pop() ?? '';
      if (name.endsWith('.js')) scripts.set(name, (await response.body()).length);
    });
    await page.goto(`${s.url}/#/login`);
    await page.locator('input[name="email"]').waitFor();
    // What it took to show the form; the organisation's name (with the GraphQL client) follows after it.
    const signInBytes = [...scripts.values()].reduce((sum, n) => sum + n, 0);
    await page.waitForLoadState('networkidle');

    const whole = readdirSync(ASSETS).filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + statSync(join(ASSETS, f)).size, 0);
    expect(signInBytes).toBeGreaterThan(0);
    expect(signInBytes).toBeLessThan(whole * 0.6);
    const names = [...scripts.keys()];
    for (const later of ['dataProvider', 'vendor-charts', 'Dashboard', 'CaseList']) {
      expect(names.filter((n) => n.startsWith(`${later}-`))).toEqual([]);
    }

    await signIn(page, s.url, MANAGER, 'PRIVACY_MANAGER');
    await page.getByTestId('chart-status').locator('.recharts-bar-rectangle').first().waitFor();
    expect([...scripts.keys()].some((n) => n.startsWith('vendor-charts-'))).toBe(true);
    expect(seriousProblems(b.problems)).toEqual([]);
    await page.close();
  });
});
