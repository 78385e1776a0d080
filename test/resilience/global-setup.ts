import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { isMysqlReachable, TEST_MYSQL_URL } from '../support/databases';

/**
 * The suites run the built server (node server/dist/server/src/main.js), so it
 * is built first (MAMORI_SKIP_BUILD=1 skips that when it is fresh). They need
 * MariaDB/MySQL: without it they fail rather than pass silently.
 */
export default async function globalSetup(): Promise<void> {
  if (!(await isMysqlReachable())) throw new Error(`The resilience suites need MySQL/MariaDB at ${TEST_MYSQL_URL}`);
  if (process.env.MAMORI_SKIP_BUILD === '1') return;
  const started = Date.now();
  execSync('npm run build:server', { cwd: join(__dirname, '../..'), stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`\n[resilience] server built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
