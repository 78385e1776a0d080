import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dialectOf } from '../server/src/db/dialect';
import { id, instant, int, longText, ref, text } from './columns';

export const AUDIT_TABLES = ['audit_entry', 'audit_link'] as const;

/** The audit log: entries, the chain that links them, and per-subject digest keys. */
export class AuditLog1764400001000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    const dialect = dialectOf(q.connection.options.type);
    // Binary collation on MySQL: values come back byte for byte, as the chain hashes them.
    const engine = dialect.name === 'mysql' ? { engine: 'InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin' } : {};
    await q.createTable(
      new Table({
        name: 'audit_entry',
        ...engine,
        columns: [
          id(),
          instant('occurred_at'),
          ref('actor_id'),
          text('actor_role', 20, true),
          text('action', 20),
          text('entity_type', 40, true),
          text('entity_id', 64, true),
          ref('subject_id'),
          { ...text('fields', 1000), default: "''" },
          ref('case_id'),
          text('reason', 1000, true),
          text('request_id', 64, true),
          text('client_ip', 64, true),
          text('outcome', 10),
          longText('changes'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_audit_entry_subject', columnNames: ['subject_id', 'id'] }),
          new TableIndex({ name: 'IDX_audit_entry_actor', columnNames: ['actor_id', 'id'] }),
          new TableIndex({ name: 'IDX_audit_entry_action', columnNames: ['action', 'id'] }),
          new TableIndex({ name: 'IDX_audit_entry_occurred', columnNames: ['occurred_at'] }),
          new TableIndex({ name: 'IDX_audit_entry_case', columnNames: ['case_id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_link',
        ...engine,
        columns: [
          { ...int('seq'), isPrimary: true },
          int('entry_id'),
          text('prev_hash', 64),
          text('hash', 64),
          instant('linked_at'),
        ],
        indices: [new TableIndex({ name: 'UQ_audit_link_entry', columnNames: ['entry_id'], isUnique: true })],
      }),
    );
    for (const table of AUDIT_TABLES) for (const sql of dialect.appendOnlyTriggers(table)) await q.query(sql);

    await q.createTable(
      new Table({
        name: 'subject_key',
        columns: [{ ...int('subject_id'), isPrimary: true }, text('wrapped_key', 200, true), instant('destroyed_at', true)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'break_glass_review',
        columns: [id(), int('entry_id'), int('reviewed_by_id'), instant('reviewed_at'), text('note', 1000, true)],
        indices: [new TableIndex({ name: 'UQ_break_glass_review_entry', columnNames: ['entry_id'], isUnique: true })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const dialect = dialectOf(q.connection.options.type);
    for (const table of AUDIT_TABLES) for (const sql of dialect.dropAppendOnlyTriggers(table)) await q.query(sql);
    for (const table of ['break_glass_review', 'subject_key', 'audit_link', 'audit_entry']) await q.dropTable(table);
  }
}
