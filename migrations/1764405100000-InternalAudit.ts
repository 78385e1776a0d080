import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { day, id, instant, int, ref, text } from './columns';

/** Internal audit: the yearly plan's audits, their findings and the corrective actions of nonconformities. */
export class InternalAudit1764405100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'internal_audit',
        columns: [
          id(),
          int('fiscal_year'),
          text('title', 200),
          text('scope', 2000),
          text('departments', 1500),
          day('planned_from'),
          day('planned_to'),
          ref('auditor_id', false),
          text('status', 10),
          day('closed_on', true),
          ref('closed_by_id'),
          ref('recorded_by_id'),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_internal_audit_year', columnNames: ['fiscal_year'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'internal_audit_finding',
        columns: [id(), ref('audit_id', false), text('kind', 20), text('area', 20), text('description', 2000), day('found_on'), ref('recorded_by_id'), instant('created_at'), instant('updated_at')],
        indices: [new TableIndex({ name: 'IDX_internal_audit_finding_audit', columnNames: ['audit_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'internal_audit_action',
        columns: [
          id(),
          ref('finding_id', false),
          ref('audit_id', false),
          ref('owner_id', false),
          day('due_on'),
          text('cause', 2000, true),
          text('action_taken', 2000, true),
          day('completed_on', true),
          ref('verified_by_id'),
          day('verified_on', true),
          { name: 'effective', type: 'boolean', isNullable: true },
          text('verification_note', 1000, true),
          ref('recorded_by_id'),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_internal_audit_action_finding', columnNames: ['finding_id'] }),
          new TableIndex({ name: 'IDX_internal_audit_action_due', columnNames: ['completed_on', 'due_on'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('internal_audit_action');
    await q.dropTable('internal_audit_finding');
    await q.dropTable('internal_audit');
  }
}
