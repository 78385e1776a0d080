import { isMysqlReachable, TEST_MYSQL_URL } from './support/databases';

/**
 * MySQL/MariaDB suites run when TEST_MYSQL_URL answers. Without it they are
 * skipped with a message, except under CI, where an unreachable MySQL fails.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.MAMORI_TEST_DATABASES) return;
  if (await isMysqlReachable()) return;
  if (process.env.CI) throw new Error(`CI is set but MySQL/MariaDB is not reachable at ${TEST_MYSQL_URL}`);
  console.warn(`\n[mamori] MySQL/MariaDB is not reachable at ${TEST_MYSQL_URL}: MySQL suites are skipped (set TEST_MYSQL_URL).\n`);
  process.env.MAMORI_TEST_DATABASES = 'sqlite';
}
