import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dialectOf } from '../server/src/db/dialect';
import { AUDIT_TABLES } from './1764400001000-AuditLog';
import { instant, int, longText, text } from './columns';

const TREE_TABLES = ['audit_tree_node', 'audit_checkpoint'] as const;
/** Every append-only table: the runtime account may only SELECT and INSERT them. */
export const APPEND_ONLY_TABLES = [...AUDIT_TABLES, ...TREE_TABLES] as const;

/**
 * The Merkle tree over the linked entries (RFC 9162): the hash of every complete
 * subtree, keyed by level and index, so a tree head or a proof reads O(log n)
 * rows; and the signed checkpoints. Both append-only.
 */
export class AuditTree1764402000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    const dialect = dialectOf(q.connection.options.type);
    const engine = dialect.name === 'mysql' ? { engine: 'InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin' } : {};
    await q.createTable(
      new Table({
        name: 'audit_tree_node',
        ...engine,
        columns: [
          { ...int('level'), isPrimary: true },
          { ...int('idx'), isPrimary: true },
          text('hash', 64),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_checkpoint',
        ...engine,
        columns: [{ ...int('tree_size'), isPrimary: true }, text('root_hash', 64), longText('note', false), instant('signed_at')],
      }),
    );
    for (const table of TREE_TABLES) for (const sql of dialect.appendOnlyTriggers(table)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    const dialect = dialectOf(q.connection.options.type);
    for (const table of TREE_TABLES) for (const sql of dialect.dropAppendOnlyTriggers(table)) await q.query(sql);
    for (const table of TREE_TABLES) await q.dropTable(table);
  }
}
