import type { TableColumnOptions } from 'typeorm';

/**
 * Column builders shared by the migrations. One dialect-neutral set of
 * migrations runs on SQLite and MySQL/MariaDB; instants are stored as ISO-8601
 * UTC strings and days as `YYYY-MM-DD`, so both databases return them byte for
 * byte (the audit chain hashes them).
 */
export const id = (): TableColumnOptions => ({
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
});
export const text = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
export const longText = (name: string, nullable = true): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
export const int = (name: string, nullable = false, defaultValue?: number): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
  ...(defaultValue === undefined ? {} : { default: defaultValue }),
});
export const bool = (name: string, defaultValue: boolean): TableColumnOptions => ({
  name,
  type: 'boolean',
  isNullable: false,
  default: defaultValue ? 1 : 0,
});
/** An instant: ISO-8601 UTC with milliseconds, e.g. `2026-11-29T04:00:00.000Z`. */
export const instant = (name: string, nullable = false): TableColumnOptions => text(name, 24, nullable);
/** A calendar day in Japan time: `YYYY-MM-DD`. */
export const day = (name: string, nullable = false): TableColumnOptions => text(name, 10, nullable);
export const ref = (name: string, nullable = true): TableColumnOptions => int(name, nullable);
