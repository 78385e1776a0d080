/**
 * Everything that differs between SQLite and MySQL/MariaDB lives behind this
 * interface, so services never branch on the database.
 */
export interface Dialect {
  readonly name: 'sqlite' | 'mysql';
  /** Statements that make a table append-only: UPDATE and DELETE are rejected by the database. */
  appendOnlyTriggers(table: string): string[];
  dropAppendOnlyTriggers(table: string): string[];
  /** An SQL expression: the database's clock in milliseconds since the epoch (leases expire by it). */
  readonly nowMillis: string;
  /** `INSERT` that skips a row whose key exists. */
  readonly insertIgnore: string;
  /** The collation of a column compared byte for byte (search keys); SQLite's default already is. */
  readonly binaryCollation: string | undefined;
  /**
   * An SQL expression: the JSON array of `values` (integer or text columns,
   * NULL as null) as JSON.stringify writes it where the database's escaping
   * agrees (callers check and fall back to JSON.stringify where it does not).
   */
  jsonArray(values: ReadonlyArray<{ sql: string; integer: boolean }>): string;
}

export const APPEND_ONLY_MESSAGE = 'audit tables are append-only';

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  appendOnlyTriggers: (table) => [
    `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${APPEND_ONLY_MESSAGE}'); END`,
    `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${APPEND_ONLY_MESSAGE}'); END`,
  ],
  dropAppendOnlyTriggers: (table) => [`DROP TRIGGER IF EXISTS ${table}_no_update`, `DROP TRIGGER IF EXISTS ${table}_no_delete`],
  nowMillis: "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)",
  insertIgnore: 'INSERT OR IGNORE',
  binaryCollation: undefined,
  jsonArray: (values) => `json_array(${values.map((v) => v.sql).join(', ')})`,
};

export const mysqlDialect: Dialect = {
  name: 'mysql',
  appendOnlyTriggers: (table) => [
    `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${APPEND_ONLY_MESSAGE}'`,
    `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${APPEND_ONLY_MESSAGE}'`,
  ],
  dropAppendOnlyTriggers: (table) => [`DROP TRIGGER IF EXISTS ${table}_no_update`, `DROP TRIGGER IF EXISTS ${table}_no_delete`],
  nowMillis: 'CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS UNSIGNED)',
  insertIgnore: 'INSERT IGNORE',
  // utf8mb4_unicode_ci would take は for ぱ and ア for あ in LIKE, unlike SQLite
  binaryCollation: 'utf8mb4_bin',
  // JSON_ARRAY would separate with ", "; JSON_QUOTE escapes as JSON.stringify does but for upper-case \u001F
  jsonArray: (values) =>
    `CONCAT('[', ${values.map((v) => `COALESCE(${v.integer ? `CAST(${v.sql} AS CHAR)` : `JSON_QUOTE(${v.sql})`}, 'null')`).join(", ',', ")}, ']')`,
};

export function dialectOf(type: string): Dialect {
  return type === 'mysql' || type === 'mariadb' ? mysqlDialect : sqliteDialect;
}
