import type { QueryRunner } from 'typeorm';

/**
 * Everything that differs between SQLite and MySQL/MariaDB lives behind this
 * interface, so services never branch on the database.
 */
export interface Dialect {
  readonly name: 'sqlite' | 'mysql';
  /** Statements that make a table append-only: UPDATE and DELETE are rejected by the database. */
  appendOnlyTriggers(table: string): string[];
  dropAppendOnlyTriggers(table: string): string[];
  /** Runs `fn` holding a database-wide named lock, so that one process at a time does it. */
  withNamedLock<T>(runner: QueryRunner, name: string, fn: () => Promise<T>): Promise<T>;
}

export const APPEND_ONLY_MESSAGE = 'audit tables are append-only';

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  appendOnlyTriggers: (table) => [
    `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${APPEND_ONLY_MESSAGE}'); END`,
    `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${APPEND_ONLY_MESSAGE}'); END`,
  ],
  dropAppendOnlyTriggers: (table) => [`DROP TRIGGER IF EXISTS ${table}_no_update`, `DROP TRIGGER IF EXISTS ${table}_no_delete`],
  // SQLite has one writer at a time; the caller's BEGIN IMMEDIATE transaction is the lock.
  withNamedLock: (_runner, _name, fn) => fn(),
};

export const mysqlDialect: Dialect = {
  name: 'mysql',
  appendOnlyTriggers: (table) => [
    `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${APPEND_ONLY_MESSAGE}'`,
    `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${APPEND_ONLY_MESSAGE}'`,
  ],
  dropAppendOnlyTriggers: (table) => [`DROP TRIGGER IF EXISTS ${table}_no_update`, `DROP TRIGGER IF EXISTS ${table}_no_delete`],
  async withNamedLock(runner, name, fn) {
    const [row] = await runner.query('SELECT GET_LOCK(?, 10) AS acquired', [name]);
    if (Number(row?.acquired) !== 1) throw new Error(`could not acquire lock ${name}`);
    try {
      return await fn();
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [name]);
    }
  },
};

export function dialectOf(type: string): Dialect {
  return type === 'mysql' || type === 'mariadb' ? mysqlDialect : sqliteDialect;
}
