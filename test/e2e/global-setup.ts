import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM } from './support/chromium';

/** Builds the UI the server will serve (admin-ui/dist) and checks the browser is there. */
export default async function globalSetup(): Promise<void> {
  process.env.MAMORI_TEST_DATABASES = 'sqlite';
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  }
  if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync(join(__dirname, '../../admin-ui/dist/index.html'))) {
    // Jest sets NODE_ENV=test, which Vite would honour: the suite tests the production bundle.
    execFileSync('npm', ['run', 'build', '-w', 'admin-ui'], {
      cwd: join(__dirname, '../..'),
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
}
