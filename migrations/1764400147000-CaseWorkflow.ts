import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { day, id, instant, int, ref, text } from './columns';

/**
 * The case workflow: who carried a request out and which subject fields it
 * touched, the timeline of transitions, the encrypted document scans, and the
 * third-party provision records (kept at least three years, never deleted).
 */
export class CaseWorkflow1764400147000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('request_case', [
      new TableColumn(instant('carried_out_at', true)),
      new TableColumn(ref('carried_out_by_id')),
      // names of the subject's fields the request changed (no values)
      new TableColumn(text('outcome_fields', 300, true)),
    ]);
    await q.createTable(
      new Table({
        name: 'case_transition',
        columns: [
          id(),
          int('case_id'),
          text('from_status', 20, true),
          text('to_status', 20),
          ref('actor_id'),
          instant('at'),
          text('reasons', 500),
          text('note', 1000, true),
        ],
        indices: [new TableIndex({ name: 'IDX_case_transition_case', columnNames: ['case_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'case_document',
        columns: [
          id(),
          int('case_id'),
          text('kind', 30),
          text('content_type', 40),
          int('size_bytes'),
          text('storage_key', 64),
          ref('uploaded_by_id'),
          instant('uploaded_at'),
          instant('destroyed_at', true),
        ],
        indices: [
          new TableIndex({ name: 'IDX_case_document_case', columnNames: ['case_id'] }),
          new TableIndex({ name: 'UQ_case_document_storage_key', columnNames: ['storage_key'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'third_party_provision',
        columns: [
          id(),
          int('subject_id'),
          text('recipient', 200),
          text('items', 2000),
          day('provided_on'),
          text('legal_basis', 40),
          ref('consent_id'),
          text('note', 1000, true),
          ref('recorded_by_id'),
          instant('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_third_party_provision_subject', columnNames: ['subject_id'] }),
          new TableIndex({ name: 'IDX_third_party_provision_provided_on', columnNames: ['provided_on'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['third_party_provision', 'case_document', 'case_transition']) await q.dropTable(table);
    for (const column of ['outcome_fields', 'carried_out_by_id', 'carried_out_at']) await q.dropColumn('request_case', column);
  }
}
