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
   * agrees, or NULL where the database does not build it; callers check the
   * result and encode with JSON.stringify where it is NULL or differs.
   * `json` marks text that is JSON itself, so it holds quotes as a rule.
   */
  jsonArray(values: ReadonlyArray<{ sql: string; integer: boolean; json?: boolean }>): string;
  /** Text expressions joined into one (null if any is null). */
  concat(parts: string[]): string;
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
  concat: (parts) => `(${parts.join(' || ')})`,
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
  // JSON_ARRAY would separate with ", "; JSON_QUOTE escapes as JSON.stringify does but for upper-case \u001F,
  // and costs MariaDB more than the rest of the row: text without a quote or a backslash is quoted as it is (a
  // control character in it gives a string that cannot match, and the caller encodes that row), any other row is
  // left NULL. A plainly quoted array without them parses back to exactly its columns, so it matches no other row.
  jsonArray: (values) => {
    const plain = values.filter((v) => !v.integer && !v.json).map((v) => v.sql);
    const element = (v: { sql: string; integer: boolean; json?: boolean }) =>
      `COALESCE(${v.integer ? `CAST(${v.sql} AS CHAR)` : v.json ? `JSON_QUOTE(${v.sql})` : `CONCAT('"', ${v.sql}, '"')`}, 'null')`;
    const array = `CONCAT('[', ${values.map(element).join(", ',', ")}, ']')`;
    return plain.length ? `IF(CONCAT_WS('', ${plain.join(', ')}) REGEXP '["\\\\\\\\]', NULL, ${array})` : array;
  },
  concat: (parts) => `CONCAT(${parts.join(', ')})`,
};

export function dialectOf(type: string): Dialect {
  return type === 'mysql' || type === 'mariadb' ? mysqlDialect : sqliteDialect;
}
