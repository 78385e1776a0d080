import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';

export type DatabaseKind = 'sqlite' | 'mysql';

export const TEST_MYSQL_URL = process.env.TEST_MYSQL_URL || 'mysql://root@127.0.0.1:3306/test';

let mysqlReachable: Promise<boolean> | null = null;

/** Whether the MySQL/MariaDB of TEST_MYSQL_URL answers (asked once per test file). */
export function isMysqlReachable(): Promise<boolean> {
  mysqlReachable ??= mysql
    .createConnection({ uri: TEST_MYSQL_URL, connectTimeout: 2000 })
    .then(async (c) => {
      await c.end();
      return true;
    })
    .catch(() => false);
  return mysqlReachable;
}

/**
 * The databases a suite runs on: SQLite always, MySQL/MariaDB when reachable.
 * Under CI an unreachable MySQL fails the suite instead of skipping it.
 */
export function databaseKinds(): DatabaseKind[] {
  return process.env.MAMORI_TEST_DATABASES === 'sqlite' ? ['sqlite'] : ['sqlite', 'mysql'];
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database with its own name; `drop` removes it. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'mamori-test-'));
    return { url: `sqlite:${join(dir, 'test.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (!(await isMysqlReachable())) {
    throw new Error(`MySQL/MariaDB is not reachable at ${TEST_MYSQL_URL}`);
  }
  const name = `mamori_test_${randomBytes(6).toString('hex')}`;
  const admin = await mysql.createConnection({ uri: TEST_MYSQL_URL });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(TEST_MYSQL_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = await mysql.createConnection({ uri: TEST_MYSQL_URL });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}
